"""Korean full-text search: the search language Sphinx lacks for ``ko``.

Sphinx has no Korean search language: for ``language = "ko"`` it falls back to
the English splitter and stemmer, so the index holds ``비용을`` and
``게이트웨이입니다`` while a reader types ``비용``. This feature registers
:class:`SearchKorean` for ``ko``: the index holds stems from
:mod:`docs_i18n.search.korean`, and the search page splits and stems a query with the
same rules in JavaScript (``static/search_ko.js``, written into the page's
``language_data.js``).

Registered by :mod:`.search_languages` (the table of the project's analysers), which
also holds the switches back to stock Sphinx (``i18n_korean_search``, ``i18n_search_stock``).
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.search import SearchLanguage

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
