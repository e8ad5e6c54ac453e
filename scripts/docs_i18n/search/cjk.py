"""CJK search analyser: character bigrams of Han, Katakana and Hangul runs (Japanese, Chinese).

Japanese and Chinese are written without spaces, so a reader types several words as
one (``ログ記録``, ``成本追踪``). No word list is needed when the index and the query
are cut the same way: as Lucene's CJK analyser does, every run of CJK letters becomes
its overlapping character bigrams (``仮想キー`` -> ``仮想`` ``想キ`` ``キー``), a run of
one letter stays as it is. Sphinx's search requires every term of the query in a page,
so a query is found where its letters occur in that order.

- :func:`split`: NFKC (full-width Latin and digits, half-width Katakana), then the
  words Sphinx would find (``\\w+``; numbers left out), each cut into runs: CJK letters (:data:`RANGES`,
  with the long-vowel mark ``ー``), Hiragana, anything else. A CJK run gives its
  bigrams; a Hiragana run is dropped (in Japanese prose it is particles and
  inflections: ``仮想キーを作成`` -> ``仮想`` ``想キ`` ``キー`` ``作成``, which also matches
  ``仮想キーの作成``); any other run is a word (``APIキー`` -> ``API`` ``キー``).
- :func:`stem`: lower case. No stemming and no stop words.

The browser does the same (``sphinx_ext/static/search_cjk.js``, its character classes
filled from :func:`rules`); ``tests/test_search_cjk.py`` compares both with node.

The same :class:`Analyser` with other :class:`Rules` serves Thai (:data:`THAI`: bigrams
of Thai runs, its vowel and tone marks kept in words), Hindi (:data:`DEVANAGARI`: no
bigrams, Devanagari's combining marks kept in words) and Arabic and Persian
(:data:`ARABIC`: no bigrams, harakat, hamza above and tatweel removed).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Letters cut into bigrams (inclusive code point ranges): Han with its iteration and
# closing marks, Katakana with the long-vowel mark (not the middle dot U+30FB, a
# separator), Hangul syllables.
RANGES: tuple[tuple[int, int], ...] = (
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3021, 0x3029),  # Hangzhou numerals
    (0x3038, 0x303B),
    (0x30A1, 0x30FA),  # Katakana
    (0x30FC, 0x30FF),  # ー and the Katakana iteration marks
    (0x31F0, 0x31FF),  # small Katakana for Ainu
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3134F),  # CJK extensions B to G
)
# Hiragana (particles and inflections in Japanese prose): a separator.
KANA_RANGES: tuple[tuple[int, int], ...] = ((0x3041, 0x309F),)

# Thai: letters, vowels, tone marks, ๆ (not the digits, ฿ or the punctuation ๏ ๚ ๛).
THAI_RANGES: tuple[tuple[int, int], ...] = ((0x0E01, 0x0E3A), (0x0E40, 0x0E4E))
# Thai's combining vowels and tone marks: part of a word (``\w`` alone would cut คีย์ into ค ย).
THAI_MARKS: tuple[tuple[int, int], ...] = ((0x0E31, 0x0E31), (0x0E34, 0x0E3A), (0x0E47, 0x0E4E))


@dataclass(frozen=True)
class Rules:
    """What one analyser cuts: runs cut into bigrams, runs dropped, marks that belong to words."""

    bigram: tuple[tuple[int, int], ...]
    dropped: tuple[tuple[int, int], ...] = ()
    marks: tuple[tuple[int, int], ...] = ()
    ignored: tuple[tuple[int, int], ...] = ()  # removed before cutting (Arabic's harakat)

    def as_json(self) -> dict[str, Any]:
        """The rules for the browser's analyser (the same code point ranges)."""
        return {
            "cjk": [list(r) for r in self.bigram],
            "kana": [list(r) for r in self.dropped],
            "marks": [list(r) for r in self.marks],
            "ignored": [list(r) for r in self.ignored],
        }


def mark_ranges(lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    """The combining marks (``M*``) of the block ``lo``..``hi``, as inclusive ranges."""
    marks = [c for c in range(lo, hi + 1) if unicodedata.category(chr(c)).startswith("M")]
    out: list[tuple[int, int]] = []
    for c in marks:
        if out and out[-1][1] == c - 1:
            out[-1] = (out[-1][0], c)
        else:
            out.append((c, c))
    return tuple(out)


CJK_RULES = Rules(RANGES, KANA_RANGES)
THAI_RULES = Rules(THAI_RANGES, marks=THAI_MARKS)
# Devanagari: spaced words, no bigrams; its vowel signs and virama belong to the word
# (``\w`` alone cuts कुंजी into क ज)
DEVANAGARI_RULES = Rules((), marks=mark_ranges(0x0900, 0x097F))
# Arabic script (Arabic, Persian): the harakat (fathatan to sukun), hamza above and the
# tatweel removed, as Lucene's Arabic normaliser does: readers type words without them,
# and ``\w`` alone cuts a word at a mark (تتبّع -> تتب ع)
ARABIC_RULES = Rules((), ignored=((0x0640, 0x0640), (0x064B, 0x0652), (0x0654, 0x0654)))


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges)


def _is_number(word: str) -> bool:
    """Decimal digits of any script (Sphinx leaves numbers out of the index and the query)."""
    return all(unicodedata.category(char) == "Nd" for char in word)


def bigrams(run: str) -> list[str]:
    """The overlapping character bigrams of a CJK run (a run of one letter as it is)."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


class Analyser:
    """Splits text by one set of :class:`Rules`."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        marks = _char_class(rules.marks)
        ignored = _char_class(rules.ignored)
        self._ignored = re.compile(f"[{ignored}]") if ignored else None
        self._word = re.compile(rf"(?:\w|[{marks}])+" if marks else r"\w+")
        cut, drop = _char_class(rules.bigram), _char_class(rules.dropped)
        cutting = f"([{cut}]+)" if cut else "((?!))"
        dropped = f"([{drop}]+)" if drop else "((?!))"
        other = f"([^{cut}{drop}]+)" if cut or drop else r"([\s\S]+)"
        self._run = re.compile(f"{cutting}|{dropped}|{other}")

    def groups(self, text: str) -> list[tuple[bool, list[str]]]:
        """The words of *text* by run, in order: ``(is_cut, words)`` (a run's bigrams, or one word)."""
        out: list[tuple[bool, list[str]]] = []
        text = unicodedata.normalize("NFKC", text)
        if self._ignored:
            text = self._ignored.sub("", text)
        for token in self._word.findall(text):
            for cut, _dropped, other in self._run.findall(token):
                if cut:
                    out.append((True, bigrams(cut)))
                elif other and not _is_number(other):
                    out.append((False, [other]))
        return out

    def split(self, text: str) -> list[str]:
        """The index words of *text*: runs cut into bigrams, dropped runs left out, other words as they are."""
        return [word for _, words in self.groups(text) for word in words]


CJK = Analyser(CJK_RULES)
THAI = Analyser(THAI_RULES)
DEVANAGARI = Analyser(DEVANAGARI_RULES)
ARABIC = Analyser(ARABIC_RULES)


def rules() -> dict[str, Any]:
    """The data the browser's CJK analyser needs (the same code point ranges)."""
    return CJK_RULES.as_json()


def groups(text: str) -> list[tuple[bool, list[str]]]:
    """The words of *text* by run, in order: ``(is_cjk, words)`` (a CJK run's bigrams, or one word)."""
    return CJK.groups(text)


def split(text: str) -> list[str]:
    """The index words of *text*: CJK runs as bigrams, Hiragana dropped, other words as they are."""
    return CJK.split(text)


def stem(word: str) -> str:
    """The search term of one word from :func:`split`: lower case."""
    return word.lower()


def analyse(text: str) -> list[str]:
    """The terms of *text*, in order (what the index holds)."""
    return [stem(word) for word in split(text)]


def analyse_thai(text: str) -> list[str]:
    """The terms of Thai *text*, in order (what the Thai index holds)."""
    return [stem(word) for word in THAI.split(text)]
