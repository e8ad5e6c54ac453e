"""Full-text search analysers for languages Sphinx does not handle well.

Korean (:mod:`.korean`), Japanese and Chinese (:mod:`.cjk`); the table by language is
``docs_i18n.sphinx_ext.search_languages``.
"""
