"""The build knows translation state: banner, switcher marks, head entries, status page, sitemap.

One copy of the project, its conf.py cut down to English, Korean, Japanese and Simplified
Chinese (the state logic is the same for every language, and the suite builds all of
conf.py's languages once only, in ``built_site``), is built twice (module fixture):

1. after an edit to one English sentence of the guide: its three translations are stale;
2. after translating that sentence in Korean and stamping the guide in every language
   (Japanese and Chinese: only the catalog's header changes), blanking one message of
   the Japanese index (a partial translation) and adding an English page that has no
   catalog yet. The second build reuses the first's doctrees and output, as ``make html``
   does, so it also checks that a catalog record change re-renders the pages.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest

from conftest import LANGUAGES as CONF_LANGUAGES
from conftest import copy_project, restrict_languages, run_cli, sphinx_build
from docs_i18n.core import hashing, pages, pofile
from htmlutil import parse, squash

BASE = "https://docs.example.org/openclaw/"
# The languages of this module's project copy: conf.py's source language and three of its translations.
LANGUAGES = (CONF_LANGUAGES[0], "ko", "ja", "zh_CN")
TRANSLATIONS = LANGUAGES[1:]
assert set(LANGUAGES) <= set(CONF_LANGUAGES)
GUIDE = "providers/litellm"
OLD = "That's it. OpenClaw now routes through LiteLLM."
NEW = "That's it. OpenClaw now sends every request through LiteLLM."
NEW_KO = "그게 전부입니다. 이제 OpenClaw는 모든 요청을 LiteLLM을 통해 보냅니다."
PROVIDERS = "concepts/model-providers"
NEW_PAGE = "concepts/routing"
NEW_PAGE_TEXT = """---
orphan: true
summary: "How OpenClaw picks a model provider"
---

# Routing

OpenClaw sends each request to the provider configured for its model.
"""
STATUS_PAGE = "translation-status"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Build:
    """One round: the built site (``out/<lang>/...``) and ``scripts/i18n status --format json``."""

    out: Path
    status: dict
    pages: list[str]  # docnames

    def html(self, lang: str, page: str):
        return parse(self.out / lang / f"{page}.html")

    def state(self, lang: str, page: str) -> dict:
        return next(p for p in self.status["pages"] if p["lang"] == lang and pages.docname(p["page"]) == page)


@dataclass
class Rounds:
    project: Path
    edited: Build
    stamped: Build


def _build(project: Path, out: Path) -> Build:
    for lang in LANGUAGES:
        result = sphinx_build(project, lang, out)
        assert result.code == 0, f"{lang} build failed:\n{result.err}"
    langs = [arg for lang in LANGUAGES for arg in ("--lang", lang)]
    result = run_cli("sitemap", "--out", out, "--base-url", BASE, "--source", project / "source", *langs)
    assert result.code == 0, result.err
    gettext = sphinx_build(project, "en", out.parent / "gettext", builder="gettext")
    assert gettext.code == 0, gettext.err
    templates = out.parent / "gettext" / "en"
    status = run_cli("status", "--format", "json", "--templates", templates, root=project)
    assert status.code == 0, status.err
    return Build(out, json.loads(status.out), [pages.docname(p) for p in pages.walk_pages(project / "source")])


def _newer_than_mo(po: Path) -> None:
    """Make sure Sphinx sees an edited catalog as newer than the .mo it compiled from it,
    even on a file system with coarse timestamps (it compares modification times)."""
    mo = po.with_suffix(".mo")
    if mo.exists() and po.stat().st_mtime_ns <= mo.stat().st_mtime_ns + 1_000_000_000:
        later = mo.stat().st_mtime_ns + 2_000_000_000
        os.utime(po, ns=(later, later))


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} not found exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> Rounds:
    base = tmp_path_factory.mktemp("state")
    project = copy_project(base / "project")
    restrict_languages(project, LANGUAGES)
    locale = project / "locale"
    _replace(project / "source" / f"{GUIDE}.md", OLD, NEW)
    out = base / "html"
    edited = _build(project, out)
    edited.out = shutil.copytree(out, base / "edited")  # keep round 1; round 2 rebuilds `out` in place

    _translate(pages.catalog_path(locale, "ko", f"{GUIDE}.md"), OLD, NEW, NEW_KO)
    langs = [arg for lang in TRANSLATIONS for arg in ("--lang", lang)]
    stamped = run_cli(
        "stamp", *langs, "--page", f"{GUIDE}.md", "--source", project / "source", "--locale", locale, cwd=project
    )
    assert stamped.code == 0, stamped.out + stamped.err
    _blank_first_msgstr(pages.catalog_path(locale, "ja", "index.md"))
    _drop_record(pages.catalog_path(locale, "zh_CN", f"{PROVIDERS}.md"))
    for lang, page in (("ko", GUIDE), ("ja", "index")):
        _newer_than_mo(pages.catalog_path(locale, lang, f"{page}.md"))
    (project / "source" / f"{NEW_PAGE}.md").write_text(NEW_PAGE_TEXT, encoding="utf-8")
    return Rounds(project, edited, _build(project, out))


def _translate(path: Path, old: str, new: str, translation: str) -> None:
    """What a translator does after ``make update-po``: the new message, translated."""
    text = path.read_text(encoding="utf-8")
    entry = re.compile(rf'msgid "{re.escape(old)}"\nmsgstr "[^"\n]*"')
    text, count = entry.subn(lambda _: f'msgid "{new}"\nmsgstr "{translation}"', text)
    assert count == 1, f"{path}: no single-line entry for {old!r}"
    path.write_text(text, encoding="utf-8")


def _drop_record(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"# x-i18n-source-hash:[ \t]*(?:\n#[ \t]*)?[0-9a-f]{64}[ \t]*\n", "", text)  # may wrap
    assert count == 1
    path.write_text(text, encoding="utf-8")


def _blank_first_msgstr(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r'(\nmsgid "[^"\n]+"\nmsgstr )"[^"\n]+"', r'\1""', text, count=1)
    assert count == 1
    path.write_text(text, encoding="utf-8")


def banner(build: Build, lang: str, page: str):
    return build.html(lang, page).find("aside", cls="i18n-banner")


def metas(build: Build, lang: str, page: str) -> dict[str, str]:
    return {
        m.attrs["name"]: m.attrs["content"]
        for m in build.html(lang, page).find_all("meta")
        if m.attrs.get("name", "").startswith("x-i18n-")
    }


def ui_translation(lang: str, msgid: str, project: Path) -> str:
    catalog = pofile.read(project / "locale" / lang / "LC_MESSAGES" / "sphinx.po")
    return next(e.msgstr[0] for e in catalog.messages() if e.msgid == msgid)


def switcher_marks(build: Build, lang: str, page: str) -> dict[str, str]:
    nav = build.html(lang, page).find("nav", cls="i18n-switcher")
    return {
        (li.find("a") or li.find("span")).attrs["lang"]: li.attrs["class"].split()[-1].removeprefix("i18n-")
        for li in nav.find_all("li")
        if "i18n-marked" in (li.attrs.get("class") or "")
    }


# -- round 1: one English sentence changed ----------------------------------------------


def test_banner_on_the_three_translations_of_the_edited_page_only(rounds: Rounds) -> None:
    build = rounds.edited
    for lang in LANGUAGES:
        for page in build.pages:
            found = banner(build, lang, page)
            if lang != "en" and page == GUIDE:
                assert found is not None, f"{lang}/{page}: no banner"
                assert found.attrs["data-i18n-state"] == "stale"
                link = found.find("a", cls="i18n-banner-english")
                target = (build.out / lang / page).parent / link.attrs["href"]
                assert target.resolve() == (build.out / "en" / f"{page}.html").resolve()
            else:
                assert found is None, f"{lang}/{page}: unexpected banner"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_banner_speaks_the_page_language(rounds: Rounds, lang: str) -> None:
    text = squash(banner(rounds.edited, lang, GUIDE).text())
    expected = ui_translation(lang, "This translation follows an older version of the English page.", rounds.project)
    assert expected in text
    assert "English page" not in text


def test_meta_entries_carry_state_and_hashes(rounds: Rounds) -> None:
    build = rounds.edited
    today = hashing.source_hash(rounds.project / "source" / f"{GUIDE}.md")
    for lang in TRANSLATIONS:
        recorded = build.state(lang, GUIDE)["recorded_hash"]
        assert recorded != today
        assert metas(build, lang, GUIDE) == {
            "x-i18n-state": "stale",
            "x-i18n-reader-state": "outdated",
            "x-i18n-source-hash": today,
            "x-i18n-recorded-source-hash": recorded,
            "x-i18n-percent-translated": "97.1",  # the edited sentence is shown in English
            "x-i18n-messages": "35",
            "x-i18n-messages-translated": "34",
        }
        assert metas(build, lang, "index")["x-i18n-state"] == "current"
    assert metas(build, "en", GUIDE) == {"x-i18n-state": "source", "x-i18n-source-hash": today}


def test_switcher_marks_the_stale_languages(rounds: Rounds) -> None:
    build = rounds.edited
    for lang in LANGUAGES:
        assert switcher_marks(build, lang, GUIDE) == {"ko": "stale", "ja": "stale", "zh-CN": "stale"}
        assert switcher_marks(build, lang, "index") == {}
    entry = build.html("en", GUIDE).find("nav", cls="i18n-switcher").find("a", lang="ko")
    assert entry.attrs["title"] == "This translation is out of date"


def _status_table(build: Build, lang: str) -> tuple[dict, dict]:
    root = build.html(lang, STATUS_PAGE)
    cells = {
        (td.attrs["data-lang"], tr.attrs["data-page"]): (td.attrs["data-state"], td.attrs.get("data-percent"))
        for tr in root.find("table", cls="i18n-status-pages").find_all("tr")
        if "data-page" in tr.attrs
        for td in tr.find_all("td")
    }
    summary: dict[str, dict] = {}
    for table in ("i18n-status-languages", "i18n-status-states"):  # readers' table, maintainers' table
        for tr in root.find("table", cls=table).find_all("tr"):
            if "data-lang" not in tr.attrs:
                continue
            counts = summary.setdefault(tr.attrs["data-lang"], {})
            counted = [td for td in tr.find_all("td") if "data-count" in td.attrs]
            counts.update({td.attrs["data-count"]: int(td.text()) for td in counted})
            if percent := tr.find("td", cls="i18n-status-percent"):
                counts["percent_translated"] = percent.attrs["data-percent"]
    return cells, summary


def _assert_status_page_agrees(build: Build) -> None:
    expected_cells = {
        (p["lang"], p["page"]): (p["state"], str(p["percent_translated"]) if "percent_translated" in p else None)
        for p in build.status["pages"]
    }
    for lang in LANGUAGES:
        cells, summary = _status_table(build, lang)
        assert cells == expected_cells, lang
        for code, counts in summary.items():
            wanted = build.status["languages"][code]
            assert counts["percent_translated"] == str(wanted["percent_translated"])
            assert {k: v for k, v in counts.items() if k != "percent_translated"} == {
                k: wanted[k] for k in counts if k != "percent_translated"
            }


def test_status_page_agrees_with_the_status_command(rounds: Rounds) -> None:
    _assert_status_page_agrees(rounds.edited)
    cells, _ = _status_table(rounds.edited, "ko")
    assert {key: state for key, (state, _) in cells.items() if state != "current"} == {
        (lang, f"{GUIDE}.md"): "stale" for lang in TRANSLATIONS
    }
    assert squash(rounds.edited.html("ko", STATUS_PAGE).find("h1").text()) == ui_translation(
        "ko", "Translation status", rounds.project
    )


def _html_files(out: Path) -> list[Path]:
    return sorted(p for lang in LANGUAGES for p in (out / lang).rglob("*.html") if "_static" not in p.parts)


def test_hreflang_links_resolve_to_existing_files(rounds: Rounds) -> None:
    out = rounds.edited.out
    files = _html_files(out)
    assert len(files) >= 4 * (len(rounds.edited.pages) + 1)
    for path in files:
        links = {
            link.attrs["hreflang"]: link.attrs["href"]
            for link in parse(path).find_all("link", rel="alternate")
            if "hreflang" in link.attrs
        }
        if path.stem in ("genindex", "search"):  # noindex: no alternates (test_reader_truth.py)
            assert links == {}, path
            continue
        assert set(links) == {"en", "ko", "ja", "zh-CN", "x-default"}, path
        home = path.relative_to(out).parts[1:] == ("index.html",)
        x_default = links.pop("x-default")
        # the home page's x-default is the root page that chooses the language; others' the English page
        assert x_default == (BASE if home else links["en"]), path
        for tag, href in links.items():
            assert href.startswith(BASE), href
            target = out / unquote(href.removeprefix(BASE))
            assert target.is_file(), f"{path}: {tag} -> {href}"
            assert target.relative_to(out).parts[1:] == path.relative_to(out).parts[1:]
        canonical = parse(path).find("link", rel="canonical").attrs["href"]
        assert out / unquote(canonical.removeprefix(BASE)) == path


def _sitemap(build: Build) -> list[tuple[str, dict[str, str]]]:
    root = ET.parse(build.out / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    return [
        (
            url.find(f"{SITEMAP}loc").text,
            {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")},
        )
        for url in root.findall(f"{SITEMAP}url")
    ]


def _assert_sitemap(build: Build) -> None:
    """Every page of every language, but a translation with no translated text (test_reader_truth.py)."""
    untranslated = {
        (p["lang"], pages.docname(p["page"])) for p in build.status["pages"] if p["reader_state"] == "untranslated"
    }
    entries = _sitemap(build)
    assert len(entries) == len(LANGUAGES) * len(build.pages) - len(untranslated)
    locs = [loc for loc, _ in entries]
    assert len(set(locs)) == len(locs)
    for loc, alternates in entries:
        assert (build.out / unquote(loc.removeprefix(BASE))).is_file(), loc
        page = loc.removeprefix(BASE).split("/", 1)[1].removesuffix(".html")
        shown = [lang for lang in LANGUAGES if (lang, page) not in untranslated]
        assert set(alternates) == {*(lang.replace("_", "-") for lang in shown), "x-default"}
        assert loc in alternates.values()
        home = loc.removeprefix(BASE).split("/", 1)[1] == "index.html"
        assert alternates.pop("x-default") == (BASE if home else alternates["en"]), loc  # as the pages say
        for href in alternates.values():
            assert (build.out / unquote(href.removeprefix(BASE))).is_file(), href


def test_sitemap_lists_every_page_of_every_language(rounds: Rounds) -> None:
    _assert_sitemap(rounds.edited)
    assert len(rounds.edited.pages) == 3


# -- round 2: translated and stamped; a partial translation; a page with no catalog ---------


def test_banner_gone_after_translating_and_stamping(rounds: Rounds) -> None:
    build = rounds.stamped
    for lang in LANGUAGES:
        assert metas(build, lang, GUIDE)["x-i18n-state"] in ("current", "source")
        assert switcher_marks(build, lang, GUIDE) == {}  # the English page too: no English change
    assert banner(build, "ko", GUIDE) is None
    assert NEW_KO in build.html("ko", GUIDE).find("article").text()
    for lang in ("ja", "zh_CN"):  # stamped, but the new sentence is not translated: it is shown in English
        found = banner(build, lang, GUIDE)
        assert found is not None and found.attrs["data-i18n-reader-state"] == "partial", lang
        assert found.find("span", cls="i18n-banner-percent").attrs["data-percent"] == "97.1"


def test_partial_translation_shows_the_percentage(rounds: Rounds) -> None:
    build = rounds.stamped
    state = build.state("ja", "index")
    assert state["state"] == "current" and state["untranslated"] == 1
    found = banner(build, "ja", "index")
    assert found is not None
    assert found.attrs["data-i18n-state"] == "current"
    percent = found.find("span", cls="i18n-banner-percent")
    assert percent.attrs["data-percent"] == str(state["percent_translated"])
    assert f"{state['percent_translated']}%" in squash(found.text())
    assert found.find("a", cls="i18n-banner-english").attrs["href"] == "../en/index.html"
    for lang in ("ko", "zh_CN"):
        assert banner(build, lang, "index") is None


def test_page_without_a_catalog_is_built_in_english_and_says_so(rounds: Rounds) -> None:
    build = rounds.stamped
    for lang in TRANSLATIONS:
        assert build.state(lang, NEW_PAGE)["state"] == "missing"
        found = banner(build, lang, NEW_PAGE)
        assert found is not None and found.attrs["data-i18n-state"] == "missing", lang
        expected = ui_translation(
            lang, "This page has not been translated into this language yet, so it is shown in English.", rounds.project
        )
        assert expected in squash(found.text())
        assert "sends each request" in build.html(lang, NEW_PAGE).find("article").text()
        assert metas(build, lang, NEW_PAGE)["x-i18n-state"] == "missing"
    assert banner(build, "en", NEW_PAGE) is None
    assert switcher_marks(build, "en", NEW_PAGE) == {"ko": "missing", "ja": "missing", "zh-CN": "missing"}


def test_unrecorded_translation_says_its_version_is_unknown(rounds: Rounds) -> None:
    build = rounds.stamped
    assert build.state("zh_CN", PROVIDERS)["state"] == "unknown"
    found = banner(build, "zh_CN", PROVIDERS)
    assert found is not None and found.attrs["data-i18n-state"] == "unknown"
    expected = ui_translation(
        "zh_CN", "It is not known which version of the English page this translation follows.", rounds.project
    )
    assert expected in squash(found.text())
    assert "x-i18n-recorded-source-hash" not in metas(build, "zh_CN", PROVIDERS)
    assert switcher_marks(build, "en", PROVIDERS) == {}  # unknown is not marked as out of date
    for lang in ("ko", "ja"):
        assert banner(build, lang, PROVIDERS) is None


def test_status_page_and_sitemap_follow_the_second_build(rounds: Rounds) -> None:
    _assert_status_page_agrees(rounds.stamped)
    _assert_sitemap(rounds.stamped)
    assert len(rounds.stamped.pages) == 4
    assert len(_sitemap(rounds.stamped)) == 13  # the new page is not offered in the three translations


def test_sitemap_refuses_a_relative_base_url(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("x")
    result = run_cli("sitemap", "--out", tmp_path, "--base-url", "docs.example.org", "--lang", "en")
    assert result.code == 2
    assert "not an absolute http(s) URL" in result.err
    assert not (tmp_path / "sitemap.xml").exists()
