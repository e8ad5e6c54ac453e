"""Hostile trees: special files, a source-language folder, duplicate obsolete entries, paths shown.

- A FIFO, socket or device under ``locale/`` is an error (``path:0: a FIFO, not read ...``),
  one in a tree of pages is skipped with a warning (``path:0: warning: skipped: ...``):
  ``status``, ``check`` and the build never wait on it. (Links under ``locale/``:
  ``test_hostile_filesystem.py``.)
- ``locale/en/`` (the source language) is not a translation: an error for ``status``,
  ``check``, ``stamp`` and the build.
- An obsolete ``#~`` entry that repeats a msgid is refused exactly where ``msgfmt`` refuses it.
- Every message names files one way: relative to the working directory, ``..`` resolved.

The commands run from the tree's folder, as a maintainer runs them, with a time limit:
a command that waits on a FIFO fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_search_ko import need

from conftest import FIXTURES, SCRIPTS, Result, copy_project
from docs_i18n.core import locale_tree, pofile, textio
from docs_i18n.core.errors import InputError
from markdown_util import snapshot

CATALOGS = FIXTURES / "status" / "catalogs"
MARKDOWN = FIXTURES / "status" / "markdown"
TREE_ARGS = ["--source", "source", "--locale", "locale"]


def cli(cwd: Path, *args: str) -> Result:
    """``scripts/i18n ARGS`` run from *cwd*, stopped after 60 s (a hang is a failure)."""
    proc = subprocess.run(
        [sys.executable, str(SCRIPTS / "i18n"), *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def build_from(project: Path, lang: str, *options: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """``sphinx-build`` of one language run from the project's folder, as a maintainer runs it."""
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", ".", "-q", *options, "-D", f"language={lang}"]
    return subprocess.run([*cmd, "source", "out"], cwd=project, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CATALOGS, tmp_path / "catalogs"))


def skipped(path: str, kind: str) -> str:
    return f"{path}:0: warning: skipped: it is {kind}, not a file (only regular files are read)\n"


# -- FIFOs, sockets and devices ------------------------------------------------------------------


def refused(path: str, kind: str) -> str:
    return f"{path}:0: {kind}, not read (only regular files are read under the catalogs' folder)\n"


def test_a_fifo_named_like_a_catalog_is_an_error_for_status_and_check(tree: Path) -> None:
    baseline = cli(tree, "status", *TREE_ARGS, "--format", "json")
    os.mkfifo(tree / "locale" / "ko" / "LC_MESSAGES" / "x.po")
    status = cli(tree, "status", *TREE_ARGS)
    assert status.code == 2, status.err
    assert status.err == refused("locale/ko/LC_MESSAGES/x.po", "a FIFO")
    assert "LC_MESSAGES/x.po" not in status.out  # not an orphan catalog either
    after = json.loads(cli(tree, "status", *TREE_ARGS, "--format", "json").out)
    assert after["pages"] == json.loads(baseline.out)["pages"]  # the rest is reported as before
    check = cli(tree, "check", "--locale", "locale")
    assert check.code == 2
    assert check.err == refused("locale/ko/LC_MESSAGES/x.po", "a FIFO")
    assert "of 5 catalogs" in check.out  # the regular ones are all checked


@pytest.mark.parametrize("strict", [True, False])
def test_the_build_does_not_wait_on_a_fifo_among_the_catalogs(tmp_path: Path, strict: bool) -> None:
    project = copy_project(tmp_path / "project")
    os.mkfifo(project / "locale" / "ko" / "LC_MESSAGES" / "x.po")
    proc = build_from(project, "ko", *(["-W", "--keep-going"] if strict else []), timeout=120)
    assert proc.returncode == (1 if strict else 0), proc.stderr
    assert "locale/ko/LC_MESSAGES/x.po:0: WARNING: a FIFO, not read" in proc.stderr
    assert (project / "out" / "index.html").is_file()


def test_a_fifo_in_place_of_a_page_catalog_is_refused(tree: Path) -> None:
    po = tree / "locale" / "ja" / "LC_MESSAGES" / "index.po"
    po.unlink()
    os.mkfifo(po)
    result = cli(tree, "status", *TREE_ARGS, "--lang", "ja")
    assert result.code == 2
    assert result.err == refused("locale/ja/LC_MESSAGES/index.po", "a FIFO")
    shown = r"^unknown\s+ja\s+index\.md .*\n\s+the catalog cannot be read \(a FIFO, not read"
    assert re.search(shown, result.out, re.MULTILINE)


def test_special_files_named_like_pages_are_skipped_in_markdown_trees(tmp_path: Path) -> None:
    root = Path(shutil.copytree(MARKDOWN, tmp_path / "md"))
    os.mkfifo(root / "fifo.md")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(root / "ko" / "socket.md"))
        result = cli(tmp_path, "status", "--markdown", "md")
    finally:
        sock.close()
    assert result.code == 0, result.err
    assert result.err == skipped("md/fifo.md", "a FIFO") + skipped("md/ko/socket.md", "a socket")


def test_every_reader_refuses_a_special_file_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "page.po"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="cannot read catalog: it is a FIFO, not a file"):
        pofile.read(fifo)
    with pytest.raises(InputError, match="cannot read file: it is a device, not a file"):
        textio.read_bytes("/dev/null")
    with pytest.raises(InputError, match="a FIFO, not read"):
        locale_tree.read_catalog(fifo, tmp_path)


# -- The source language's folder ----------------------------------------------------------------


def add_english_catalog(locale: Path) -> Path:
    folder = locale / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(locale / "ko" / "LC_MESSAGES" / "index.po", folder / "index.po")
    return folder / "index.po"


SOURCE_FOLDER = (
    "locale/en:0: 'en' is the source language (conf.py): its folder of catalogs is not a translation, "
    "and Sphinx would apply it to the English pages; remove it\n"
)


def test_a_source_language_folder_is_an_error_and_the_rest_is_reported(tree: Path) -> None:
    add_english_catalog(tree / "locale")
    status = cli(tree, "status", *TREE_ARGS)
    assert status.code == 2
    assert status.err == SOURCE_FOLDER
    assert " en " not in status.out and " ko " in status.out and " ja " in status.out
    check = cli(tree, "check", "--locale", "locale")
    assert check.code == 2
    assert check.err == SOURCE_FOLDER
    before = snapshot(tree)
    stamp = cli(tree, "stamp", *TREE_ARGS, "--all", "--force")
    assert (stamp.code, stamp.out, stamp.err) == (2, "", SOURCE_FOLDER)
    assert snapshot(tree) == before


def test_the_english_build_refuses_a_source_language_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_english_catalog(project / "locale")
    proc = build_from(project, "en", "-W")
    assert proc.returncode != 0
    assert "locale/en:0: WARNING: 'en' is the source language (conf.py)" in proc.stderr


# -- Obsolete entries that repeat a msgid: as msgfmt reports them -----------------------------------

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
DUPLICATES = {
    "obsolete repeats live": 'msgid "Costs"\nmsgstr "비용"\n\n#~ msgid "Costs"\n#~ msgstr "옛 비용"\n',
    "live repeats obsolete": '#~ msgid "Costs"\n#~ msgstr "옛 비용"\n\nmsgid "Costs"\nmsgstr "비용"\n',
    "obsolete repeats obsolete": '#~ msgid "Old"\n#~ msgstr "옛"\n\n#~ msgid "Old"\n#~ msgstr "옛 2"\n',
    "same context": 'msgctxt "c"\nmsgid "A"\nmsgstr "가"\n\n#~ msgctxt "c"\n#~ msgid "A"\n#~ msgstr "나"\n',
    "split differently": 'msgid "Costs and limits"\nmsgstr "비용"\n\n#~ msgid ""\n#~ "Costs and "\n#~ "limits"\n'
    '#~ msgstr "옛"\n',
}
NOT_DUPLICATES = {
    "other context": 'msgctxt "c"\nmsgid "A"\nmsgstr "가"\n\n#~ msgctxt "d"\n#~ msgid "A"\n#~ msgstr "나"\n',
    "context and none": 'msgid "A"\nmsgstr "가"\n\n#~ msgctxt "d"\n#~ msgid "A"\n#~ msgstr "나"\n',
    "different msgids": 'msgid "A"\nmsgstr "가"\n\n#~ msgid "B"\n#~ msgstr "나"\n',
}


def msgfmt_duplicates(path: Path) -> list[int]:
    """The lines ``msgfmt -c`` reports as a duplicate message definition."""
    if shutil.which("msgfmt") is None:
        need("msgfmt not found (apt-get install gettext)")
    proc = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", os.devnull, str(path)], capture_output=True, text=True, timeout=60
    )
    return [int(m.group(1)) for m in re.finditer(r":(\d+): duplicate message definition", proc.stderr)]


@pytest.mark.parametrize("case", sorted(DUPLICATES))
def test_duplicate_obsolete_entries_are_refused_where_msgfmt_refuses_them(tree: Path, case: str) -> None:
    po = tree / "locale" / "ko" / "LC_MESSAGES" / "extra.po"
    po.write_text(HEADER + DUPLICATES[case], encoding="utf-8")
    [line] = msgfmt_duplicates(po)
    message = f"locale/ko/LC_MESSAGES/extra.po:{line}: duplicate message definition (first defined at line "
    for args in (["check", "--locale", "locale"], ["status", *TREE_ARGS]):
        result = cli(tree, *args)
        assert result.code == 2, (args, result.err)
        assert result.err.startswith(message), (args, result.err)
        assert "an obsolete '#~' entry has the same msgid as another entry, which msgfmt refuses" in result.err


@pytest.mark.parametrize("case", sorted(NOT_DUPLICATES))
def test_obsolete_entries_msgfmt_accepts_are_accepted(tmp_path: Path, case: str) -> None:
    po = tmp_path / "extra.po"
    text = HEADER + NOT_DUPLICATES[case]
    po.write_text(text, encoding="utf-8")
    assert msgfmt_duplicates(po) == []
    assert pofile.parse(text).counts()["obsolete"] == 1
    assert pofile.stats(text).counts == pofile.parse(text).counts()


# -- Paths in messages --------------------------------------------------------------------------


def test_build_warnings_name_catalogs_relative_to_the_working_directory(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    po = project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    po.write_bytes(po.read_bytes() + b'\nmsgid "Broken"\nmsgstr "\xff"\n')
    proc = build_from(project, "ko")
    ours = ("[i18n.status]", "[i18n.guard]")  # Sphinx's own "reading error" names the file as it found it
    warnings = [line for line in proc.stderr.splitlines() if "index.po" in line and line.endswith(ours)]
    assert warnings, proc.stderr
    assert all(line.startswith("locale/ko/LC_MESSAGES/index.po:") for line in warnings), warnings


def test_status_errors_name_files_relative_to_the_project(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    po = project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    po.write_bytes(b"\xff")
    expected = "locale/ko/LC_MESSAGES/index.po:1: not valid UTF-8 (byte 0xff); save the file as UTF-8\n"
    result = cli(project, "status")  # the defaults: <project>/source, <project>/locale
    assert (result.code, result.err) == (2, expected)
    below = cli(project / "source", "status")  # not below the working directory: absolute, '..' resolved
    assert (below.code, below.err) == (2, f"{project}/{expected}")
