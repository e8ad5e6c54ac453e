"""Full-text search analysers for languages Sphinx does not handle well (Korean)."""
