"""``scripts/i18n stamp`` and the life of the source-hash record in catalogs."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import FIXTURES, ROOT, TRANSLATIONS, run_cli, run_make
from docs_i18n.core import frontmatter, hash_record, hashing, pofile

TREE = FIXTURES / "status" / "catalogs"
RECORD = "# x-i18n-source-hash: "


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TREE, tmp_path / "catalogs"))


def stamp(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli("stamp", "--source", tree / "source", "--locale", tree / "locale", *args)


def record_of(po: Path) -> str | None:
    return hash_record.recorded_hash(pofile.read(po))


def test_stamp_records_todays_hash_and_changes_no_other_byte(tree: Path) -> None:
    po = tree / "locale" / "ko" / "LC_MESSAGES" / "guide" / "usage.po"
    before = po.read_text(encoding="utf-8")
    result = stamp(tree, "--lang", "ko", "--page", "guide/usage.md")
    assert result.code == 0, result.err
    today = hashing.source_hash(tree / "source" / "guide" / "usage.md")
    assert result.out == f"ko guide/usage.md: stamped: recorded {today[:12]} (was 7188a7c5a428)\n"
    after = po.read_text(encoding="utf-8")
    assert after == before.replace(f"{RECORD}7188a7c5a428", hash_record.record_lines(today))
    assert not [p for p in po.parent.iterdir() if p.name.startswith(".")]  # no temp file left


def test_stamp_is_idempotent(tree: Path) -> None:
    po = tree / "locale" / "ko" / "LC_MESSAGES" / "guide" / "usage.po"
    assert stamp(tree, "--lang", "ko", "--page", "guide/usage.md").code == 0
    data, mtime = po.read_bytes(), po.stat().st_mtime_ns
    again = stamp(tree, "--lang", "ko", "--page", "guide/usage.md")
    assert again.code == 0
    assert "unchanged: already current" in again.out
    assert po.read_bytes() == data and po.stat().st_mtime_ns == mtime


def test_stamp_adds_a_record_where_there_was_none(tree: Path) -> None:
    po = tree / "locale" / "ja" / "LC_MESSAGES" / "index.po"
    po.write_text(
        po.read_text()
        .replace('msgstr ""\n\n', 'msgstr "ようこそ。"\n\n', 1)
        .replace('msgid "Welcome."\nmsgstr ""', 'msgid "Welcome."\nmsgstr "ようこそ。"')
    )
    result = stamp(tree, "--lang", "ja", "--page", "index.md")
    assert result.code == 0, result.out + result.err
    assert "(no record before)" in result.out
    lines = po.read_text().splitlines()
    today = hashing.source_hash(tree / "source" / "index.md")
    assert lines[lines.index('msgid ""') - 2 : lines.index('msgid ""')] == ["# x-i18n-source-hash:", f"# {today}"]


def test_stamp_refuses_fuzzy_and_untranslated_and_says_which(tree: Path) -> None:
    po = tree / "locale" / "ko" / "LC_MESSAGES" / "guide" / "setup.po"
    before = po.read_bytes()
    result = stamp(tree, "--lang", "ko", "--page", "guide/setup.md")
    assert result.code == 1
    assert "refused: 1 fuzzy and 1 untranslated messages" in result.out
    assert "line 12 fuzzy: 'Install it.'" in result.out
    assert "line 15 untranslated: 'Set things up'" in result.out
    assert "--force" in result.out
    assert po.read_bytes() == before
    forced = stamp(tree, "--lang", "ko", "--page", "guide/setup.md", "--force")
    assert forced.code == 0
    assert record_of(po) == hashing.source_hash(tree / "source" / "guide" / "setup.md")


def test_stamp_needs_a_page_and_reports_bad_ones(tree: Path) -> None:
    assert stamp(tree, "--lang", "ko").code == 2
    missing = stamp(tree, "--lang", "ko", "--page", "nope.md")
    assert missing.code == 2
    assert "no English page 'nope.md'" in missing.err
    no_catalog = stamp(tree, "--lang", "ja", "--page", "guide/usage.md")
    assert no_catalog.code == 2
    assert "usage.po:0: no catalog for this page; run `make update-po` first" in no_catalog.err


def test_stamp_markdown_page(tmp_path: Path) -> None:
    root = Path(shutil.copytree(FIXTURES / "status" / "markdown", tmp_path / "md"))
    page = root / "ja-JP" / "providers" / "litellm.md"
    before = page.read_text(encoding="utf-8")
    result = run_cli("stamp", "--markdown", root, "--lang", "ja-JP", "--page", "providers/litellm.md")
    assert result.code == 0, result.err
    today = hashing.source_hash(root / "providers" / "litellm.md")
    assert page.read_text(encoding="utf-8") == before.replace("source_hash: 269529671c6086", f"source_hash: {today}")
    status = json.loads(run_cli("status", "--markdown", root, "--lang", "ja-JP", "--format", "json").out)
    assert {p["page"]: p["state"] for p in status["pages"]}["providers/litellm.md"] == "current"


@pytest.mark.parametrize(
    "text",
    [
        "# No front-matter\n",
        "---\nsummary: x\n---\n# Title\n",
        "---\nsummary: x\nx-i18n:\n  other: 1\n---\n# Title\n",
        "---\nx-i18n:\n  source_hash: abc\n  tool: y\nsummary: x\n---\n# Title\n",
    ],
)
def test_setting_the_markdown_record_keeps_the_rest(text: str) -> None:
    digest = "a" * 64
    updated = frontmatter.with_source_hash(text, digest)
    assert frontmatter.split(updated).source_hash == digest
    assert frontmatter.split(updated).body == frontmatter.split(text).body
    data = {k: v for k, v in frontmatter.split(updated).data.items() if k != "x-i18n"}
    assert data == {k: v for k, v in frontmatter.split(text).data.items() if k != "x-i18n"}


def test_record_survives_babel_msgcat_and_msgmerge(tmp_path: Path) -> None:
    po = ROOT / "locale" / "ko" / "LC_MESSAGES" / "providers" / "litellm.po"
    expected = record_of(po)
    assert expected and hashing.is_valid_hash(expected)
    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)
    babel_copy = tmp_path / "babel.po"
    babel_copy.write_bytes(buffer.getvalue())
    assert record_of(babel_copy) == expected
    msgcat = tmp_path / "msgcat.po"
    subprocess.run(["msgcat", "-o", str(msgcat), str(po)], check=True)
    assert record_of(msgcat) == expected
    pot = tmp_path / "ref.pot"
    subprocess.run(["msgcat", "-o", str(pot), str(po)], check=True)
    merged = tmp_path / "merged.po"
    subprocess.run(["msgmerge", "--quiet", "-o", str(merged), str(po), str(pot)], check=True)
    assert record_of(merged) == expected


def test_edit_update_po_translate_stamp_cycle(project: Path) -> None:
    """The maintainer's loop: edit English, see it stale, update, translate, stamp, current."""
    page = project / "source" / "providers" / "litellm.md"
    old_hash = hashing.source_hash(page)
    page.write_text(page.read_text().replace("Full request/response logs", "Complete request/response logs"))
    new_hash = hashing.source_hash(page)

    status = json.loads(run_cli("status", "--format", "json", root=project).out)
    stale = {p["lang"] for p in status["pages"] if p["state"] == "stale"}
    assert stale == set(TRANSLATIONS)
    assert all(p["page"] == "providers/litellm.md" for p in status["pages"] if p["state"] == "stale")

    result = run_make(project, "update-po")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in TRANSLATIONS:
        po = project / "locale" / lang / "LC_MESSAGES" / "providers" / "litellm.po"
        assert record_of(po) == old_hash, f"{lang}: the record did not survive make update-po"
        assert pofile.read(po).counts()["fuzzy"] == 1

    refused = run_cli("stamp", "--page", "providers/litellm.md", root=project)
    assert refused.code == 1 and refused.out.count("refused: 1 fuzzy") == len(TRANSLATIONS)

    for lang in TRANSLATIONS:  # the translator's edit: review the fuzzy message, clear the flag
        po = project / "locale" / lang / "LC_MESSAGES" / "providers" / "litellm.po"
        text = po.read_text(encoding="utf-8")
        po.write_text(text.replace("#, fuzzy\n", "", 1), encoding="utf-8")
    assert run_cli("stamp", "--page", "providers/litellm.md", root=project).code == 0
    done = run_cli("status", "--strict", root=project)
    assert done.code == 0, done.out
    final = json.loads(run_cli("status", "--format", "json", root=project).out)
    assert {p["recorded_hash"] for p in final["pages"] if p["page"] == "providers/litellm.md"} == {new_hash}
