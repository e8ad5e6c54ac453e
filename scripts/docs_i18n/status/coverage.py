"""Coverage: how much of a page a reader sees translated, counted on the messages it renders.

One definition for the build (the banner, the page's ``<meta>``, the switcher, the
status page) and for ``scripts/i18n status``. A page renders a list of messages (the
build records them as it reads the page; ``make gettext`` writes the same list as the
page's ``.pot`` template). Each message is shown either translated or in English, and
an English one is counted by why:

- ``fuzzy``: the catalog's translation is marked fuzzy (Sphinx does not use it);
- ``untranslated``: no translation: an empty one, a message the catalog does not have
  yet (the English text changed and ``make update-po`` has not run), or no catalog;
- ``refused``: the build's guard refused the translation (the build only: ``status``
  cannot see it; ``scripts/i18n check`` reports it).

A message repeated on a page counts once, as in the ``.pot`` template. A toctree on a
page shows headings of the pages it lists (:mod:`.toctree`): each counts as its own
page's catalog translates it, added to the page's own messages.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

ENGLISH_KEYS = ("fuzzy", "untranslated", "refused")


def percent(translated: int, total: int) -> float:
    """The share translated, rounded to one decimal; a page with nothing to translate is 100%."""
    return 100.0 if total == 0 else round(100.0 * translated / total, 1)


@dataclass(frozen=True)
class Coverage:
    """A page's messages as a reader sees them."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    refused: int = 0

    @property
    def english(self) -> int:
        """Messages shown in English."""
        return self.fuzzy + self.untranslated + self.refused

    @property
    def total(self) -> int:
        return self.translated + self.english

    @property
    def percent_translated(self) -> float:
        return percent(self.translated, self.total)

    def __add__(self, other: Coverage) -> Coverage:
        """Both counts together (a page's own messages and those its toctrees show of other pages)."""
        return Coverage(
            self.translated + other.translated,
            self.fuzzy + other.fuzzy,
            self.untranslated + other.untranslated,
            self.refused + other.refused,
        )


def measure(
    messages: Iterable[str],
    shown_translated: Container[str],
    catalog_states: Mapping[str, str] | None = None,
    refused: Container[str] = (),
) -> Coverage:
    """Count *messages* (repeats once): translated when in *shown_translated*; else by why.

    *catalog_states* maps a msgid to its catalog state (``translated``, ``fuzzy``,
    ``untranslated``); a message it lacks is untranslated.
    """
    states = catalog_states or {}
    counts = dict.fromkeys(("translated", *ENGLISH_KEYS), 0)
    for message in dict.fromkeys(messages):
        if message in shown_translated:
            counts["translated"] += 1
        elif message in refused:
            counts["refused"] += 1
        elif states.get(message) == "fuzzy":
            counts["fuzzy"] += 1
        else:
            counts["untranslated"] += 1
    return Coverage(**counts)


def usable(catalog_states: Mapping[str, str], allow_fuzzy: bool = False) -> frozenset[str]:
    """The msgids a catalog translates, as Sphinx uses them (fuzzy only with *allow_fuzzy*)."""
    wanted = ("translated", "fuzzy") if allow_fuzzy else ("translated",)
    return frozenset(msgid for msgid, state in catalog_states.items() if state in wanted)
