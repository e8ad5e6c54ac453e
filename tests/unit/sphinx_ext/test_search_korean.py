"""Korean search in the index and the browser (``sphinx_ext/search_korean.py``)."""

from __future__ import annotations

import json

from docs_i18n.search import korean
from docs_i18n.sphinx_ext import search_korean


def test_the_index_splits_and_stems_with_the_korean_analyser() -> None:
    search = search_korean.SearchKorean({})
    assert search.split("LiteLLM을 구성합니다") == ["LiteLLM", "구성합니다"]
    assert [search.stem(w) for w in search.split("LiteLLM을 구성합니다")] == ["litellm", "구성"]


def test_the_browser_gets_the_same_rules() -> None:
    code = search_korean.analyser_js()
    assert search_korean.PLACEHOLDER not in code
    assert json.dumps(korean.rules(), ensure_ascii=False, sort_keys=True) in code
    assert search_korean.SearchKorean.js_splitter_code == search_korean.SPLITTER_JS
