"""Pages shaped like OpenClaw's: Mintlify components, 4-space ``x-i18n`` records, H2-first headings.

The fixtures under ``tests/fixtures/openclaw/`` are written for these tests in
OpenClaw's shapes: the English page has its title in the front-matter and starts
its headings at ``##``; the Korean page has OpenClaw's front-matter (keys sorted,
``x-i18n`` indented by four spaces with ``generated_at``, ``model``,
``provider``, ``source_hash``, ``source_path``, ``workflow``), translated
component titles (``<Tab title>``, ``<Step title>``, ``<Card title>``), and a
translated comment in a code block.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, TRANSLATIONS, sphinx_build
from docs_i18n.core import frontmatter, hash_record, hashing, languages, pages, pofile
from docs_i18n.markdown import components
from markdown_util import build_pot, export_cli, import_cli, make_project, snapshot

OPENCLAW = FIXTURES / "openclaw"
PAGE = "guides/gateway.md"
KO_PAGE = OPENCLAW / "ko" / PAGE


def openclaw_project(dest: Path) -> Path:
    """A project copy with the English OpenClaw-shaped page in ``source/`` (and the toctree)."""
    project = make_project(dest, with_pot=False)
    target = project / "source" / PAGE
    target.parent.mkdir(parents=True)
    shutil.copyfile(OPENCLAW / "en" / PAGE, target)
    index = project / "source" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("providers/litellm\n", f"providers/litellm\n{PAGE[:-3]}\n")
    )
    build_pot(project)
    return project


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    """The project, a copy of the Korean tree, and the result of importing it."""
    base = tmp_path_factory.mktemp("openclaw")
    project = openclaw_project(base / "project")
    tree = base / "tree"
    shutil.copytree(OPENCLAW / "ko", tree / "ko")
    result = import_cli(project, tree)
    return project, tree, result


def msgstrs(catalog: Path) -> dict[str, str]:
    return {e.msgid: e.msgstr[0] for e in pofile.read(catalog).messages() if e.msgstr and e.msgstr[0]}


def test_fixture_records_the_english_page_it_translates() -> None:
    recorded = frontmatter.read(KO_PAGE).source_hash
    assert recorded == hashing.source_hash(OPENCLAW / "en" / PAGE)


def test_prose_imports_and_each_differing_block_is_a_warning(imported: tuple[Path, Path, object]) -> None:
    project, tree, result = imported
    assert result.code == 0, result.err
    page = tree / "ko" / PAGE
    catalog = pages.catalog_path(project / "locale", "ko", PAGE)
    translated = msgstrs(catalog)
    assert translated["Gateway"] == "게이트웨이"  # the title, from the front-matter
    assert translated["Set up"] == "설정"
    assert translated["Reports"] == "보고서"
    assert translated["Ask the gateway for the spend of the last day:"] == "지난 하루의 지출을 게이트웨이에 요청합니다:"
    assert translated["A gateway sits between OpenClaw and your model providers. It keeps the provider keys in one "
                      "place and counts what every request costs."].startswith("게이트웨이는 OpenClaw와")  # fmt: skip
    assert translated["You need a report of what each team spends"] == "팀별 지출 보고서가 필요한 경우"
    assert hash_record.recorded_hash(pofile.read(catalog)) == frontmatter.read(KO_PAGE).source_hash
    warnings = [line for line in result.err.splitlines() if ": warning: " in line]
    assert f'{page}:21: warning: raw block differs from {project / "source" / PAGE}:14: <Tab> title translated: ' \
           '"Guided (recommended)" -> "안내에 따라 설정(권장)"' in result.err  # fmt: skip
    assert any('<Step> title translated: "Start the gateway" -> "게이트웨이 시작"' in w for w in warnings)
    assert any(
        w.startswith(f"{page}:48: warning: code block (bash) differs from the English page: ")
        and '"# Spend per team", this page has "# 팀별 지출"' in w
        for w in warnings
    )
    assert any('<Card> title translated: "Providers" -> "공급자"' in w for w in warnings)
    assert all(w.startswith(f"{page}:") and w.endswith("the build shows the English block") for w in warnings)


def test_strict_turns_the_warnings_into_errors(tmp_path: Path) -> None:
    project = openclaw_project(tmp_path / "project")
    tree = tmp_path / "tree"
    shutil.copytree(OPENCLAW / "ko", tree / "ko")
    before = snapshot(project / "locale")
    result = import_cli(project, tree, "--strict")
    assert result.code == 2
    assert f"{tree / 'ko' / PAGE}:48: code block (bash) differs" in result.err  # no "warning:": an error
    assert "nothing written: " in result.err and "errors under --strict" in result.err
    assert snapshot(project / "locale") == before


def test_export_round_trips_openclaws_page_byte_for_byte(imported: tuple[Path, Path, object], tmp_path: Path) -> None:
    project, tree, _ = imported
    out = tmp_path / "docs"
    shutil.copytree(tree, out)
    original = (out / "ko" / PAGE).read_bytes()
    result = export_cli(project, out, "--layout", "openclaw", "--lang", "ko", "--page", PAGE)
    assert result.code == 0, result.err
    assert f"-> {out / 'ko' / PAGE} (updated)" in result.out
    assert (out / "ko" / PAGE).read_bytes() == original  # keys, order, quoting, 4 spaces, components, comments

    catalog = pages.catalog_path(project / "locale", "ko", PAGE)
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(
        text.replace('msgstr "보고서"', 'msgstr "사용 보고서"').replace(
            'msgstr "게이트웨이"', 'msgstr "게이트웨이 서버"'
        ),
        encoding="utf-8",
    )
    try:
        changed = export_cli(project, out, "--layout", "openclaw", "--lang", "ko", "--page", PAGE)
    finally:
        catalog.write_text(text, encoding="utf-8")
    assert changed.code == 0, changed.err
    before = original.decode("utf-8").split("\n")
    after = (out / "ko" / PAGE).read_text(encoding="utf-8").split("\n")
    assert [(i, a) for i, (b, a) in enumerate(zip(before, after, strict=True)) if a != b] == [
        (5, "title: 게이트웨이 서버"),
        (42, "## 사용 보고서"),
    ]


def test_export_writes_openclaws_folder_names(imported: tuple[Path, Path, object], tmp_path: Path) -> None:
    project, _, _ = imported
    out = tmp_path / "fresh"
    result = export_cli(project, out, "--layout", "openclaw", "--page", "providers/litellm.md")
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == sorted(languages.openclaw_folder(lang) for lang in TRANSLATIONS)
    assert {"ja-JP", "zh-CN", "zh-TW", "pt-BR", "ko", "fa"} <= {p.name for p in out.iterdir()}
    # the default layout's folders are the catalogs' codes: test_markdown_roundtrip's
    # test_export_then_import_is_the_identity_on_every_catalog exports every language in it
    again = import_cli(project, out, "--dry-run")
    assert again.code == 0 and again.out.count(" 0 new, 0 replaced, ") == len(TRANSLATIONS), again.out + again.err


def test_an_existing_page_that_does_not_align_is_not_overwritten(
    imported: tuple[Path, Path, object], tmp_path: Path
) -> None:
    project, tree, _ = imported
    out = tmp_path / "docs"
    shutil.copytree(tree, out)
    page = out / "ko" / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("## 보고서\n", ""), encoding="utf-8")
    before = page.read_bytes()
    result = export_cli(project, out, "--layout", "openclaw", "--lang", "ko", "--page", PAGE)
    assert result.code == 2 and "structure differs from the English page" in result.err
    assert "pass --replace" in result.err and page.read_bytes() == before
    replaced = export_cli(project, out, "--layout", "openclaw", "--lang", "ko", "--page", PAGE, "--replace")
    assert replaced.code == 0 and "\n## 보고서\n" in page.read_text(encoding="utf-8")


def test_h2_first_page_builds_strict_with_its_front_matter_title(
    imported: tuple[Path, Path, object], tmp_path: Path
) -> None:
    project, _, _ = imported
    out = tmp_path / "html"
    for lang, title in (("en", "Gateway"), ("ko", "게이트웨이")):
        result = sphinx_build(project, lang, out)
        assert result.code == 0, result.err
        html = (out / lang / "guides" / "gateway.html").read_text(encoding="utf-8")
        assert f"<title>{title} - OpenClaw</title>" in html
        assert html.count("<h1>") == 1 and f"<h1>{title}<a" in html
        assert "<h2>" in html


def test_h2_first_page_without_a_title_still_warns(tmp_path: Path) -> None:
    project = openclaw_project(tmp_path / "project")
    page = project / "source" / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace('title: "Gateway"\n', ""), encoding="utf-8")
    result = sphinx_build(project, "en", tmp_path / "html")
    assert result.code != 0
    assert "Document headings start at H2, not H1 [myst.header]" in result.err


def test_a_page_with_an_h1_keeps_it_and_gets_no_second_one(tmp_path: Path) -> None:
    project = openclaw_project(tmp_path / "project")
    page = project / "source" / PAGE
    text = page.read_text(encoding="utf-8").replace("---\n\nA gateway", "---\n\n# The gateway\n\nA gateway")
    page.write_text(text, encoding="utf-8")
    result = sphinx_build(project, "en", tmp_path / "html")
    assert result.code == 0, result.err
    html = (tmp_path / "html" / "en" / "guides" / "gateway.html").read_text(encoding="utf-8")
    assert html.count("<h1>") == 1 and "<h1>The gateway<a" in html


def test_component_differences_are_named() -> None:
    english = '<CardGroup cols={2}>\n  <Card title="Providers" href="/concepts/providers" icon="layers">\n'
    assert components.differences(english, english) == []
    translated = english.replace('"Providers"', '"공급자"')
    assert components.differences(english, translated) == ['<Card> title translated: "Providers" -> "공급자"']
    moved = translated.replace("/concepts/", "/ko/concepts/")
    assert components.differences(english, moved)[1] == (
        '<Card> href changed: "/concepts/providers" -> "/ko/concepts/providers" (not a text attribute)'
    )
    assert components.differences("<Note>\nA\n</Note>", "<Warning>\nA\n</Warning>") == [
        "markup differs: the English block has <Note> where this one has <Warning>"
    ]
