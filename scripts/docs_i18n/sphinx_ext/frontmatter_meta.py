"""Front-matter texts as translatable ``<meta>`` nodes.

MyST keeps front-matter out of the doctree's translatable text, so Sphinx never
extracts it. This transform runs before Sphinx's ``Locale`` transform (priority
20) and adds a ``<meta name="description">`` for ``summary`` and a
``<meta name="read_when">`` per ``read_when`` item. Sphinx extracts ``meta``
contents into the catalogs and replaces them with their translations.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from docs_i18n.core import frontmatter
from docs_i18n.core.errors import InputError

logger = logging.getLogger(__name__)

META_NAMES = {"summary": "description", "read_when": "read_when"}


class FrontMatterMessages(SphinxTransform):
    """Add the page's front-matter texts as ``meta`` nodes."""

    default_priority = 15

    def apply(self, **kwargs: object) -> None:
        source = self.document.get("source")
        if not source or not str(source).endswith((".md", ".mdx")) or not Path(source).is_file():
            return
        try:
            matter = frontmatter.read(source)
        except InputError as exc:
            logger.warning(exc.message, location=(exc.path, exc.line), type="i18n", subtype="frontmatter")
            return
        for field in frontmatter.translatable_fields(matter):
            meta = nodes.meta(name=META_NAMES[field.key], content=field.text)
            meta.source, meta.line = source, field.line
            self.document.append(meta)


def drop_translated_flag(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Sphinx marks translated ``meta`` nodes ``translated``; that is no HTML attribute."""
    for meta in doctree.findall(nodes.meta):
        meta.attributes.pop("translated", None)


def setup(app: Sphinx) -> None:
    app.add_transform(FrontMatterMessages)
    app.connect("doctree-resolved", drop_translated_flag)
