"""The mark a machine translation leaves on a message: written by ``translate``, counted by ``status``.

A message ``translate`` filled carries two translator comments, which Babel,
msgmerge, Poedit and Weblate keep on a round trip::

    # x-i18n-mt: suggestion 269529671c60 2026-12-03 prompt-v1
    # x-i18n-mt-model: claude-opus-4-6
    # x-i18n-mt-endpoint: localhost:4000

The first says how it was written (``suggestion``: fuzzy, for a reviewer;
``accepted``: translated, with ``--accept``), under which record (the first 12
digits of the catalog's ``# x-i18n-source-hash:`` record at the time, ``-`` without
one, as the memory mark of :mod:`.memory_mark`), the date and the prompt version;
the others name the model and the endpoint's host (never its key). Each is a line of
its own: Babel wraps comments longer than 76 columns.

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
MODEL_KEY = "x-i18n-mt-model"
ENDPOINT_KEY = "x-i18n-mt-endpoint"
KINDS = ("suggestion", "accepted")


def comments(kind: str, record: str | None, model: str, endpoint: str, date: str, prompt_version: str) -> list[str]:
    """The translator comments of a machine translation: the mark, then its provenance."""
    return [
        f"{KEY}: {kind} {memory_mark.token(record)} {date} prompt-v{prompt_version}",
        f"{MODEL_KEY}: {model}",
        f"{ENDPOINT_KEY}: {endpoint}",
    ]


def is_mark_comment(comment: str) -> bool:
    """True for the comments :func:`comments` writes (so a new translation replaces them)."""
    return comment.startswith((f"{KEY}:", f"{MODEL_KEY}:", f"{ENDPOINT_KEY}:"))


def parse(comment: str) -> tuple[str, str] | None:
    """``(kind, token)`` of a mark comment, or ``None``."""
    key, sep, rest = comment.partition(":")
    parts = rest.split()
    if not sep or key.strip() != KEY or len(parts) < 2 or parts[0] not in KINDS:
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
