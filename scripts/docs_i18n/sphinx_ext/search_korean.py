"""Korean full-text search: the search language Sphinx lacks for ``ko``.

Sphinx has no Korean search language: for ``language = "ko"`` it falls back to
the English splitter and stemmer, so the index holds ``비용을`` and
``게이트웨이입니다`` while a reader types ``비용``. This feature registers
:class:`SearchKorean` for ``ko``: the index holds stems from
:mod:`docs_i18n.search.korean`, and the search page splits and stems a query with the
same rules in JavaScript (``static/search_ko.js``, written into the page's
``language_data.js``).

Config: ``i18n_korean_search`` (default ``True``); ``-D i18n_korean_search=0``
builds with stock Sphinx's behaviour (used by the benchmark and the browser
tests to show the difference).
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search import SearchLanguage, languages

from docs_i18n.search import korean

JS_SOURCE = Path(__file__).resolve().parent / "static" / "search_ko.js"
PLACEHOLDER = "RULES_PLACEHOLDER"


def analyser_js() -> str:
    """The JavaScript analyser with its rule data filled in (defines ``Stemmer``)."""
    rules = json.dumps(korean.rules(), ensure_ascii=False, sort_keys=True)
    return JS_SOURCE.read_text(encoding="utf-8").replace(PLACEHOLDER, rules)


# The query's words come out already stemmed (stemWord then leaves them as they are: the stem
# of a stem is itself), so the result page highlights 비용 for a query 비용을.
SPLITTER_JS = "var splitQuery = (query) => KoreanAnalyser.split(query).map(KoreanAnalyser.stem);"


class SearchKorean(SearchLanguage):
    """Korean: words cut at script changes, particles and endings stripped."""

    lang = "ko"
    language_name = "Korean"
    stopwords = frozenset()
    js_stemmer_code = analyser_js()
    js_splitter_code = SPLITTER_JS

    def split(self, input: str) -> list[str]:
        return korean.split(input)

    def stem(self, word: str) -> str:
        return korean.stem(word)


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Register the Korean search language, or leave Sphinx's default when disabled."""
    if config.i18n_korean_search:
        app.add_search_language(SearchKorean)
    elif languages.get(SearchKorean.lang) is SearchKorean:
        del languages[SearchKorean.lang]


def setup(app: Sphinx) -> None:
    app.add_config_value("i18n_korean_search", True, "html", types=frozenset({bool}))
    app.connect("config-inited", on_config_inited)
