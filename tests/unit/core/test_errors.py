"""The one error type and how paths are shown (``core/errors.py``)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from docs_i18n.core.errors import InputError, shown_path


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
