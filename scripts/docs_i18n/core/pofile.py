"""A strict, fast reader for gettext ``.po`` files.

Reads what GNU gettext writes and reports any syntax error as ``path:line``.
Counts follow ``msgfmt --statistics`` exactly: a message is untranslated when its
(first) msgstr is empty, fuzzy when flagged ``fuzzy`` and not empty, translated
otherwise; the header and obsolete (``#~``) entries are not counted.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE_RE = re.compile(r"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)", re.DOTALL)
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(\".*)$")


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


def _unescape(text: str, path: str, line: int) -> str:
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


_LINE_END_RE = re.compile(r"\r\n|\r|\n")
_QUOTED_RE = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)


def _string(token: str, path: str, line: int) -> str:
    match = _QUOTED_RE.fullmatch(token.strip())
    if match is None:
        raise InputError(path, line, f"expected one quoted string, found {token.strip()[:40]!r}")
    return _unescape(match.group(1), path, line)


def parse(text: str, path: str | Path = "<po>") -> Catalog:
    """Parse the text of a ``.po`` file; raise :class:`InputError` on a syntax error."""
    parser = _Parser(str(path))
    for number, raw in enumerate(_LINE_END_RE.split(text), start=1):  # not splitlines(): \x1e, \u2028 are text
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


# -- The header: what gettext needs to read the catalog -----------------------------------
# A header gettext cannot use makes it drop the whole catalog (an invalid Plural-Forms)
# or read every message wrongly (another charset): both are input errors here, so that
# status, check and the build refuse the catalog instead of trusting it.

_CHARSET_RE = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)
_PLURAL_FORMS_RE = re.compile(r"^\s*nplurals\s*=\s*(\d{1,3})\s*;\s*plural\s*=\s*([^;]+?)\s*;?\s*$")
_PLURAL_PROBES = (*range(1001), 10_000, 100_000, 1_000_000, 10**9)


def header_fields(header_msgstr: str) -> dict[str, str]:
    """The ``Name: value`` fields of a header's msgstr, names lowercased."""
    fields: dict[str, str] = {}
    for line in header_msgstr.split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip():
            fields.setdefault(name.strip().lower(), value.strip())
    return fields


@functools.lru_cache(maxsize=64)
def plural_forms(value: str) -> tuple[int, Callable[[int], int]]:
    """``(nplurals, plural)`` of a ``Plural-Forms`` value; ``ValueError`` says what is wrong.

    The expression is compiled by Python's ``gettext`` (as the build's translators
    are) and must give a form below ``nplurals`` for every count tried.
    """
    match = _PLURAL_FORMS_RE.match(value)
    if match is None:
        raise ValueError(f"Plural-Forms is not 'nplurals=N; plural=EXPRESSION;': {value[:60]!r}")
    count = int(match.group(1))
    if count < 1:
        raise ValueError("Plural-Forms has nplurals=0; a catalog has at least one form")
    try:
        plural = gettext.c2py(match.group(2))
        forms = {plural(n) for n in _PLURAL_PROBES}
    except (ValueError, ArithmeticError, RecursionError) as exc:
        raise ValueError(f"Plural-Forms expression {match.group(2)[:60]!r} is invalid ({exc})") from None
    wrong = sorted(form for form in forms if not 0 <= form < count)
    if wrong:
        raise ValueError(
            f"Plural-Forms expression {match.group(2)[:60]!r} gives form {wrong[0]}, beyond nplurals={count}"
        )
    return count, plural


def _field_line(text: str, name: str, fallback: int) -> int:
    """The line of the first ``"Name:`` string in *text*, else *fallback*."""
    found = re.search(rf'^\s*(?:msgstr\s*)?"{re.escape(name)}\s*:', text, re.IGNORECASE | re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else fallback


def check_header_fields(fields: dict[str, str], path: str, text: str, line: int) -> int | None:
    """Raise :class:`InputError` for a charset other than UTF-8 or an invalid ``Plural-Forms``;
    return ``nplurals`` when the header gives one."""
    charset = _CHARSET_RE.search(fields.get("content-type", ""))
    if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
        raise InputError(
            path,
            _field_line(text, "Content-Type", line),
            f"the header declares charset {charset.group(1)!r}; catalogs are read as UTF-8: set charset=UTF-8",
        )
    if "plural-forms" not in fields:
        return None
    try:
        count, _plural = plural_forms(fields["plural-forms"])
    except ValueError as exc:
        raise InputError(path, _field_line(text, "Plural-Forms", line), f"invalid header: {exc}") from None
    return count


def check_header(catalog: Catalog, text: str = "") -> None:
    """Raise :class:`InputError` when gettext could not read *catalog* as its header says:
    see :func:`check_header_fields`; translated plural messages also need ``Plural-Forms``
    and as many forms as it names."""
    header = catalog.header
    count = None
    if header is not None:
        count = check_header_fields(header_fields(header.msgstr[0]), catalog.path, text, header.line)
    for entry in catalog.entries:
        if entry.obsolete or entry.msgid_plural is None or not any(entry.msgstr):
            continue  # as msgfmt: untranslated plural forms (a template's) need no Plural-Forms
        if count is None:
            raise InputError(
                catalog.path, entry.line, "a plural message needs a 'Plural-Forms: nplurals=N; plural=...;' header"
            )
        if len(entry.msgstr) != count:
            raise InputError(
                catalog.path, entry.line, f"{len(entry.msgstr)} plural form(s) given; the header's nplurals is {count}"
            )


def read(path: str | Path) -> Catalog:
    """Read and parse the ``.po`` file at *path*."""
    return parse(read_text(path, "catalog"), path)


# -- Fast statistics --------------------------------------------------------------------
# Status reads thousands of catalogs and needs only counts and header comments. For a
# catalog in the canonical layout that gettext, Babel and sphinx-intl write (keywords
# at the start of lines, no plural forms), one regular expression checks the whole
# file against the PO grammar in C and counting is a few substring scans. Anything
# else - a syntax error, plural forms, indented lines, a repeated msgid - goes through
# :func:`parse`, which reports the exact error, so both paths give the same answers.

_STR = r'"[^"\\\n\r]*+(?:\\(?:[ntr"\\abfv]|x[0-9a-fA-F]{1,2}|[0-7]{1,3})[^"\\\n\r]*+)*+"'
_LINES = rf"{_STR}\n(?:{_STR}\n)*+"
_GAP = r"(?:#(?!~)[^\n\r]*+\n|\n)*+"
_OBSOLETE_LINES = rf"{_STR}\n(?:#~ {_STR}\n)*+"
_OBSOLETE = rf"(?:#~ msgctxt {_OBSOLETE_LINES})?#~ msgid {_OBSOLETE_LINES}#~ msgstr {_OBSOLETE_LINES}"
# Lines must start with a keyword, '#' or '"': indented lines, any CR, plural
# forms and '#~|' lines do not match and take the full parser.
_FILE_RE = re.compile(rf"(?:{_GAP}(?:(?:msgctxt {_LINES})?msgid {_LINES}msgstr {_LINES}|{_OBSOLETE}))*+{_GAP}")
_MSGID_RE = re.compile(r'\nmsgid ("[^\n]*\n(?:"[^\n]*\n)*)')
_OBSOLETE_MSGID_RE = re.compile(r'\n#~ msgid ("[^\n]*\n(?:#~ "[^\n]*\n)*)')
_FUZZY_RE = re.compile(r"\n#,[^\n]*\bfuzzy\b")
_NEXT_ENTRY_RE = re.compile(r"\n(#~|msgctxt |msgid )")
_EMPTY = '\nmsgstr ""\n'


@dataclass
class Stats:
    """What status needs from a catalog: message counts and the header's comments."""

    counts: dict[str, int]
    header_comments: list[str]


def stats(text: str, path: str | Path = "<po>") -> Stats:
    """Counts and header comments of the catalog *text*, equal to :func:`parse`'s."""
    body = "\n" + text
    if not body.endswith("\n"):
        body += "\n"
    if _FILE_RE.fullmatch(body, 1) is None:
        return _stats_from_parse(text, path)
    ids = _MSGID_RE.findall(body)
    keys = [_id_key(raw) for raw in ids + _OBSOLETE_MSGID_RE.findall(body)]
    if len(set(keys)) != len(keys):
        return _stats_from_parse(text, path)  # reports the duplicate (or tells msgctxt apart)
    first = _NEXT_ENTRY_RE.search(body)
    header_msgstr = -1
    if first is not None and body.startswith('msgid ""\nmsgstr ', first.start() + 1):
        header_msgstr = first.start() + 9  # the newline before the header's msgstr
    untranslated = body.count(_EMPTY) - body.count(_EMPTY + '"')
    if header_msgstr >= 0 and _is_empty_msgstr(body, header_msgstr):
        untranslated -= 1  # an empty header is not a message
    fuzzy = 0
    for flag in _FUZZY_RE.finditer(body):
        following = _NEXT_ENTRY_RE.search(body, flag.end())
        if following is None or following.group(1) == "#~":
            continue  # the flag of an obsolete entry
        msgstr = body.find("\nmsgstr ", following.start())
        if msgstr != header_msgstr and not _is_empty_msgstr(body, msgstr):
            fuzzy += 1
    if header_msgstr >= 0:
        _check_fast_header(body, header_msgstr, path)
    messages = len(ids) - (1 if header_msgstr >= 0 else 0)
    counts = {
        "translated": messages - untranslated - fuzzy,
        "fuzzy": fuzzy,
        "untranslated": untranslated,
        "obsolete": body.count("\n#~ msgid "),
    }
    comments: list[str] = []
    if header_msgstr >= 0 and first is not None:
        for line in body[: first.start()].split("\n"):
            if line.startswith("#") and line[1:2] not in (",", ":", ".", "|", "~"):
                comments.append(line[1:].removeprefix(" ").rstrip())
    return Stats(counts, comments)


def _id_key(raw: str) -> str:
    """The msgid of its raw lines (a live or obsolete entry's, checked by ``_FILE_RE``), so
    that two spellings of one msgid (split differently, escaped or not) compare equal."""
    joined = raw.replace('"\n#~ "', "").replace('"\n"', "").strip()[1:-1]
    return _unescape(joined, "<po>", 0) if "\\" in joined else joined


_HEADER_STRINGS_RE = re.compile(rf"\nmsgstr ((?:{_STR}\n)+)")


def _check_fast_header(body: str, newline_before: int, path: str | Path) -> None:
    """:func:`check_header_fields` for the header of a catalog in the canonical layout."""
    strings = _HEADER_STRINGS_RE.match(body, newline_before)
    if strings is None:
        return
    value = "".join(_unescape(s[1:-1], str(path), 0) for s in strings.group(1).splitlines())
    line = body.count("\n", 0, newline_before)  # the header's msgid line (body starts with a newline)
    check_header_fields(header_fields(value), str(path), body[1:], line)


def _is_empty_msgstr(body: str, newline_before: int) -> bool:
    return body.startswith(_EMPTY, newline_before) and not body.startswith(_EMPTY + '"', newline_before)


def _stats_from_parse(text: str, path: str | Path) -> Stats:
    catalog = parse(text, path)
    return Stats(catalog.counts(), catalog.header_comments)


def read_stats(path: str | Path) -> Stats:
    """:func:`stats` of the ``.po`` file at *path* (strict UTF-8, errors as :class:`InputError`)."""
    return stats(read_text(path, "catalog"), path)


# -- Fast messages -----------------------------------------------------------------------
# Coverage needs each message's state and translation. For a canonical catalog (the
# grammar the fast statistics check), one regular expression walks the live entries;
# obsolete ones (``#~``) never match it. Anything else goes through :func:`parse`.

_ENTRY_RE = re.compile(
    r'(?<=\n)((?:#(?!~)[^\n]*\n)*)(?:msgctxt ((?:"[^\n]*\n)+))?msgid ((?:"[^\n]*\n)+)msgstr ((?:"[^\n]*\n)+)'
)
_OBSOLETE_ENTRY = re.compile(r"\n#~ (?:msgctxt|msgid) ")


@dataclass
class Messages:
    """A catalog's live messages without a context (msgid -> state, as msgfmt counts), counts, header comments."""

    messages: dict[str, str]
    blank: set[str]  # msgids translated (or fuzzy) with only white space: Sphinx shows their English
    counts: dict[str, int]
    header_comments: list[str]


def _joined(lines: str, path: str | Path) -> str:
    """The string of quoted lines (each ``"..."`` and a newline); escapes are undone line by line."""
    if "\\" in lines:
        return "".join(_unescape(line[1:-1], str(path), 0) for line in lines.split("\n") if line)
    if lines.count("\n") == 1:
        return lines[1:-2]
    return "".join(line[1:-1] for line in lines[:-1].split("\n"))


def messages(text: str, path: str | Path = "<po>") -> Messages:
    """The messages of the catalog *text*, equal to :func:`parse`'s."""
    found = stats(text, path)  # counts and header comments; raises on a syntax error
    body = "\n" + text
    if not body.endswith("\n"):
        body += "\n"
    if _FILE_RE.fullmatch(body, 1) is None:
        return _messages_from_parse(text, path)
    live: dict[str, str] = {}
    blank: set[str] = set()
    for number, match in enumerate(_ENTRY_RE.finditer(body)):
        comments, context, msgid_lines, msgstr_lines = match.groups()
        msgid = _joined(msgid_lines, path)
        is_header = number == 0 and msgid == "" and context is None
        if context is not None or (is_header and not _OBSOLETE_ENTRY.search(body, 0, match.start())):
            continue
        if msgstr_lines == '""\n':
            live[msgid] = "untranslated"
            continue
        fuzzy = "fuzzy" in comments and any(
            "fuzzy" in {flag.strip() for flag in line[2:].split(",")}
            for line in comments.split("\n")
            if line.startswith("#,")
        )
        msgstr = _joined(msgstr_lines, path)
        live[msgid] = "untranslated" if msgstr == "" else "fuzzy" if fuzzy else "translated"
        if msgstr and not msgstr.strip():
            blank.add(msgid)
    return Messages(live, blank, found.counts, found.header_comments)


def _messages_from_parse(text: str, path: str | Path) -> Messages:
    catalog = parse(text, path)
    live = [e for e in catalog.messages() if e.msgctxt is None]
    blank = {e.msgid for e in live if e.state != "untranslated" and not e.msgstr[0].strip()}
    return Messages({e.msgid: e.state for e in live}, blank, catalog.counts(), catalog.header_comments)


def read_messages(path: str | Path) -> Messages:
    """:func:`messages` of the ``.po`` (or ``.pot``) file at *path*."""
    return messages(read_text(path, "catalog"), path)
