"""The search page in a real headless Chromium: Korean with the project's analyser and with stock
Sphinx, Japanese and Chinese with Sphinx's own splitters.

The browser is Debian's Chromium (``chromium-headless-shell``, else ``chromium``, or the binary in
``CHROMIUM``: ``browser_choice.executable``) driven by Playwright, never a downloaded browser.
Without one, the tests skip locally and fail in CI (``CI`` set): see the ``browser`` fixture.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from benchmarks import search_queries
from conftest import ROOT, copy_project, sphinx_build
from docs_i18n.search import cjk, korean

GUIDE = "providers/litellm"
ISSUE_QUERIES = ("비용", "가상 키", "라우팅", "모델", "지출 한도", "비용을")
EXPECTED = {q.text: q.expected for q in search_queries.read(ROOT / "benchmarks" / "queries" / "ko.tsv")}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    """A static server that says nothing when a browser hangs up mid-answer (a page left while it
    loads); any other error of a request is printed as usual."""

    def handle_error(self, request: object, client_address: tuple) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve *root* on 127.0.0.1 (a free port) while the block runs; yield the base URL."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The project's site (every language, project settings)."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def stock_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Korean site built with stock Sphinx search (``i18n_korean_search = False`` in the copy's conf.py)."""
    base = tmp_path_factory.mktemp("stock-browser")
    project = copy_project(base / "project")
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\ni18n_korean_search = False\n", encoding="utf-8")
    result = sphinx_build(project, "ko", base / "html")
    assert result.code == 0, result.err
    with serve(base / "html") as url:
        yield url


def open_search(browser, url: str):
    """Open a search page; return the page and the list its scripts' errors go to."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    return page, errors


def search(browser, base: str, lang: str, query: str) -> list[str]:
    """The docnames the search page of *lang* lists for *query*, in order."""
    page, errors = open_search(browser, f"{base}/{lang}/search.html?q={quote(query)}")
    try:
        # the heading turns from "Searching" to "Search Results" (translated) when the search has
        # finished; Korean's "found N pages" line is empty (Sphinx's ko catalog), so not that
        page.wait_for_function(
            "() => { const h = document.querySelector('#search-results h2');"
            " return h !== null && h.textContent === _('Search Results'); }",
            timeout=30_000,
        )
        hrefs = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(a => a.href)")
    finally:
        page.close()
    assert not errors, f"{lang} search page: script errors {errors}"
    return list(dict.fromkeys(href.split(f"/{lang}/", 1)[1].split("#")[0].removesuffix(".html") for href in hrefs))


@pytest.mark.parametrize("query", ISSUE_QUERIES)
def test_korean_search_finds_the_guide(browser, site_url: str, query: str) -> None:
    found = search(browser, site_url, "ko", query)
    assert GUIDE in found
    assert EXPECTED[query] <= set(found), found


def test_stock_sphinx_misses_what_the_project_finds(browser, site_url: str, stock_url: str) -> None:
    stock = {query: search(browser, stock_url, "ko", query) for query in ISSUE_QUERIES}
    missed = {query for query, found in stock.items() if GUIDE not in found}
    # stock Sphinx indexes 비용을 and 한도가 as they are written: the particle forms escape it
    assert {"비용을", "지출 한도"} <= missed, stock
    for query in missed:
        assert GUIDE in search(browser, site_url, "ko", query)


def test_the_page_analyses_a_query_as_the_index_did(browser, site_url: str) -> None:
    texts = [*EXPECTED, "LiteLLM을 통해 OpenClaw를 라우팅하여 비용을 추적합니다", "claude-opus-4-6를 요청합니다"]
    page, errors = open_search(browser, f"{site_url}/ko/search.html")
    try:
        in_page = page.evaluate(
            "texts => texts.map(t => splitQuery(t).filter(w => !/^\\d+$/.test(w))"
            ".map(w => new Stemmer().stemWord(w.toLowerCase())))",
            texts,
        )
    finally:
        page.close()
    assert not errors
    assert in_page == [[w for w in korean.analyse(t) if not w.isdigit()] for t in texts]


@pytest.mark.parametrize(
    ("lang", "queries"),
    [
        (
            "ja",
            (
                "モデル",
                "仮想キー",
                "ルーティング",
                "プロキシを起動",
                "ログ記録",
                "APIキー",
                "仮想キーを作成",
                "環境変数を設定",
            ),
        ),
        ("zh_CN", ("模型", "虚拟密钥", "路由", "成本追踪", "API密钥", "创建虚拟密钥")),
    ],
)
def test_japanese_and_chinese_search_find_the_guide(browser, site_url: str, lang: str, queries: tuple) -> None:
    # typed without spaces, as these languages are typed (issue 20); the guide comes first
    for query in queries:
        found = search(browser, site_url, lang, query)
        assert found[:1] == [GUIDE], (lang, query, found)


@pytest.mark.parametrize("lang", ["ja", "zh_CN"])
def test_the_page_cuts_a_cjk_query_as_the_index_did(browser, site_url: str, lang: str) -> None:
    texts = [q.text for q in search_queries.read(ROOT / "benchmarks" / "queries" / f"{lang}.tsv")]
    page, errors = open_search(browser, f"{site_url}/{lang}/search.html")
    try:
        in_page = page.evaluate("texts => texts.map(t => CJKAnalyser.split(t).map(w => w.toLowerCase()))", texts)
    finally:
        page.close()
    assert not errors
    assert in_page == [cjk.analyse(t) for t in texts]
