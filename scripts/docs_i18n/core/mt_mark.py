"""The mark a machine translation leaves on a message: written by ``translate``, counted by ``status``.

A message ``translate`` filled carries two translator comments, which Babel,
msgmerge, Poedit and Weblate keep on a round trip::

    # x-i18n-mt: suggestion 269529671c60
    # x-i18n-mt-from: model test-model, endpoint localhost:4000, 2026-12-03, prompt v1

The first says how it was written (``suggestion``: fuzzy, for a reviewer;
``accepted``: translated, with ``--accept``) and under which record: the first 12
digits of the catalog's ``# x-i18n-source-hash:`` record at the time (``-`` without
one), as the memory mark (:mod:`.memory_mark`) does. The second is the provenance:
the model, the endpoint's host (never its key), the date and the prompt version.

A page is *machine-translated* while one of its translated messages carries an
``accepted`` mark under the catalog's current record: readers are told it is not
reviewed. A reviewer deletes the two lines of each message they reviewed (or stamps
the page once the English changed); a suggestion whose fuzzy flag a reviewer clears
is a reviewed translation, whatever its mark says.
"""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core import memory_mark, pofile

KEY = "x-i18n-mt"
FROM_KEY = "x-i18n-mt-from"
KINDS = ("suggestion", "accepted")


def comments(kind: str, record: str | None, provenance: str) -> list[str]:
    """The translator comments of a machine translation: the mark, then its provenance."""
    return [f"{KEY}: {kind} {memory_mark.token(record)}", f"{FROM_KEY}: {provenance}"]


def is_mark_comment(comment: str) -> bool:
    """True for the comments :func:`comments` writes (so a new translation replaces them)."""
    return comment.startswith((f"{KEY}:", f"{FROM_KEY}:"))


def parse(comment: str) -> tuple[str, str] | None:
    """``(kind, token)`` of a mark comment, or ``None``."""
    key, sep, rest = comment.partition(":")
    parts = rest.split()
    if not sep or key.strip() != KEY or len(parts) != 2 or parts[0] not in KINDS:
        return None
    return parts[0], parts[1]


def machine_translated(text: str, path: str | Path, record: str | None) -> int:
    """Translated messages of the catalog *text* that carry an ``accepted`` mark under *record*.

    0 without one: the common case costs one substring search.
    """
    want = f"{KEY}: accepted {memory_mark.token(record)}"
    if want not in text:
        return 0
    found = 0
    for entry in pofile.parse(text, path).messages():
        if entry.state == "translated" and any(
            parse(c) == ("accepted", memory_mark.token(record)) for c in entry.translator_comments
        ):
            found += 1
    return found
