"""Reader truth: what a page says about its translation is what the reader sees on it.

One copy of the project, in the states a maintainer meets between an English edit
and a translator's (module fixture), its conf.py cut down to English, Korean, Japanese and
Simplified Chinese (the suite builds all of conf.py's languages once only, in ``built_site``),
built in each (strict, as ``make html``) with the templates of ``make gettext``:

- one sentence of the guide edited, without ``make update-po``: the three translations
  show it in English;
- a new page (``providers/ollama``) with no catalog in any language, added to the home
  page's toctree: the home page's own text is unchanged, but its toctree shows the new
  page's title in English, which is marked and counted;
- a code block of the concepts page edited: its English hash changes, but none of its text;
- in Japanese, one message of the concepts page untranslated; in Chinese, one fuzzy.

``scripts/i18n status`` must count exactly what the built pages say (every page, every
language), and the pages must tell readers and machines the truth about each case.
A separate non-strict Korean build has a translation the guard refuses.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import LANGUAGES as CONF_LANGUAGES
from conftest import ROOT, copy_project, keep_languages, run_cli, sphinx_build
from docs_i18n.core import pages, pofile
from docs_i18n.publish import site_urls, ui_strings
from docs_i18n.status import coverage, states
from htmlutil import Node, parse, squash

# The languages of this module's project copy: conf.py's source language and the three whose
# catalogs the module edits (ko, ja, zh_CN); the whole site's languages are test_site.py's.
LANGUAGES = (CONF_LANGUAGES[0], "ko", "ja", "zh_CN")
TRANSLATIONS = LANGUAGES[1:]

BASE = "https://docs.example.org/openclaw/"
GUIDE = "providers/litellm"
OLD = "That's it. OpenClaw now routes through LiteLLM."
NEW = "That's it. OpenClaw now sends every request through LiteLLM."
NEW_PAGE = "providers/ollama"
NEW_PAGE_TEXT = """---
summary: "Run OpenClaw with local models through Ollama"
---

# Ollama

Ollama runs open models on your own machine. OpenClaw talks to it like any other provider.

```bash
ollama serve
```
"""
CONCEPTS = "concepts/model-providers"
UNTRANSLATED_JA = "Defining a provider"
FUZZY_ZH = "Model providers"
STATUS_PAGE = "translation-status"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Site:
    project: Path
    out: Path  # out/<lang>/<page>.html, out/sitemap.xml
    templates: Path  # the .pot templates of the gettext builder
    status: dict  # scripts/i18n status --format json, with the templates
    pages: list[str]  # docnames

    def html(self, lang: str, page: str) -> Node:
        return parse(self.out / lang / f"{page}.html")

    def state(self, lang: str, page: str) -> dict:
        return next(p for p in self.status["pages"] if p["lang"] == lang and pages.docname(p["page"]) == page)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} not found exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _set_entry(path: Path, msgid: str, *, msgstr: str | None = None, fuzzy: bool = False) -> None:
    """Blank a message's translation, or flag it fuzzy, as a translator's tool would leave it."""
    text = path.read_text(encoding="utf-8")
    entry = re.compile(rf'\n(msgid "{re.escape(msgid)}"\nmsgstr "[^"\n]*")\n')
    match = entry.search(text)
    assert match, f"{path}: no single-line entry for {msgid!r}"
    new = match.group(1)
    if msgstr is not None:
        new = f'msgid "{msgid}"\nmsgstr "{msgstr}"'
    if fuzzy:
        new = "#, fuzzy\n" + new
    path.write_text(text[: match.start(1)] + new + text[match.end(1) :], encoding="utf-8")


def _build_site(project: Path, out: Path) -> None:
    for lang in LANGUAGES:
        result = sphinx_build(project, lang, out)
        assert result.code == 0, f"{lang} build failed:\n{result.err}"
    langs = [arg for lang in LANGUAGES for arg in ("--lang", lang)]
    result = run_cli("sitemap", "--out", out, "--base-url", BASE, "--source", project / "source", *langs, root=project)
    assert result.code == 0, result.err


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    base = tmp_path_factory.mktemp("truth")
    project = keep_languages(copy_project(base / "project"), LANGUAGES)
    source, locale = project / "source", project / "locale"
    _replace(source / f"{GUIDE}.md", OLD, NEW)
    (source / f"{NEW_PAGE}.md").write_text(NEW_PAGE_TEXT, encoding="utf-8")
    _replace(source / "index.md", "providers/litellm\n```", f"providers/litellm\n{NEW_PAGE}\n```")
    _replace(source / f"{CONCEPTS}.md", 'models: [{ id: "llama3.1"', 'models: [{ id: "llama3.2"')
    _set_entry(pages.catalog_path(locale, "ja", f"{CONCEPTS}.md"), UNTRANSLATED_JA, msgstr="")
    _set_entry(pages.catalog_path(locale, "zh_CN", f"{CONCEPTS}.md"), FUZZY_ZH, fuzzy=True)
    out = base / "html"
    _build_site(project, out)
    gettext = sphinx_build(project, "en", base / "gettext", builder="gettext")
    assert gettext.code == 0, gettext.err
    templates = base / "gettext" / "en"
    result = run_cli("status", "--format", "json", "--templates", templates, root=project)
    assert result.code == 0, result.err
    status = json.loads(result.out)
    return Site(project, out, templates, status, [pages.docname(p) for p in pages.walk_pages(source)])


def ui_translation(lang: str, msgid: str) -> str:
    catalog = pofile.read(ROOT / "locale" / lang / "LC_MESSAGES" / "sphinx.po")
    found = next(e for e in catalog.messages() if e.msgid == msgid)
    assert found.state == "translated", f"{lang}: {msgid!r} is not translated in the UI catalog"
    return found.msgstr[0]


def metas(root: Node) -> dict[str, str]:
    return {
        m.attrs["name"]: m.attrs["content"]
        for m in root.find_all("meta")
        if m.attrs.get("name", "").startswith("x-i18n-") or m.attrs.get("name") == "robots"
    }


def hreflangs(root: Node) -> dict[str, str]:
    return {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in root.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }


def switcher_marks(root: Node) -> dict[str, str]:
    nav = root.find("nav", cls="i18n-switcher")
    return {
        (li.find("a") or li.find("span")).attrs["lang"]: li.attrs["class"].split()[-1].removeprefix("i18n-")
        for li in nav.find_all("li")
        if "i18n-marked" in (li.attrs.get("class") or "")
    }


def english_blocks(root: Node) -> list[Node]:
    return [node for node in root.find("article").iter() if node.attrs.get("lang") == "en"]


# -- one definition of coverage ------------------------------------------------------------


def test_status_counts_what_every_built_page_shows(site: Site) -> None:
    """Every (page, language): status (from the templates) and the built page agree, message for message."""
    checked = 0
    for entry in site.status["pages"]:
        assert entry["measured"] == "templates", entry
        head = metas(site.html(entry["lang"], pages.docname(entry["page"])))
        total = entry["translated"] + entry["english"]
        assert entry["english"] == entry["fuzzy"] + entry["untranslated"]
        assert head["x-i18n-messages"] == str(total), entry["page"]
        assert head["x-i18n-messages-translated"] == str(entry["translated"]), (entry["lang"], entry["page"])
        assert head["x-i18n-percent-translated"] == str(entry["percent_translated"])
        assert head["x-i18n-reader-state"] == entry["reader_state"]
        assert head["x-i18n-state"] == entry["state"]
        checked += 1
    assert checked == len(TRANSLATIONS) * len(site.pages) == len(TRANSLATIONS) * 4


def test_the_templates_list_the_messages_each_page_renders(site: Site) -> None:
    """The .pot of a page, with the headings its toctrees show of other pages (the templates' record),
    and the build's own count of its messages are the same list."""
    record = json.loads((site.templates / "docs_i18n-templates.json").read_text(encoding="utf-8"))
    assert [entry[0] for entry in record["toctrees"]["index.md"]].count(f"{NEW_PAGE}.md") == 1
    for page in site.pages:
        messages = [e.msgid for e in pofile.read(site.templates / f"{page}.pot").messages()]
        assert len(set(messages)) == len(messages)
        shown = metas(site.html("ko", page))["x-i18n-messages"]
        assert shown == str(len(messages) + len(record["toctrees"].get(f"{page}.md", []))), page


def test_the_status_page_of_every_language_agrees(site: Site) -> None:
    expected = {
        (p["lang"], p["page"]): (p["state"], p["reader_state"], str(p["percent_translated"]))
        for p in site.status["pages"]
    }
    for lang in LANGUAGES:
        root = site.html(lang, STATUS_PAGE)
        cells = {
            (td.attrs["data-lang"], tr.attrs["data-page"]): (
                td.attrs["data-state"],
                td.attrs["data-reader-state"],
                td.attrs.get("data-percent"),
            )
            for tr in root.find("table", cls="i18n-status-pages").find_all("tr")
            if "data-page" in tr.attrs
            for td in tr.find_all("td")
            if "data-lang" in td.attrs
        }
        assert cells == expected, lang
        for tr in root.find("table", cls="i18n-status-languages").find_all("tr"):
            if "data-lang" not in tr.attrs:
                continue
            summary = site.status["languages"][tr.attrs["data-lang"]]
            assert tr.find("td", cls="i18n-status-percent").attrs["data-percent"] == str(summary["percent_translated"])
            cells = [td for td in tr.find_all("td") if "data-reader-count" in td.attrs]
            assert {td.attrs["data-reader-count"]: int(td.text()) for td in cells} == summary["reader_states"]


def test_a_page_without_a_catalog_counts_all_its_messages_as_english(site: Site) -> None:
    for lang in TRANSLATIONS:
        entry = site.state(lang, NEW_PAGE)
        assert entry["state"] == "missing" and entry["translated"] == 0 and entry["untranslated"] == 3
        summary = site.status["languages"][lang]
        assert summary["english"] >= 4  # the new page's 3 messages and the edited sentence
        assert summary["percent_translated"] < 100.0


def test_fuzzy_and_untranslated_messages_are_english(site: Site) -> None:
    ja, zh = site.state("ja", CONCEPTS), site.state("zh_CN", CONCEPTS)
    # stale (a code block changed) with a message in English: outdated for readers
    assert (ja["untranslated"], ja["fuzzy"], ja["reader_state"]) == (1, 0, "outdated")
    assert (zh["untranslated"], zh["fuzzy"], zh["reader_state"]) == (0, 1, "outdated")
    heading = site.html("zh_CN", CONCEPTS).find("h1")
    assert squash(heading.text()).startswith(FUZZY_ZH) and heading.attrs.get("lang") == "en"


@given(st.lists(st.text(min_size=1, max_size=3), max_size=20), st.sets(st.text(min_size=1, max_size=3)))
def test_coverage_counts_each_message_once(messages: list[str], shown: set[str]) -> None:
    found = coverage.measure(messages, shown)
    unique = set(messages)
    assert found.total == len(unique)
    assert found.translated == len(unique & shown)
    assert found.percent_translated == (100.0 if not unique else round(100 * len(unique & shown) / len(unique), 1))


# -- fallback text is marked -------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_english_text_in_a_translated_page_is_marked(site: Site, lang: str) -> None:
    root = site.html(lang, GUIDE)
    marked = english_blocks(root)
    assert [squash(node.text()).replace("\u2019", "'") for node in marked] == [NEW]  # SmartQuotes, but not in ja/zh
    block = marked[0]
    assert block.tag == "p" and block.attrs["dir"] == "ltr"
    assert "i18n-fallback" in block.attrs["class"].split()
    assert block.attrs["title"] == ui_translation(lang, ui_strings.FALLBACK_TITLE)
    assert root.find("html").attrs["lang"] == lang.replace("_", "-")
    assert root.find("article").attrs.get("lang") is None


def test_a_fully_translated_page_has_no_marks(site: Site) -> None:
    for lang in TRANSLATIONS:
        if lang not in ("ja", "zh_CN"):
            assert english_blocks(site.html(lang, CONCEPTS)) == [], lang


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_a_toctree_entry_of_an_untranslated_page_is_english_marked_and_counted(site: Site, lang: str) -> None:
    root = site.html(lang, "index")
    toctree = root.find("article").find("div", cls="toctree-wrapper")
    english = [a for a in toctree.find_all("a") if a.attrs.get("lang") == "en"]
    # the new page's title, and the concepts page's heading left untranslated (ja) or fuzzy (zh_CN)
    in_english = {"ja": [UNTRANSLATED_JA], "zh_CN": [FUZZY_ZH]}.get(lang, [])
    assert [squash(a.text()) for a in english] == [*in_english, "Ollama"]
    for link in english:
        assert "i18n-fallback" in link.attrs["class"].split() and link.attrs["dir"] == "ltr"
        assert link.attrs["title"] == ui_translation(lang, ui_strings.FALLBACK_TITLE)
    # the other pages' headings are translated, and not marked
    assert all(a.attrs.get("lang") is None for a in toctree.find_all("a") if a not in english)
    entry = site.state(lang, "index")
    assert (entry["english"], entry["reader_state"]) == (len(in_english) + 1, "outdated")
    assert entry["percent_translated"] < 100.0
    assert metas(root)["x-i18n-percent-translated"] == str(entry["percent_translated"])
    banner = root.find("aside", cls="i18n-banner")
    assert banner.find("span", cls="i18n-banner-percent").attrs["data-percent"] == str(entry["percent_translated"])


# -- an untranslated page is not presented as a translation ---------------------------------------


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_untranslated_page_is_an_english_page_in_the_translated_theme(site: Site, lang: str) -> None:
    root = site.html(lang, NEW_PAGE)
    tag = lang.replace("_", "-")
    assert root.find("html").attrs["lang"] == tag  # the theme speaks the reader's language
    article = root.find("article")
    assert (article.attrs["lang"], article.attrs["dir"]) == ("en", "ltr")
    banner = article.find("aside", cls="i18n-banner")
    assert banner.attrs["lang"] == tag and banner.attrs["data-i18n-reader-state"] == "untranslated"
    assert english_blocks(root) == []  # the whole article is English: no mark per block
    assert "i18n-fallback" not in article.find("p").attrs.get("class", "")
    head = metas(root)
    assert head["robots"] == "noindex"
    assert head["x-i18n-reader-state"] == "untranslated"
    assert hreflangs(root) == {}
    assert root.find("link", rel="canonical").attrs["href"] == f"{BASE}en/{NEW_PAGE}.html"


def test_other_languages_do_not_offer_the_untranslated_page(site: Site) -> None:
    for lang in LANGUAGES:
        root = site.html(lang, NEW_PAGE)
        assert switcher_marks(root) == {t.replace("_", "-"): "missing" for t in TRANSLATIONS}, lang
    english = site.html("en", NEW_PAGE)
    assert hreflangs(english) == {"en": f"{BASE}en/{NEW_PAGE}.html", "x-default": f"{BASE}en/{NEW_PAGE}.html"}
    assert "robots" not in metas(english)
    assert english.find("link", rel="canonical").attrs["href"] == f"{BASE}en/{NEW_PAGE}.html"


def test_sitemap_lists_only_what_pages_say_is_indexable(site: Site) -> None:
    root = ET.parse(site.out / "sitemap.xml").getroot()
    entries = {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }
    for lang in TRANSLATIONS:
        assert f"{BASE}{lang}/{NEW_PAGE}.html" not in entries
    assert entries[f"{BASE}en/{NEW_PAGE}.html"] == {
        "en": f"{BASE}en/{NEW_PAGE}.html",
        "x-default": f"{BASE}en/{NEW_PAGE}.html",
    }
    assert len(entries) == len(LANGUAGES) * len(site.pages) - len(TRANSLATIONS)
    for loc, alternates in entries.items():
        path = site.out / unquote(loc.removeprefix(BASE))
        assert "robots" not in metas(parse(path)), loc
        assert hreflangs(parse(path)) == alternates, loc  # the sitemap says what the page says


# -- two kinds of stale -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_text_changed_warns_readers_with_the_share_in_english(site: Site, lang: str) -> None:
    entry = site.state(lang, GUIDE)
    assert entry["state"] == "stale" and entry["reader_state"] == "outdated"
    assert entry["untranslated"] == 1 and entry["percent_translated"] < 100.0
    assert "1 of 35 messages are shown in English" in entry["reason"]
    banner = site.html(lang, GUIDE).find("aside", cls="i18n-banner")
    assert banner.attrs["data-i18n-reader-state"] == "outdated"
    text = squash(banner.text())
    assert ui_translation(lang, "This translation follows an older version of the English page.") in text
    assert banner.find("span", cls="i18n-banner-percent").attrs["data-percent"] == str(entry["percent_translated"])
    assert switcher_marks(site.html("en", GUIDE))[lang.replace("_", "-")] == "stale"


def test_change_outside_the_text_tells_maintainers_not_readers(site: Site) -> None:
    for lang in TRANSLATIONS:
        if lang in ("ja", "zh_CN"):  # their concepts page has a message in English
            continue
        entry = site.state(lang, CONCEPTS)
        assert entry["state"] == "stale" and entry["reader_state"] == "complete"
        assert entry["reason"] == states.CHANGED_OUTSIDE_TEXT
        assert entry["english"] == 0
        root = site.html(lang, CONCEPTS)
        assert root.find("aside", cls="i18n-banner") is None
        assert metas(root)["x-i18n-state"] == "stale"  # machines still see the hash change
    assert switcher_marks(site.html("ko", CONCEPTS)) == {"ja": "stale", "zh-CN": "stale"}
    text = run_cli("status", "--lang", "ko", "--templates", site.templates, root=site.project)
    block = text.out.split(f"stale    ko     {CONCEPTS}.md", 1)[1].split("\n\n", 1)[0]
    assert states.CHANGED_OUTSIDE_TEXT in block
    assert "scripts/i18n status --diff" in block and f"scripts/i18n stamp --lang ko --page {CONCEPTS}.md" in block
    assert "make update-po" not in block


# -- status says when it cannot count the rendered messages ---------------------------------------


def test_status_without_templates_says_so(site: Site, tmp_path: Path) -> None:
    absent = tmp_path / "none"
    result = run_cli("status", "--templates", absent, root=site.project)
    assert "no message templates" in result.out and "make gettext" in result.out
    document = json.loads(run_cli("status", "--format", "json", "--templates", absent, root=site.project).out)
    assert document["notices"] and {p["measured"] for p in document["pages"] if "measured" in p} == {"catalog"}
    # without templates, a missing page has no counts, and nothing pretends otherwise
    assert "translated" not in next(p for p in document["pages"] if p["page"] == f"{NEW_PAGE}.md")


def test_templates_older_than_the_english_page_are_not_used(site: Site, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    templates = shutil.copytree(site.templates, tmp_path / "gettext")
    _replace(project / "source" / f"{CONCEPTS}.md", "# Model providers", "# Model providers and gateways")
    result = run_cli("status", "--format", "json", "--templates", templates, root=project)
    document = json.loads(result.out)
    assert any(f"{CONCEPTS}.md" in notice and "make gettext" in notice for notice in document["notices"])
    assert "note:" in result.err
    measured = {(p["lang"], p["page"]): p.get("measured") for p in document["pages"]}
    assert measured[("ko", f"{CONCEPTS}.md")] == "catalog"
    assert measured[("ko", f"{GUIDE}.md")] == "catalog"  # the copy has the original guide: its template is older
    assert measured[("ko", "index.md")] == "catalog"


# -- the guard's refusals are English too ------------------------------------------------------------


def test_a_refused_translation_counts_as_english_and_is_marked(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    catalog = pages.catalog_path(project / "locale", "ko", f"{GUIDE}.md")
    _set_entry(catalog, "Quick start", msgstr="빠른 시작 <script>alert(1)</script>")
    out = tmp_path / "html"
    result = sphinx_build(project, "ko", out, strict=False)
    assert result.code == 0 and "refused" in result.err
    root = parse(out / "ko" / f"{GUIDE}.html")
    head = metas(root)
    assert (head["x-i18n-messages"], head["x-i18n-messages-translated"]) == ("35", "34")
    assert [squash(n.text()).rstrip("¶") for n in english_blocks(root)] == ["Quick start"]  # and its heading link
    status_page = parse(out / "ko" / f"{STATUS_PAGE}.html")
    guide_row = next(tr for tr in status_page.find_all("tr") if tr.attrs.get("data-page") == f"{GUIDE}.md")
    assert guide_row.find("td", **{"data-lang": "ko"}).attrs["data-percent"] == head["x-i18n-percent-translated"]


# -- noindex pages and the placeholder base URL ---------------------------------------------------------


def test_noindex_pages_carry_no_hreflang(site: Site) -> None:
    for lang in LANGUAGES:
        for page in ("genindex", "search"):
            root = site.html(lang, page)
            robots = [m.attrs["content"] for m in root.find_all("meta") if m.attrs.get("name") == "robots"]
            assert robots == ["noindex"], (lang, page)  # once: the theme writes the search page's
            assert hreflangs(root) == {}, (lang, page)
    assert "robots" not in metas(site.html("ko", STATUS_PAGE))


def test_site_refuses_the_placeholder_base_url(site: Site, tmp_path: Path) -> None:
    def assemble(out: Path, *extra: str):
        langs = [arg for lang in LANGUAGES for arg in ("--lang", lang)]
        return run_cli("site", "--html", site.out, "--out", out, *langs, *extra, root=site.project)

    result = assemble(tmp_path / "site", "--base-url", BASE)
    assert result.code == 2
    assert "placeholder" in result.err and "BASEURL=" in result.err and "html_baseurl" in result.err
    assert not (tmp_path / "site").exists()
    preview = assemble(tmp_path / "site", "--base-url", BASE, "--preview")
    assert preview.code == 0, preview.err
    real = assemble(tmp_path / "real", "--base-url", "https://docs.openclaw.ai/")
    assert real.code == 0, real.err
    assert not site_urls.is_placeholder("https://docs.openclaw.ai/")
    assert site_urls.is_placeholder("https://EXAMPLE.com./x/") and site_urls.is_placeholder("http://a.example/")


def test_make_site_passes_the_base_url_and_the_opt_out() -> None:
    def recipe(*args: str) -> str:
        proc = subprocess.run(["make", "-n", "site", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        return next(line for line in proc.stdout.replace("\\\n", " ").splitlines() if " site --html " in line)

    assert "--base-url 'https://docs.example.org/openclaw/'" in recipe() and "--preview" not in recipe()
    assert recipe("PREVIEW=1").rstrip().endswith("--preview")
    assert "--base-url 'https://docs.openclaw.ai/'" in recipe("BASEURL=https://docs.openclaw.ai/")


# -- the status page speaks to readers first ------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_status_page_explains_each_reader_state_in_the_readers_language(site: Site, lang: str) -> None:
    root = site.html(lang, STATUS_PAGE)
    legend = root.find("dl", cls="i18n-status-legend")
    meanings = {
        "complete": "Everything on the page is translated.",
        "untranslated": "There is no translation yet: the page is shown in English.",
    }
    terms = {dt.attrs["data-reader-state"]: dt for dt in legend.find_all("dt")}
    assert list(terms) == list(states.READER_STATES)
    text = squash(legend.text())
    for msgid in meanings.values():
        assert ui_translation(lang, msgid) in text
    details = root.find("details", cls="i18n-status-maintainers")
    assert details is not None and "open" not in details.attrs
    pending = details.find("ul", cls="i18n-status-pending")
    assert "lang" not in pending.attrs  # the maintainers' notes are in the reader's language; commands are code
    assert ui_translation(lang, "The English page changed since this translation was completed.") in pending.text()
    item = next(
        li for li in pending.find_all("li") if li.attrs["data-page"] == "index.md" and li.attrs["data-lang"] == lang
    )
    assert f"locale/{lang}/LC_MESSAGES/index.po" in item.text()
    assert "scripts/i18n stamp" in item.text()
    assert str(site.project) not in root.find("article").text()  # no local folder names on a published page
