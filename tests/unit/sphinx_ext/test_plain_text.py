"""The plain-text path of translated messages builds what MyST's parse builds, or nothing."""

from __future__ import annotations

from typing import Any

import pytest
from docutils import frontend, nodes, utils
from docutils.parsers.rst import Parser
from docutils.transforms.universal import SmartQuotes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from myst_parser.config.main import MdParserConfig

from docs_i18n.sphinx_ext import parsing, plain_text
from tests.unit.conftest import project_myst_config

SOURCE = "/site/source/guide.md:12:<translated>"


MD = parsing.fragment_markdown(project_myst_config(), frozenset())
SETTINGS = frontend.get_default_settings(Parser)
SETTINGS.smart_quotes = True
SETTINGS.language_code = "en"
SETTINGS.env = None  # no Sphinx environment: a plain paragraph never reaches for one


def document() -> nodes.document:
    return utils.new_document(SOURCE, SETTINGS)


def dump(doc: nodes.document) -> list[tuple[Any, ...]]:
    """Every node below the document: type, text, raw source, source, line and attributes."""
    return [
        (type(node).__name__, str(node) if isinstance(node, nodes.Text) else node.rawsource, node.source, node.line,
         sorted(node.attributes.items()) if isinstance(node, nodes.Element) else None)
        for node in doc.findall(include_self=False)
    ]  # fmt: skip


def myst(text: str) -> nodes.document:
    doc = document()
    MD.options["document"] = doc
    MD.render(text)
    return doc


def smart_quoted(doc: nodes.document) -> str:
    doc.transformer.add_transform(SmartQuotes)
    doc.transformer.apply_transforms()
    return doc.pformat()


def assert_same_as_myst(text: str) -> bool:
    """When the plain path takes *text*, its tree is MyST's (also after SmartQuotes); whether it took it."""
    fast = document()
    if not plain_text.paragraph(text, fast):
        assert not fast.children
        return False
    parsed = myst(text)
    assert dump(fast) == dump(parsed)
    assert fast.pformat() == parsed.pformat()
    assert smart_quoted(fast) == smart_quoted(parsed)
    return True


def test_the_project_parser_is_verified() -> None:
    assert plain_text.verified(MD)


EXTENSIONS = ["replacements", "smartquotes", "dollarmath", "colon_fence", "strikethrough", "attrs_inline", "fieldlist"]


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_a_page_turning_on_an_extension_turns_it_off(extension: str) -> None:
    config = project_myst_config()
    config = MdParserConfig(**{**config.as_dict(), "enable_extensions": {extension}})
    assert not plain_text.verified(parsing.fragment_markdown(config, frozenset()))


@pytest.mark.parametrize(
    "text",
    [
        "이 안내서는 LiteLLM 프록시를 설정하는 방법을 설명합니다.",
        "このガイドでは、プロキシの設定方法を説明します。",
        "本指南介绍如何配置代理。",
        "يشرح هذا الدليل كيفية إعداد الوكيل، خطوة بخطوة؟",
        'It\'s the "default" model, for now.',
        "Version 2.5 - the newest one/last.",
    ],
)
def test_real_sentences_take_the_plain_path(text: str) -> None:
    assert assert_same_as_myst(text)


@pytest.mark.parametrize(
    "text",
    [
        "1. 첫 단계",
        "3) step",
        "- item",
        "+ item",
        "# 제목",
        "> 인용",
        "a *b*",
        "a_b_",
        "see [x](https://example.org)",
        "`code`",
        "<b>x</b>",
        "&amp;",
        "a\\b",
        "{role}`x`",
        "a | b",
        "$x$",
        "key: value",
        "~~x~~",
        "a = b",
        "wow!",
        "100%",
        "(target)=",
        "two\nlines",
        " leading",
        "trailing ",
        "tab\there",
        "nbsp\u00a0here",
        "ideographic\u3000space",
        "zero\u200bwidth",
        "rlm\u200fmark",
        "",
    ],
)
def test_syntax_and_edges_are_refused(text: str) -> None:
    assert not plain_text.paragraph(text, document())


WORDS = st.sampled_from(
    ["안내서", "프록시를", "設定", "します", "代理", "配置", "الوكيل", "إعداد", "proxy", "Model", "GPT-4", "2.5", "v1",
     "l'API", '"quoted"', "don't", "a/b", "x-y", "ünïcödé", "Ελληνικά", "русский", "हिन्दी", "ไทย", "😀"]
)  # fmt: skip
PUNCTUATION = st.sampled_from(
    [" ", ", ", ". ", "; ", "? ", "、", "。", "，", "！", "？", "：", "「", "」", "（", "）"]
    + ["،", "؛", "؟", "…", "—", "·", "→"]
)
EDGES = st.sampled_from(
    list("*_[]()<>&`{}|#$:~=!\\%+^@\t\n\r\x00\u00a0\u3000\u200b\u200e\u200f\u061c\ufeff")
    + ["1. ", "2) ", "- ", "+ ", "> ", "    ", "  ", "---", "***", "==", "[^1]", "{{x}}"]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(WORDS, PUNCTUATION, WORDS, EDGES), min_size=1, max_size=12).map("".join))
def test_the_plain_path_builds_what_myst_builds(text: str) -> None:
    assert_same_as_myst(text)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_any_text_the_plain_path_takes_is_myst_s_paragraph(text: str) -> None:
    assert_same_as_myst(text)
