"""The theme's UI strings (``publish/ui_strings.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

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


def test_the_plural_messages_are_the_plural_pairs_of_the_full_reads() -> None:
    """The quick read (templates that can hold a plural, the plural entries of Sphinx's template)
    gives what extracting every string and reading all of ``sphinx.pot`` with Babel gives."""
    templates = project.templates_folder(ROOT)
    expected = {m[0]: m[1] for m in ui_strings.extract(templates) if isinstance(m, tuple)}
    with (ui_strings._sphinx_dir() / "locale" / "sphinx.pot").open("rb") as handle:
        for message in read_po(handle):
            if isinstance(message.id, tuple):
                expected.setdefault(message.id[0], message.id[1])
    assert ui_strings.plural_messages(templates) == expected
    assert "Search finished, found one page matching the search query." in expected


def test_only_the_plural_entries_of_a_template_are_read(tmp_path: Path) -> None:
    pot = tmp_path / "sphinx.pot"
    pot.write_bytes(
        b'msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n\r\n'
        b'#: a.py:1\r\nmsgid "one"\r\nmsgstr ""\r\n\r\n'
        b'#: b.py:2\r\nmsgid "%(n)s file"\r\nmsgid_plural "%(n)s files"\r\nmsgstr[0] ""\r\nmsgstr[1] ""\r\n'
    )
    ids = [m.id for m in read_po(__import__("io").BytesIO(ui_strings._plural_entries(pot))) if m.id]
    assert ids == [("%(n)s file", "%(n)s files")]
