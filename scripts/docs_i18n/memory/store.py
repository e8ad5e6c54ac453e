"""A language's translation memory: every translation in its catalogs, looked up exactly or nearly.

Exact look-ups are a dictionary. Near look-ups score candidates with difflib's
``SequenceMatcher.ratio`` on the English texts (what Babel and msgmerge use for
their own fuzzy matching), after two prunings that keep the cost per look-up
bounded on 100,000 remembered messages: the candidate shares at least half of
the English's distinct words (counted through an index of words whose entries are
ordered by the length of the English, so that only the lengths that allow the
threshold at all, ``ratio <= 2 * min / (a + b)``, are counted). Of the candidates,
difflib scores only those whose Indel similarity (:func:`docs_i18n.memory.matcher.bound`,
in C++, never below difflib's ratio) reaches the threshold.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from docs_i18n.core import pofile
from docs_i18n.memory.matcher import bound

# A remembered English text at least this similar (difflib ratio) is suggested, as fuzzy.
# In Sphinx's own catalog (sphinx.pot: 644 messages of 20 characters or more), a message's
# nearest neighbour scoring 0.6-0.8 mostly shares only a pattern with it ("custom template
# directory (default: %(default)s)" / "document imported members (default: %(default)s)");
# from 0.8 up they differ by a word or two ("Link to this definition" / "Link to this
# equation"), which a translator adapts. Paragraphs reworded by one or two words score 0.83
# or more in 19 cases of 20 (benchmarks/bench_memory.py). Babel and msgmerge suggest from
# 0.6, but only within one catalog.
THRESHOLD = 0.8
MIN_SHARED_WORDS = 0.5  # of the English's distinct words, for a near candidate
MAX_SCORED = 64  # near candidates scored with difflib per look-up, most shared words first
BOUND_SLACK = 1e-9  # RapidFuzz's float score may round below the exact fraction

KIND_ORDER = {"live": 0, "obsolete": 1, "compendium": 2}
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Source:
    """One remembered translation and where it was found."""

    translation: str
    catalog: str  # the catalog's path under LC_MESSAGES, or the compendium's file name
    kind: str  # "live", "obsolete" (an obsolete #~ entry) or "compendium"
    fuzzy: bool

    def describe(self) -> str:
        notes = [note for note, on in (("obsolete entry", self.kind == "obsolete"), ("fuzzy", self.fuzzy)) if on]
        return self.catalog + (f" ({', '.join(notes)})" if notes else "")


@dataclass(frozen=True)
class Suggestion:
    """What memory offers for an English text."""

    english: str  # the remembered English the translation belongs to
    source: Source  # the translation chosen (see Memory.choose)
    similarity: float  # 1.0 for the same English
    others: tuple[Source, ...] = ()  # other translations of that English, one per translation

    @property
    def exact(self) -> bool:
        """Safe to use as a translation: the same English, one reviewed translation of it."""
        return self.similarity == 1.0 and not self.source.fuzzy and not self.others

    def note(self) -> str:
        """Where the translation came from, and why it is fuzzy when it is."""
        text = self.source.describe()
        if self.similarity < 1.0:
            text += f", {math.floor(self.similarity * 100)}% similar"
        if self.others:
            also = "; ".join(other.describe() for other in self.others)
            text += f"; {len(self.others) + 1} translations remembered, also {also}"
        return text


Remembered = tuple[str, str, bool, bool]  # msgid, msgstr, fuzzy, obsolete


def remembered(catalog: pofile.Catalog) -> list[Remembered]:
    """The entries of *catalog* memory keeps: translated (fuzzy or not, live or obsolete),
    without a context or plural forms (page catalogs have none)."""
    return [
        (entry.msgid, entry.msgstr[0], entry.fuzzy, entry.obsolete)
        for entry in catalog.entries
        if entry.msgctxt is None and entry.msgid_plural is None and entry.msgid and entry.msgstr[0]
    ]


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD_RE.findall(text.lower()))


def similarity(a: str, b: str) -> float:
    """difflib's ratio of two English texts (no junk heuristic, as Babel's matcher)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class Memory:
    """The translations of one language, by English text."""

    threshold: float = THRESHOLD
    _sources: dict[str, list[Source]] = field(default_factory=dict)
    _keys: list[str] = field(default_factory=list)
    _postings: dict[str, list[int]] | None = None
    _by_length: list[int] = field(default_factory=list)  # position -> index in _keys, shortest first
    _lengths: list[int] = field(default_factory=list)  # position -> length of that English

    def __len__(self) -> int:
        return len(self._sources)

    def add(self, english: str, source: Source) -> None:
        if english not in self._sources:
            self._sources[english] = []
            self._keys.append(english)
            self._postings = None
        self._sources[english].append(source)

    def add_entries(self, entries: Iterable[Remembered], name: str, kind: str = "live") -> None:
        """Remember the entries of one catalog (see :func:`remembered`)."""
        for msgid, msgstr, fuzzy, obsolete in entries:
            self.add(msgid, Source(msgstr, name, "obsolete" if obsolete and kind == "live" else kind, fuzzy))

    def lookup(self, english: str) -> Suggestion | None:
        """The same English if remembered, else the most similar one above the threshold."""
        if english in self._sources:
            return self.choose(english, 1.0)
        return self.near(english)

    def choose(self, english: str, score: float) -> Suggestion:
        """The translation memory offers for a remembered English text, chosen deterministically.

        Reviewed (not fuzzy) translations first; then live entries before obsolete ones
        before the compendium; then the translation found most often; then the first
        catalog by path. The other reviewed translations are listed with it.
        """
        sources = self._sources[english]
        reviewed = [s for s in sources if not s.fuzzy]
        pool = reviewed or sources
        uses = Counter(s.translation for s in pool)
        ranked = sorted(pool, key=lambda s: (KIND_ORDER[s.kind], -uses[s.translation], s.catalog))
        best = ranked[0]
        others: dict[str, Source] = {}
        for source in ranked:
            if source.translation != best.translation and not source.fuzzy:
                others.setdefault(source.translation, source)
        return Suggestion(english, best, score, tuple(others.values()))

    def near(self, english: str) -> Suggestion | None:
        """The most similar remembered English (ratio at least the threshold), or ``None``."""
        query = words(english)
        if not query:
            return None
        postings = self._index()
        need = math.ceil(len(query) * MIN_SHARED_WORDS)
        size = len(english)
        low, high = size * self.threshold / (2 - self.threshold), size * (2 - self.threshold) / self.threshold
        first, last = bisect_left(self._lengths, low), bisect_right(self._lengths, high)  # positions by length
        shared_words: Counter[int] = Counter()
        for word in query:  # counted in C: the words each remembered English of a fitting length shares
            found = postings.get(word)
            if found:
                shared_words.update(found[bisect_left(found, first) : bisect_left(found, last)])
        by_length = self._by_length
        shared = [(-common, self._keys[by_length[p]]) for p, common in shared_words.items() if common >= need]
        shared.sort()
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(english)
        best: tuple[tuple[Any, ...], Suggestion] | None = None
        for _, key in shared[:MAX_SCORED]:
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() < self.threshold or bound(key, english) < self.threshold - BOUND_SLACK:
                continue  # the ratio cannot reach the threshold
            score = matcher.ratio()
            if score < self.threshold:
                continue
            suggestion = self.choose(key, score)
            rank = (-score, suggestion.source.fuzzy, KIND_ORDER[suggestion.source.kind], key)
            if best is None or rank < best[0]:
                best = (rank, suggestion)
        return best[1] if best else None

    def _index(self) -> dict[str, list[int]]:
        """Word -> positions of the remembered English texts holding it, positions counted in order of
        length (built once, before worker processes fork)."""
        if self._postings is None:
            self._by_length = sorted(range(len(self._keys)), key=lambda index: len(self._keys[index]))
            self._lengths = [len(self._keys[index]) for index in self._by_length]
            postings: dict[str, list[int]] = {}
            for position, index in enumerate(self._by_length):
                for word in words(self._keys[index]):
                    postings.setdefault(word, []).append(position)
            self._postings = postings
        return self._postings

    def prepare(self) -> None:
        """Build the index now (the parent builds it once; forked workers share it)."""
        self._index()
