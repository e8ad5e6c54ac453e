"""Code blocks a keyboard can scroll (``sphinx_ext/code_blocks.py``)."""

from __future__ import annotations

from typing import Any

from docs_i18n.sphinx_ext import code_blocks


def test_each_highlighted_block_takes_the_keyboards_focus() -> None:
    body = '<p>x</p><div class="highlight"><pre>a</pre></div><div class="highlight"><pre>b</pre></div>'
    context: dict[str, Any] = {"body": body}
    code_blocks.on_page_context(None, "index", "page.html", context, None)  # type: ignore[arg-type]
    assert context["body"].count('<pre tabindex="0">') == 2
    assert "<pre>" not in context["body"]


def test_a_page_without_code_or_without_a_body_is_left_as_it_is() -> None:
    plain: dict[str, Any] = {"body": "<p>&lt;pre&gt;</p>"}
    code_blocks.on_page_context(None, "index", "page.html", plain, None)  # type: ignore[arg-type]
    assert plain == {"body": "<p>&lt;pre&gt;</p>"}
    none: dict[str, Any] = {"title": "Search"}
    code_blocks.on_page_context(None, "search", "search.html", none, None)  # type: ignore[arg-type]
    assert none == {"title": "Search"}
