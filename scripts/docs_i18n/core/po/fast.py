"""The fast paths of ``status`` and the build: counts and message states of a catalog in the
canonical layout, checked against the PO grammar in one regular expression; anything else
goes through the strict parser (:func:`docs_i18n.core.po.parse.parse`), with the same answers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docs_i18n.core.po.header import check_header_fields, header_fields
from docs_i18n.core.po.parse import parse, unescape
from docs_i18n.core.textio import read_text

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
    return unescape(joined, "<po>", 0) if "\\" in joined else joined


_HEADER_STRINGS_RE = re.compile(rf"\nmsgstr ((?:{_STR}\n)+)")


def _check_fast_header(body: str, newline_before: int, path: str | Path) -> None:
    """:func:`check_header_fields` for the header of a catalog in the canonical layout."""
    strings = _HEADER_STRINGS_RE.match(body, newline_before)
    if strings is None:
        return
    # split at "\n" only: splitlines() also cuts at \x1c-\x1e, \x85 and \u2028, which are text here
    value = "".join(unescape(s[1:-1], str(path), 0) for s in strings.group(1)[:-1].split("\n"))
    line = body.count("\n", 0, newline_before)  # the header's msgid line (body starts with a newline)
    check_header_fields(header_fields(value), str(path), body[1:], line)


def _is_empty_msgstr(body: str, newline_before: int) -> bool:
    return body.startswith(_EMPTY, newline_before) and not body.startswith(_EMPTY + '"', newline_before)


def _stats_from_parse(text: str, path: str | Path) -> Stats:
    catalog = parse(text, path)
    return Stats(catalog.counts(), catalog.header_comments)


def read_stats(path: str | Path) -> Stats:
    """:func:`stats` of the ``.po`` file at *path* (strict UTF-8; errors as
    :class:`~docs_i18n.core.errors.InputError`)."""
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
        return "".join(unescape(line[1:-1], str(path), 0) for line in lines.split("\n") if line)
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
