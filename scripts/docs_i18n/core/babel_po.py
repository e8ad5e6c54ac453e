"""Catalogs read and written with Babel, as sphinx-intl does, keeping what Babel drops.

``sphinx-intl update`` reads and writes catalogs with Babel at width 76; every tool
here that rewrites a catalog goes through :func:`read` and :func:`write`, so the
layout is the one ``make update-po`` writes. Babel 2.19 loses two things GNU gettext
and PO editors (Poedit, Weblate) keep:

- the previous msgid of a fuzzy message (``#| msgid "..."``): Babel reads it as a
  translator comment and never writes it back; :func:`read` turns those comments
  back into ``Message.previous_id`` and :func:`write` writes them as gettext does;
- the flags of an obsolete entry (``#, fuzzy`` before ``#~ msgid``): Babel reads them
  and writes none; :func:`write` writes them, so an unreviewed guess stays fuzzy.

Everything else is Babel's own output, byte for byte.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import generate_po, normalize, read_po, unescape

from docs_i18n.core.errors import InputError

WIDTH = 76  # sphinx-intl's default line width
_PREVIOUS_PREFIX = "#| "
_PREVIOUS_RE = re.compile(r'\|\s*(msgctxt|msgid|msgid_plural)?\s*("(?:[^"\\]|\\.)*")\s*')


def read(text: str, path: str | Path) -> Catalog:
    """Babel's catalog of *text*, with previous msgids (``#|``) as ``previous_id``."""
    try:
        catalog = read_po(io.BytesIO(text.encode("utf-8")), charset="utf-8")
    except Exception as exc:  # Babel raises several types on malformed input
        raise InputError(path, 0, f"Babel cannot read this catalog: {exc}") from None
    if "#|" in text:
        for message in catalog:
            _restore_previous(message)
    return catalog


def _restore_previous(message: Message) -> None:
    """Move the ``#|`` lines Babel read as translator comments into ``previous_id``.

    Lines that are not a well-formed previous msgid stay comments (nothing is lost).
    """
    comments = [c for c in message.user_comments if not c.startswith("|")]
    previous = [c for c in message.user_comments if c.startswith("|")]
    if not previous:
        return
    fields: dict[str, str] = {}
    keyword: str | None = None
    for line in previous:
        match = _PREVIOUS_RE.fullmatch(line)
        if match is None or match.group(1) in fields or (match.group(1) or keyword) is None:
            return  # not a previous msgid, a keyword twice, or a string before any keyword
        keyword = str(match.group(1) or keyword)
        fields[keyword] = fields.get(keyword, "") + unescape(match.group(2))
    if "msgid" not in fields or "msgctxt" in fields:
        return  # Babel has no previous context: those lines stay comments
    message.previous_id = [fields["msgid"]] + ([fields["msgid_plural"]] if "msgid_plural" in fields else [])
    message.user_comments = comments


def write(catalog: Catalog) -> str:
    """*catalog* as ``sphinx-intl update`` writes it, plus previous msgids of fuzzy
    messages and the flags of obsolete entries, in GNU gettext's layout."""
    return "".join(_chunks(catalog))


def _chunks(catalog: Catalog) -> Iterator[str]:
    # generate_po yields each comment line, each keyword (msgctxt, msgid, msgstr) and
    # the blank line ending an entry as separate strings: live messages (the header
    # first), then obsolete ones. Extra lines go just before an entry's first keyword.
    live = iter(list(catalog))
    obsolete = iter(list(catalog.obsolete.values()))
    at_entry_start = True
    for chunk in generate_po(catalog, width=WIDTH):
        if at_entry_start and chunk.startswith(("msgctxt ", "msgid ")):
            yield from _previous_lines(next(live))
            at_entry_start = False
        elif at_entry_start and chunk.startswith(("#~ msgctxt ", "#~ msgid ")):
            flags = next(obsolete).flags
            if flags:
                yield f"#{', '.join(['', *sorted(flags)])}\n"
            at_entry_start = False
        elif chunk == "\n":
            at_entry_start = True
        yield chunk


def _previous_lines(message: Message) -> Iterator[str]:
    if not (message.id and message.fuzzy and message.previous_id):
        return
    for keyword, text in zip(("msgid", "msgid_plural"), message.previous_id, strict=False):
        # wrapped as the msgid itself, within the width left by the '#| ' prefix (as GNU gettext)
        lines = normalize(text, width=WIDTH - len(_PREVIOUS_PREFIX)).split("\n")
        yield f"{_PREVIOUS_PREFIX}{keyword} {lines[0]}\n" + "".join(f"{_PREVIOUS_PREFIX}{line}\n" for line in lines[1:])
