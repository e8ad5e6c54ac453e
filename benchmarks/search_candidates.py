"""Other Korean analysers, measured against the project's by the search benchmark.

Not used by the site: ``scripts/bench_search_ko.py --candidates`` builds the
Korean pages with each of these (as an extra Sphinx extension, chosen by the
``i18n_search_candidate`` config value) to compare them with the project's
particle and ending stripper (:mod:`docs_i18n.search.korean`) on the same queries:

- ``bigram``: character bigrams of each Hangul run (a one-syllable run as it is),
  Latin words as they are; the browser cuts a query the same way.
- ``kiwi``: the kiwipiepy morphological analyser at build time, keeping nouns,
  verb and adjective stems, roots, adverbs and Latin words. A browser cannot run
  it, so the benchmark analyses each query with kiwi in Python first: an upper
  bound, not something the site could do.
- ``kiwi-rules``: kiwi at build time, the project's JavaScript stripper for the
  query: what a site could really ship with kiwi.

kiwipiepy (with its model package, about 100 MB) is not a project dependency;
the kiwi candidates need it installed in the Python that runs the benchmark.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search import SearchLanguage

from docs_i18n.search import korean
from docs_i18n.sphinx_ext.search_korean import SearchKorean

_WORD = re.compile(r"\w+")
_RUN = re.compile("[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+")
# kiwi part-of-speech tags kept: nouns, verb/adjective stems, roots, adverbs, foreign words, Hanja, numbers
KIWI_TAGS = ("NN", "NR", "NP", "VV", "VA", "XR", "MAG", "SL", "SH", "SN")


def bigrams(text: str) -> list[str]:
    """Hangul runs as overlapping character bigrams; other runs as they are."""
    words: list[str] = []
    for token in _WORD.findall(unicodedata.normalize("NFC", text)):
        for run in _RUN.findall(token):
            if korean.is_hangul(run) and len(run) > 1:
                words.extend(run[i : i + 2] for i in range(len(run) - 1))
            else:
                words.append(run)
    return words


BIGRAM_JS = r"""
var splitQuery = (query) => {
  const words = [];
  for (const token of query.normalize("NFC").match(/[\p{L}\p{N}_]+/gu) || []) {
    for (const run of token.match(/[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g)) {
      if (/^[\uac00-\ud7a3]+$/.test(run) && run.length > 1) {
        for (let i = 0; i + 1 < run.length; i++) words.push(run.slice(i, i + 2));
      } else words.push(run);
    }
  }
  return words;
};
"""


class BigramKorean(SearchLanguage):
    """Character bigrams."""

    lang = "ko"
    language_name = "Korean"
    js_splitter_code = BIGRAM_JS

    def split(self, input: str) -> list[str]:
        return bigrams(input)

    def stem(self, word: str) -> str:
        return word.lower()


class KiwiAnalyser:
    """kiwipiepy, loaded once (its model ships in the kiwipiepy_model package)."""

    _kiwi: Any = None

    @classmethod
    def morphemes(cls, text: str) -> list[str]:
        if cls._kiwi is None:
            from kiwipiepy import Kiwi  # optional: only the benchmark's kiwi candidates

            cls._kiwi = Kiwi()
        return [token.form for token in cls._kiwi.tokenize(text) if token.tag.startswith(KIWI_TAGS)]


class KiwiKorean(SearchLanguage):
    """kiwi morphemes; the query arrives already analysed (see the module docstring)."""

    lang = "ko"
    language_name = "Korean"

    def split(self, input: str) -> list[str]:
        return KiwiAnalyser.morphemes(input)

    def stem(self, word: str) -> str:
        return word.lower()


class KiwiRulesKorean(KiwiKorean):
    """kiwi morphemes in the index, the project's JavaScript stripper for queries."""

    js_stemmer_code = SearchKorean.js_stemmer_code
    js_splitter_code = SearchKorean.js_splitter_code


CANDIDATES: dict[str, type[SearchLanguage]] = {
    "bigram": BigramKorean,
    "kiwi": KiwiKorean,
    "kiwi-rules": KiwiRulesKorean,
}
# candidates whose query the benchmark analyses in Python before searching
PRE_ANALYSED = {"kiwi": KiwiAnalyser.morphemes}


def on_config_inited(app: Sphinx, config: Config) -> None:
    if config.i18n_search_candidate:
        app.add_search_language(CANDIDATES[config.i18n_search_candidate])


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("i18n_search_candidate", "", "html", types=frozenset({str}))
    app.connect("config-inited", on_config_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
