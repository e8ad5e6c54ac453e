"""One catalog updated from its template: sphinx-intl's merge, then the fill from memory.

The merge is sphinx-intl's (``sphinx_intl.catalog.update_with_fuzzy``, which is
Babel's ``Catalog.update``), in :mod:`docs_i18n.memory.catalog_merge` with a C-backed
matcher: messages matched by msgid keep their translation; a new msgid may take the
translation of the most similar old message of the *same* catalog, as fuzzy
(:mod:`docs_i18n.memory.matcher`: similarity 0.6 or more); messages gone from the
template become obsolete. Then, in a catalog whose msgids changed (or a new one), memory
fills, and only:

- messages with no translation at all;
- messages to which this very merge gave another message's translation as a fuzzy
  guess, when memory has the same English (reviewed, one translation) or a more
  similar one. The old message the guess came from goes back among the obsolete
  entries, so its translation stays in memory.

A translated message, and a fuzzy message from before this update, are left as
they are: nothing a translator wrote is replaced. The header, and so the
source-hash record, is Babel's as sphinx-intl leaves it: a filled page stays stale
until it is reviewed and stamped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from babel.messages.catalog import Catalog, Message

from docs_i18n.core import babel_po, hash_record, memory_mark
from docs_i18n.memory import catalog_merge
from docs_i18n.memory.store import Memory, Suggestion, similarity


@dataclass
class Outcome:
    """What updating one catalog did."""

    path: str
    lang: str
    status: str  # "create", "update" or "notchanged", as sphinx-intl reports
    added: int = 0  # msgids new in the catalog
    deleted: int = 0  # msgids gone from it
    exact: int = 0  # filled from memory as translated
    fuzzy: int = 0  # filled from memory as fuzzy suggestions
    text: str | None = None  # the catalog to write, when it changed


def update_catalog(
    pot_text: str, pot_path: str, po_path: str, lang: str, memory: Memory | None, po_text: str | None
) -> Outcome:
    """Merge the template into the catalog at *po_path* (or create it), then fill from *memory*.

    *po_text* is the catalog as the update read it (by :mod:`docs_i18n.core.locale_tree`'s
    rules: no link followed), None when there is no catalog yet.

    A catalog whose msgids do not change is not rewritten, as sphinx-intl does not
    rewrite it, and not filled. Nothing is written here: the outcome carries the new
    text when the catalog changed.
    """
    template = babel_po.read(pot_text, pot_path)  # read for each language: the merge keeps its messages
    if po_text is not None:
        catalog = babel_po.read(po_text, po_path)
        old = {message.id: message for message in catalog if message.id}
        catalog_merge.update(catalog, template)  # sphinx-intl's merge, with a faster matcher
        _keep_previous_ids(catalog, old)
        status = "update"
    else:
        catalog, old, status = template, {}, "create"
        catalog.locale = lang  # as sphinx-intl creates a catalog
    ids = {message.id for message in catalog if message.id}
    outcome = Outcome(po_path, lang, status, added=len(ids - old.keys()), deleted=len(old.keys() - ids))
    if status == "update" and not (outcome.added or outcome.deleted):
        outcome.status = "notchanged"  # the same msgids: sphinx-intl does not rewrite it, nor does memory
        return outcome
    if memory is not None:
        record = hash_record.record_in_comments(_header_comments(catalog))
        for message in list(catalog):
            kind = _fill(catalog, message, old, memory, record)
            if kind:
                setattr(outcome, kind, getattr(outcome, kind) + 1)
    outcome.text = babel_po.write(catalog)
    return outcome


def _keep_previous_ids(catalog: Catalog, old: dict[Any, Message]) -> None:
    """Babel's merge drops the previous msgid (``#|``) of a message that stays fuzzy: keep it."""
    for message in catalog:
        before = old.get(message.id) if message.id else None
        if before is not None and before.previous_id and message.fuzzy and not message.previous_id:
            message.previous_id = list(before.previous_id)


def _header_comments(catalog: Catalog) -> list[str]:
    return [line[1:].removeprefix(" ") for line in catalog.header_comment.splitlines() if line.startswith("#")]


def _fill(
    catalog: Catalog, message: Message, old: dict[Any, Message], memory: Memory, record: str | None
) -> str | None:
    """Fill *message* from memory when it may be; return ``"exact"``, ``"fuzzy"`` or ``None``."""
    if not message.id or message.context is not None or message.pluralizable:
        return None
    msgid = cast(str, message.id)  # not a plural message: one string
    guessed = msgid not in old and message.fuzzy and bool(message.previous_id)  # by this merge
    if message.string and not guessed:
        return None
    suggestion = memory.lookup(msgid)
    if suggestion is None:
        return None
    if guessed:
        if not suggestion.exact and suggestion.similarity <= similarity(msgid, message.previous_id[0]):
            return None  # the merge's own guess is as close: keep it
        _back_to_obsolete(catalog, old.get(message.previous_id[0]))
        message.user_comments = []  # they were the old message's
    _apply(catalog, message, suggestion, record)
    return "exact" if suggestion.exact else "fuzzy"


def _back_to_obsolete(catalog: Catalog, source: Message | None) -> None:
    """Keep the old message a replaced guess came from (Babel's merge had dropped it)."""
    if source is not None and source.id not in catalog and source.id not in catalog.obsolete:
        catalog.obsolete[cast(str, source.id)] = source


def _apply(catalog: Catalog, message: Message, suggestion: Suggestion, record: str | None) -> None:
    message.string = suggestion.source.translation
    kind = "exact" if suggestion.exact else "fuzzy"
    kept = [c for c in message.user_comments if not memory_mark.is_mark_comment(c)]
    message.user_comments = kept + memory_mark.comments(kind, record, suggestion.note())
    if suggestion.exact:
        message.flags.discard("fuzzy")
        message.previous_id = []
        twin = catalog.obsolete.get(cast(str, message.id))
        if twin is not None and twin.string == message.string:
            del catalog.obsolete[cast(str, message.id)]  # the obsolete entry came back to life
    else:
        message.flags.add("fuzzy")
        message.previous_id = [suggestion.english] if suggestion.english != message.id else []
