"""A tiny tree for the machine-translation modules: one English page, its Korean catalog with two
messages to translate (one empty, one fuzzy) and one translated."""

from __future__ import annotations

from pathlib import Path

import pytest

CATALOG = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Costs"\nmsgstr "비용"\n\n'
    'msgid "The proxy reports what each request costs."\nmsgstr ""\n\n'
    '#, fuzzy\n#| msgid "Run make."\nmsgid "Run `make html`."\nmsgstr "make를 실행하세요."\n'
)


@pytest.fixture
def mt_tree(tmp_path: Path) -> tuple[Path, Path, Path]:
    """``(source, locale, catalog)``."""
    source, locale = tmp_path / "source", tmp_path / "locale"
    source.mkdir()
    (source / "index.md").write_text(
        "---\ntitle: What it costs\n---\n# Costs\n\nThe proxy reports what each request costs.\n\nRun `make html`.\n",
        encoding="utf-8",
    )
    catalog = locale / "ko" / "LC_MESSAGES" / "index.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(CATALOG, encoding="utf-8")
    return source, locale, catalog
