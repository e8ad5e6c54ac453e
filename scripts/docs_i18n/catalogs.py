"""The source-hash record in gettext catalogs.

The record is a translator comment in the catalog's header entry::

    # x-i18n-source-hash: 2695...936f
    msgid ""
    msgstr ""

Header comments survive ``sphinx-intl update`` (which drops unknown header
fields), Babel's read/write, ``msgmerge`` and ``msgcat``.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import pofile
from .errors import InputError
from .textio import atomic_write, decode_utf8

RECORD_KEY = "x-i18n-source-hash"
_RECORD_RE = re.compile(rf"^#[ \t]*{RECORD_KEY}:[ \t]*(\S*)[ \t]*$", re.MULTILINE)
_HEADER_MSGID_RE = re.compile(r'^msgid[ \t]+""[ \t]*\r?$', re.MULTILINE)


def recorded_hash(catalog: pofile.Catalog) -> str | None:
    """The hash recorded in *catalog*'s header comments, or ``None`` (may be malformed)."""
    for comment in catalog.header_comments:
        key, sep, value = comment.partition(":")
        if sep and key.strip() == RECORD_KEY:
            return value.strip()
    return None


def with_record(text: str, new_hash: str, path: str | Path = "<po>") -> str:
    """Return *text* with the record set to *new_hash*, every other byte unchanged.

    An existing record line is replaced in place; otherwise the record is added as
    the last header comment, just before ``msgid ""``.
    """
    catalog = pofile.parse(text, path)
    if catalog.header is None:
        raise InputError(path, 1, 'catalog has no header entry (msgid ""); run `make update-po` to create one')
    line = f"# {RECORD_KEY}: {new_hash}"
    header_start = _line_offset(text, catalog.header.first_line)
    header_msgid = _line_offset(text, catalog.header.line)
    match = _RECORD_RE.search(text, header_start, header_msgid)
    if match:
        return text[: match.start()] + line + text[match.end() :]
    newline = "\r\n" if "\r\n" in text[:header_msgid] else "\n"
    return text[:header_msgid] + line + newline + text[header_msgid:]


def _line_offset(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


def write_record(path: str | Path, new_hash: str) -> bool:
    """Set the record of the catalog at *path* atomically; return whether it changed."""
    data = Path(path).read_bytes()
    text = decode_utf8(data, path)
    updated = with_record(text, new_hash, path)
    if updated == text:
        return False
    atomic_write(path, updated.encode("utf-8"))
    return True
