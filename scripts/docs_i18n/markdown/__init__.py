"""Translated Markdown pages: splitting, alignment, import into catalogs, export from them."""
