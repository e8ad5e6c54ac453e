"""Code blocks a keyboard can scroll.

A code block wider than the page scrolls sideways (on a phone, most do). A reader
without a pointer scrolls it only once it can take the keyboard's focus, so each
highlighted block's ``<pre>`` gets ``tabindex="0"`` (what axe-core's
``scrollable-region-focusable`` rule asks for, and what Hugo's highlighter writes).
The markup changed is the HTML writer's own (Pygments' ``<div class="highlight"><pre>``):
a page's text is escaped before it gets there, so no translation can produce it.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

HIGHLIGHTED = '<div class="highlight"><pre>'
FOCUSABLE = '<div class="highlight"><pre tabindex="0">'


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body")
    if isinstance(body, str) and HIGHLIGHTED in body:
        context["body"] = body.replace(HIGHLIGHTED, FOCUSABLE)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_page_context)
