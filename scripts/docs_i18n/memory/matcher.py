"""The fuzzy matcher of the merge: the old message whose English is most like a new one's.

Babel's ``Catalog.update`` (what ``sphinx-intl update`` runs) scores every old message
against every new one with difflib's ``SequenceMatcher.ratio`` (``get_close_matches``,
cutoff 0.6), in pure Python: on a version upgrade of a large documentation this is nearly
all of the update's time. :func:`closest` makes the same choice, faster:

1. RapidFuzz (in C++) scores every candidate with the normalized Indel similarity
   ``2 * LCS / (len(a) + len(b))``, LCS being the longest common subsequence, and keeps
   those at the cutoff or above, best first. difflib's ratio is ``2 * M / (len(a) +
   len(b))`` with M the characters of its matching blocks, which form a common
   subsequence: M <= LCS, so the Indel similarity bounds difflib's ratio from above.
2. difflib's ratio is computed for those candidates in that order, and no further than
   the first whose Indel similarity is below the best ratio found so far: no later
   candidate can beat it.

The choice is Babel's, ties included (the greatest text among equal ratios), whatever
the texts (``tests/unit/memory/test_matcher.py`` ties the two); only the work differs.
The texts are compared as Babel compares them (:func:`match_key`: lower case, stripped).
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

CUTOFF = 0.6  # Babel's: the least difflib ratio of a suggestion
_EPSILON = 1e-9  # RapidFuzz's float scores may round below the exact fraction


def match_key(msgid: str) -> str:
    """The text a msgid is matched by, as Babel's ``Catalog._to_fuzzy_match_key``."""
    return msgid.lower().strip()


def bound(a: str, b: str) -> float:
    """RapidFuzz's normalized Indel similarity of two texts (0 to 1): never below :func:`ratio`."""
    return float(fuzz.ratio(a, b, processor=None)) / 100


def ratio(a: str, b: str) -> float:
    """difflib's ratio of two texts, without the junk heuristic (as Babel's matcher)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def closest(key: str, candidates: Sequence[str], cutoff: float = CUTOFF) -> int | None:
    """The index of the candidate Babel's ``get_close_matches(key, candidates, 1, cutoff)``
    returns (the greatest difflib ratio at *cutoff* or more; among equal ratios, the greatest
    text), or ``None``."""
    if not candidates:
        return None
    ranked = process.extract(
        key, candidates, scorer=fuzz.ratio, processor=None, score_cutoff=max(0.0, cutoff * 100 - _EPSILON), limit=None
    )
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(key)
    best: tuple[float, str] | None = None
    chosen: int | None = None
    for text, upper, index in ranked:
        if best is not None and upper / 100 < best[0] - _EPSILON:
            break  # this candidate and the next ones score below the best ratio found
        matcher.set_seq1(text)
        if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
            continue
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, text) > best):
            best, chosen = (score, text), int(index)
    return chosen
