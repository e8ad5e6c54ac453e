"""What a reader gets from the published site in Chromium: accessibility measured with axe-core,
phones, a switcher that keeps the reader's place and choice, and language matching by script.

The site and the browser are those of ``test_site_browser.py`` (its fixtures and helpers; this
module runs its own Chromium in a thread of its own). axe-core is the npm package pinned in
``tests/browser/package-lock.json`` (``npm ci --prefix tests/browser``, run by ``.ci/run``);
without it the accessibility tests skip locally and fail when ``CI`` is set, like the browser.
Screenshots of the status page at 1280 and 390 px wide and of the guide at 390 go to
``$I18N_TEST_ARTIFACTS`` (``<page>-<lang>-<width>.png``; the guide at 1280 is ``test_site_browser``'s).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import test_site_browser as site_browser
from babel import Locale
from test_site_browser import (
    GUIDE,
    KOREAN,
    NEW_PAGE,
    NEW_WORDS,
    QUERIES,
    REPOSITORY,
    guide_url,
    in_browser,
    lang_of,
    search_results,
)

from conftest import LANGUAGES, ROOT, TRANSLATIONS
from docs_i18n.core import languages as lang_codes
from docs_i18n.publish import landing

# test_site_browser's fixtures, instantiated for this module
chromium = site_browser.chromium
visit = site_browser.visit
published = site_browser.published
artifacts = site_browser.artifacts

AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Every kind of page, in every language (below the language folder).
PAGE_KINDS = {
    "home": "index.html",
    "guide": f"{GUIDE}.html",
    "status": "translation-status.html",
    "genindex": "genindex.html",
}
# axe's default rules and WCAG 2.2's target size (off by default); serious and critical fail.
AXE_RUN = """async () => {
  const result = await axe.run(document, {rules: {"target-size": {enabled: true}}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\\s+/g, " ")),
  }));
}"""


AXE_RUN_ONLY = AXE_RUN.replace("async () =>", "async (only) =>").replace(
    '{rules: {"target-size": {enabled: true}}, resultTypes', "{runOnly: only, resultTypes"
)
# The rules whose outcome depends on the colour scheme (axe's "color" tag): a page audited with
# every rule in the light scheme is audited again with these in the dark one.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        reason = f"axe-core is not installed at {AXE.relative_to(ROOT)}: run 'npm ci --prefix tests/browser'"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: the accessibility tests must run)")
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


def serious_problems(page, axe: str, only: tuple[str, ...] = ()) -> list[str]:  # noqa: ANN001
    """axe-core's serious and critical violations on *page*, one line each (*only*: these rules)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe)  # evaluated, not a <script>: it runs on a page with scripts off too
    found = page.evaluate(AXE_RUN_ONLY, list(only)) if only else page.evaluate(AXE_RUN)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def wait_until_ready(page) -> None:  # noqa: ANN001
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")


# -- accessibility ------------------------------------------------------------------------------


class Audit:
    """Opens pages in one colour scheme (or "both": light, then the colour rules in dark) and collects
    axe-core's serious and critical findings."""

    def __init__(self, visit, axe: str, scheme: str) -> None:  # noqa: ANN001
        self.visit, self.axe, self.scheme = visit, axe, scheme
        self.problems: list[str] = []
        self._pages: dict[tuple, object] = {}  # one watched page per viewport and visitor, reused

    def __call__(
        self, url: str, viewport: dict = DESKTOP, languages: list[str] | None = None, theme: str = "", **options
    ) -> None:
        """Audit *url*; *theme* is Furo's choice against the system's (``data-theme``: light, dark).

        Pages opened with the same viewport and visitor (no other *options*) are one browser tab
        that goes from address to address, as a reader's does."""
        scheme = "light" if self.scheme == "both" else self.scheme
        key = (viewport["width"], viewport["height"], tuple(languages or ()))
        page = self._pages.get(key) if not options else None
        if page is None:
            page = self.visit(url, languages, viewport=viewport, color_scheme=scheme, **options).page
            if not options:
                self._pages[key] = page
                # the tab's next pages get axe-core as they open (compiled once, not on each page)
                page.context.add_init_script(script=self.axe)
        else:
            page.emulate_media(color_scheme=scheme)
            response = page.goto(url)
            assert response is not None and response.ok, f"{url}: {response and response.status}"
        if theme:
            page.evaluate("theme => { document.body.dataset.theme = theme; }", theme)
        self._audit(page, url)

    def without_scripts(self, url: str) -> None:
        """*url* as a reader without scripts gets it (axe itself needs them: the page's are taken out)."""
        page = self.visit("about:blank", color_scheme=self.scheme, viewport=DESKTOP).page

        def strip(route) -> None:  # noqa: ANN001
            response = route.fetch()
            route.fulfill(response=response, body=re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.S))

        page.route(url, strip)
        page.goto(url)
        self._audit(page, url)

    def _audit(self, page, url: str) -> None:  # noqa: ANN001
        wait_until_ready(page)
        if "search.html" in url:
            search_results(page)
        self.problems.extend(serious_problems(page, self.axe))
        if self.scheme == "both":  # the same page in the dark scheme: the rules that read colours
            page.emulate_media(color_scheme="dark")
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches"), url
            self.problems.extend(f"[dark] {problem}" for problem in serious_problems(page, self.axe, COLOUR_RULES))

    def check(self) -> None:
        assert not self.problems, f"{len(self.problems)} serious accessibility problems:\n" + "\n".join(self.problems)


@pytest.mark.parametrize("lang", LANGUAGES)
@in_browser
def test_no_serious_accessibility_problem_on_any_kind_of_page(visit, published, axe_source, lang) -> None:
    """Every kind of page at both widths: every rule in the light scheme, the colour rules in the dark."""
    audit = Audit(visit, axe_source, "both")
    base = f"{published.prefix_url}{lang}/"
    for path in PAGE_KINDS.values():
        audit(base + path)
    audit(f"{base}search.html?q={QUERIES[lang]}")
    audit(f"{base}{GUIDE}.html", PHONE)
    audit(f"{base}translation-status.html", PHONE)
    audit.check()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@in_browser
def test_no_serious_accessibility_problem_on_the_sites_own_pages(visit, published, axe_source, scheme) -> None:
    audit = Audit(visit, axe_source, scheme)
    audit.without_scripts(published.prefix_url)  # the root page (with scripts it moves on at once)
    missing = f"{published.prefix_url}ko/providers/gone.html"
    audit(missing, DESKTOP, KOREAN, allowed=(missing,))
    audit(missing, PHONE, KOREAN, allowed=(missing,))
    # an out-of-date translation: the banner, the switcher's mark and the status page's states
    audit(guide_url(published.edited_url, "ko"), DESKTOP, KOREAN)
    audit(guide_url(published.edited_url, "ko"), PHONE, KOREAN)
    audit(f"{published.edited_url}ko/index.html", PHONE, KOREAN)
    audit(f"{published.edited_url}ko/translation-status.html", DESKTOP, KOREAN)
    # the reader's own choice in Furo's theme switch, against the system's
    other = "dark" if scheme == "light" else "light"
    audit(guide_url(published.edited_url, "ko"), DESKTOP, KOREAN, theme=other)
    audit(f"{published.edited_url}ko/translation-status.html", DESKTOP, KOREAN, theme=other)
    audit.check()


@in_browser
def test_axe_finds_what_it_is_asked_to_find(visit, published, axe_source: str) -> None:
    """The check above can fail: a low-contrast label and a tiny link are found on a real page."""
    page = visit(guide_url(published.root_url, "ko")).page
    page.evaluate(
        """() => {
        const div = document.createElement("div");
        const tiny = 'style="display:block;float:left;width:12px;height:12px;overflow:hidden"';
        div.innerHTML = '<p style="color:#00c852;background:#fff">현재</p>'
          + `<a href="#a" ${tiny}>a</a><a href="#b" ${tiny}>b</a>`;
        document.querySelector("article").prepend(div);
    }"""
    )
    found = "\n".join(serious_problems(page, axe_source))
    assert "color-contrast" in found and "target-size" in found


# -- phones -------------------------------------------------------------------------------------

# Every text of the status page's content: where it ends, and how many characters a line holds.
MEASURE_TEXT = """() => {
  const out = [];
  for (const el of document.querySelectorAll("#translation-status th, #translation-status td")) {
    const text = el.innerText.trim();
    if (!text) continue;
    const box = el.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    const lines = Math.max(1, Math.round((el.clientHeight - parseFloat(getComputedStyle(el).paddingTop)
      - parseFloat(getComputedStyle(el).paddingBottom)) / lineHeight));
    out.push({text, right: box.right, left: box.left, perLine: text.replace(/\\s+/g, "").length / lines});
  }
  return {cells: out, width: innerWidth, scrollWidth: document.scrollingElement.scrollWidth};
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@in_browser
def test_status_page_reads_on_a_phone(visit, published, artifacts: Path, lang: str, capsys) -> None:
    page = visit(f"{published.root_url}{lang}/translation-status.html", viewport=PHONE).page
    wait_until_ready(page)
    measured = page.evaluate(MEASURE_TEXT)
    assert measured["scrollWidth"] <= measured["width"], "the page scrolls sideways"
    assert len(measured["cells"]) >= 3 * len(LANGUAGES)
    for cell in measured["cells"]:
        assert cell["left"] >= 0 and cell["right"] <= measured["width"] + 0.5, f"off-screen: {cell}"
        assert cell["perLine"] >= 3 or len(cell["text"]) < 3, f"squeezed to a few characters a line: {cell}"
    # the status page at both widths and the guide on a phone (its desktop screenshot is
    # test_site_browser's guide-<lang>-1280.png): one tab per width, the phone's the page measured
    desktop = visit(f"{published.root_url}{lang}/translation-status.html", viewport=DESKTOP).page
    for shot, name, size in ((page, "status", PHONE), (desktop, "status", DESKTOP), (page, "guide", PHONE)):
        if name == "guide":
            shot.goto(guide_url(published.root_url, lang))
        wait_until_ready(shot)
        target = artifacts / f"{name}-{lang}-{size['width']}.png"
        shot.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
        with capsys.disabled():
            print(f"\n  screenshot: {target}", end="")


@pytest.mark.parametrize("lang", LANGUAGES)
@in_browser
def test_the_header_has_the_switcher_on_a_phone(visit, published, lang: str) -> None:
    target = next(other for other in LANGUAGES if other != lang)
    page = visit(guide_url(published.prefix_url, lang) + "#virtual-keys", viewport=PHONE).page
    header = page.locator("header.mobile-header nav.i18n-switcher")
    summary = header.locator("summary")
    assert summary.is_visible()
    assert summary.locator("svg").is_visible()  # an icon
    assert summary.inner_text().strip() == lang_codes.display_name(lang)  # and a label: the page's language
    assert header.get_attribute("aria-label") == (
        "Languages" if lang == "en" else site_browser.ui_translation(lang, "Languages")
    )
    assert not page.locator(".sidebar-drawer nav.i18n-switcher").is_visible()
    assert page.locator("nav.i18n-switcher:visible").count() == 1  # one switcher at a time
    box = summary.bounding_box()
    assert box["height"] >= 24 and box["x"] + box["width"] <= PHONE["width"]
    summary.click()
    link = header.locator(f'a[hreflang="{lang_codes.bcp47(target)}"]')
    assert link.is_visible()
    link.click()
    page.wait_for_url(guide_url(published.prefix_url, target) + "#virtual-keys")
    assert lang_of(page) == lang_codes.bcp47(target)
    wide = visit(guide_url(published.prefix_url, lang), viewport=DESKTOP).page
    assert not wide.locator("header.mobile-header").is_visible()
    assert wide.locator(".sidebar-drawer nav.i18n-switcher").is_visible()


# -- the switcher keeps the reader's place ------------------------------------------------------


@in_browser
def test_switching_language_keeps_the_section(visit, published) -> None:
    base = published.prefix_url
    page = visit(guide_url(base, "ko") + "#virtual-keys", KOREAN).page
    page.locator('.sidebar-drawer nav.i18n-switcher a[hreflang="ja"]').click()
    page.wait_for_url(guide_url(base, "ja") + "#virtual-keys")
    # the reader is taken to the section (once the page has settled: fonts move it)
    page.wait_for_function("() => Math.abs(document.getElementById('virtual-keys').getBoundingClientRect().top) < 100")
    # a section the reader moves to after the page loaded (a link to it on the page)
    page.locator('article a.headerlink[href="#model-routing"]').dispatch_event("click")
    page.wait_for_url("**#model-routing")
    page.locator('.sidebar-drawer nav.i18n-switcher a[hreflang="zh-CN"]').click()
    page.wait_for_url(guide_url(base, "zh_CN") + "#model-routing")


@in_browser
def test_switching_language_keeps_the_search(visit, published) -> None:
    base = published.prefix_url
    page = visit(f"{base}ko/search.html?q=LiteLLM", KOREAN).page
    assert guide_url(base, "ko") in search_results(page)
    page.locator('.sidebar-drawer nav.i18n-switcher a[hreflang="en"]').click()
    page.wait_for_url(f"{base}en/search.html?q=LiteLLM")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["LiteLLM"]}
    assert guide_url(base, "en") in search_results(page)


@pytest.mark.parametrize("where", ["root", "prefix"])
@in_browser
def test_the_root_page_honours_the_readers_earlier_choice(visit, published, where: str) -> None:
    base = published.root_url if where == "root" else published.prefix_url
    watch = visit(base, KOREAN)
    page = watch.page
    page.wait_for_url(f"{base}ko/index.html")
    page.locator('.sidebar-drawer nav.i18n-switcher a[hreflang="ja"]').click()
    page.wait_for_url(f"{base}ja/index.html")
    page.goto(base)  # navigator.languages still says Korean
    page.wait_for_url(f"{base}ja/index.html")
    assert lang_of(page) == "ja"
    if where == "prefix":  # the page-not-found page offers the chosen language first too
        missing = f"{base}no/such/page.html"
        watch.allowed = (missing,)
        page.goto(missing)
        assert page.locator("main section").first.get_attribute("data-lang") == "ja"
    other = visit(base, KOREAN).page  # another browser profile: nothing remembered
    other.wait_for_url(f"{base}ko/index.html")


# -- languages matched by script ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["zh-TW", "zh"], "zh_TW"),  # the site has Traditional Chinese: its readers land there
        (["zh-TW"], "zh_TW"),
        (["zh-HK", "ja-JP"], "zh_TW"),
        (["zh-Hant", "ko"], "zh_TW"),
        (["zh-SG"], "zh_CN"),
        (["zh-Hans"], "zh_CN"),
    ],
)
@in_browser
def test_root_matches_languages_by_script(visit, published, languages: list[str], expected: str) -> None:
    page = visit(published.prefix_url, languages).page
    page.wait_for_url(f"{published.prefix_url}{expected}/index.html")
    assert page.evaluate("navigator.languages") == languages


@in_browser
def test_scripts_agree_with_the_browsers_cldr(visit, published) -> None:
    """The likely script the page infers (CLDR through Babel) is the browser's own (Intl.Locale)."""
    regions = sorted(code for code in Locale("en").territories if code.isalpha() or code.isdigit())
    tags = [f"{lang.split('_')[0]}-{region}" for lang in LANGUAGES for region in regions]
    tags += ["zh", "zh-Hant", "zh-Hans-TW", "ko", "ja", "en"]
    page = visit(guide_url(published.root_url, "en")).page
    pairs = page.evaluate(
        "([tags, scripts]) => tags.map(t => [docsI18n.scriptOf(t, scripts), new Intl.Locale(t).maximize().script])",
        [tags, landing.script_table(list(LANGUAGES))],
    )
    differ = [(tag, ours, theirs) for tag, (ours, theirs) in zip(tags, pairs, strict=True) if ours != theirs.lower()]
    assert not differ, differ[:20]


# -- the page-not-found page ---------------------------------------------------------------------


@in_browser
def test_404_without_scripts_is_titled_in_every_language(visit, published) -> None:
    url = published.prefix_url + "ko/gone.html"
    page = visit(url, KOREAN, js=False, allowed=(url,)).page
    sections = page.locator("main section")
    titles = [sections.nth(i).locator("h1").inner_text() for i in range(sections.count())]
    assert len(set(titles)) == len(LANGUAGES)
    assert page.title() == " · ".join(titles) + " · OpenClaw"
    assert lang_of(page) == sections.first.get_attribute("lang") == "en"


@in_browser
def test_404_breaks_korean_between_words_and_nothing_else(visit, published) -> None:
    url = published.prefix_url + "ko/gone.html"
    page = visit(url, KOREAN, allowed=(url,), viewport=PHONE).page
    assert lang_of(page) == "ko"
    breaks = page.evaluate(
        """[...document.querySelectorAll("main section")].map(
            s => [s.dataset.lang, getComputedStyle(s.querySelector("p:not(.language)")).wordBreak])"""
    )
    assert dict(breaks) == {lang: "keep-all" if lang == "ko" else "normal" for lang in LANGUAGES}
    assert page.title().startswith(site_browser.ui_translation("ko", "Page not found"))


@in_browser
def test_korean_pages_keep_korean_words_whole_and_nothing_else(visit, published) -> None:
    page = visit(guide_url(published.root_url, "ko"), KOREAN).page
    style = "el => getComputedStyle(el).wordBreak"
    assert page.locator("article p").first.evaluate(style) == "keep-all"
    assert page.locator('.sidebar-drawer nav.i18n-switcher a[lang="ja"]').evaluate(style) == "normal"
    assert page.locator('.sidebar-drawer nav.i18n-switcher a[lang="zh-CN"]').evaluate(style) == "normal"


# -- no English left -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATIONS)
@in_browser
def test_heading_links_are_named_in_the_pages_language(visit, published, lang: str) -> None:
    page = visit(guide_url(published.root_url, lang)).page
    titles = set(page.eval_on_selector_all("article a.headerlink", "links => links.map(a => a.title)"))
    assert titles == {site_browser.ui_translation(lang, "Link to this heading")}


# -- phones, keyboards and print (issue 20) -----------------------------------------------------

BACK_TO_TOP_SHOWN = """() => { const pill = document.querySelector('.back-to-top');
  return pill !== null && getComputedStyle(pill).display !== 'none'; }"""


@in_browser
def test_the_phone_menu_is_above_the_back_to_top_pill(visit, published) -> None:
    """After scrolling up a little (Furo shows its pill), each item of the open menu is what a tap at
    its centre hits, and at points across it (a finger is wider than a point)."""
    page = visit(guide_url(published.prefix_url, "ko"), viewport=PHONE).page
    wait_until_ready(page)
    page.mouse.wheel(0, 2400)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    page.wait_for_function(BACK_TO_TOP_SHOWN)  # the pill is there before the menu opens
    page.locator("header.mobile-header nav.i18n-switcher summary").click()
    hidden = []
    for link in page.locator("header.mobile-header nav.i18n-switcher li > a").all():
        hit = link.evaluate(
            """a => { const r = a.getBoundingClientRect();
                      return [0.1, 0.3, 0.5, 0.7, 0.9].every(f => {
                        const e = document.elementFromPoint(r.x + r.width * f, r.y + r.height / 2);
                        return e !== null && (e === a || a.contains(e)); }); }"""
        )
        if not hit:
            hidden.append(link.inner_text())
    assert hidden == [], f"under another element: {hidden}"


TABBABLE_OFF_SCREEN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  // beside the viewport (a closed drawer): no scrolling brings it in; above or below, the browser scrolls to it
  const off = r.right <= 0 || r.left >= innerWidth || r.width === 0;
  return off ? (e.outerHTML.slice(0, 120)) : "";
}"""


@in_browser
def test_tab_never_focuses_the_closed_drawers_on_a_phone(visit, published) -> None:
    page = visit(guide_url(published.prefix_url, "ko"), viewport=PHONE).page
    wait_until_ready(page)
    off_screen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        page.wait_for_timeout(100)
        found = page.evaluate(TABBABLE_OFF_SCREEN)
        if found:
            off_screen.append(found)
    assert off_screen == [], "Tab focused elements outside the viewport:\n" + "\n".join(off_screen)
    # the drawer, once opened, is reachable
    page.locator("header.mobile-header label.nav-overlay-icon").click()
    page.wait_for_timeout(400)
    assert page.locator(".sidebar-drawer a.reference").first.is_visible()


@in_browser
def test_the_phone_menu_closes_when_focus_leaves_it(visit, published) -> None:
    page = visit(guide_url(published.prefix_url, "ko"), viewport=PHONE).page
    menu = page.locator("header.mobile-header details.i18n-menu")
    menu.locator("summary").focus()
    page.keyboard.press("Enter")
    assert menu.evaluate("d => d.open")
    menu.locator("li > a").last.focus()
    page.keyboard.press("Tab")
    assert not menu.evaluate("d => d.open"), "the menu stays open after the focus left it"
    assert not menu.evaluate("d => d.contains(document.activeElement)")


@pytest.mark.parametrize("lang", ["en", "ko", "ar"])
@in_browser
def test_print_has_no_skip_link_nor_drawer_rules(visit, published, artifacts: Path, lang: str) -> None:
    page = visit(guide_url(published.root_url, lang), viewport=DESKTOP).page
    wait_until_ready(page)
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => [...document.querySelectorAll('.skip-to-content, .sidebar-drawer, .toc-drawer, .back-to-top')]
                 .filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)"""
    )
    assert shown == [], f"printed: {shown}"
    # no vertical rule taller than a few lines beside the text (a drawer's border, a sidebar's)
    rules = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(e => {
             const s = getComputedStyle(e), r = e.getBoundingClientRect();
             const side = ['Left', 'Right'].some(k => parseFloat(s['border' + k + 'Width']) > 0
                                                   && s['border' + k + 'Style'] !== 'none');
             return side && r.height > 400 && s.display !== 'none' && !e.closest('pre, table, .highlight');
           }).map(e => e.tagName + '.' + e.className)"""
    )
    assert rules == [], f"vertical rules printed: {rules}"
    pdf = artifacts / f"print-{lang}.png"
    page.screenshot(path=str(pdf), full_page=True)


@in_browser
def test_the_banner_explains_the_mark_links_to_english_and_dates_the_change(visit, published) -> None:
    page = visit(guide_url(published.edited_url, "ko"), KOREAN).page
    banner = page.locator("aside.i18n-banner")
    text = banner.inner_text()
    assert (
        site_browser.ui_translation("ko", "Passages still in English are marked with a dotted line at their start.")
        in text
    )
    changed = banner.locator(".i18n-banner-changed")
    assert changed.get_attribute("data-date-source") in ("git", "file")
    iso = changed.get_attribute("data-date")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso)
    year, month, day = (int(x) for x in iso.split("-"))
    assert f"{year}년 {month}월 {day}일" in changed.inner_text()
    banner.locator("a.i18n-banner-first").click()
    target = page.locator("#i18n-first-english")
    assert target.get_attribute("lang") == "en"
    assert "i18n-fallback" in target.get_attribute("class")
    # the passage is scrolled to (once the page has settled: fonts move it)
    page.wait_for_function(
        "() => { const r = document.getElementById('i18n-first-english').getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight; }",
        timeout=15_000,
    )
    assert NEW_WORDS in target.inner_text()


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
@in_browser
def test_search_results_screenshot(visit, published, artifacts: Path, size: dict) -> None:
    for lang in ("en", "ko"):
        page = visit(f"{published.root_url}{lang}/search.html?q={QUERIES[lang]}", viewport=size).page
        assert search_results(page)
        target = artifacts / f"search-{lang}-{size['width']}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000


@in_browser
def test_a_toctree_entry_of_an_untranslated_page_is_english_and_counted(visit, published) -> None:
    page = visit(f"{published.edited_url}ko/index.html", KOREAN).page
    toctree = page.locator("article .toctree-wrapper")
    english = toctree.locator('a[lang="en"]')
    assert english.all_inner_texts() == ["Ollama", "Install Ollama"]
    for link in english.all():
        assert "i18n-fallback" in link.get_attribute("class")
        assert link.evaluate("a => getComputedStyle(a).borderInlineStartStyle") == "dotted"  # the mark
    assert toctree.locator("a:not([lang])").count() > 0  # the translated pages' entries are not marked
    percent = page.locator('meta[name="x-i18n-percent-translated"]').get_attribute("content")
    assert float(percent) < 100.0
    banner = page.locator("aside.i18n-banner")
    assert banner.locator(".i18n-banner-percent").get_attribute("data-percent") == percent
    status = visit(f"{published.edited_url}ko/translation-status.html", KOREAN).page
    cell = status.locator('tr[data-page="index.md"] td[data-lang="ko"]')
    assert cell.get_attribute("data-percent") == percent
    # the English page (the sidebar's toctree too) is not marked
    english_home = visit(f"{published.root_url}en/index.html").page
    assert english_home.locator('.toctree-wrapper a[lang="en"]').count() == 0


@in_browser
def test_status_page_orders_dates_and_links_each_catalog(visit, published) -> None:
    page = visit(f"{published.edited_url}ko/translation-status.html", KOREAN).page
    rows = page.locator("table.i18n-status-pages tbody tr")
    order = [row.get_attribute("data-page") for row in rows.all()]
    assert order == ["index.md", "concepts/model-providers.md", f"{GUIDE}.md", f"{NEW_PAGE}.md"]  # toctree order
    for row in rows.all():
        when = row.locator("td.i18n-status-changed time")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", when.get_attribute("datetime"))
        assert when.get_attribute("data-date-source") in ("git", "file")
        page_id = row.get_attribute("data-page")
        docname = page_id.removesuffix(".md")
        help_link = row.locator("a.i18n-status-help")
        catalogs = row.locator("a.i18n-status-catalog")
        if page_id == f"{NEW_PAGE}.md":  # no catalog in the repository yet: nothing to link to
            assert help_link.count() == 0 and catalogs.count() == 0
            continue
        assert help_link.inner_text() == site_browser.ui_translation("ko", "Help translate this page")
        assert help_link.get_attribute("href") == f"{REPOSITORY}locale/ko/LC_MESSAGES/{docname}.po"
        assert catalogs.count() == len(TRANSLATIONS)
        for link in catalogs.all():
            lang = link.locator("xpath=..").get_attribute("data-lang")
            assert link.get_attribute("href") == f"{REPOSITORY}locale/{lang}/LC_MESSAGES/{docname}.po"
    details = page.locator("details.i18n-status-maintainers")
    details.locator("summary").click()
    note = site_browser.ui_translation("ko", "The English page changed since this translation was completed.")
    assert note in details.locator('li[data-state="stale"]').first.inner_text()
    assert site_browser.ui_translation("ko", "Next step:") in details.inner_text()
    banner = visit(guide_url(published.edited_url, "ko"), KOREAN).page.locator("aside.i18n-banner")
    assert banner.locator(".i18n-banner-help a").get_attribute("href") == (
        f"{REPOSITORY}locale/ko/LC_MESSAGES/{GUIDE}.po"
    )
    unset = visit(f"{published.root_url}ko/translation-status.html", KOREAN).page  # conf.py names no repository
    assert unset.locator("a.i18n-status-help, a.i18n-status-catalog").count() == 0
