"""The publishable site (``scripts/i18n site``, ``make site``) and the Read the Docs build (``scripts/i18n rtd``).

The site is assembled from the session's built site (``built_site``: every language,
with the doctrees and ``.buildinfo`` files a build leaves), as ``make site`` does
from ``_build/html``. The browser tests are in ``test_site_browser.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest

from conftest import LANGUAGES, ROOT, copy_project, run_cli
from docs_i18n.core import languages, pages, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.publish import readthedocs, site_urls
from htmlutil import parse, squash

BASE = "https://docs.example.org/openclaw/"
PAGES = [pages.docname(p) for p in pages.walk_pages(ROOT / "source")]
GENERATED = ["search", "genindex", "translation-status"]
ROOT_FILES = sorted(["404.html", "index.html", "robots.txt", "sitemap.xml", *LANGUAGES])
NOT_FOUND_STRINGS = (
    "Page not found",
    "There is no page at this address. It may have moved, or the link may be mistyped.",
    "Go to the home page",
    "Search the documentation",
)
LANG_ARGS = [arg for lang in LANGUAGES for arg in ("--lang", lang)]


def make_site(html: Path, out: Path, *extra: str):
    return run_cli("site", "--html", html, "--out", out, *LANG_ARGS, *extra)


def ui_translation(lang: str, msgid: str) -> str:
    catalog = pofile.read(ROOT / "locale" / lang / "LC_MESSAGES" / "sphinx.po")
    return next(e.msgstr[0] for e in catalog.messages() if e.msgid == msgid)


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("publish") / "site"
    result = make_site(built_site, out, "--base-url", BASE, "--preview")  # BASE is a placeholder: a test site
    assert result.code == 0, result.err
    return out


def test_site_holds_the_languages_and_root_files_and_nothing_a_build_keeps(site: Path, built_site: Path) -> None:
    assert sorted(p.name for p in site.iterdir()) == ROOT_FILES
    # the build has them (so this test can fail): .buildinfo, objects.inv, doctrees
    assert (built_site / "ko" / ".buildinfo").is_file() and (built_site / "ko" / "objects.inv").is_file()
    leftovers = [p for p in site.rglob("*") if p.name.startswith(".") or p.name in ("objects.inv", "_sources")]
    assert not leftovers
    for lang in LANGUAGES:
        for page in [*PAGES, *GENERATED]:
            built = (built_site / lang / f"{page}.html").read_bytes()
            assert (site / lang / f"{page}.html").read_bytes() == built, f"{lang}/{page}.html differs"
        assert (site / lang / "searchindex.js").is_file()


def _local_links(path: Path) -> list[str]:
    links = []
    for node in parse(path).iter():
        for attr in ("href", "src", "action"):
            value = node.attrs.get(attr)
            if value and not value.startswith(("#", "data:", "mailto:")) and "://" not in value:
                links.append(value)
    return links


def test_every_link_in_the_site_resolves_inside_it(site: Path) -> None:
    checked = 0
    for path in sorted(site.rglob("*.html")):
        here = site if path.name == "404.html" and path.parent == site else path.parent  # 404: from <base>
        for link in _local_links(path):
            target = unquote(urlsplit(link).path)
            if not target:
                continue
            resolved = (here / target).resolve()
            if link.endswith("/"):
                resolved /= "index.html"
            assert resolved.is_relative_to(site.resolve()), f"{path.relative_to(site)}: {link} leaves the site"
            assert resolved.is_file(), f"{path.relative_to(site)}: {link} is broken"
            checked += 1
    assert checked > 500


def test_robots_and_sitemap_point_at_the_base_url(site: Path) -> None:
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {BASE}sitemap.xml" in robots
    locs = [e.text for e in ET.parse(site / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == len(LANGUAGES) * len(PAGES)
    for loc in locs:
        assert loc.startswith(BASE)
        assert (site / unquote(loc.removeprefix(BASE))).is_file(), loc


def test_root_page_links_every_language_and_the_icon(site: Path) -> None:
    root = parse(site / "index.html")
    assert [a.attrs["href"] for a in root.find_all("a")] == [f"{lang}/index.html" for lang in LANGUAGES]
    icon = root.find("link", rel="icon")
    assert icon is not None and (site / icon.attrs["href"]).is_file()


def test_404_speaks_every_language_and_links_from_the_base_url(site: Path) -> None:
    page = parse(site / "404.html")
    assert page.find("base").attrs["href"] == BASE
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    assert all("src" not in s.attrs for s in page.find_all("script"))  # loads nothing
    assert not [link for link in page.find_all("link") if link.attrs.get("rel") == "stylesheet"]
    sections = page.find_all("section")
    assert [s.attrs["data-lang"] for s in sections] == list(LANGUAGES)
    for section in sections:
        lang = section.attrs["data-lang"]
        assert section.attrs["lang"] == languages.bcp47(lang)
        assert section.find("a", cls="home").attrs["href"] == f"{lang}/index.html"
        assert section.find("form").attrs["action"] == f"{lang}/search.html"
        text = squash(section.text())
        for english in NOT_FOUND_STRINGS:
            expected = english if lang == "en" else ui_translation(lang, english)
            assert expected in text, (lang, english)
            if lang != "en":
                assert english not in text


def test_assembling_again_replaces_the_site_whole(built_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert make_site(built_site, out).code == 0
    (out / "stray.html").write_text("left from an earlier publish", encoding="utf-8")
    result = make_site(built_site, out)
    assert result.code == 0, result.err
    assert not (out / "stray.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder left


def test_without_a_base_url_there_is_no_sitemap_and_404_assumes_the_host_root(built_site: Path, tmp_path: Path) -> None:
    result = make_site(built_site, tmp_path / "site")
    assert result.code == 0, result.err
    assert not (tmp_path / "site" / "sitemap.xml").exists()
    assert "Sitemap" not in (tmp_path / "site" / "robots.txt").read_text(encoding="utf-8")
    assert parse(tmp_path / "site" / "404.html").find("base").attrs["href"] == "/"


def test_a_page_whose_english_is_gone_is_left_out(built_site: Path, tmp_path: Path) -> None:
    html = shutil.copytree(built_site, tmp_path / "html", ignore=shutil.ignore_patterns(".doctrees"))
    shutil.copy(html / "ko" / "providers" / "litellm.html", html / "ko" / "providers" / "removed.html")
    (html / "ko" / "extra.html").write_text("<!doctype html><title>not a page of the source</title>", encoding="utf-8")
    result = make_site(html, tmp_path / "site")
    assert result.code == 0, result.err
    assert "ko/providers/removed.html" in result.out
    assert not (tmp_path / "site" / "ko" / "providers" / "removed.html").exists()
    assert (tmp_path / "site" / "ko" / "extra.html").is_file()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("unbuilt", f"language '{LANGUAGES[1]}' is not built"),
        ("inside", "must be outside"),
        ("base", "not an absolute"),
    ],
)
def test_site_refuses_bad_input_and_keeps_the_old_site(built_site: Path, tmp_path: Path, case: str, message: str):
    html = built_site
    out = tmp_path / "site"
    out.mkdir()
    (out / "old.html").write_text("the published site", encoding="utf-8")
    extra: list[str] = []
    if case == "unbuilt":
        html = tmp_path / "html"
        shutil.copytree(built_site / "en", html / "en")
    elif case == "inside":
        html = shutil.copytree(built_site, tmp_path / "html", ignore=shutil.ignore_patterns(".doctrees"))
        out = html / "site"
    else:
        extra = ["--base-url", "docs.example.org/openclaw"]
    result = make_site(html, out, *extra)
    assert result.code == 2
    assert message in result.err
    assert (tmp_path / "site" / "old.html").is_file()


# -- Read the Docs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lang"),
    [("zh-cn", "zh_CN"), ("zh_CN", "zh_CN"), ("ZH-CN", "zh_CN"), ("zh", "zh_CN"), ("zh-tw", "zh_TW"),
     ("zh-hk", "zh_TW"), ("zh-hant", "zh_TW"), ("ko", "ko"), ("ja-jp", "ja"), ("pt-br", "pt_BR"), ("fa", "fa"),
     ("en", "en"), ("en-us", "en")],
)  # fmt: skip
def test_read_the_docs_language_codes_map_to_the_site_languages(code: str, lang: str) -> None:
    assert readthedocs.site_language(code, LANGUAGES) == lang


def test_read_the_docs_refuses_a_language_the_site_does_not_have() -> None:
    with pytest.raises(InputError, match="'sv' is not a language of the site"):
        readthedocs.site_language("sv", LANGUAGES)


@pytest.mark.parametrize("pattern", ["docs/", "/{lang}/", "{lang}/../x/", "{version}/{lang}/"])
def test_a_language_path_must_name_the_language_below_the_root(pattern: str) -> None:
    with pytest.raises(InputError):
        site_urls.check_language_path(pattern)


def test_rtd_command_needs_the_host_environment() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("READTHEDOCS")}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n"), "rtd", "--dry-run"], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "READTHEDOCS_LANGUAGE" in proc.stderr


def test_read_the_docs_build_links_the_other_projects(tmp_path: Path) -> None:
    """A zh-cn project: pages at /zh-cn/latest/, the switcher and head entries at the other projects' pages."""
    project = copy_project(tmp_path / "project")
    host = "https://openclaw.readthedocs.io/"
    env = dict(
        os.environ,
        READTHEDOCS="True",
        READTHEDOCS_LANGUAGE="zh-cn",
        READTHEDOCS_VERSION="latest",
        READTHEDOCS_CANONICAL_URL=f"{host}zh-cn/latest/",
        READTHEDOCS_OUTPUT=str(tmp_path / "rtd"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    proc = subprocess.run(
        [sys.executable, str(project / "scripts" / "i18n"), "rtd"], env=env, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = tmp_path / "rtd" / "html"
    page_url = f"{host}zh-cn/latest/providers/litellm.html"
    page = parse(out / "providers" / "litellm.html")
    assert page.find("html").attrs["lang"] == "zh-CN"
    switcher = {a.attrs["hreflang"]: urljoin(page_url, a.attrs["href"]) for a in page.find("nav").find_all("a")}
    assert switcher == {
        languages.bcp47(lang): f"{host}{languages.bcp47(lang).lower()}/latest/providers/litellm.html"
        for lang in LANGUAGES
        if lang != "zh_CN"
    }
    assert page.find("link", rel="canonical").attrs["href"] == page_url
    alternates = {a.attrs["hreflang"]: a.attrs["href"] for a in page.find_all("link", rel="alternate")}
    assert alternates["ko"] == f"{host}ko/latest/providers/litellm.html"
    assert alternates["x-default"] == f"{host}en/latest/providers/litellm.html"
    not_found = parse(out / "404.html")
    assert not_found.find("base").attrs["href"] == host
    homes = [a.attrs["href"] for a in not_found.find_all("a", cls="home")]
    assert homes == [f"{languages.bcp47(lang).lower()}/latest/index.html" for lang in LANGUAGES]
    assert not (tmp_path / "project" / "_build" / "html").exists()  # only the Read the Docs output was written
