"""Translated messages that are plain text: the paragraph MyST would build, without parsing.

:func:`paragraph` builds, for a text that :func:`docs_i18n.checks.plain_text.is_plain` (the
rule, and why it is fail-closed), the node tree MyST's renderer builds for it (a paragraph
holding one text node, with the same source, line and raw source), and refuses everything
else, which the guarded parser (:mod:`.parsing`) parses as before; only for a parser that
rule :func:`~docs_i18n.checks.plain_text.verified`. The guard compares the result with the
English node as it compares any translation.
"""

from __future__ import annotations

from docutils import nodes

from docs_i18n.checks.plain_text import is_plain, verified

__all__ = ["is_plain", "paragraph", "verified"]


def paragraph(text: str, document: nodes.document) -> bool:
    """Give *document* the paragraph MyST's renderer builds for *text* and return True when *text*
    :func:`is_plain`; else change nothing and return False. Only for a parser :func:`verified`."""
    if not is_plain(text):
        return False
    para = nodes.paragraph(text)
    para.line = document.current_line = 1  # as MyST numbers the first line, and keeps in step
    para.source = document["source"]
    document += para
    para += nodes.Text(text)
    return True
