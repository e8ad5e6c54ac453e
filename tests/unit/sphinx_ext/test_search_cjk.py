"""The analysers by rules in the index and the browser (``sphinx_ext/search_cjk.py``)."""

from __future__ import annotations

import json

import pytest

from docs_i18n.search import cjk
from docs_i18n.sphinx_ext import search_cjk


@pytest.mark.parametrize(
    ("analyser", "text", "terms"),
    [
        (search_cjk.SearchJapanese, "仮想キーを作成", ["仮想", "想キ", "キー", "作成"]),
        (search_cjk.SearchChinese, "API 成本", ["api", "成本"]),
        (search_cjk.SearchArabic, "مِفْتَاح", ["مفتاح"]),
    ],
)
def test_each_language_splits_by_its_rules_in_lower_case(analyser: type, text: str, terms: list[str]) -> None:
    search = analyser({})
    assert [search.stem(w) for w in search.split(text) if search.word_filter(w)] == terms


def test_words_sphinx_would_drop_are_kept_as_the_browser_keeps_them() -> None:
    search = search_cjk.SearchHindi({})
    assert search.word_filter("᧚") and not search.word_filter("")


def test_the_browser_gets_the_same_ranges() -> None:
    code = search_cjk.analyser_js(cjk.THAI_RULES)
    assert search_cjk.PLACEHOLDER not in code
    assert json.dumps(cjk.THAI_RULES.as_json(), sort_keys=True) in code
    assert search_cjk.SearchPersian.lang == "fa" and search_cjk.SearchPersian.analyser is cjk.ARABIC
