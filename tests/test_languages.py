"""The site in every language of conf.py: right-to-left where the language is, translated throughout.

Read-only tests share the session's build of every language (``built_site``: built once per
run); the test that changes a catalog builds one language of a copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import set_msgstr

from conftest import LANGUAGES, TRANSLATIONS, sphinx_build
from docs_i18n.core import languages, pages, pofile
from htmlutil import parse, squash

PAGES = ("index", "concepts/model-providers", "providers/litellm")
RTL = tuple(lang for lang in LANGUAGES if languages.is_right_to_left(lang))


def html_of(site: Path, lang: str, page: str):
    return parse(site / lang / f"{page}.html")


def test_arabic_and_persian_are_the_right_to_left_languages() -> None:
    assert set(RTL) == {"ar", "fa"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dir_rtl_on_right_to_left_pages_only(built_site: Path, lang: str) -> None:
    for page in PAGES:
        root = html_of(built_site, lang, page).find("html")
        assert root.attrs.get("lang") == languages.bcp47(lang)
        assert (root.attrs.get("dir") == "rtl") == (lang in RTL), (lang, page, root.attrs)


@pytest.mark.parametrize("lang", RTL)
def test_code_is_left_to_right_inside_right_to_left_pages(built_site: Path, lang: str) -> None:
    for page in ("concepts/model-providers", "providers/litellm"):
        article = html_of(built_site, lang, page).find("article")
        blocks = [d for d in article.find_all("div") if "notranslate" in (d.attrs.get("class") or "").split()]
        codes = article.find_all("code")
        assert blocks and codes
        assert [n.attrs.get("dir") for n in blocks + codes] == ["ltr"] * len(blocks + codes)


def english_passages(site: Path, page: str) -> list[str]:
    """The English page's prose: headings, paragraphs and list items, without code."""
    article = html_of(site, "en", page).find("article")
    texts = []
    for tag in ("h1", "h2", "h3", "p", "li"):
        for node in article.find_all(tag):
            text = squash(node.text()).rstrip("#¶ ")
            if len(text.split()) >= 3:  # product names alone are the same in every language
                texts.append(text)
    return texts


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_the_guide_has_no_english_prose_left(built_site: Path, lang: str) -> None:
    for page in PAGES:
        html = html_of(built_site, lang, page)
        article = html.find("article")
        assert not article.find_all(cls="i18n-fallback"), f"{lang}/{page}: a passage is shown in English"
        text = squash(article.text())
        left = [p for p in english_passages(built_site, page) if p in text]
        assert not left, f"{lang}/{page}: English prose left: {left[:3]}"
        percent = html.find("meta", name="x-i18n-percent-translated")
        assert percent is not None and float(percent.attrs.get("content")) == 100


@pytest.mark.parametrize("lang", RTL)
def test_an_english_passage_in_a_right_to_left_page_is_left_to_right(project: Path, tmp_path: Path, lang: str) -> None:
    catalog = pages.catalog_path(project / "locale", lang, "providers/litellm.md")
    english = "That's it. OpenClaw now routes through LiteLLM."
    assert any(e.msgid == english and e.msgstr[0] for e in pofile.read(catalog).messages())
    set_msgstr(catalog, english, "")  # a message not translated yet
    result = sphinx_build(project, lang, tmp_path / "html")
    assert result.code == 0, result.err
    html = parse(tmp_path / "html" / lang / "providers" / "litellm.html")
    assert html.find("html").attrs.get("dir") == "rtl"
    shown = [p for p in html.find("article").find_all("p") if squash(p.text()) == english]
    assert len(shown) == 1
    assert shown[0].attrs.get("lang") == "en" and shown[0].attrs.get("dir") == "ltr"
