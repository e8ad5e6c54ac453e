"""A message's markup, as the checks read it (``checks/markup.py``)."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docs_i18n.checks import markup, plain_text
from tests.unit.conftest import project_myst_config


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


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40) | st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs", "Co", "Cn"]), max_size=8))
def test_invisible_characters_are_counted_as_the_definition_says(text: str) -> None:
    # the printable shortcut of markup.invisible against the definition, character by character
    assert markup.invisible(text) == {c: text.count(c) for c in set(text) if markup.is_invisible(c)}


def test_theme_strings_are_html() -> None:
    found = markup.analyse('<a href="x">A</a> &lt;b&gt; "q"', markup.HTML)
    assert found.tags == {'<a href="x">': 1, "</a>": 1}
    assert (found.entities, found.breakout) == ({"&lt;": 1, "&gt;": 1}, {'"': 2})
    assert markup.split_tags("<b>x</b>") == [(True, "<b>"), (False, "x"), (True, "</b>")]


# -- the plain-text path: what a parse would collect, without it --------------------------------


def _build_parser():  # noqa: ANN202
    """The guard's parser: MyST's with conf.py's MyST settings (as ``sphinx_ext/guard.py`` makes it)."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.parsers.mdit import create_md_parser

    return create_md_parser(project_myst_config(), RendererHTML)


PARSERS = {"checks": markup.markdown_parser(), "build": _build_parser()}


def parsed(text: str, md) -> markup.Markup:  # noqa: ANN001
    """*text* analysed through a parse always: what the plain path must equal."""
    with mock.patch.object(plain_text, "is_plain", lambda text: False):
        return markup.analyse(text, md=md)


def assert_plain_path_agrees(text: str) -> bool:
    """Both parsers: the analysis is the same with and without the plain path; whether it was taken."""
    for md in PARSERS.values():
        assert plain_text.verified(md)
        assert markup.analyse(text, md=md) == parsed(text, md), text
    return plain_text.is_plain(text)


@pytest.mark.parametrize(
    "text", ["이 안내서는 LiteLLM 프록시를 설정합니다.", 'It\'s the "default" model, v2.5 - for now.', "الوكيل، خطوة؟"]
)
def test_plain_sentences_skip_the_parse_and_get_the_same_analysis(text: str) -> None:
    with mock.patch.object(markup.markdown_parser(), "parse", side_effect=AssertionError("parsed")):
        found = markup.analyse(text)
    assert found.prose == text + "\n" and found == parsed(text, markup.markdown_parser())


@pytest.mark.parametrize("text", ["- item", "---", "1. step", "a *b*", "`x`", "[a](b)", "{{x}}", "a\u200fb", "x  "])
def test_syntax_is_parsed(text: str) -> None:
    assert not assert_plain_path_agrees(text)


WORDS = st.sampled_from(
    [
        "안내서",
        "프록시를",
        "設定",
        "代理",
        "الوكيل",
        "proxy",
        "GPT-4",
        "2.5",
        "l'API",
        '"quoted"',
        "a/b",
        "ünï",
        "ไทย",
        "😀",
    ]
)
EDGES = st.sampled_from(
    list("*_[]()<>&`{}|#$:~=!\\%+^@\t\n\r\x00\u00a0\u200b\u200e\u200f\u061c")
    + ["1. ", "- ", "> ", "---", "***", "[^1]", "{{x}}", "${X}", "{0}", "%s", "javascript:", "]["]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(WORDS, st.sampled_from([" ", ", ", ". ", "。", "، "]), WORDS, EDGES), max_size=12).map("".join)
)
def test_the_plain_path_collects_what_the_parse_collects(text: str) -> None:
    assert_plain_path_agrees(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_gets_the_same_analysis_either_way(text: str) -> None:
    assert_plain_path_agrees(text)
