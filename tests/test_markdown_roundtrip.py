"""Markdown round trip: the seed into catalogs, catalogs out as pages, and back unchanged."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from conftest import LANGUAGES, ROOT, TRANSLATIONS, copy_project, sphinx_build
from docs_i18n.core import frontmatter, hash_record, hashing, pages, pofile
from docs_i18n.sphinx_ext import splitter as splitting
from markdown_util import (
    GUIDE,
    MARKDOWN,
    SEED,
    body_blocks,
    build_pot,
    export_cli,
    import_cli,
    make_project,
    snapshot,
)

PAGES = list(pages.walk_pages(ROOT / "source"))


def msgstrs(path: Path) -> dict[str, str]:
    return {e.msgid: e.msgstr[0] for e in pofile.read(path).messages()}


def test_split_messages_are_the_pot_msgids(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "pot"
    assert sphinx_build(project, "en", out, builder="gettext", strict=False).code == 0
    split = splitting.split_english(project / "source", project, PAGES)
    for page in PAGES:
        with (out / "en" / f"{pages.docname(page)}.pot").open("rb") as handle:
            pot = [m.id for m in read_po(handle) if m.id]
        ours = list(dict.fromkeys(b.text for b in split[page].messages()))
        assert sorted(ours) == sorted(pot), page
        for lang in TRANSLATIONS:  # and the project's catalogs hold exactly those msgids
            assert sorted(msgstrs(pages.catalog_path(ROOT / "locale", lang, page))) == sorted(pot), (lang, page)
    codes = [b for b in split[GUIDE].body if b.verbatim]
    assert [b.kind for b in codes[:2]] == ["code block (bash)", "code block (bash)"]
    assert codes[1].text.startswith("pip install 'litellm[proxy]'\n")


def test_seed_into_an_empty_catalog_gives_the_project_catalog(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    catalog = pages.catalog_path(project / "locale", "ko", GUIDE)
    catalog.unlink()
    result = import_cli(project, SEED, "--lang", "ko", "--page", GUIDE)
    assert result.code == 0, result.err
    assert f"create {catalog.relative_to(project)}" in result.out and "32 new" in result.out
    imported, expected = msgstrs(catalog), msgstrs(ROOT / "locale" / "ko" / "LC_MESSAGES" / "providers" / "litellm.po")
    fields = {f.text for f in frontmatter.translatable_fields(frontmatter.read(ROOT / "source" / GUIDE))}
    assert len(fields) == 3 and set(imported) == set(expected)
    for msgid, msgstr in expected.items():
        if msgid in fields:  # the seed keeps summary and read_when in English: not a translation
            assert imported[msgid] == "" and msgstr != ""
        else:
            assert imported[msgid] == msgstr, msgid
    assert imported["LiteLLM"] == "LiteLLM"  # a body text identical to English is a translation
    seed_hash = frontmatter.read(SEED).source_hash
    assert hash_record.recorded_hash(pofile.read(catalog)) == seed_hash
    # Babel layout at width 76, so a later `make update-po` rewrite changes nothing
    data = catalog.read_bytes()
    buffer = io.BytesIO()
    write_po(buffer, read_po(io.BytesIO(data)), width=76)
    assert buffer.getvalue() == data


def test_exported_korean_guide_matches_the_seed(tmp_path: Path) -> None:
    out = tmp_path / "markdown"
    result = export_cli(ROOT, out, "--lang", "ko", "--page", GUIDE)
    assert result.code == 0, result.err
    page = out / "ko" / GUIDE
    assert f"[ko] {GUIDE} -> {page} (written): 35/35 messages translated" in result.out
    assert body_blocks(page) == body_blocks(SEED)  # same texts (whitespace aside), same code blocks
    matter = frontmatter.read(page)
    korean = pofile.read(pages.catalog_path(ROOT / "locale", "ko", GUIDE))
    assert matter.source_hash == hash_record.recorded_hash(korean)
    english = frontmatter.read(ROOT / "source" / GUIDE).data
    assert matter.data["summary"] == msgstrs(korean.path)[english["summary"]]
    assert matter.data["read_when"] == [msgstrs(korean.path)[text] for text in english["read_when"]]
    assert "untranslated" not in matter.data["x-i18n"]


def test_export_records_the_catalogs_hash_not_todays(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    english = project / "source" / GUIDE
    recorded = hash_record.recorded_hash(pofile.read(pages.catalog_path(project / "locale", "ja", GUIDE)))
    english.write_bytes(english.read_bytes() + b"\n")  # the English page changed: the Japanese one is stale
    result = export_cli(project, tmp_path / "md", "--lang", "ja", "--page", GUIDE)
    assert result.code == 0, result.err
    exported = frontmatter.read(tmp_path / "md" / "ja" / GUIDE).source_hash
    assert exported == recorded and exported != hashing.source_hash(english)


def test_export_then_import_is_the_identity_on_every_catalog(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = snapshot(project / "locale")
    out = tmp_path / "markdown"
    exported = export_cli(project, out)
    assert exported.code == 0, exported.err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert written == sorted(f"{lang}/{page}" for lang in LANGUAGES[1:] for page in PAGES)
    result = import_cli(project, out)
    assert result.code == 0, result.err
    assert result.out.count(" 0 new, 0 replaced, ") == len(written) and "nothing to change" in result.out
    assert snapshot(project / "locale") == before


def test_identity_holds_for_untranslated_fuzzy_and_unrecorded_catalogs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    catalog = pages.catalog_path(project / "locale", "ko", GUIDE)
    text = catalog.read_text(encoding="utf-8")
    text = re.sub(r"# x-i18n-source-hash:\n# [0-9a-f]{64}\n", "", text)  # no record
    text = text.replace('msgstr "메모"', 'msgstr ""')  # untranslated
    text = text.replace('msgid "Virtual keys"', '#, fuzzy\nmsgid "Virtual keys"')  # fuzzy
    catalog.write_text(text, encoding="utf-8")
    before = snapshot(project / "locale")
    out = tmp_path / "markdown"
    exported = export_cli(project, out, "--lang", "ko", "--page", GUIDE)
    assert exported.code == 0, exported.err
    assert "33/35 messages translated, source_hash none" in exported.out
    page = out / "ko" / GUIDE
    matter = frontmatter.read(page)
    assert matter.source_hash is None and len(matter.data["x-i18n"]["untranslated"]) == 2
    assert "\n## Notes\n" in page.read_text(encoding="utf-8")  # untranslated: English in the page
    refused = import_cli(project, out)
    assert refused.code == 2 and "no x-i18n.source_hash" in refused.err
    result = import_cli(project, out, "--without-hash")
    assert result.code == 0, result.err
    assert "0 new, 0 replaced, 33 same, 2 English in the page" in result.out  # the marker keeps them untranslated
    assert "nothing to change" in result.out
    assert snapshot(project / "locale") == before


def test_rich_page_imports_exports_and_round_trips(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "source" / "guide").mkdir()
    shutil.copyfile(MARKDOWN / "rich.md", project / "source" / "guide" / "rich.md")
    build_pot(project)
    page = "guide/rich.md"
    result = import_cli(project, MARKDOWN / "rich.ko.md", "--lang", "ko", "--page", page)
    assert result.code == 0, result.err
    imported = msgstrs(pages.catalog_path(project / "locale", "ko", page))
    assert imported["The wire protocol: a | b"] == "전송 프로토콜: a | b"  # table cell, escaped pipe
    assert imported["A custom title"] == "사용자 지정 제목"  # admonition title
    assert imported["More pages"] == "더 많은 페이지"  # toctree caption
    assert imported["A diagram of the gateway"] == "게이트웨이 구성도"  # image alt text
    assert imported["A list item that continues on a second line"] == "두 번째 줄로 이어지는 목록 항목"
    assert all(imported.values())
    out = tmp_path / "markdown"
    exported = export_cli(project, out, "--lang", "ko", "--page", page)
    assert exported.code == 0, exported.err
    assert body_blocks(out / "ko" / page) == body_blocks(MARKDOWN / "rich.ko.md")
    assert frontmatter.read(out / "ko" / page).data["title_note"] == "kept as it is"
    before = snapshot(project / "locale")
    again = import_cli(project, out)
    assert again.code == 0 and "nothing to change" in again.out, again.out + again.err
    assert snapshot(project / "locale") == before


def test_folder_codes_map_to_catalog_languages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "markdown"
    assert export_cli(project, out, "--lang", "ja", "--lang", "zh_CN", "--page", GUIDE).code == 0
    (out / "ja").rename(out / "ja-JP")
    (out / "zh_CN").rename(out / "zh-CN")
    result = import_cli(project, out, "--dry-run")
    assert result.code == 0, result.err
    # the command runs in the project: paths below it are shown relative, the others absolute
    assert f"[ja] {out / 'ja-JP' / GUIDE} -> {pages.catalog_path('locale', 'ja', GUIDE)}" in result.out
    assert f"[zh_CN] {out / 'zh-CN' / GUIDE} -> {pages.catalog_path('locale', 'zh_CN', GUIDE)}" in result.out
    only = import_cli(project, out, "--lang", "ja-JP", "--page", GUIDE, "--dry-run")
    assert only.code == 0 and "[ja]" in only.out and "[zh_CN]" not in only.out
