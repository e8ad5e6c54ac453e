"""Suggestions written into a catalog: fuzzy (or translated, with ``--accept``), with their mark.

A catalog is read and written with Babel as ``make update-po`` writes it
(:mod:`docs_i18n.core.babel_po`), and only the messages given change: each is
written only when it is still what was sent (empty, or fuzzy with the same old
translation), so a translator's edit made meanwhile is never replaced. The mark and
provenance are :mod:`docs_i18n.core.mt_mark`'s; a memory mark on the message goes
(the translation is no longer memory's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docs_i18n.core import babel_po, hash_record, memory_mark, mt_mark, pofile


@dataclass(frozen=True)
class Suggestion:
    """A reviewed translation of one message, and what the message held when it was sent."""

    msgid: str
    old: str
    text: str


def apply(
    text: str, path: str | Path, suggestions: list[Suggestion], kind: str, provenance: tuple[str, ...] = ()
) -> tuple[str, int]:
    """The catalog *text* with *suggestions* written as *kind* (``suggestion``: fuzzy; ``accepted``:
    translated; ``review``: translated with no mark, for the review's copy); and how many were written. *provenance* is
    (model, endpoint host, date, prompt version)."""
    record = hash_record.recorded_hash(pofile.parse(text, path))
    catalog = babel_po.read(text, path)
    wanted = {s.msgid: s for s in suggestions}
    written = 0
    for message in catalog:
        found = wanted.get(message.id) if isinstance(message.id, str) and message.context is None else None
        if found is None or message.pluralizable:
            continue
        now = message.string if isinstance(message.string, str) else ""
        if now != found.old or (now and not message.fuzzy):
            continue  # changed since it was sent: a translator's work stays
        message.string = found.text
        message.previous_id = []
        if kind == "suggestion":
            message.flags.add("fuzzy")
        else:
            message.flags.discard("fuzzy")
        kept = [c for c in message.user_comments if not (mt_mark.is_mark_comment(c) or memory_mark.is_mark_comment(c))]
        message.user_comments = kept + (mt_mark.comments(kind, record, *provenance) if kind != "review" else [])
        written += 1
    return babel_po.write(catalog), written
