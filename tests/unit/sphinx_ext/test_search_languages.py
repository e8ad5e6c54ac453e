"""The table of search analysers (``sphinx_ext/search_languages.py``)."""

from __future__ import annotations

from types import SimpleNamespace

from sphinx.search import languages

from docs_i18n.sphinx_ext import search_languages


def config(stock: list[str], korean: bool = True) -> SimpleNamespace:
    return SimpleNamespace(i18n_search_stock=stock, i18n_korean_search=korean)


def test_the_languages_left_to_sphinx() -> None:
    assert search_languages.stock_languages(config([])) == set()  # type: ignore[arg-type]
    assert search_languages.stock_languages(config(["ja", " zh ", ""])) == {"ja", "zh"}  # type: ignore[arg-type]
    assert search_languages.stock_languages(config(["all"])) >= set(search_languages.ANALYSERS)  # type: ignore[arg-type]
    assert search_languages.stock_languages(config([], korean=False)) == {"ko"}  # type: ignore[arg-type]


def test_a_stock_build_after_ours_gets_sphinx_s_analyser_back() -> None:
    added: list[type] = []

    def add_search_language(cls: type) -> None:
        added.append(cls)
        languages[cls.lang] = cls  # type: ignore[attr-defined]

    app = SimpleNamespace(add_search_language=add_search_language)
    before = dict(languages)
    try:
        search_languages.on_config_inited(app, config([]))  # type: ignore[arg-type]
        assert set(added) == set(search_languages.ANALYSERS.values())
        assert languages["ko"] is search_languages.ANALYSERS["ko"]
        search_languages.on_config_inited(app, config(["all"]))  # type: ignore[arg-type]
        for lang in search_languages.ANALYSERS:
            assert languages.get(lang) is search_languages._STOCK[lang]  # Sphinx's own, or none
    finally:
        languages.clear()
        languages.update(before)
