"""The built site: every language, the Korean guide, code blocks, switcher, UI strings."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import FIXTURES, LANGUAGES, ROOT, TRANSLATIONS
from docs_i18n.core import frontmatter, pages, pofile
from docs_i18n.core import languages as lang_codes
from docs_i18n.publish import ui_strings
from htmlutil import parse, squash

SEED = FIXTURES / "seed" / "litellm.ko.md"
GUIDE = "providers/litellm"
PAGES = [pages.docname(p) for p in pages.walk_pages(ROOT / "source")]


# Languages named in themselves (CLDR): those of conf.py that these tests know by name.
NAMES = {
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "ko": "한국어",
    "ja": "日本語",
    "pt_BR": "Português (Brasil)",
    "zh_CN": "简体中文",
    "zh_TW": "繁體中文",
}


def seed_blocks() -> tuple[list[str], list[str]]:
    """The seed body's text blocks (headings, paragraphs, list items) and code blocks."""
    body = frontmatter.read(SEED).body
    texts, codes = [], []
    for token in MarkdownIt("commonmark").parse(body):
        if token.type == "fence":
            codes.append(token.content)
        elif token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type == "softbreak":
                    parts.append(" ")
            texts.append(squash("".join(parts)))
    return texts, codes


def article(site: Path, lang: str, page: str):
    return parse(site / lang / f"{page}.html").find("article")


def code_blocks(site: Path, lang: str, page: str) -> list[str]:
    return [pre.text() for pre in article(site, lang, page).find_all("pre")]


def test_every_language_builds_every_page(built_site: Path) -> None:
    # built_site builds each language with -W --keep-going -n and fails on any warning
    for lang in LANGUAGES:
        for page in PAGES:
            assert (built_site / lang / f"{page}.html").is_file(), f"{lang}/{page}.html missing"


def test_catalogs_complete_per_msgfmt() -> None:
    catalogs = sorted((ROOT / "locale").rglob("*.po"))
    assert len(catalogs) == len(TRANSLATIONS) * (len(PAGES) + 1)  # pages + theme UI
    for po in catalogs:
        proc = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
        assert re.fullmatch(r"\d+ translated messages?\.", proc.stderr.strip().splitlines()[-1]), f"{po}: {proc.stderr}"


def test_korean_guide_reads_as_the_seed(built_site: Path) -> None:
    texts, _ = seed_blocks()
    assert len(texts) > 30
    page_text = squash(article(built_site, "ko", GUIDE).text())
    missing = [t for t in texts if t not in page_text]
    assert not missing, f"seed sentences not in the Korean guide: {missing}"


def test_code_blocks_identical_in_every_language_and_to_the_seed(built_site: Path) -> None:
    _, seed_codes = seed_blocks()
    for page in PAGES:
        english = code_blocks(built_site, "en", page)
        for lang in TRANSLATIONS:
            assert code_blocks(built_site, lang, page) == english, f"{lang}/{page}: code blocks differ"
    assert code_blocks(built_site, "en", GUIDE) == seed_codes


def test_code_blocks_are_highlighted(built_site: Path) -> None:
    classes = {
        div.attrs["class"].split()[0]
        for div in article(built_site, "ko", GUIDE).find_all("div", cls="highlight-default")
        + article(built_site, "ko", GUIDE).find_all("div")
        if div.attrs.get("class", "").startswith("highlight-")
    }
    assert {"highlight-bash", "highlight-json5", "highlight-yaml"} <= classes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_links_resolve_and_name_languages_in_themselves(built_site: Path, lang: str) -> None:
    for page in PAGES:
        path = built_site / lang / f"{page}.html"
        nav = parse(path).find("nav", cls="i18n-switcher")
        assert nav is not None, f"{path}: no language switcher"
        names = [squash(li.text()) for li in nav.find_all("li")]
        assert names == [lang_codes.display_name(code) for code in LANGUAGES]
        assert {code: name for code, name in zip(LANGUAGES, names, strict=True) if code in NAMES} == NAMES
        for link in nav.find_all("a"):
            target = (path.parent / link.attrs["href"]).resolve()
            assert target.is_file(), f"{path}: switcher link {link.attrs['href']} is broken"
            assert target.relative_to(built_site.resolve()).as_posix().endswith(f"{page}.html")


def _chrome_strings(path: Path) -> tuple[str, list[str]]:
    """Visible text outside the article, and UI attributes (aria-label, title, placeholder, alt) anywhere:
    the HTML writer adds its own to the article (``title="Link to this heading"`` on every heading)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
    attrs = [
        v
        for node in parse(html).iter()
        for k, v in node.attrs.items()
        if k in ("aria-label", "title", "placeholder", "alt") and v
    ]
    return squash(parse(re.sub(r"<article.*?</article>", "", html, flags=re.S)).text()), attrs


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_no_theme_ui_string_left_in_english(built_site: Path, lang: str) -> None:
    extracted = ui_strings.extract(ROOT / "source" / "_templates")
    theme = {t for t in extracted if isinstance(t, str) and "%(" not in t and "<" not in t}
    theme |= {"Back to top", "Skip to content", "Contents", "Previous", "Next", "Search", "On this page", "Made with"}
    # a word the language writes as English does ("Menu" in Polish, "Index" in French): translated, and the same
    catalog = pofile.read(ROOT / "locale" / lang / "LC_MESSAGES" / "sphinx.po")
    theme -= {e.msgid for e in catalog.messages() if e.msgstr and e.msgstr[0] == e.msgid and not e.fuzzy}
    for page in [*PAGES, "search", "genindex"]:
        text, attrs = _chrome_strings(built_site / lang / f"{page}.html")
        for english in sorted(theme):
            assert not re.search(rf"(?<![\w/]){re.escape(english)}(?![\w/])", text), (
                f"{lang}/{page}: '{english}' in English"
            )
            assert english not in attrs, f"{lang}/{page}: attribute '{english}' in English"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_one_heading_in_its_language(built_site: Path, lang: str) -> None:
    """Each page, the search page included (Sphinx's script adds only an <h2> there), has one <h1>."""
    for page in [*PAGES, "search", "genindex", "translation-status"]:
        headings = [squash(h.text()) for h in parse(built_site / lang / f"{page}.html").find_all("h1")]
        assert len(headings) == 1 and headings[0], f"{lang}/{page}: <h1> elements {headings}"
    search_heading = squash(parse(built_site / lang / "search.html").find("h1").text())
    assert (search_heading == "Search") == (lang == "en"), f"{lang}/search: <h1> {search_heading!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_description_meta_is_the_translated_summary(built_site: Path, lang: str) -> None:
    summary = frontmatter.read(ROOT / "source" / f"{GUIDE}.md").data["summary"]
    metas = parse(built_site / lang / f"{GUIDE}.html").find_all("meta", name="description")
    assert len(metas) == 1
    content = metas[0].attrs["content"]
    if lang == "en":
        assert content == summary
    else:
        assert content and content != summary
        assert "translated" not in metas[0].attrs


def test_front_matter_reaches_the_catalog_templates(tmp_path: Path) -> None:
    from conftest import copy_project, sphinx_build

    project = copy_project(tmp_path / "p")
    result = sphinx_build(project, "en", tmp_path / "out", builder="gettext")
    assert result.code == 0, result.err
    pot = (tmp_path / "out" / "en" / f"{GUIDE}.pot").read_text(encoding="utf-8")
    matter = frontmatter.read(project / "source" / f"{GUIDE}.md")
    for field in frontmatter.translatable_fields(matter):
        assert f'msgid "{field.text}"' in pot
        assert f"litellm.md:{field.line}\n" in pot
    ui_template = (tmp_path / "out" / "en" / "sphinx.pot").read_text(encoding="utf-8")
    # the HTML writer's own strings, which Sphinx ships untranslated in some languages
    for message in ("Link to this heading", "Link to this table", "Link to this code", "Link to this image"):
        assert f'msgid "{message}"' in ui_template
    assert "#: sphinx/writers/html5.py:" in ui_template


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_heading_links_are_titled_in_the_pages_language(built_site: Path, lang: str) -> None:
    catalog = {
        e.msgid: e.msgstr[0] for e in pofile.read(ROOT / "locale" / lang / "LC_MESSAGES" / "sphinx.po").messages()
    }
    titles = {a.attrs.get("title") for a in article(built_site, lang, GUIDE).find_all("a", cls="headerlink")}
    assert titles == {catalog["Link to this heading"]}
    assert catalog["Link to this heading"] not in ("", "Link to this heading")


def test_landing_page_links_every_language(tmp_path: Path, built_site: Path) -> None:
    from conftest import run_cli

    out = tmp_path / "html"
    for lang in LANGUAGES:
        (out / lang).mkdir(parents=True)
        (out / lang / "index.html").write_text("x")
    result = run_cli("landing", "--out", out, *[a for lang in LANGUAGES for a in ("--lang", lang)])
    assert result.code == 0, result.err
    root = parse(out / "index.html")
    links = {a.attrs["href"]: squash(a.text()) for a in root.find_all("a")}
    assert links == {f"{lang}/index.html": lang_codes.display_name(lang) for lang in LANGUAGES}
    assert {href: name for href, name in links.items() if href.split("/")[0] in NAMES} == {
        f"{code}/index.html": name for code, name in NAMES.items()
    }
    directions = {a.attrs["href"].split("/")[0]: a.attrs.get("dir") for a in root.find_all("a")}
    assert {lang for lang, direction in directions.items() if direction == "rtl"} == {"ar", "fa"}
    assert "navigator.languages" in (out / "index.html").read_text()
    assert root.find("link", rel="canonical") is None  # no base URL: no canonical, relative alternates
    alternates = {link.attrs["hreflang"]: link.attrs["href"] for link in root.find_all("link", rel="alternate")}
    assert alternates == {**{lang_codes.bcp47(lang): f"{lang}/index.html" for lang in LANGUAGES}, "x-default": "./"}


def test_landing_page_has_a_canonical_url_and_absolute_alternates(tmp_path: Path) -> None:
    from conftest import run_cli

    base = "https://docs.example.net/guides/"
    for lang in LANGUAGES:
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "index.html").write_text("x")
    langs = [a for lang in LANGUAGES for a in ("--lang", lang)]
    assert run_cli("landing", "--out", tmp_path, *langs, "--base-url", base.rstrip("/")).code == 0
    root = parse(tmp_path / "index.html")
    assert root.find("link", rel="canonical").attrs["href"] == base
    alternates = {link.attrs["hreflang"]: link.attrs["href"] for link in root.find_all("link", rel="alternate")}
    assert alternates == {
        **{lang_codes.bcp47(lang): f"{base}{lang}/index.html" for lang in LANGUAGES},
        "x-default": base,  # the chooser itself
    }
    bad = run_cli("landing", "--out", tmp_path, *langs, "--base-url", "docs.example.net")
    assert bad.code == 2 and "not an absolute http(s) URL" in bad.err


def test_landing_page_refuses_an_empty_build(tmp_path: Path) -> None:
    from conftest import run_cli

    result = run_cli("landing", "--out", tmp_path, "--lang", "en")
    assert result.code == 2
    assert "run 'make html' first" in result.err
    assert not (tmp_path / "index.html").exists()


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_search_script_strings_are_translated(built_site: Path, lang: str) -> None:
    import json

    script = (built_site / lang / "_static" / "translations.js").read_text(encoding="utf-8")
    messages = json.loads(script[script.index("(") + 1 : script.rindex(")")])["messages"]
    for message in ui_strings.js_strings():
        key = message[0] if isinstance(message, tuple) else message
        value = messages.get(key)
        forms = value if isinstance(value, list) else [value]
        assert forms and all(forms), f"{lang}: search script string {key!r} is not translated"
