"""Translation checks: a message against its English text, whole catalogs, glossaries."""
