"""Translation status: states of every page, output formats, git history and stamping."""
