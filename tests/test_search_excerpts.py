"""Search results of an out-of-date translation: the excerpt is the page's text, not its banner (issue 20, item 4).

Sphinx's search page shows, under each result, an excerpt of the page's ``[role="main"]``
element (``Search.htmlToText``). The translation banner sits at the top of the article;
if it is inside that element every excerpt that starts near the top starts with the
banner's text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import test_search_browser as search_browser

from conftest import copy_project, sphinx_build
from docs_i18n.core import pofile
from htmlutil import parse, squash

GUIDE = "providers/litellm"
OLD = "That's it. OpenClaw now routes through LiteLLM."
NEW = "That's it. OpenClaw now sends every request through LiteLLM."
OUTDATED = "This translation follows an older version of the English page."
LANGS = ("ko", "ja", "zh_CN")


def banner_text(project: Path, lang: str) -> str:
    catalog = pofile.read(project / "locale" / lang / "LC_MESSAGES" / "sphinx.po")
    return next(e.msgstr[0] for e in catalog.messages() if e.msgid == OUTDATED)


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project after one English sentence of the guide changed, built in ko, ja, zh_CN: (project, html)."""
    base = tmp_path_factory.mktemp("excerpts")
    project = copy_project(base / "project")
    english = project / "source" / f"{GUIDE}.md"
    text = english.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    english.write_text(text.replace(OLD, NEW), encoding="utf-8")
    for lang in LANGS:
        result = sphinx_build(project, lang, base / "html")
        assert result.code == 0, result.err
    return project, base / "html"


@pytest.mark.parametrize("lang", LANGS)
def test_banner_is_outside_the_text_search_excerpts_are_cut_from(edited: tuple[Path, Path], lang: str) -> None:
    project, html = edited
    root = parse(html / lang / f"{GUIDE}.html")
    banner = root.find("aside", cls="i18n-banner")
    assert banner is not None and banner_text(project, lang) in squash(banner.text())  # the page is out of date
    mains = [node for node in root.iter() if node.attrs.get("role") == "main"]
    assert len(mains) == 1
    main_text = squash(mains[0].text())
    assert banner_text(project, lang) not in main_text
    assert main_text.startswith("LiteLLM")  # the page's own heading comes first
    # nor is the banner indexed as the page's text
    index = (html / lang / "searchindex.js").read_text(encoding="utf-8")
    assert banner_text(project, lang) not in index


@pytest.fixture(scope="module")
def served(edited: tuple[Path, Path]) -> Iterator[str]:
    with search_browser.serve(edited[1]) as url:
        yield url


@pytest.mark.parametrize("lang", LANGS)
def test_excerpt_of_an_out_of_date_page_starts_with_its_text(
    browser, served: str, edited: tuple[Path, Path], lang: str
) -> None:
    project, _ = edited
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{served}/{lang}/search.html?q={quote('LiteLLM')}")
        selector = f'#search-results li a[href*="{GUIDE}"] ~ p.context'
        page.wait_for_selector(selector, timeout=30_000)
        excerpts = page.eval_on_selector_all(selector, "nodes => nodes.map(n => n.textContent)")
    finally:
        page.close()
    assert not errors
    banner = banner_text(project, lang)
    assert excerpts, json.dumps(excerpts, ensure_ascii=False)
    for excerpt in excerpts:
        assert banner not in excerpt and not excerpt.startswith(banner[:10]), excerpt
    assert any(excerpt.startswith("LiteLLM") for excerpt in excerpts), excerpts
