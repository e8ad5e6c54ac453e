"""Japanese and Chinese full-text search: character bigrams in the index and in the query.

Sphinx's Japanese splitter (TinySegmenter) and Chinese one (jieba) cut the pages into
words, but the browser keeps a query typed without spaces as one word (``ログ記録``,
``成本追踪``), which no page's index holds. The classes here index the bigrams of
:mod:`docs_i18n.search.cjk`, and the search page cuts a query into the same bigrams in
JavaScript (``static/search_cjk.js``, written into the page's ``language_data.js``).
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.search import SearchLanguage

from docs_i18n.search import cjk

JS_SOURCE = Path(__file__).resolve().parent / "static" / "search_cjk.js"
PLACEHOLDER = "RULES_PLACEHOLDER"


def analyser_js(rules: cjk.Rules = cjk.CJK_RULES) -> str:
    """The JavaScript analyser with its character ranges filled in (defines ``splitQuery`` and ``Stemmer``)."""
    data = json.dumps(rules.as_json(), sort_keys=True)
    return JS_SOURCE.read_text(encoding="utf-8").replace(PLACEHOLDER, data)


class SearchByRules(SearchLanguage):
    """A language searched with one :class:`docs_i18n.search.cjk.Analyser`: its ``split`` in the
    index, the same rules in the browser (``js_stemmer_code`` defines ``splitQuery`` too), lower
    case, no stemming. A subclass names its ``analyser`` and ``js_stemmer_code``."""

    analyser: cjk.Analyser = cjk.CJK
    stopwords = frozenset()
    js_splitter_code = ""

    def split(self, input: str) -> list[str]:
        return self.analyser.split(input)

    def stem(self, word: str) -> str:
        return cjk.stem(word)

    def word_filter(self, word: str) -> bool:
        # split() leaves numbers out as the browser does; Sphinx's isdigit() would also drop
        # words the browser keeps (digits that are not decimal: ᧚)
        return bool(word)


class SearchCJKBigrams(SearchByRules):
    """CJK runs as character bigrams, Hiragana left out, other words lower case."""

    lang = ""
    language_name = "CJK bigrams"
    analyser = cjk.CJK
    js_stemmer_code = analyser_js(cjk.CJK_RULES)


class SearchJapanese(SearchCJKBigrams):
    lang = "ja"
    language_name = "Japanese"


class SearchChinese(SearchCJKBigrams):
    lang = "zh"
    language_name = "Chinese"


class SearchThai(SearchByRules):
    """Thai runs (letters with their marks) as character bigrams, other words lower case.

    Thai has no spaces between words. A dictionary segmenter (ICU, pythainlp) would cut
    the pages, but the search page must cut a query the same way, in the browser;
    bigrams need no dictionary and agree on both sides by construction.
    """

    lang = "th"
    language_name = "Thai"
    analyser = cjk.THAI
    js_stemmer_code = analyser_js(cjk.THAI_RULES)


class SearchHindi(SearchByRules):
    """Words with their combining marks (Sphinx's ``\\w+`` cuts Devanagari words at every
    vowel sign: कुंजी -> क ज), lower case, no stemming; the same JavaScript analyser."""

    lang = "hi"
    language_name = "Hindi"
    analyser = cjk.DEVANAGARI
    js_stemmer_code = analyser_js(cjk.DEVANAGARI_RULES)


class SearchArabic(SearchByRules):
    """Words without their harakat and tatweel (readers type them without), lower case, no
    stemming; the same JavaScript analyser. Persian too (:class:`SearchPersian`)."""

    lang = "ar"
    language_name = "Arabic"
    analyser = cjk.ARABIC
    js_stemmer_code = analyser_js(cjk.ARABIC_RULES)


class SearchPersian(SearchArabic):
    lang = "fa"
    language_name = "Persian"
