"""The one error type every reader raises for bad input."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def shown_path(path: str | Path | None) -> str:
    """*path* as messages show it: relative to the working directory when below it, else
    absolute; ``..`` resolved either way (``source/../locale/ko`` is ``locale/ko``)."""
    if not path:
        return ""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive
        return absolute
    return absolute if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


def shown_paths() -> Callable[[str | Path | None], str]:
    """:func:`shown_path`, working out each folder once: for the many paths of a report (a file's
    shown path is its folder's and its name, unless the folder holds the working directory)."""
    folders: dict[str, str | None] = {}

    def shown(path: str | Path | None) -> str:
        folder, sep, name = os.fspath(path or "").rpartition(os.sep)
        if not sep or name in ("", os.curdir, os.pardir):
            return shown_path(path)
        if folder not in folders:
            absolute = os.path.join(os.path.abspath(folder or os.sep), "")
            shown_folder = shown_path(folder or os.sep)
            # None: the folder holds the working directory, so its files may be shown relative to it
            folders[folder] = (
                None if os.path.join(os.getcwd(), "").startswith(absolute) else os.path.join(shown_folder, "")
            )
        head = folders[folder]
        return shown_path(path) if head is None else head + name

    return shown


class InputError(Exception):
    """Bad input file: carries the ``path:line: message`` a user sees."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message

    def shown(self, kind: str = "") -> str:
        """``path:line: message`` with the path as :func:`shown_path` shows it (*kind*: ``warning``)."""
        return f"{shown_path(self.path)}:{self.line}: {kind + ': ' if kind else ''}{self.message}"

    def __reduce__(self) -> tuple[type[InputError], tuple[str, int, str]]:  # picklable across processes
        return (InputError, (self.path, self.line, self.message))
