"""The mark a translation-memory fill leaves on a message: written by ``update``, counted by ``status``.

A message filled from memory carries two translator comments, which Babel,
msgmerge, Poedit and Weblate keep on a round trip::

    # x-i18n-memory: fuzzy 269529671c60
    # x-i18n-memory-from: providers/litellm.po (obsolete entry), 91% similar

The first says how it was filled (``exact`` or ``fuzzy``) and under which record:
the first 12 digits of the catalog's ``# x-i18n-source-hash:`` record at the time
(``-`` when it had none). A mark counts while that record is unchanged; stamping
the reviewed page records a new hash, and the marks of earlier fills are history.
"""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core import pofile

KEY = "x-i18n-memory"
FROM_KEY = "x-i18n-memory-from"
KINDS = ("exact", "fuzzy")
TOKEN_DIGITS = 12


def token(record: str | None) -> str:
    """The record as a mark names it: its first 12 characters, or ``-`` without one."""
    return record[:TOKEN_DIGITS] if record else "-"


def comments(kind: str, record: str | None, source: str) -> list[str]:
    """The translator comments of a fill: the mark, then where the translation came from."""
    return [f"{KEY}: {kind} {token(record)}", f"{FROM_KEY}: {source}"]


def is_mark_comment(comment: str) -> bool:
    """True for the comments :func:`comments` writes (so a new fill replaces them)."""
    return comment.startswith((f"{KEY}:", f"{FROM_KEY}:"))


def parse(comment: str) -> tuple[str, str] | None:
    """``(kind, token)`` of a mark comment, or ``None``."""
    key, sep, rest = comment.partition(":")
    parts = rest.split()
    if not sep or key.strip() != KEY or len(parts) != 2 or parts[0] not in KINDS:
        return None
    return parts[0], parts[1]


def count(text: str, path: str | Path, record: str | None) -> dict[str, int] | None:
    """Live messages of the catalog *text* filled from memory under *record*, by kind.

    ``None`` when there are none: the common case costs two substring searches.
    """
    want = token(record)
    if not any(f"{KEY}: {kind} {want}" in text for kind in KINDS):
        return None
    counts = dict.fromkeys(KINDS, 0)
    for entry in pofile.parse(text, path).messages():
        for comment in entry.translator_comments:
            mark = parse(comment)
            if mark is not None and mark[1] == want:
                counts[mark[0]] += 1
                break
    return counts if any(counts.values()) else None
