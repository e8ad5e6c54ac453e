"""The status of a tree of gettext catalogs (``status/catalog_reader.py``), in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import hashing, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.status import catalog_reader
from docs_i18n.status.states import PageState

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def tree(tmp_path: Path) -> tuple[Path, Path]:
    """Three English pages; Korean: one current, one stale, one missing, and an orphan catalog."""
    source, locale = tmp_path / "source", tmp_path / "locale"
    messages = locale / "ko" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    source.mkdir()
    for name in ("index", "guide", "faq"):
        (source / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    today = hashing.source_hash(source / "index.md")
    body = 'msgid "index"\nmsgstr "색인"\n\nmsgid "more"\nmsgstr ""\n'
    (messages / "index.po").write_text(f"# x-i18n-source-hash: {today}\n{HEADER}{body}", encoding="utf-8")
    (messages / "guide.po").write_text(f"# x-i18n-source-hash: {'b' * 64}\n{HEADER}{body}", encoding="utf-8")
    (messages / "gone.po").write_text(HEADER + body, encoding="utf-8")
    return source, locale


def test_each_page_is_judged_against_today_s_english(tmp_path: Path) -> None:
    source, locale = tree(tmp_path)
    report = catalog_reader.catalog_report(source, locale)
    found = {(p.page, p.state) for p in report.pages}
    assert found == {
        ("index.md", PageState.CURRENT),
        ("guide.md", PageState.STALE),
        ("faq.md", PageState.MISSING),
        ("gone.md", PageState.ORPHAN),
    }
    index = next(p for p in report.pages if p.page == "index.md")
    assert (index.translated, index.untranslated, index.measured) == (1, 1, "catalog")
    assert report.languages == ["ko"] and report.errors == []


def test_the_source_language_is_refused_and_an_unreadable_catalog_is_an_error(tmp_path: Path) -> None:
    source, locale = tree(tmp_path)
    (locale / "ko" / "LC_MESSAGES" / "faq.po").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    report = catalog_reader.catalog_report(source, locale, ["en", "ko"], source_language="en")
    assert report.languages == ["ko"]
    assert any("'en' is the source language" in e.message for e in report.errors)
    faq = next(p for p in report.pages if p.page == "faq.md")
    assert faq.state == PageState.UNKNOWN and faq.reason.startswith("the catalog cannot be read")
    assert any(e.path.endswith("faq.po") for e in report.errors)


def test_a_missing_source_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="source folder not found"):
        catalog_reader.catalog_report(tmp_path / "nowhere", tmp_path)


def test_a_blank_translation_is_rendered_in_english() -> None:
    text = HEADER + 'msgid "a"\nmsgstr "가"\n\nmsgid "b"\nmsgstr " "\n'
    assert catalog_reader.rendered_states(pofile.messages(text, "p.po")) == {"a": "translated", "b": "untranslated"}


def test_toctree_headings_count_by_their_own_page_s_catalog(tmp_path: Path) -> None:
    source, locale = tree(tmp_path)
    report = catalog_reader.catalog_report(source, locale, with_states=True)
    by_page = {p.page: p for p in report.pages}
    found = catalog_reader.toctree_coverage("ko", [("index.md", "index"), ("faq.md", "faq")], by_page.get)
    assert (found.translated, found.english) == (1, 1)
