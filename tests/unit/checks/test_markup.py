"""A message's markup, as the checks read it (``checks/markup.py``)."""

from __future__ import annotations

from docs_i18n.checks import markup


def test_what_a_message_contains() -> None:
    found = markup.analyse("Run `make html`, see {doc}`the guide <guide>` and [docs](https://x.org) **now** ${KEY}")
    assert found.code == {"make html": 1}
    assert found.role_targets == {("doc", "guide"): 1}
    assert found.links == {"https://x.org": 1}
    assert (found.strong, found.placeholders) == (1, {"${KEY}": 1})
    assert "make html" not in found.prose and "now" in found.prose


def test_invisible_characters_in_code_and_in_prose_are_told_apart() -> None:
    found = markup.analyse("a\u200bb `c\u202ed`")
    assert found.invisible_prose == {"\u200b": 1} and found.invisible_code == {"\u202e": 1}
    assert markup.is_invisible("\u2066") and not markup.is_invisible("가")


def test_theme_strings_are_html() -> None:
    found = markup.analyse('<a href="x">A</a> &lt;b&gt; "q"', markup.HTML)
    assert found.tags == {'<a href="x">': 1, "</a>": 1}
    assert (found.entities, found.breakout) == ({"&lt;": 1, "&gt;": 1}, {'"': 2})
    assert markup.split_tags("<b>x</b>") == [(True, "<b>"), (False, "x"), (True, "</b>")]
