"""Pages whose headings start at H2 take their title from the front-matter.

OpenClaw's pages (Mintlify) carry their title in the front-matter (``title:``) and
start their headings at ``##``. MyST reads such a page as a document without a
title (Sphinx would name the page after its first H2) and warns "Document
headings start at H2, not H1", which ``-W`` turns into an error.

The parser (:mod:`.parsing`) applies it: for a page whose front-matter has a ``title`` and whose first heading is not an
H1 (or that has no heading), MyST's own ``title_to_header`` is switched on for
that page alone: the title becomes its H1, so the H2s sit under it, the page and
its navigation entry are named by the title, and the title is a translatable
message like any heading. Every other page is parsed exactly as before (a page
with an H1 keeps it; MyST's option is not set globally, so such a page does not
get a second H1). A page that starts at H2 *without* a title still gets MyST's
warning: give it a ``title`` or an H1.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from myst_parser.config.main import read_topmatter
from myst_parser.mdit_to_docutils.base import DocutilsRenderer
from myst_parser.parsers.mdit import create_md_parser

TITLE_MARK = "docs_i18n_front_matter"  # set on the title node made from the front-matter
_MAYBE_H1_RE = re.compile(r"^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)", re.MULTILINE)  # an ATX or setext H1, maybe


def front_matter_title(text: str) -> str | None:
    """The page's front-matter ``title``, when it is a non-empty string."""
    try:
        data = read_topmatter(text)
    except Exception:  # MyST reports a bad front-matter itself, while parsing
        return None
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else None


def starts_without_h1(text: str, config: Any) -> bool:
    """True when the page's first heading is not an H1, or it has none (MyST's own parser decides)."""
    if not _MAYBE_H1_RE.search(text):
        return True
    tokens = create_md_parser(config, DocutilsRenderer).parse(text)
    first = next((token for token in tokens if token.type == "heading_open"), None)
    return first is None or first.tag != "h1"


def mark_title(document: nodes.document) -> None:
    """Mark the page's first title as the one made from its front-matter ``title``."""
    section = next(iter(document.findall(nodes.section)), None)
    if section is not None and isinstance(section[0], nodes.title):
        section[0][TITLE_MARK] = "title"
