"""Progress of a long run on stderr: a bar on a terminal, a line at every tenth elsewhere."""

from __future__ import annotations

from typing import TextIO


class Progress:
    """A progress bar on a terminal; on anything else a line at every tenth.

    *unit* names what is counted (``messages``, ``catalogs``); *label* starts each line.
    """

    def __init__(self, total: int, stream: TextIO, width: int = 30, unit: str = "messages", label: str = "") -> None:
        self.total, self.stream, self.width, self.done = total, stream, width, 0
        self.unit, self.label = unit, label
        self.tty = stream.isatty()
        self._shown = -1

    def step(self, what: str = "") -> None:
        """One more item done (*what*: a word shown on a terminal)."""
        self.advance(self.done + 1, what)

    def advance(self, done: int, what: str = "") -> None:
        """*done* items done."""
        self.done = done
        share = self.done / self.total if self.total else 1.0
        if self.tty:
            filled = int(share * self.width)
            bar = "#" * filled + "." * (self.width - filled)
            self.stream.write(f"\r{self.label}[{bar}] {self.done}/{self.total} {self.unit} {what[:30]:30}")
            if self.done == self.total:
                self.stream.write("\n")
        elif int(share * 10) != self._shown or self.done == self.total:
            self._shown = int(share * 10)
            tenth = f"[{'#' * self._shown}{'.' * (10 - self._shown)}]"
            self.stream.write(f"{self.label}{tenth} {self.done}/{self.total} {self.unit}\n")
        self.stream.flush()
