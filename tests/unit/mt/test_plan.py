"""What ``translate`` sends (``mt/plan.py``)."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core import mt_mark
from docs_i18n.mt import plan


def test_empty_and_fuzzy_messages_with_their_neighbours_title_and_previous_english(mt_tree) -> None:
    source, locale, catalog = mt_tree
    jobs, errors = plan.plan(source, locale, ["ko"], None)
    assert errors == []
    assert [(j.msgid, j.old, j.previous) for j in jobs] == [
        ("The proxy reports what each request costs.", "", None),
        ("Run `make html`.", "make를 실행하세요.", "Run make."),
    ]
    first = jobs[0]
    assert (first.lang, first.page, first.catalog, first.title) == ("ko", "index", catalog, "What it costs")
    assert first.before == ("Costs",) and first.after == ("Run `make html`.",)
    assert first.line == 8


def test_a_page_not_asked_for_and_a_pending_suggestion_are_not_sent(mt_tree) -> None:
    source, locale, catalog = mt_tree
    assert plan.plan(source, locale, ["ko"], ["other.md"]) == ([], [])
    mark = mt_mark.comments("suggestion", None, "m", "h", "2026-12-03", "1")
    text = catalog.read_text(encoding="utf-8").replace(
        'msgid "The proxy reports what each request costs."\nmsgstr ""',
        "".join(f"# {c}\n" for c in mark)
        + '#, fuzzy\nmsgid "The proxy reports what each request costs."\nmsgstr "제안"',
    )
    catalog.write_text(text, encoding="utf-8")
    jobs, _ = plan.plan(source, locale, ["ko"], ["index.md"])
    assert [j.msgid for j in jobs] == ["Run `make html`."]  # its English changed (#| msgid): asked again


def test_the_page_title_falls_back_to_the_heading_then_the_name(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text("Intro\n\n# Set up ##\n", encoding="utf-8")
    assert plan.page_title(tmp_path, "guide") == "Set up"
    (tmp_path / "bare.md").write_text("no heading\n", encoding="utf-8")
    assert plan.page_title(tmp_path, "bare") == "bare"
    assert plan.page_title(tmp_path, "missing") == "missing"


def test_an_unreadable_catalog_is_an_error_and_nothing_of_it_is_planned(mt_tree) -> None:
    source, locale, catalog = mt_tree
    catalog.write_text('msgid "Costs"\nmsgstr "unterminated\n', encoding="utf-8")
    jobs, errors = plan.plan(source, locale, ["ko"], None)
    assert jobs == []
    assert len(errors) == 1 and errors[0].path == str(catalog)
