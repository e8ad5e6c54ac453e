"""``scripts/i18n import`` refusals: structure, code, hash, encoding, differences; nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docs_i18n.core import hash_record, hashing, pages, pofile
from markdown_util import GUIDE, MARKDOWN, SEED, import_cli, make_project, snapshot


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project copy (with templates) for the tests that must not write anything."""
    return make_project(tmp_path_factory.mktemp("md-import") / "project")


SEED_HASH = "269529671c60864972441606c730b5ca327546a45d3b264dbd03204c4401936f"


def ko_catalog(project: Path) -> Path:
    return pages.catalog_path(project / "locale", "ko", GUIDE)


def english(project: Path) -> str:
    return str(project / "source" / GUIDE)


FAILURES = {
    "missing-paragraph": (
        47,
        "structure differs from the English page: {en}:45 has a paragraph "
        '"That\'s it. OpenClaw now routes through LiteLLM.", this page has a heading (level 2) "구성"',
    ),
    "no-x-i18n": (1, "no x-i18n block in the front-matter: cannot tell which English version this page translates"),
    "truncated-hash": (
        7,
        "x-i18n.source_hash '269529671c6086497244' is not a complete SHA-256 "
        "(64 lowercase hex digits; this one has 20 characters)",
    ),
    "not-utf8": (111, "not valid UTF-8 (byte 0xbb); save the file as UTF-8"),
}


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_bad_page_is_refused_and_nothing_changes(shared: Path, name: str) -> None:
    before = snapshot(shared / "locale")
    # not .md: ruff formats Markdown files and stops at bytes that are not UTF-8
    page = MARKDOWN / (f"{name}.ko.bin" if name == "not-utf8" else f"{name}.ko.md")
    line, message = FAILURES[name]
    result = import_cli(shared, page, "--lang", "ko", "--page", GUIDE)
    assert result.code == 2, result.out + result.err
    assert f"{page}:{line}: {message.format(en=english(shared))}" in result.err
    assert "nothing written: 1 page(s) could not be imported" in result.err
    assert snapshot(shared / "locale") == before


def test_changed_code_is_a_warning_and_strict_refuses_it(shared: Path) -> None:
    page = MARKDOWN / "changed-code.ko.md"
    message = (
        f'{page}:36: {{kind}}code block (bash) differs from the English page: {english(shared)}:34 has "litellm '
        '--model claude-opus-4-6", this page has "litellm --model claude-opus-4-5"; a catalog has no place for '
        "code: the build shows the English block"
    )
    before = snapshot(shared / "locale")
    strict = import_cli(shared, page, "--lang", "ko", "--page", GUIDE, "--strict")
    assert strict.code == 2 and message.format(kind="") in strict.err.splitlines()
    assert "nothing written: 1 warning(s), errors under --strict" in strict.err
    assert snapshot(shared / "locale") == before
    dry = import_cli(shared, page, "--lang", "ko", "--page", GUIDE, "--dry-run")
    assert dry.code == 0 and message.format(kind="warning: ") in dry.err.splitlines()
    assert "0 new, 0 replaced, 32 same, 3 English in the page" in dry.out  # the prose still aligns


def test_bad_page_in_a_tree_stops_every_write(shared: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "ko" / "providers").mkdir(parents=True)
    (tree / "ja" / "providers").mkdir(parents=True)
    shutil.copyfile(MARKDOWN / "missing-paragraph.ko.md", tree / "ko" / GUIDE)
    older = SEED.read_text(encoding="utf-8").replace("269529671c60", "169529671c60")  # a good page, other hash
    (tree / "ja" / GUIDE).write_text(older, encoding="utf-8")  # (Korean text in ja/: only the structure counts here)
    before = snapshot(shared / "locale")
    result = import_cli(shared, tree, "--overwrite")
    assert result.code == 2
    assert f"[ja] {tree / 'ja' / GUIDE} -> " in result.out and f"[ko] {tree / 'ko' / GUIDE}: error" in result.out
    assert snapshot(shared / "locale") == before


def test_different_translation_is_listed_and_kept_unless_overwrite(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", with_pot=False)
    catalog = ko_catalog(project)
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgstr "빠른 시작"', 'msgstr "빠르게 시작하기"'), encoding="utf-8")
    before = snapshot(project / "locale")
    result = import_cli(project, SEED, "--lang", "ko", "--page", GUIDE)
    assert result.code == 1
    line = next(e.line for e in pofile.read(catalog).messages() if e.msgid == "Quick start")
    shown = catalog.relative_to(project)  # the command runs in the project: paths below it are shown relative
    assert f'{SEED}:22: {shown}:{line} has "빠르게 시작하기", this page has "빠른 시작"' in result.out
    assert "1 differ" in result.out and "pass --overwrite" in result.err
    dry = import_cli(project, SEED, "--lang", "ko", "--page", GUIDE, "--overwrite", "--dry-run")
    assert dry.code == 0 and f'~ {SEED}:22: "Quick start" -> "빠른 시작"' in dry.out
    assert "dry run: 1 catalog(s) would change; nothing written" in dry.out
    assert snapshot(project / "locale") == before
    done = import_cli(project, SEED, "--lang", "ko", "--page", GUIDE, "--overwrite")
    assert done.code == 0 and f"wrote {shown}" in done.out
    assert catalog.read_text(encoding="utf-8") == text  # back to the project's catalog, byte for byte


def test_older_source_hash_imports_as_stale(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", with_pot=False)
    old = hashing.hash_bytes(b"an older English page")
    page = tmp_path / "litellm.ko.md"
    page.write_text(SEED.read_text(encoding="utf-8").replace(SEED_HASH, old), encoding="utf-8")
    result = import_cli(project, page, "--lang", "ko", "--page", GUIDE)
    assert result.code == 0, result.err
    assert f"record {old[:12]} (was {SEED_HASH[:12]})" in result.out
    recorded = hash_record.recorded_hash(pofile.read(ko_catalog(project)))
    assert recorded == old != hashing.source_hash(project / "source" / GUIDE)


def test_without_hash_imports_text_and_never_records_a_bad_hash(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    catalog = ko_catalog(project)
    existing = catalog.read_bytes()
    kept = import_cli(project, MARKDOWN / "truncated-hash.ko.md", "--lang", "ko", "--page", GUIDE, "--without-hash")
    assert kept.code == 0 and "the catalog's record is left as it is" in kept.out
    assert catalog.read_bytes() == existing  # same texts; the record stays the project's
    catalog.unlink()
    fresh = import_cli(project, MARKDOWN / "truncated-hash.ko.md", "--lang", "ko", "--page", GUIDE, "--without-hash")
    assert fresh.code == 0, fresh.err
    created = pofile.read(catalog)
    assert hash_record.recorded_hash(created) is None  # imported, but unknown: never "current"
    assert sum(1 for e in created.messages() if e.state == "translated") == 32


def test_new_catalog_needs_the_templates(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", with_pot=False)
    catalog = ko_catalog(project)
    catalog.unlink()
    result = import_cli(project, SEED, "--lang", "ko", "--page", GUIDE)
    assert result.code == 2
    pot = project / "_build" / "gettext" / "providers" / "litellm.pot"
    shown = catalog.relative_to(project)  # the command runs in the project: paths below it are shown relative
    assert f"{shown}:0: no catalog yet, and no template {pot} to create it from; run `make gettext`" in result.err
    assert not catalog.exists()


def test_catalog_older_than_the_english_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", with_pot=False)
    source = project / "source" / GUIDE
    source.write_text(source.read_text(encoding="utf-8").replace("## Notes", "## Remarks"), encoding="utf-8")
    before = snapshot(project / "locale")
    result = import_cli(project, SEED, "--lang", "ko", "--page", GUIDE)
    assert result.code == 2
    shown = source.relative_to(project)  # the command runs in the project: paths below it are shown relative
    assert f'{shown}:144: "Remarks" is not in {ko_catalog(project)}, which is older than the English page' in result.err
    assert "make update-po" in result.err
    assert snapshot(project / "locale") == before


def test_usage_errors(shared: Path, tmp_path: Path) -> None:
    one_file = import_cli(shared, SEED)
    assert one_file.code == 2 and "importing one file needs exactly one --lang and one --page" in one_file.err
    empty = import_cli(shared, tmp_path)
    assert empty.code == 2 and "no translated pages found" in empty.err
    (tmp_path / "ko").mkdir()
    shutil.copyfile(SEED, tmp_path / "ko" / "nowhere.md")
    orphan = import_cli(shared, tmp_path)
    assert orphan.code == 2 and f"{tmp_path / 'ko' / 'nowhere.md'}:0: no English page" in orphan.err
