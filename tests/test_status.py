"""``scripts/i18n status``: states, counts, formats, filters, bad input, --diff."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli
from docs_i18n.core import hashing, pofile

STATUS_FIXTURES = FIXTURES / "status"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The small catalog tree: source/ and locale/ (ko, ja)."""
    return Path(shutil.copytree(STATUS_FIXTURES / "catalogs", tmp_path / "catalogs"))


@pytest.fixture
def md_tree(tmp_path: Path) -> Path:
    """The small Markdown tree: English pages plus ko/, ja-JP/, zh-CN/ folders."""
    root = Path(shutil.copytree(STATUS_FIXTURES / "markdown", tmp_path / "md"))
    (root / "linked.md").symlink_to(root / "providers" / "litellm.md")  # links are not pages
    return root


def status_json(*args: str | Path, cwd: Path | None = None) -> dict:
    result = run_cli("status", "--format", "json", *args, cwd=cwd)
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


def by_key(document: dict) -> dict[tuple[str, str], dict]:
    return {(p["lang"], p["page"]): p for p in document["pages"]}


def msgfmt_counts(po: Path) -> dict[str, int]:
    """GNU msgfmt's own statistics for *po*."""
    proc = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(po)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", proc.stderr):
        counts[kind] = int(number)
    return counts


def test_states_of_every_page_and_language(tree: Path) -> None:
    pages = by_key(status_json("--source", tree / "source", "--locale", tree / "locale"))
    states = {key: p["state"] for key, p in pages.items()}
    assert states == {
        ("ja", "guide/setup.md"): "missing",
        ("ja", "guide/usage.md"): "missing",
        ("ja", "index.md"): "unknown",
        ("ko", "gone.md"): "orphan",
        ("ko", "guide/setup.md"): "stale",
        ("ko", "guide/usage.md"): "unknown",
        ("ko", "index.md"): "current",
    }
    index = pages[("ko", "index.md")]
    assert index["recorded_hash"] == index["source_hash"] == hashing.source_hash(tree / "source" / "index.md")
    assert "truncated (12 of 64" in pages[("ko", "guide/usage.md")]["reason"]
    assert pages[("ja", "index.md")]["reason"] == "no source hash recorded"
    assert pages[("ko", "guide/setup.md")]["recorded_hash"] == "0" * 64


def test_counts_agree_with_msgfmt_on_every_catalog(tree: Path) -> None:
    document = status_json("--source", tree / "source", "--locale", tree / "locale")
    checked = 0
    for page in document["pages"]:
        if page["state"] == "missing":
            continue
        expected = msgfmt_counts(Path(page["translation"]))
        assert {k: page[k] for k in expected} == expected, page["translation"]
        checked += 1
    assert checked == 5
    setup = by_key(document)[("ko", "guide/setup.md")]
    assert setup["obsolete"] == 1


def test_counts_agree_with_msgfmt_on_the_project_and_edge_cases(tmp_path: Path) -> None:
    edge = tmp_path / "edge.po"
    edge.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\nmsgid "a"\nmsgstr ""\n\n#, fuzzy\nmsgid "b"\nmsgstr "B"\n\n'
        'msgid "e"\nmsgid_plural "es"\nmsgstr[0] ""\nmsgstr[1] "ES"\n\n'
        'msgid "f"\nmsgid_plural "fs"\nmsgstr[0] "F"\nmsgstr[1] ""\n\n'
        'msgctxt "menu"\nmsgid "g"\nmsgstr "G \\"q\\" \\t"\n\n#~ msgid "old"\n#~ msgstr "OLD"\n',
        encoding="utf-8",
    )
    catalogs = [edge, *sorted((ROOT / "locale").rglob("*.po"))]
    for po in catalogs:
        counts = pofile.read(po).counts()
        assert {k: counts[k] for k in ("translated", "fuzzy", "untranslated")} == msgfmt_counts(po), po


def test_text_output_summarises_then_explains(tree: Path) -> None:
    result = run_cli("status", "--source", tree / "source", "--locale", tree / "locale")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("ja: 3 pages: 1 unknown, 2 missing")
    assert lines[1].startswith("ko: 3 pages: 1 current, 1 stale, 1 unknown, 1 orphan")
    assert "messages: 5 translated, 1 fuzzy, 1 untranslated, 1 obsolete (71.4%)" in lines[1]
    stale = result.out.split("stale    ko")[1]
    assert "guide/setup.md" in stale.splitlines()[0]
    assert "recorded 000000000000, today" in stale
    assert "1 translated, 1 fuzzy, 1 untranslated" in stale
    assert "next: update the catalog (make update-po)" in stale
    assert "scripts/i18n stamp --lang ko --page guide/setup.md" in stale
    assert "current  ko" not in result.out  # current pages get no line


def test_filters_and_strict(tree: Path) -> None:
    args = ("--source", tree / "source", "--locale", tree / "locale")
    document = status_json(*args, "--lang", "ko", "--state", "stale", "--state", "orphan")
    assert sorted((p["lang"], p["state"]) for p in document["pages"]) == [("ko", "orphan"), ("ko", "stale")]
    assert list(document["languages"]) == ["ko"]
    assert document["languages"]["ko"]["current"] == 1  # summaries ignore the state filter
    assert run_cli("status", *args, "--strict").code == 1
    assert run_cli("status", *args, "--strict", "--lang", "ko").code == 1


def test_markdown_output_for_a_pull_request(tree: Path) -> None:
    result = run_cli("status", "--source", tree / "source", "--locale", tree / "locale", "--format", "markdown")
    assert result.code == 0
    assert "| ko | 3 | 1 | 1 | 1 | 0 | 1 | 71.4% | 1 | 1 |" in result.out
    assert "| stale | ko | `guide/setup.md` |" in result.out


def test_markdown_tree(md_tree: Path) -> None:
    document = status_json("--markdown", md_tree)
    states = {key: p["state"] for key, p in by_key(document).items()}
    assert states == {
        ("ja-JP", "concepts/model-providers.md"): "missing",
        ("ja-JP", "providers/litellm.md"): "unknown",
        ("ko", "concepts/model-providers.md"): "missing",
        ("ko", "providers/litellm.md"): "current",
        ("zh-CN", "concepts/model-providers.md"): "missing",
        ("zh-CN", "old.md"): "orphan",
        ("zh-CN", "providers/litellm.md"): "stale",
    }
    assert "translated" not in document["pages"][0]
    ko_only = status_json("--markdown", md_tree, "--lang", "ko")
    assert {p["lang"] for p in ko_only["pages"]} == {"ko"}


def test_markdown_tree_with_languages_named(md_tree: Path) -> None:
    (md_tree / "pt-BR").mkdir()
    document = status_json("--markdown", md_tree, "--lang", "pt-BR")
    assert {p["state"] for p in document["pages"]} == {"missing"}
    assert len(document["pages"]) == 2  # English pages exclude every language folder, named or not


def test_bad_inputs_are_reported_and_the_rest_still_is(tree: Path) -> None:
    lc = tree / "locale" / "ko" / "LC_MESSAGES"
    (lc / "index.po").write_text('msgid ""\nmsgstr ""\n\nmsgid "Home"\nmsgstr "홈\n', encoding="utf-8")
    (lc / "guide" / "usage.po").write_bytes(b'msgid ""\nmsgstr ""\n\nmsgid "Use it."\nmsgstr "\xff\xfe"\n')
    (tree / "locale" / "ja" / "LC_MESSAGES" / "guide").mkdir()
    (tree / "locale" / "ja" / "LC_MESSAGES" / "guide" / "setup.po").mkdir()  # unreadable: a folder
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    result = run_cli("status", "--source", tree / "source", "--locale", tree / "locale", "--format", "json")
    assert result.code == 2
    assert "Traceback" not in result.err
    errors = result.err.splitlines()
    assert f"{lc / 'index.po'}:5: expected one quoted string, found '\"홈'" in errors
    assert any(e.startswith(f"{lc / 'guide' / 'usage.po'}:5: not valid UTF-8") for e in errors)
    assert any(e.endswith("setup.po:0: cannot read catalog: not a file (a folder)") for e in errors)
    document = json.loads(result.out)
    assert len(document["errors"]) == 3
    assert by_key(document)[("ko", "guide/setup.md")]["state"] == "stale"  # the rest is still reported
    assert before == {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}


def test_malformed_front_matter_is_reported(md_tree: Path) -> None:
    bad = md_tree / "ko" / "providers" / "litellm.md"
    bad.write_text("---\nsummary: [unclosed\nx-i18n:\n  source_hash: abc\n---\n# x\n", encoding="utf-8")
    result = run_cli("status", "--markdown", md_tree)
    assert result.code == 2
    assert re.search(rf"^{re.escape(str(bad))}:\d+: malformed YAML front-matter", result.err, re.M)
    assert "Traceback" not in result.err
    assert "stale    zh-CN" in result.out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("status", "--state", "bogus").code == 2
    missing = run_cli("status", "--source", tmp_path / "nope", "--locale", tmp_path)
    assert missing.code == 2
    assert "source folder not found" in missing.err


def _git(cwd: Path, *args: str) -> None:
    env = dict(
        os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t"
    )
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_diff_shows_what_changed_in_english_since_the_record(project: Path) -> None:
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "translated")
    page = project / "source" / "providers" / "litellm.md"
    page.write_text(page.read_text().replace("Full request/response logs", "Complete request/response logs"))
    _git(project, "commit", "-q", "-am", "edit")
    result = run_cli("status", "--diff", "--lang", "ko", cwd=project, root=project)
    assert result.code == 0, result.err
    assert "stale    ko     providers/litellm.md" in result.out
    assert "-- **Logging** — Full request/response logs for debugging" in result.out
    assert "+- **Logging** — Complete request/response logs for debugging" in result.out
    assert "--- providers/litellm.md@" in result.out


def test_diff_says_when_the_old_version_is_not_in_history(tree: Path) -> None:
    result = run_cli("status", "--source", tree / "source", "--locale", tree / "locale", "--diff")
    assert "the English version with hash 000000000000 is not in git history" in result.out


def test_special_files_are_not_pages(tree: Path) -> None:
    os.mkfifo(tree / "source" / "pipe.md")  # reading it would block: it must not be opened
    (tree / "source" / "linked.md").symlink_to(tree / "source" / "index.md")
    result = run_cli("status", "--source", tree / "source", "--locale", tree / "locale", "--format", "json")
    assert result.code == 0, result.err
    assert {p["page"] for p in json.loads(result.out)["pages"]} == {
        "index.md",
        "guide/setup.md",
        "guide/usage.md",
        "gone.md",
    }
