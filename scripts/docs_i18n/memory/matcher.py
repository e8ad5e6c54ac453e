"""The fuzzy matcher of the merge: the old message whose English is most like a new one's.

Babel's ``Catalog.update`` (what ``sphinx-intl update`` runs) scores every old message
against every new one with difflib's ``SequenceMatcher.ratio``, in pure Python: on a
version upgrade of a large documentation this is nearly all of the update's time. Here
the candidates are scored with RapidFuzz's ``fuzz.ratio`` (in C++), the normalized Indel
similarity ``2 * LCS / (len(a) + len(b))``, where LCS is the longest common subsequence.

difflib's ratio is ``2 * M / (len(a) + len(b))`` with M the characters of its matching
blocks, which form a common subsequence: M <= LCS, so the Indel similarity is never
below difflib's ratio. Hence, at the same cutoff, whenever Babel suggests an old message
this matcher suggests one too, scoring at least as high (``tests/unit/memory``). The two
may choose different messages when several are close; ``docs/performance.md`` counts how
often on a real upgrade, and which choice is nearer to what translators wrote.

The texts are compared as Babel compares them (:func:`match_key`: lower case, stripped);
among equal scores the first candidate wins (Babel takes the greatest text).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

CUTOFF = 0.6  # Babel's cutoff for difflib's ratio; see the module's docstring for why it is kept


def match_key(msgid: str) -> str:
    """The text a msgid is matched by, as Babel's ``Catalog._to_fuzzy_match_key``."""
    return msgid.lower().strip()


def score(a: str, b: str) -> float:
    """The similarity of two match keys, from 0 to 1 (RapidFuzz's normalized Indel similarity)."""
    return float(fuzz.ratio(a, b, processor=None)) / 100


def closest(key: str, candidates: Sequence[str], cutoff: float = CUTOFF) -> int | None:
    """The index of the candidate most like *key*, scoring *cutoff* or more, or ``None``.

    Ties go to the first such candidate. (The cutoff is lowered by 1e-9 so that a score of
    exactly *cutoff* passes, as in difflib, whatever the rounding of ``cutoff * 100``.)
    """
    if not candidates:
        return None
    found = process.extractOne(key, candidates, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff * 100 - 1e-9)
    return None if found is None else int(found[2])
