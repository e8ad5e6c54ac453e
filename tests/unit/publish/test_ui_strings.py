"""The theme's UI strings (``publish/ui_strings.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import project
from docs_i18n.publish import ui_strings

ROOT = Path(__file__).resolve().parents[3]


def test_the_plural_lookup_reads_the_templates_once_and_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []

    def plural_messages(templates: Path) -> dict[str, str]:
        reads.append(templates)
        return {"%(n)s page": "%(n)s pages"}

    monkeypatch.setattr(ui_strings, "plural_messages", plural_messages)
    lookup = ui_strings.plural_lookup(Path("templates"))
    assert reads == []
    assert lookup() == {"%(n)s page": "%(n)s pages"} and lookup() is lookup()
    assert reads == [Path("templates")]


def test_the_plural_messages_include_the_search_result_count() -> None:
    found = ui_strings.plural_lookup(project.templates_folder(ROOT))()
    singular = "Search finished, found one page matching the search query."
    assert found[singular] == "Search finished, found ${resultCount} pages matching the search query."
