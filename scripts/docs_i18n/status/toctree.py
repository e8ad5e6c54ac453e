"""What a page's tables of contents render of other pages: their headings, each a message of its own page.

A toctree on a page (the home page's list of guides) shows the titles, and down to its
``maxdepth`` the section headings, of the pages it lists. Those headings are messages of
the listed pages' catalogs, not of the page that shows them: a listed page that is not
translated shows its headings in English on a translated page. The coverage of a page
(:mod:`.coverage`) counts them too, each as its own page's catalog translates it.

The build records each page's :class:`PageToc` as it reads it; :func:`rendered_entries`
resolves what a page's toctrees show. ``make gettext`` writes the result beside the
templates (:mod:`.templates`), so ``scripts/i18n status`` counts the same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Toctree:
    """One toctree shown in a page: the docnames it lists and how deep it goes (0: every level)."""

    entries: tuple[str, ...]
    maxdepth: int = 0


@dataclass(frozen=True)
class PageToc:
    """A page's section headings (depth from 1 for the title, their message) and its visible toctrees."""

    headings: tuple[tuple[int, str], ...] = ()
    toctrees: tuple[Toctree, ...] = ()


def rendered_entries(tocs: Mapping[str, PageToc], docname: str) -> list[tuple[str, str]]:
    """``(listed docname, message)`` for every heading *docname*'s toctrees show, in order, once each."""
    found: dict[tuple[str, str], None] = {}

    def add(page: str, depth: int, seen: frozenset[str]) -> None:
        listed = tocs.get(page)
        if listed is None or page in seen:
            return
        for level, message in listed.headings:
            if depth <= 0 or level <= depth:
                found.setdefault((page, message), None)
        if depth == 1:
            return
        for tree in listed.toctrees:
            deeper = _deeper(depth, tree.maxdepth)
            for entry in tree.entries:
                add(entry, deeper, seen | {page})

    top = tocs.get(docname)
    for tree in top.toctrees if top else ():
        for entry in tree.entries:
            add(entry, tree.maxdepth, frozenset({docname}))
    return list(found)


def _deeper(depth: int, own: int) -> int:
    """The depth left for a toctree nested in a listed page (Sphinx: one level used, capped by its own)."""
    left = depth - 1 if depth > 0 else 0
    if own > 0:
        return own if left <= 0 else min(left, own)
    return left
