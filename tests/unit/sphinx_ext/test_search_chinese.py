"""Sphinx's Chinese search made to work in the browser (``sphinx_ext/search_chinese.py``)."""

from __future__ import annotations

import sys
from types import SimpleNamespace

from sphinx.search import languages

from docs_i18n.sphinx_ext import search_chinese


def test_the_stemmer_the_browser_is_told_to_use_exists() -> None:
    code = search_chinese.search_chinese().js_stemmer_code
    assert "EnglishStemmer" in code and search_chinese.search_chinese().js_stemmer_rawcode == ""


def test_a_chinese_html_build_without_jieba_warns_and_no_other_build_does(monkeypatch) -> None:
    def app(language: str, fmt: str) -> SimpleNamespace:
        return SimpleNamespace(config=SimpleNamespace(language=language), builder=SimpleNamespace(format=fmt))

    warned: list[str] = []
    monkeypatch.setattr(search_chinese.logger, "warning", lambda *a, **k: warned.append(a[0]))
    monkeypatch.setitem(sys.modules, "jieba", None)  # not installed
    monkeypatch.setitem(languages, "zh", search_chinese.search_chinese())  # Chinese left to Sphinx
    for other in (app("ko", "html"), app("zh_CN", "text"), app("", "html")):
        search_chinese.on_builder_inited(other)  # type: ignore[arg-type]
    assert warned == []
    search_chinese.on_builder_inited(app("zh_CN", "html"))  # type: ignore[arg-type]
    assert len(warned) == 1 and warned[0].startswith("jieba is not installed")
    monkeypatch.setitem(languages, "zh", object)  # the project's analyser: no jieba needed
    search_chinese.on_builder_inited(app("zh_CN", "html"))  # type: ignore[arg-type]
    assert len(warned) == 1


def test_only_a_chinese_build_registers_sphinxs_chinese_search() -> None:
    added: list[type] = []

    def app(language: str) -> SimpleNamespace:
        return SimpleNamespace(
            config=SimpleNamespace(language=language), add_search_language=added.append, connect=lambda *a: None
        )

    search_chinese.setup(app("ko"))  # type: ignore[arg-type]
    assert added == []
    search_chinese.setup(app("zh_CN"))  # type: ignore[arg-type]
    assert added == [search_chinese.search_chinese()]
