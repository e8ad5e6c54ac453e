"""Babel's ``Catalog.update`` (what ``sphinx-intl update`` runs), with a C-backed fuzzy matcher.

The semantics are Babel 2.19's, with its defaults (as sphinx-intl calls it):

- a message of the template whose key (msgid, and msgctxt if any) is in the catalog
  takes the old message's translation, flags and translator comments (duplicates
  dropped), with the template's locations and extracted comments;
- otherwise the old message most like it (:mod:`docs_i18n.memory.matcher`, among the
  old messages with a translation, compared by msgid alone, lower case and stripped)
  gives its translation, as fuzzy, its msgid becoming the previous msgid (``#|``);
- a plural message and a singular one exchanging translations become fuzzy, the
  translation adjusted to the plural forms;
- old messages the template no longer has become obsolete, except those a fuzzy match
  used; the catalog's creation date becomes the template's; the header is kept.

Only the matcher differs from Babel's (difflib's ``get_close_matches`` with ``n=1``):
Babel is not patched, the merge is this module's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from babel.messages.catalog import Catalog, Message

from docs_i18n.memory import matcher

Key = Any  # a msgid, or (msgid, msgctxt): Babel's keys


def key_for(message_id: str | tuple[str, ...] | list[str], context: str | None = None) -> Key:
    """Babel's key of a message: its (first) msgid, with its context when it has one."""
    key = message_id[0] if isinstance(message_id, (list, tuple)) else message_id
    return (key, context) if context is not None else key


def update(
    catalog: Catalog,
    template: Catalog,
    cutoff: float = matcher.CUTOFF,
    closest: Callable[[str, Sequence[str], float], int | None] = matcher.closest,
) -> None:
    """Merge *template* into *catalog* in place, as ``catalog.update(template)`` does, the old
    message a new one may take its translation from chosen by *closest* (tests give difflib's)."""
    messages: dict[Key, Message] = {key_for(m.id, m.context): m for m in catalog if m.id}
    for message in list(messages.values()):
        catalog.delete(message.id, message.context)
    remaining = dict(messages)
    candidates: dict[str, tuple[Key, str | None]] = {}  # match key -> (old key, context), as Babel's
    for message in messages.values():
        if message.string:
            candidates[matcher.match_key(key_for(message.id))] = (key_for(message.id), message.context)
    choices = list(candidates)
    fuzzy_matches: set[Key] = set()

    def merge(message: Message, oldkey: Key, newkey: Key) -> None:
        message = message.clone()
        fuzzy = False
        if oldkey != newkey:
            fuzzy = True
            fuzzy_matches.add(oldkey)
            oldmsg = messages[oldkey]
            message.previous_id = [oldmsg.id] if isinstance(oldmsg.id, str) else list(oldmsg.id)
        else:
            oldmsg = remaining.pop(oldkey)
        message.string = oldmsg.string
        if oldmsg.user_comments:
            message.user_comments = list(dict.fromkeys(oldmsg.user_comments))
        if isinstance(message.id, (list, tuple)):
            if not isinstance(message.string, (list, tuple)):
                fuzzy = True
                message.string = tuple([message.string or ""] + [""] * (len(message.id) - 1))
            elif len(message.string) != catalog.num_plurals:
                fuzzy = True
                message.string = tuple(message.string[: len(oldmsg.string or ())])
        elif isinstance(message.string, (list, tuple)):
            fuzzy = True
            message.string = message.string[0]
        message.flags |= oldmsg.flags
        if fuzzy:
            message.flags |= {"fuzzy"}
        catalog[message.id] = message

    for message in template:
        if not message.id:
            continue
        key = key_for(message.id, message.context)
        if key in messages:
            merge(message, key, key)
            continue
        found = closest(matcher.match_key(key_for(message.id)), choices, cutoff)
        if found is not None:
            newkey, newctxt = candidates[choices[found]]
            merge(message, (newkey, newctxt) if newctxt is not None else newkey, key)
            continue
        catalog[message.id] = message

    for oldkey, message in remaining.items():
        if oldkey not in fuzzy_matches:
            catalog.obsolete[oldkey] = message
    catalog.creation_date = template.creation_date
