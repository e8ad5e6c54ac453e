"""The strict parser of ``.po`` files: what GNU gettext writes, any syntax error as ``path:line``."""

from __future__ import annotations

import re
from pathlib import Path

from docs_i18n.core.errors import InputError
from docs_i18n.core.po.header import check_header
from docs_i18n.core.po.model import Catalog, Entry
from docs_i18n.core.textio import read_text, split_lines

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE_RE = re.compile(r"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)", re.DOTALL)
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(\".*)$")


def unescape(text: str, path: str, line: int) -> str:
    """*text* (inside a PO string's quotes) with its escapes resolved; :class:`InputError` at *line* for a bad one."""

    def repl(match: re.Match[str]) -> str:
        code = match.group(1)
        if code in _ESCAPES:
            return _ESCAPES[code]
        if code[0] == "x" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8))
        raise InputError(path, line, f"invalid escape sequence '\\{code}'")

    return _ESCAPE_RE.sub(repl, text) if "\\" in text else text


_QUOTED_RE = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)


def _string(token: str, path: str, line: int) -> str:
    match = _QUOTED_RE.fullmatch(token.strip())
    if match is None:
        raise InputError(path, line, f"expected one quoted string, found {token.strip()[:40]!r}")
    return unescape(match.group(1), path, line)


def parse(text: str, path: str | Path = "<po>") -> Catalog:
    """Parse the text of a ``.po`` file; raise :class:`InputError` on a syntax error."""
    parser = _Parser(str(path))
    for number, raw in enumerate(split_lines(text), start=1):
        parser.feed(number, raw.strip())
    parser.finish()
    _check_duplicates(parser.entries, parser.path)
    _check_obsolete_duplicates(parser.entries, parser.path)
    catalog = Catalog(path=parser.path, header=parser.header, entries=parser.entries)
    check_header(catalog, text)
    return catalog


class _Parser:
    """Line-by-line state of :func:`parse`: the entry being read and the field a string extends."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: list[Entry] = []
        self.header: Entry | None = None
        self._new_entry()

    def _new_entry(self) -> None:
        self.entry = Entry()
        self.started = False  # a keyword was seen for the current entry
        self.seen_id = False
        self.target: tuple[str, int] | None = None  # the field continuation lines extend
        self.pieces: list[str] = []  # the target's strings so far, joined by _close_field

    def feed(self, number: int, line: str) -> None:
        """Read one stripped line."""
        if not line:
            if self.started:
                self.finish()
            return
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            if not line or line.startswith("#"):
                return  # '#~|' previous-msgid of an obsolete entry, or empty
        elif line.startswith("#"):
            self._comment(number, line)
            return
        if line.startswith('"'):
            self._continuation(number, line)
        else:
            self._keyword(number, line, obsolete)

    def _comment(self, number: int, line: str) -> None:
        if self.started:
            self.finish()
        entry = self.entry
        if not entry.first_line:
            entry.first_line = number
        kind, rest = line[1:2], line[2:].strip()
        if kind == ",":
            entry.flags.update(f.strip() for f in rest.split(",") if f.strip())
        elif kind == ":":
            entry.locations.extend(rest.split())
        elif kind == ".":
            entry.extracted_comments.append(rest)
        elif kind != "|":  # '#|' is the previous msgid of a fuzzy entry
            entry.translator_comments.append(line[1:].removeprefix(" "))

    def _continuation(self, number: int, line: str) -> None:
        if self.target is None:
            raise InputError(self.path, number, "string continuation without a keyword before it")
        self.pieces.append(_string(line, self.path, number))

    def _close_field(self) -> None:
        """Join the strings of the field being read into the entry (once: linear in its length)."""
        if self.target is None or len(self.pieces) < 2:
            return
        value = "".join(self.pieces)
        name, index = self.target
        if name == "msgstr":
            self.entry.msgstr[index] = value
        else:
            setattr(self.entry, name, value)

    def _keyword(self, number: int, line: str, obsolete: bool) -> None:
        match = _KEYWORD_RE.match(line)
        if not match:
            raise InputError(self.path, number, f"unexpected text {line[:40]!r}; expected msgid, msgstr or a comment")
        keyword, index_text, token = match.groups()
        value = _string(token, self.path, number)
        self._close_field()
        if keyword in ("msgctxt", "msgid") and self.seen_id and self.started:
            self.finish()
        entry = self.entry
        if not self.started:
            self.started = True
            entry.obsolete = obsolete
            if not entry.first_line:
                entry.first_line = number
        if keyword == "msgctxt":
            if entry.msgctxt is not None:
                raise InputError(self.path, number, "duplicate msgctxt")
            entry.msgctxt = value
            self.target = ("msgctxt", 0)
        elif keyword == "msgid":
            entry.msgid, entry.line, self.seen_id = value, number, True
            self.target = ("msgid", 0)
        elif keyword == "msgid_plural":
            if not self.seen_id:
                raise InputError(self.path, number, "msgid_plural before msgid")
            entry.msgid_plural = value
            self.target = ("msgid_plural", 0)
        else:
            self._msgstr(number, entry, index_text, value)
        self.pieces = [value]

    def _msgstr(self, number: int, entry: Entry, index_text: str | None, value: str) -> None:
        if not self.seen_id:
            raise InputError(self.path, number, "msgstr before msgid")
        index = int(index_text) if index_text is not None else 0
        if index_text is None or index == 0:
            entry.msgstr = [value]
        elif index == len(entry.msgstr):
            entry.msgstr.append(value)
        else:
            raise InputError(self.path, number, f"msgstr[{index}] out of order")
        self.target = ("msgstr", index)

    def finish(self) -> None:
        """Close the current entry (at a blank line, a new entry's comment or keyword, the end)."""
        self._close_field()
        entry = self.entry
        if self.started:
            if not self.seen_id:
                raise InputError(self.path, entry.first_line, "entry has no msgid")
            if entry.msgid_plural is None and len(entry.msgstr) != 1:
                raise InputError(self.path, entry.line, "msgstr[N] given for a message without msgid_plural")
            if entry.is_header and self.header is None and not self.entries:
                self.header = entry
            else:
                self.entries.append(entry)
        self._new_entry()


def _check_duplicates(entries: list[Entry], path: str) -> None:
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise InputError(path, entry.line, f"duplicate message definition (first defined at line {seen[key]})")
        seen[key] = entry.line


def _check_obsolete_duplicates(entries: list[Entry], path: str) -> None:
    """An obsolete (``#~``) entry may not repeat a message, live or obsolete: ``msgfmt``
    refuses such a catalog ("duplicate message definition"), and so does this reader."""
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:  # live ones were checked: one of the two is obsolete
            raise InputError(
                path,
                entry.line,
                f"duplicate message definition (first defined at line {seen[key]}): an obsolete '#~' entry "
                "has the same msgid as another entry, which msgfmt refuses; delete the obsolete one",
            )
        seen[key] = entry.line


def read(path: str | Path) -> Catalog:
    """Read and parse the ``.po`` file at *path*."""
    return parse(read_text(path, "catalog"), path)
