"""The one error type and how paths are shown (``core/errors.py``)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from docs_i18n.core.errors import InputError, shown_path, shown_paths


def test_paths_below_the_working_directory_are_shown_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert shown_path(tmp_path / "locale" / "ko") == "locale/ko"
    assert shown_path("source/../locale/ko") == "locale/ko"
    assert shown_path(tmp_path.parent) == str(tmp_path.parent)
    assert shown_path(None) == ""


def test_an_error_is_path_line_message_and_crosses_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    error = InputError(tmp_path / "x.po", 3, "bad")
    assert error.shown() == "x.po:3: bad" and error.shown("warning") == "x.po:3: warning: bad"
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.line, again.message) == (error.path, 3, "bad")


def test_shown_paths_shows_every_path_as_shown_path_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-folder shortcut a report's many paths go through gives what the rule gives."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    paths = ["ko/a.md", "a.md", "./a.md", "ko/../ja/b.md", "ko/..", "ko/.", "ko/", "../x/a.md", "../work/ko/a.md"]
    paths += [str(work / "ko" / "a.md"), str(tmp_path / "a.md"), "/a.md", "/", str(work), "", None, Path("ko/c.md")]
    shown = shown_paths()
    for path in paths * 2:  # the second time from the folders worked out the first time
        assert shown(path) == shown_path(path), path
