"""Babel's own choices, which the project's faster code must make too (the unit tests of memory)."""

from __future__ import annotations

from collections.abc import Sequence

from babel.messages.catalog import get_close_matches


def babel_closest(key: str, candidates: Sequence[str], cutoff: float) -> int | None:
    """Babel's choice (``get_close_matches(..., 1)``), as an index."""
    found = get_close_matches(key, candidates, 1, cutoff)
    return candidates.index(found[0]) if found else None
