"""The one error type every reader raises for bad input."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input file: carries the ``path:line: message`` a user sees."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple[type[InputError], tuple[str, int, str]]:  # picklable across processes
        return (InputError, (self.path, self.line, self.message))
