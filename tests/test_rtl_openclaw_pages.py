"""Persian and Arabic pages shaped like OpenClaw's: locale links, RLM marks, import and a strict build.

The fixtures (``tests/fixtures/openclaw/{en,fa,ar}/guides/routing.md``) are written for these
tests in the shape of OpenClaw's translations: keys sorted, ``x-i18n`` indented by four
spaces with ``postprocess_version: locale-links-v1``, and the links OpenClaw's pipeline
rewrites to the locale's own pages (``/fa/concepts/model-providers`` for
``/concepts/model-providers``), U+200F RIGHT-TO-LEFT MARK before a parenthesis that
follows a Latin name, a translated ``<Note>``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, sphinx_build
from docs_i18n.core import frontmatter, hashing, pages, pofile
from htmlutil import parse
from markdown_util import build_pot, import_cli, make_project

OPENCLAW = FIXTURES / "openclaw"
PAGE = "guides/routing.md"
RLM = "\u200f"
RTL = ("fa", "ar")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    """A project with the English routing page, and the result of importing the fa and ar pages."""
    base = tmp_path_factory.mktemp("rtl-openclaw")
    project = make_project(base / "project", with_pot=False)
    target = project / "source" / PAGE
    target.parent.mkdir(parents=True)
    shutil.copyfile(OPENCLAW / "en" / PAGE, target)
    index = project / "source" / "index.md"
    toctree = index.read_text(encoding="utf-8")
    index.write_text(toctree.replace("providers/litellm\n", f"providers/litellm\n{PAGE[:-3]}\n"))
    build_pot(project)
    tree = base / "tree"
    for lang in RTL:
        shutil.copytree(OPENCLAW / lang, tree / lang)
    return project, tree, import_cli(project, tree)


def msgstrs(catalog: Path) -> dict[str, str]:
    return {e.msgid: e.msgstr[0] for e in pofile.read(catalog).messages() if e.msgstr and e.msgstr[0]}


@pytest.mark.parametrize("lang", RTL)
def test_fixtures_are_shaped_like_openclaws(lang: str) -> None:
    page = OPENCLAW / lang / PAGE
    matter = frontmatter.read(page)
    assert matter.source_hash == hashing.source_hash(OPENCLAW / "en" / PAGE)
    assert matter.data["x-i18n"]["postprocess_version"] == "locale-links-v1"
    text = page.read_text(encoding="utf-8")
    assert RLM in text and f"](/{lang}/concepts/model-providers" in text


def test_locale_links_import_as_the_english_target(imported: tuple[Path, Path, object]) -> None:
    project, tree, result = imported
    assert result.code == 0, result.err
    for lang in RTL:
        # three links in three messages: the paragraph and the two list items
        reported = rf"\[{lang}\] .*routing\.md .*: .*3 locale link\(s\) written as the English target"
        assert re.search(reported, result.out)
        catalog = pages.catalog_path(project / "locale", lang, PAGE)
        translated = msgstrs(catalog)
        text = "\n".join(translated.values())
        assert f"/{lang}/" not in text
        assert "](/concepts/model-providers)" in text
        assert "](/providers/litellm)" in text
        assert any(RLM in value for value in translated.values())  # the marks are kept in the prose


@pytest.mark.parametrize("lang", RTL)
def test_imported_rtl_pages_build_strictly_right_to_left(
    imported: tuple[Path, Path, object], lang: str, tmp_path: Path
) -> None:
    project, _, result = imported
    assert result.code == 0, result.err
    built = sphinx_build(project, lang, tmp_path / "html")  # -W --keep-going -n
    assert built.code == 0, built.err
    html = parse(tmp_path / "html" / lang / "guides" / "routing.html")
    root = html.find("html")
    assert root.attrs.get("dir") == "rtl" and root.attrs.get("lang") == lang
    article = html.find("article")
    hrefs = [a.attrs.get("href") or "" for a in article.find_all("a")]
    hrefs = [h.split("#")[0] for h in hrefs if not h.startswith("#")]
    assert "../concepts/model-providers.html" in hrefs and "../providers/litellm.html" in hrefs
    assert not [h for h in hrefs if f"/{lang}/" in h]
    assert RLM in article.text()  # the translator's marks reach the reader
    codes = article.find_all("code")
    blocks = [d for d in article.find_all("div") if "highlight-bash" in (d.attrs.get("class") or "").split()]
    assert codes and blocks
    assert all(node.attrs.get("dir") == "ltr" for node in codes + blocks)
