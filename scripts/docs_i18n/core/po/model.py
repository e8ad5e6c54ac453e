"""A parsed ``.po`` file: its entries, counted as ``msgfmt --statistics`` counts them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entry:
    """One message of a catalog."""

    msgid: str = ""
    msgstr: list[str] = field(default_factory=lambda: [""])
    msgctxt: str | None = None
    msgid_plural: str | None = None
    flags: set[str] = field(default_factory=set)
    translator_comments: list[str] = field(default_factory=list)  # '# ' lines
    extracted_comments: list[str] = field(default_factory=list)  # '#.' lines
    locations: list[str] = field(default_factory=list)  # '#:' items
    obsolete: bool = False
    line: int = 0  # line of the msgid keyword
    first_line: int = 0  # line of the entry's first comment or keyword

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def state(self) -> str:
        """``translated``, ``fuzzy`` or ``untranslated``, as msgfmt counts."""
        if not self.msgstr or self.msgstr[0] == "":
            return "untranslated"
        return "fuzzy" if self.fuzzy else "translated"


@dataclass
class Catalog:
    """A parsed ``.po`` file."""

    path: str
    header: Entry | None
    entries: list[Entry]  # messages and obsolete entries, header excluded

    @property
    def header_comments(self) -> list[str]:
        return self.header.translator_comments if self.header else []

    def messages(self) -> list[Entry]:
        """Live (not obsolete) messages."""
        return [e for e in self.entries if not e.obsolete]

    def counts(self) -> dict[str, int]:
        """Message counts as ``msgfmt --statistics`` gives them, plus obsolete."""
        counts = {"translated": 0, "fuzzy": 0, "untranslated": 0, "obsolete": 0}
        for entry in self.entries:
            counts["obsolete" if entry.obsolete else entry.state] += 1
        return counts
