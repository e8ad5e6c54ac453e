"""Strict reading and atomic writing (``core/textio.py``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docs_i18n.core import textio
from docs_i18n.core.errors import InputError


def test_bad_utf8_is_named_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(b"# Costs\n\nbad \xff byte\n")
    with pytest.raises(InputError, match=r"page\.md:3:"):
        textio.read_text(path)


def test_atomic_write_keeps_the_mode_and_leaves_an_unchanged_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "a" / "x.po"
    textio.atomic_write(path, "first")
    assert path.read_text(encoding="utf-8") == "first" and path.stat().st_mode & 0o777 == 0o644
    os.chmod(path, 0o600)
    before = path.stat().st_mtime_ns
    textio.atomic_write(path, b"first")
    assert path.stat().st_mtime_ns == before
    textio.atomic_write(path, "second")
    assert path.read_text(encoding="utf-8") == "second" and path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["x.po"]  # no temporary file left


def test_nothing_is_written_outside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locale" / "ko"
    folder.mkdir(parents=True)
    textio.check_inside(folder / "LC_MESSAGES" / "x.po", folder)
    (folder / "out").symlink_to(tmp_path)
    for path in (folder / ".." / "ja" / "x.po", folder / "out" / "x.po", folder):
        with pytest.raises(InputError, match="refusing to write outside"):
            textio.check_inside(path, folder)


def test_lines_are_cut_at_line_ends_only() -> None:
    assert textio.split_lines("a\r\nb\rc\nd\u2028e\x85f\x0cg") == ["a", "b", "c", "d\u2028e\x85f\x0cg"]
    assert textio.split_lines("") == [""] and textio.split_lines("x\n") == ["x", ""]
