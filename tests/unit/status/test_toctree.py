"""What a page's toctrees show of the pages they list (docs_i18n.status.toctree)."""

from __future__ import annotations

from docs_i18n.status import coverage
from docs_i18n.status.toctree import PageToc, Toctree, rendered_entries

TOCS = {
    "index": PageToc(((1, "Home"),), (Toctree(("a", "b"), 2),)),
    "a": PageToc(((1, "A"), (2, "A one"), (3, "A deep")), (Toctree(("c",), -1),)),
    "b": PageToc(((1, "B"),)),
    "c": PageToc(((1, "C"), (2, "C one"))),
}


def test_the_headings_down_to_maxdepth_in_order() -> None:
    assert rendered_entries(TOCS, "index") == [("a", "A"), ("a", "A one"), ("c", "C"), ("b", "B")]


def test_every_level_without_a_maxdepth() -> None:
    tocs = {**TOCS, "index": PageToc((), (Toctree(("a",), -1),))}
    assert rendered_entries(tocs, "index") == [("a", "A"), ("a", "A one"), ("a", "A deep"), ("c", "C"), ("c", "C one")]


def test_a_page_without_toctrees_shows_nothing_and_a_cycle_ends() -> None:
    assert rendered_entries(TOCS, "b") == []
    cycle = {"x": PageToc(((1, "X"),), (Toctree(("y",)),)), "y": PageToc(((1, "Y"),), (Toctree(("x",)),))}
    assert rendered_entries(cycle, "x") == [("y", "Y")]


def test_coverages_add_up() -> None:
    own = coverage.measure(["a", "b"], {"a"})
    shown = coverage.measure(["c"], set(), {"c": "fuzzy"})
    total = own + shown
    assert (total.translated, total.untranslated, total.fuzzy, total.percent_translated) == (1, 1, 1, 33.3)
