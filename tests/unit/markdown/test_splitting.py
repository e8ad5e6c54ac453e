"""A page as blocks (``markdown/splitting.py``): what a splitter gives."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.markdown.splitting import Block, SplitPage


def test_the_messages_are_the_front_matter_then_the_body_without_code() -> None:
    summary = Block("summary", "What it costs", 2, field="summary")
    heading = Block("heading (level 1)", "Costs", 5, ("section", "title"))
    code = Block("code block (bash)", "make html\n", 7, ("literal_block",), verbatim=True, language="bash")
    text = Block("paragraph", "Run it.", 11, ("paragraph",))
    page = SplitPage(Path("docs/ko/index.md"), "index.md", front=[summary], body=[heading, code, text])
    assert page.messages() == [summary, heading, text]
    assert SplitPage(Path("empty.md"), "empty.md").messages() == []
