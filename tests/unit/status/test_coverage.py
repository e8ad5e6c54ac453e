"""What a reader sees translated on a page (``status/coverage.py``)."""

from __future__ import annotations

from docs_i18n.status import coverage


def test_each_message_counts_once_by_why_it_is_english() -> None:
    states = {"a": "translated", "b": "fuzzy", "c": "untranslated", "d": "translated"}
    found = coverage.measure(["a", "a", "b", "c", "d", "e"], {"a"}, states, refused={"d"})
    assert found == coverage.Coverage(translated=1, fuzzy=1, untranslated=2, refused=1)
    assert (found.english, found.total, found.percent_translated) == (4, 5, 20.0)


def test_fuzzy_translations_are_used_only_when_the_build_allows_them() -> None:
    states = {"a": "translated", "b": "fuzzy", "c": "untranslated"}
    assert coverage.usable(states) == {"a"}
    assert coverage.usable(states, allow_fuzzy=True) == {"a", "b"}


def test_a_page_with_nothing_to_translate_is_complete() -> None:
    assert coverage.percent(0, 0) == 100.0 and coverage.percent(1, 3) == 33.3
