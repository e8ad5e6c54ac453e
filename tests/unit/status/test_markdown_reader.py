"""The status of a tree of translated Markdown pages (``status/markdown_reader.py``), in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import hashing
from docs_i18n.core.errors import InputError
from docs_i18n.status import markdown_reader
from docs_i18n.status.states import PageState


def page(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_each_translated_page_is_judged_by_its_source_hash(tmp_path: Path) -> None:
    page(tmp_path / "index.md", "# Costs\n")
    page(tmp_path / "guide.md", "# Guide\n")
    record = hashing.source_hash(tmp_path / "index.md")
    page(tmp_path / "ko" / "index.md", f"---\nx-i18n:\n  source_hash: {record}\n---\n# 비용\n")
    page(tmp_path / "ko" / "old.md", "# 옛 페이지\n")
    page(tmp_path / "ja-JP" / "guide.md", f"---\nx-i18n:\n  source_hash: {'c' * 64}\n---\n# ガイド\n")
    page(tmp_path / "assets" / "notes.md", "# not a language folder\n")
    assert markdown_reader.markdown_languages(tmp_path) == ["ja-JP", "ko"]
    report = markdown_reader.markdown_report(tmp_path)
    found = {(p.lang, p.page, p.state) for p in report.pages}
    assert found == {
        ("ja-JP", "assets/notes.md", PageState.MISSING),
        ("ja-JP", "guide.md", PageState.STALE),
        ("ja-JP", "index.md", PageState.MISSING),
        ("ko", "assets/notes.md", PageState.MISSING),
        ("ko", "guide.md", PageState.MISSING),
        ("ko", "index.md", PageState.CURRENT),
        ("ko", "old.md", PageState.ORPHAN),
    }
    only_ko = markdown_reader.markdown_report(tmp_path, ["ko"])
    assert {p.lang for p in only_ko.pages} == {"ko"}


def test_a_missing_tree_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder not found"):
        markdown_reader.markdown_report(tmp_path / "nowhere")
