"""Exporting catalogs as Markdown pages (``markdown/exporter.py``), in-process."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.markdown import exporter
from docs_i18n.markdown.splitting import Block, SplitPage

ENGLISH = "Costs.\n\n```bash\nls\n```\n"
PAGE = "비용이에요.\n\n```bash\nls -la\n```\n"


def split(path: Path, paragraph: str, code: str) -> SplitPage:
    return SplitPage(
        path=path,
        page="index.md",
        body=[
            Block("paragraph", paragraph, 1, shape=("paragraph",), raw=paragraph),
            Block("code block (bash)", code, 3, shape=("literal_block",), verbatim=True, language="bash"),
        ],
    )


def test_updating_a_page_reports_the_code_blocks_it_keeps(tmp_path: Path) -> None:
    # update_page computed these warnings and dropped them; the import reported the same blocks
    english_path, page_path = tmp_path / "index.md", tmp_path / "ko" / "index.md"
    english_path.write_text(ENGLISH, encoding="utf-8")
    page_path.parent.mkdir()
    page_path.write_text(PAGE, encoding="utf-8")
    english, current = split(english_path, "Costs.", "ls\n"), split(page_path, "비용이에요.", "ls -la\n")
    rendered = exporter.update_page(page_path, english, current, {"Costs.": "비용."}, None)
    assert rendered.text == "비용.\n\n```bash\nls -la\n```\n"  # the message updated, the page's code kept
    assert [(w.path, w.line) for w in rendered.warnings] == [(str(page_path), 4)]  # the line that differs
    assert "code block" in rendered.warnings[0].message


def test_a_page_whose_blocks_match_has_no_warning(tmp_path: Path) -> None:
    english_path, page_path = tmp_path / "index.md", tmp_path / "ko" / "index.md"
    english_path.write_text(ENGLISH, encoding="utf-8")
    page_path.parent.mkdir()
    page_path.write_text(PAGE.replace("ls -la", "ls"), encoding="utf-8")
    english, current = split(english_path, "Costs.", "ls\n"), split(page_path, "비용이에요.", "ls\n")
    assert exporter.update_page(page_path, english, current, {"Costs.": "비용."}, None).warnings == []
