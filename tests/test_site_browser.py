"""The published site (``make site``) in a real headless Chromium, as a visitor uses it.

The site is assembled with ``scripts/i18n site`` from the session's built site, then
served on 127.0.0.1 two ways: at the root by Python's ``http.server`` (as
``python -m http.server`` would, the README's way to try it), and under the path
prefix ``/docs/`` by a small static host that answers a missing address with the
site's ``404.html`` (as GitHub Pages, Netlify and the like do); the site's base URL
is that host's ``/docs/``. A copy of the project with one English sentence of the
guide changed is built in Korean for the out-of-date banner.

Every page a test opens is watched: a console error, a script error, a failed
request or an HTTP error fails the test. Screenshots of the guide in every language
are written to ``$I18N_TEST_ARTIFACTS`` (default: a folder in pytest's temporary
directory) and their paths are printed.

The browser is Debian's Chromium, driven by Playwright and started by the code of
``test_search_browser.py``'s ``browser`` fixture (it skips locally when there is no
Chromium and fails when ``CI`` is set). Playwright's sync API allows one instance per
thread, and that module's session-scoped fixture keeps one open in the main thread,
so this module runs its own in a thread of its own: each test's body runs there
(``@in_browser``).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from io import BytesIO
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
import test_search_browser as search_browser
from markdown_it import MarkdownIt

import conftest
from conftest import LANGUAGES, ROOT, copy_project, run_cli, sphinx_build
from docs_i18n.core import frontmatter, pofile
from docs_i18n.core import languages as lang_codes

GUIDE = "providers/litellm"
PREFIX = "/docs/"
OLD = "That's it. OpenClaw now routes through LiteLLM."
NEW = "That's it. OpenClaw now sends every request through LiteLLM."
NEW_WORDS = "OpenClaw now sends every request through LiteLLM."  # (the page shows the apostrophe curled)


def _heading_translation(lang: str, heading: str) -> str:
    """The guide's translation of the English *heading*, as its catalog has it."""
    catalog = pofile.read(ROOT / "locale" / lang / "LC_MESSAGES" / f"{GUIDE}.po")
    return next(e.msgstr[0] for e in catalog.messages() if e.msgid == heading and e.state == "translated")


# What a reader of each language types to find the guide: "virtual keys" as each translation words it.
QUERIES = {"en": "virtual keys", "ko": "가상 키", "ja": "仮想キー", "zh_CN": "虚拟密钥"}
QUERIES |= {lang: _heading_translation(lang, "Virtual keys") for lang in LANGUAGES if lang not in QUERIES}
# The edited build's untranslated page, listed by the home page's toctree, and its repository URL.
NEW_PAGE = "providers/ollama"
NEW_PAGE_TEXT = "# Ollama\n\nOllama runs open models on your own machine.\n\n## Install Ollama\n\nInstall it first.\n"
REPOSITORY = "https://code.example.org/openclaw/docs/blob/main/"
KOREAN = ["ko-KR", "ko"]  # navigator.languages of a Korean visitor


# -- serving --------------------------------------------------------------------------------


class _StaticHostHandler(SimpleHTTPRequestHandler):
    """The site under ``PREFIX``; a missing file gets the site's ``404.html`` with status 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 (http.server's own signature)
        path = unquote(urlsplit(self.path).path)
        if path == PREFIX.rstrip("/"):
            return self._redirect(PREFIX)
        if path.startswith(PREFIX):
            inner = "/" + self.path[len(PREFIX) :]
            local = Path(self.translate_path(inner))
            if local.is_dir() and not path.endswith("/"):
                return self._redirect(path + "/")
            if local.is_file() or (local / "index.html").is_file():
                self.path = inner
                return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def _redirect(self, location: str):  # noqa: ANN202
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None


@dataclass
class Published:
    """The assembled site and where it is served."""

    site: Path
    root_url: str  # http.server, the site at /
    prefix_url: str  # the static host, the site at /docs/ (the site's base URL)
    edited_url: str  # the Korean build after an English edit, at /


def _edited_build(base: Path, built_site: Path) -> Path:
    """The Korean site after one English sentence of the guide changed and an English page with no
    translation was added to the home page's toctree, with the repository's URL set in conf.py
    (English from the session build)."""
    project = copy_project(base / "edited-project")
    english = project / "source" / f"{GUIDE}.md"
    text = english.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    english.write_text(text.replace(OLD, NEW), encoding="utf-8")
    (project / "source" / f"{NEW_PAGE}.md").write_text(NEW_PAGE_TEXT, encoding="utf-8")
    index = project / "source" / "index.md"
    text = index.read_text(encoding="utf-8")
    assert text.count("providers/litellm\n```") == 1
    index.write_text(text.replace("providers/litellm\n```", f"providers/litellm\n{NEW_PAGE}\n```"), encoding="utf-8")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\ni18n_repository_url = {REPOSITORY!r}\n")
    out = base / "edited"
    result = sphinx_build(project, "ko", out)
    assert result.code == 0, result.err
    shutil.copytree(built_site / "en", out / "en")  # what the banner's link points to
    return out


_PUBLISHED: list[Published] = []  # this worker's, shared by every module that uses the fixture


@pytest.fixture(scope="session")
def published(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The site assembled and served once per worker for every browser module (the servers are daemon
    threads, gone with the worker); the edited Korean build is made once per test run."""
    if not _PUBLISHED:
        _PUBLISHED.append(_publish(built_site, tmp_path_factory))
    return _PUBLISHED[0]


def _publish(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Published:
    base = tmp_path_factory.mktemp("published")
    site = base / "site"
    host = search_browser.QuietServer(("127.0.0.1", 0), functools.partial(_StaticHostHandler, directory=str(site)))
    prefix_url = f"http://127.0.0.1:{host.server_address[1]}{PREFIX}"
    langs = [arg for lang in LANGUAGES for arg in ("--lang", lang)]
    result = run_cli("site", "--html", built_site, "--out", site, "--base-url", prefix_url, *langs)
    assert result.code == 0, result.err
    with conftest.run_once(tmp_path_factory, "edited-build") as (shared, first):
        if first:
            _edited_build(shared, built_site)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    root_url = _serve_forever(site)
    edited_url = _serve_forever(shared / "edited")
    return Published(site, root_url + "/", prefix_url, edited_url + "/")


def _serve_forever(root: Path) -> str:
    """Serve *root* on 127.0.0.1 from a daemon thread; its base URL."""
    handler = functools.partial(search_browser._QuietHandler, directory=str(root))
    server = search_browser.QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(params=["root", "prefix"])
def site_url(request: pytest.FixtureRequest, published: Published) -> str:
    """The site's URL (ending with /), served at the root and under /docs/."""
    return published.root_url if request.param == "root" else published.prefix_url


# -- visitors -------------------------------------------------------------------------------


class Watched:
    """A page whose console errors, script errors, failed requests and HTTP errors are recorded."""

    def __init__(self, page, allowed: tuple[str, ...] = ()) -> None:
        self.page = page
        self.problems: list[str] = []
        self.allowed = allowed  # URLs expected to answer with an error (a 404 test's address)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"script error: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, message) -> None:  # noqa: ANN001
        if message.type == "error" and not (self.allowed and "404" in message.text):
            self.problems.append(f"console error: {message.text} at {message.location.get('url')}")

    def _failed(self, request) -> None:  # noqa: ANN001
        # aborted: the page was left while it loaded (the root page's redirect, the next page of a
        # tour), which cancels its requests; a missing file is an HTTP error, seen in _response
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:  # noqa: ANN001
        if response.status >= 400 and response.url not in self.allowed:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def check(self) -> None:
        assert not self.problems, "\n".join(self.problems)


class BrowserThread:
    """Chromium in a thread of its own, started and stopped by ``test_search_browser``'s fixture code."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._fixture: Iterator | None = None
        self.browser = None
        self.user_agent = ""

    def call(self, function: Callable, *args: object, **kwargs: object) -> object:
        """Run *function* in the browser's thread; its result, or its exception (a skip too)."""
        return self._pool.submit(function, *args, **kwargs).result()

    def start(self) -> None:
        def start() -> None:
            self._fixture = conftest.launch_chromium()  # finds Chromium, or skips or fails
            self.browser = next(self._fixture)
            page = self.browser.new_page()
            self.user_agent = page.evaluate("navigator.userAgent")
            page.close()

        self.call(start)

    def stop(self) -> None:
        if self._fixture is not None:
            self.call(next, self._fixture, None)  # the fixture's own teardown: closes Chromium
        self._pool.shutdown()


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserThread]:
    thread = BrowserThread()
    try:
        thread.start()
        yield thread
    finally:
        thread.stop()


class Visitor:
    """``visit(url, languages=..., js=True, allowed=(), **options)``: a watched page in a fresh browser context.

    *languages* are the visitor's preferred languages (``navigator.languages`` and
    ``Accept-Language``); *options* other browser context options (``viewport``,
    ``color_scheme``); every page is checked for problems when the test ends.
    Call it in the browser's thread (a test decorated with ``@in_browser``).
    """

    def __init__(self, thread: BrowserThread) -> None:
        self.thread = thread
        self.contexts: list = []
        self.watched: list[Watched] = []

    def __call__(
        self,
        url: str,
        languages: list[str] | None = None,
        js: bool = True,
        allowed: tuple[str, ...] = (),
        **options: object,
    ):
        languages = languages or ["en-US", "en"]
        options = {"viewport": {"width": 1280, "height": 900}, **options}  # Playwright's context options
        context = self.thread.browser.new_context(locale=languages[0], java_script_enabled=js, **options)
        self.contexts.append(context)
        page = context.new_page()
        session = context.new_cdp_session(page)
        override = {"userAgent": self.thread.user_agent, "acceptLanguage": ",".join(languages)}
        session.send("Emulation.setUserAgentOverride", override)
        watch = Watched(page, allowed)
        self.watched.append(watch)
        watch.response = page.goto(url)
        return watch

    def finish(self) -> None:
        try:
            for watch in self.watched:
                watch.check()
        finally:
            for context in self.contexts:
                context.close()


@pytest.fixture
def visit(chromium: BrowserThread) -> Iterator[Visitor]:
    visitor = Visitor(chromium)
    yield visitor
    chromium.call(visitor.finish)


def in_browser(test: Callable) -> Callable:
    """Run the test's body in the browser's thread (the test takes the ``visit`` fixture)."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> object:
        return kwargs["visit"].thread.call(test, *args, **kwargs)

    return run


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$I18N_TEST_ARTIFACTS`` or a temporary folder."""
    wanted = os.environ.get("I18N_TEST_ARTIFACTS")
    path = Path(wanted).resolve() if wanted else tmp_path_factory.mktemp("artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


def lang_of(page) -> str:  # noqa: ANN001
    return page.evaluate("document.documentElement.lang")


def guide_url(site_url: str, lang: str) -> str:
    return f"{site_url}{lang}/{GUIDE}.html"


def ui_translation(lang: str, msgid: str) -> str:
    catalog = pofile.read(ROOT / "locale" / lang / "LC_MESSAGES" / "sphinx.po")
    return next(e.msgstr[0] for e in catalog.messages() if e.msgid == msgid)


def search_results(page) -> list[str]:  # noqa: ANN001
    """The pages a search page lists, once its search has finished (its heading says so)."""
    page.wait_for_function(
        "() => { const h = document.querySelector('#search-results h2');"
        " return h !== null && h.textContent === _('Search Results'); }",
        timeout=30_000,
    )
    found = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(a => a.href)")
    return [href.split("#")[0].split("?")[0] for href in found]


# -- the root page --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (KOREAN, "ko"),
        (["en-US", "en"], "en"),
        (["sv-SE", "sv"], "en"),  # a language the site does not have
        (["ja-JP", "ja"], "ja"),
        (["zh-CN", "zh"], "zh_CN"),
    ],
)
@in_browser
def test_root_lands_on_the_visitors_language(visit, site_url: str, languages: list[str], expected: str) -> None:
    page = visit(site_url, languages).page
    page.wait_for_url(f"{site_url}{expected}/index.html")
    assert lang_of(page) == lang_codes.bcp47(expected)
    assert page.evaluate("navigator.languages") == languages


@in_browser
def test_root_without_scripts_offers_every_language(visit, site_url: str) -> None:
    page = visit(site_url, KOREAN, js=False).page
    assert page.url == site_url
    links = page.locator("main a")
    assert links.all_inner_texts() == [lang_codes.display_name(lang) for lang in LANGUAGES]
    page.get_by_role("link", name="한국어").click()
    page.wait_for_url(f"{site_url}ko/index.html")
    assert lang_of(page) == "ko"


# -- a page in every language ---------------------------------------------------------------


@pytest.mark.parametrize("target", ["ja", "zh_CN", "en"])
@in_browser
def test_switcher_moves_from_the_korean_guide_to_the_same_page(visit, site_url: str, target: str) -> None:
    page = visit(guide_url(site_url, "ko"), KOREAN).page
    page.locator(f'nav.i18n-switcher-sidebar a[hreflang="{lang_codes.bcp47(target)}"]').click()
    page.wait_for_url(guide_url(site_url, target))
    assert lang_of(page) == lang_codes.bcp47(target)
    assert page.locator("nav.i18n-switcher-sidebar [aria-current=page]").inner_text() == lang_codes.display_name(target)


@pytest.mark.parametrize("lang", LANGUAGES)
@in_browser
def test_search_from_the_guide_finds_the_guide(visit, published: Published, lang: str) -> None:
    page = visit(guide_url(published.prefix_url, lang)).page
    box = page.locator("input.sidebar-search")
    box.fill(QUERIES[lang])
    box.press("Enter")
    page.wait_for_url(f"{published.prefix_url}{lang}/search.html?q=*")
    assert guide_url(published.prefix_url, lang) in search_results(page)


@in_browser
def test_out_of_date_translation_shows_its_banner(visit, published: Published) -> None:
    page = visit(guide_url(published.edited_url, "ko"), KOREAN).page
    banner = page.locator("aside.i18n-banner")
    assert banner.is_visible()
    assert ui_translation("ko", "This translation follows an older version of the English page.") in banner.inner_text()
    assert NEW_WORDS in page.locator("article").inner_text()  # the changed sentence, in English until translated
    banner.locator("a.i18n-banner-english").click()
    page.wait_for_url(guide_url(published.edited_url, "en"))
    current = visit(guide_url(published.root_url, "ko"), KOREAN).page
    assert current.locator("aside.i18n-banner").count() == 0


def _english_code_blocks() -> list[str]:
    body = frontmatter.read(ROOT / "source" / f"{GUIDE}.md").body
    return [t.content.rstrip("\n") for t in MarkdownIt("commonmark").parse(body) if t.type == "fence"]


COPY_EVERY_BLOCK = """async () => {
  const copied = [];
  for (const pre of document.querySelectorAll("article pre")) {
    const range = document.createRange();
    range.selectNodeContents(pre);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    if (!document.execCommand("copy")) throw new Error("copy refused");
    copied.push(await navigator.clipboard.readText());
    selection.removeAllRanges();
  }
  return copied;
}"""


@in_browser
def test_code_blocks_copy_the_same_text_in_every_language(visit, published: Published) -> None:
    english = _english_code_blocks()
    assert len(english) >= 8
    page = visit("about:blank").page  # one tab goes from language to language
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=published.root_url[:-1])
    for lang in LANGUAGES:
        response = page.goto(guide_url(published.root_url, lang))
        assert response is not None and response.ok, f"{lang}: {response and response.status}"
        copied = page.evaluate(COPY_EVERY_BLOCK)
        assert [text.rstrip("\n") for text in copied] == english, f"{lang}: copied code differs from the English page"


@pytest.mark.parametrize("lang", LANGUAGES)
@in_browser
def test_guide_screenshot_and_a_clean_load(visit, published: Published, artifacts: Path, lang: str, capsys) -> None:
    page = visit(guide_url(published.root_url, lang), KOREAN if lang == "ko" else None).page
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.locator("aside.i18n-banner").count() == 0
    if lang == "ko":  # lines break between words, as Korean is written, not inside them
        assert page.evaluate("getComputedStyle(document.querySelector('article')).wordBreak") == "keep-all"
    path = artifacts / f"guide-{lang}-1280.png"  # the desktop screenshot (test_reader_browser takes the phone's)
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 20_000
    with capsys.disabled():
        print(f"\n  screenshot: {path}", end="")


@in_browser
def test_every_page_of_the_site_loads_cleanly(visit, published: Published) -> None:
    names = sorted(p.relative_to(published.site).as_posix() for p in published.site.rglob("*.html"))
    names.remove("404.html")
    assert len(names) == 1 + len(LANGUAGES) * 6
    watch = visit(published.prefix_url)
    for name in names:
        response = watch.page.goto(published.prefix_url + quote(name))
        assert response.status == 200, name
        watch.page.wait_for_load_state("load")


# -- page not found -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("missing", "languages", "js", "first", "query"),
    [
        ("ko/providers/gone/litellm-setup.html", ["en-US", "en"], True, "ko", "litellm setup"),
        ("no/such/place.html", KOREAN, True, "ko", "place"),
        ("zh_CN/deep/er/still/missing.html", ["ja-JP", "ja"], True, "zh_CN", "missing"),
        ("ja/a/b/c/d.html", KOREAN, False, "en", ""),
    ],
)
@in_browser
def test_404_helps_at_any_depth(visit, published: Published, artifacts: Path, missing, languages, js, first, query):
    url = published.prefix_url + missing
    watch = visit(url, languages, js=js, allowed=(url,))
    page = watch.page
    assert watch.response.status == 404
    section = page.locator("main section").first
    assert section.get_attribute("data-lang") == first
    home = section.locator("a.home")
    assert home.evaluate("a => a.href") == f"{published.prefix_url}{first}/index.html"
    assert section.locator("input[name=q]").input_value() == query
    if js:
        assert lang_of(page) == lang_codes.bcp47(first)
        page.screenshot(path=str(artifacts / f"404-{first}.png"), full_page=True)
    home.click()
    page.wait_for_url(f"{published.prefix_url}{first}/index.html")
    assert lang_of(page) == lang_codes.bcp47(first)


@in_browser
def test_404_search_runs_in_the_sections_language(visit, published: Published) -> None:
    url = published.prefix_url + "ko/providers/LiteLLM.html"  # the guide is litellm.html
    page = visit(url, KOREAN, allowed=(url,)).page
    page.locator("main section").first.locator("button").click()
    page.wait_for_url(f"{published.prefix_url}ko/search.html?q=LiteLLM")
    assert guide_url(published.prefix_url, "ko") in search_results(page)
    assert lang_of(page) == "ko"
