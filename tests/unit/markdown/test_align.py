"""Aligning a translated page with its English page (``markdown/align.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.markdown import align
from docs_i18n.markdown.splitting import Block, SplitPage


def page(path: str, *blocks: Block, front: tuple[Block, ...] = ()) -> SplitPage:
    return SplitPage(path=Path(path), page="index.md", front=list(front), body=list(blocks))


def heading(text: str, line: int) -> Block:
    return Block("heading (level 2)", text, line, shape=("section", "title"))


def paragraph(text: str, line: int) -> Block:
    return Block("paragraph", text, line, shape=("paragraph",))


def code(text: str, line: int) -> Block:
    return Block("code block (bash)", text, line, shape=("literal_block",), verbatim=True, language="bash")


def test_messages_pair_in_order_and_code_blocks_are_compared_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("en.md").write_text("## Costs\n\n```bash\nls\n```\n\nEach request costs.\n", encoding="utf-8")
    Path("ko.md").write_text("## 비용\n\n```bash\nls -la\n```\n\n요청마다 비용이 듭니다.\n", encoding="utf-8")
    english = page("en.md", heading("Costs", 1), code("ls\n", 3), paragraph("Each request costs.", 7))
    korean = page("ko.md", heading("비용", 1), code("ls -la\n", 3), paragraph("요청마다 비용이 듭니다.", 7))
    found = align.align(english, korean)
    assert [(a.text, b.text) for a, b in found.pairs] == [
        ("Costs", "비용"),
        ("Each request costs.", "요청마다 비용이 듭니다."),
    ]
    assert [(w.path, w.line) for w in found.warnings] == [("ko.md", 4)]  # the line that differs


def test_the_first_difference_of_structure_names_both_places() -> None:
    english = page("en.md", heading("Costs", 1), paragraph("Each request costs.", 3))
    korean = page("ko.md", paragraph("비용", 1), paragraph("요청마다 비용이 듭니다.", 3))
    with pytest.raises(InputError) as raised:
        align.align(english, korean)
    assert raised.value.shown() == (
        'ko.md:1: structure differs from the English page: en.md:1 has a heading (level 2) "Costs", '
        'this page has a paragraph "비용"'
    )


def test_front_matter_fields_pair_by_key() -> None:
    summary = Block("front-matter summary", "Costs of the proxy", 2, field="summary")
    english = page("en.md", paragraph("A", 5), front=(summary,))
    assert align.align(english, page("ko.md", paragraph("가", 5))).pairs == [(english.body[0], paragraph("가", 5))]
