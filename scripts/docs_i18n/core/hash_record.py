"""The source-hash record in gettext catalogs.

The record is a translator comment in the catalog's header entry, on two lines::

    # x-i18n-source-hash:
    # 2695...936f
    msgid ""
    msgstr ""

Header comments survive ``sphinx-intl update`` (which drops unknown header
fields), Babel's read/write, ``msgmerge`` and ``msgcat``. Babel wraps comment
lines at 76 columns and the key plus a 64-digit hash is longer, so the record is
written already wrapped (Babel then leaves it alone); the one-line form
``# x-i18n-source-hash: <hash>`` is read too.
"""

from __future__ import annotations

import re
from pathlib import Path

from docs_i18n.core import pofile
from docs_i18n.core.errors import InputError

RECORD_KEY = "x-i18n-source-hash"
# The record's lines, up to (not including) the line end: "\n" or "\r\n" (a CRLF catalog keeps its CRs).
_RECORD_RE = re.compile(
    rf"^#[ \t]*{RECORD_KEY}:[ \t]*(?:(?P<inline>\S+)[ \t]*|\r?\n#[ \t]*(?P<next>[^\s:]*)[ \t]*)(?=\r?$)",
    re.MULTILINE,
)


_HEADER_FLAGS_RE = re.compile(r"^#[,.:|]", re.MULTILINE)


def recorded_hash(catalog: pofile.Catalog) -> str | None:
    """The hash recorded in *catalog*'s header comments, or ``None`` (may be malformed)."""
    return record_in_comments(catalog.header_comments)


def record_in_comments(comments: list[str]) -> str | None:
    """The hash recorded in a header's translator comments, or ``None``."""
    for index, comment in enumerate(comments):
        key, sep, value = comment.partition(":")
        if sep and key.strip() == RECORD_KEY:
            value = value.strip()
            if not value and index + 1 < len(comments) and ":" not in comments[index + 1]:
                value = comments[index + 1].strip()
            return value
    return None


def record_lines(new_hash: str, newline: str = "\n") -> str:
    """The record as written: the key, then the hash on its own comment line."""
    return f"# {RECORD_KEY}:{newline}# {new_hash}"


def with_record(text: str, new_hash: str, path: str | Path = "<po>") -> str:
    """Return *text* with the record set to *new_hash*, every other byte unchanged.

    An existing record is replaced in place; otherwise the record is added as
    the last header comment, just before ``msgid ""``.
    """
    catalog = pofile.parse(text, path)
    if catalog.header is None:
        raise InputError(path, 1, 'catalog has no header entry (msgid ""); run `make update-po` to create one')
    header_start = _line_offset(text, catalog.header.first_line)
    header_msgid = _line_offset(text, catalog.header.line)
    newline = "\r\n" if "\r\n" in text[:header_msgid] else "\n"
    record = record_lines(new_hash, newline)
    match = _RECORD_RE.search(text, header_start, header_msgid)
    if match:
        return text[: match.start()] + record + text[match.end() :]
    flags = _HEADER_FLAGS_RE.search(text, header_start, header_msgid)  # keep the order Babel writes
    at = flags.start() if flags else header_msgid
    return text[:at] + record + newline + text[at:]


def _line_offset(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
