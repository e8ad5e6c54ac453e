"""The project's search analysers: one table, language -> Sphinx search language.

Sphinx picks a search language by the build's ``language`` (``zh_CN`` falls back to
``zh``). :data:`ANALYSERS` replaces Sphinx's choice where the project has a better one;
a new language is one entry (a :class:`~sphinx.search.SearchLanguage` whose ``split``
and ``stem`` the index uses, and whose ``js_stemmer_code``/``js_splitter_code`` do the
same to a query in the browser, with a test tying the two together):

- ``ko``: particles and endings stripped (:mod:`.search_korean`);
- ``ja``, ``zh``: character bigrams of CJK runs (:mod:`.search_cjk`);
- ``th``: character bigrams of Thai runs, the same analyser with Thai's rules;
- ``hi``: words with their combining marks (the same analyser, no bigrams);
- ``ar``, ``fa``: words without harakat and tatweel (the same analyser, no bigrams).

Config, to build with stock Sphinx for comparison: ``i18n_search_stock`` (languages
left to Sphinx, e.g. ``-D i18n_search_stock=ja,zh``; ``all`` for every one) and
``i18n_korean_search = False`` (the same for ``ko``). Chinese left to Sphinx keeps the
fix of :mod:`.search_chinese`.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search import SearchLanguage, languages

from docs_i18n.sphinx_ext.search_cjk import (
    SearchArabic,
    SearchChinese,
    SearchHindi,
    SearchJapanese,
    SearchPersian,
    SearchThai,
)
from docs_i18n.sphinx_ext.search_korean import SearchKorean

ANALYSERS: dict[str, type[SearchLanguage]] = {
    "ko": SearchKorean,
    "ja": SearchJapanese,
    "zh": SearchChinese,
    "th": SearchThai,
    "hi": SearchHindi,
    "ar": SearchArabic,
    "fa": SearchPersian,
}
# Sphinx's own entries, restored when a build asks for stock search after one that did not
_STOCK = {lang: languages.get(lang) for lang in ANALYSERS}


def stock_languages(config: Config) -> set[str]:
    """The languages this build leaves to Sphinx's own search."""
    stock = {lang.strip() for lang in config.i18n_search_stock if lang.strip()}
    if "all" in stock:
        stock |= set(ANALYSERS)
    if not config.i18n_korean_search:
        stock.add("ko")
    return stock


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Register the project's analysers, or leave (restore) Sphinx's where asked."""
    stock = stock_languages(config)
    for lang, analyser in ANALYSERS.items():
        if lang not in stock:
            app.add_search_language(analyser)
        elif languages.get(lang) is analyser:
            stock_analyser = _STOCK[lang]
            if stock_analyser is None:
                del languages[lang]
            else:
                languages[lang] = stock_analyser


def setup(app: Sphinx) -> None:
    app.add_config_value("i18n_search_stock", [], "html", types=frozenset({list, tuple}))
    app.add_config_value("i18n_korean_search", True, "html", types=frozenset({bool}))
    app.connect("config-inited", on_config_inited)
