"""The plain-text rule (``checks/plain_text.py``): one line no verified parser reads markup in."""

from __future__ import annotations

import pytest
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from docs_i18n.checks import markup, plain_text


@pytest.mark.parametrize("text", ["이 안내서는 프록시를 설정합니다.", 'It\'s v2.5 - the "new" one/last.', "本指南。"])
def test_sentences_are_plain(text: str) -> None:
    assert plain_text.is_plain(text)


@pytest.mark.parametrize(
    "text", ["", " a", "a ", "- a", "+ a", "1. a", "2) a", "a*b", "a_b", "a\nb", "a\u200bb", "a\u00a0b"]
)
def test_markup_spaces_and_invisibles_are_not(text: str) -> None:
    assert not plain_text.is_plain(text)


def test_the_checks_parser_is_verified_and_an_extension_turns_it_off() -> None:
    assert plain_text.verified(markup.markdown_parser())
    for extension in ("replacements", "smartquotes", "dollarmath", "strikethrough"):
        md = create_md_parser(MdParserConfig(enable_extensions={extension}), RendererHTML)
        assert not plain_text.verified(md), extension
