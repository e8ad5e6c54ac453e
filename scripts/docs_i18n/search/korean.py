"""Korean search analyser: split text into words and strip particles and endings.

Korean attaches particles (조사) to nouns and endings (어미) to verb and adjective
stems, so one noun appears as ``비용``, ``비용을``, ``비용과``... A reader types the
bare noun or stem. This module reduces every word to that stem, with rules the
browser applies identically: ``sphinx_ext/static/search_ko.js`` implements the same
algorithm over the same data (:func:`rules`), and ``tests/test_search_ko.py``
checks that both give the same output with node.

- :func:`split`: NFC, then the words Sphinx would find (``\\w+``), each cut where
  Hangul meets other letters or digits (``LiteLLM을`` -> ``LiteLLM`` ``을``); a
  Hangul run glued to a Latin or digit run that is only particles and endings is
  dropped (``을``), any other is kept (``API키`` -> ``API`` ``키``).
- :func:`stem`: lower case; a word of Hangul syllables loses its longest known
  suffix (a particle or an ending, at least one syllable always stays) until none
  is left (``한도가`` -> ``한도``, ``구성합니다`` -> ``구성``, ``읽습니다`` -> ``읽``);
  stopping early at a word of :data:`KEEP` (nouns that merely end like a
  particle: ``한도``, ``경로``). Doing it until nothing changes makes the stem of a
  stem the stem itself, so a query typed as the bare form finds every inflected
  form. Latin words and digits are returned as they are (lower case): no English
  stemming and no stop words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

# Particles (조사) and their usual combinations, as attached to a noun.
PARTICLES = (
    "이", "가", "을", "를", "은", "는", "의", "에", "와", "과", "도", "만", "로", "으로", "나", "이나",
    "며", "이며", "든", "이든", "든지", "이든지", "랑", "이랑", "께", "들",
    "에서", "에게", "한테", "부터", "까지", "마다", "처럼", "보다", "라도", "이라도", "밖에", "조차",
    "마저", "뿐", "대로", "만큼", "께서", "에게서", "에서부터",
    "에는", "에도", "에서는", "에서도", "에서의", "에서든", "에의", "으로는", "로는", "으로도", "로도",
    "으로의", "로의", "으로서", "로서", "으로써", "로써", "와는", "과는", "와의", "과의", "와도", "과도",
    "에게는", "에게도", "까지는", "까지도", "부터는", "보다는", "만으로", "만을", "만이", "만의",
    "라는", "이라는", "라고", "이라고", "란", "이란",
    # the copula 이다 attached to a noun
    "이다", "입니다", "입니까", "이에요", "예요", "이고", "이지만", "이면", "이므로", "이어야",
    "이었다", "였다", "이었습니다", "였습니다", "이거나",
)  # fmt: skip

# Endings (어미) of verbs and adjectives, with the 하다/되다 forms of Sino-Korean nouns.
ENDINGS = (
    # 하다 (구성하다, 사용하다)
    "하다", "합니다", "합니까", "합시다", "하세요", "하십시오", "하시오", "해요", "해", "해서", "해야",
    "했다", "했습니다", "했던", "하는", "하여", "하고", "하면", "하지", "하지만", "하기", "하려면",
    "하려는", "하려고", "할", "한", "함", "하며", "하도록", "하거나", "하든", "하므로", "하는데", "하던",
    "하게", "하는지", "할지", "한다", "하여야", "하십니다", "하시면", "하시는",
    # 되다 (실행되다, 연결되다)
    "되다", "됩니다", "됩니까", "되는", "된", "될", "됨", "되어", "돼", "돼요", "되며", "되고", "되면",
    "되지", "되기", "되었다", "되었습니다", "됐다", "됐습니다", "되도록", "되므로", "되어야", "되는지",
    "된다", "되거나", "되지만", "되던",
    # endings after any stem
    "다", "습니다", "습니까", "는다", "고", "으며", "면", "으면", "어서", "아서", "여서", "어요", "아요",
    "여요", "었다", "았다", "었습니다", "았습니다", "지만", "게", "기", "음", "려면", "으려면", "려는",
    "으려는", "려고", "으려고", "도록", "는지", "은지", "을지", "세요", "으세요", "십시오", "으십시오",
    "시오", "으시오", "거나", "던", "었던", "았던", "어야", "아야", "는데", "은데", "므로", "으므로",
    "어도", "아도", "지요", "죠", "네요",
)  # fmt: skip

# Endings that begin with a final consonant fused into the stem's last syllable:
# 다룹니다 = 다루 + ㅂ니다, 바꾼다 = 바꾸 + ㄴ다. Key: the ending without its
# consonant; value: the final consonant's index (ㄴ 4, ㅂ 17; see FINALS).
FUSED_ENDINGS = {"니다": 17, "니까": 17, "시다": 17, "다": 4}

# Nouns that only look inflected: stripping stops at them.
KEEP = frozenset(
    (
        "한도", "정도", "속도", "온도", "용도", "빈도", "강도", "경로", "결과", "효과", "초과", "정의",
        "회의", "주의", "동의", "문의", "합의", "추가", "평가", "증가", "단가", "참고", "경고", "최고",
        "광고", "화면", "측면", "다음", "처음", "여기", "크기", "초기", "주기", "동기", "비동기", "전기",
        "하나", "차이", "사이", "길이", "높이", "게이트웨이", "필요", "중요", "개요", "이하", "지하",
        "가이드", "코드", "모드", "노드", "필드", "빌드", "로드", "다운로드", "업로드", "대시보드",
        "사용자", "관리자", "공급자", "제공자", "제한", "권한", "기한", "대기", "미만", "시도", "재시도",
        "바로가기",
    )
)  # fmt: skip

SYLLABLE_FIRST, SYLLABLE_LAST = 0xAC00, 0xD7A3
FINALS = 28  # 27 final consonants + none, per syllable block
_HANGUL = re.compile("^[\uac00-\ud7a3]+$")
_WORD = re.compile(r"\w+")
_RUN = re.compile("[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+")
_SUFFIXES = tuple(sorted(set(PARTICLES) | set(ENDINGS), key=lambda s: (-len(s), s)))


def rules() -> dict[str, Any]:
    """The rule data, as the JavaScript analyser reads it (JSON)."""
    return {
        "suffixes": list(_SUFFIXES),
        "fused": FUSED_ENDINGS,
        "keep": sorted(KEEP),
        "finals": FINALS,
    }


def is_hangul(word: str) -> bool:
    """True when *word* is made of Hangul syllables only."""
    return bool(_HANGUL.match(word))


def _final(syllable: str) -> int:
    return (ord(syllable) - SYLLABLE_FIRST) % FINALS


# Stripping reads only the end of a word, so a step costs the same on a word of any length
# and a whole word costs time in proportion to its length (not its length times the
# suffixes removed, as copying the word at each step would). A step reads a bounded tail:
# enough letters for the longest suffix, and, while the word is short enough for its
# remainder to be a KEEP noun, the whole word.
_SUFFIX_SET = frozenset(_SUFFIXES)
_LONGEST_SUFFIX = max(map(len, _SUFFIXES))
_LONGEST_KEEP = max(map(len, KEEP))


@functools.lru_cache(maxsize=1 << 14)
def _step(tail: str, min_len: int) -> tuple[int, str] | None:
    """One step on a word ending in *tail*: ``(letters removed, new last letter or "")``, or ``None``.

    *tail* is the whole word when it has at most ``_LONGEST_SUFFIX + max(_LONGEST_KEEP, min_len)``
    letters, else at least one letter more than that (then no remainder is a KEEP noun or too
    short). The longest suffix wins, keeping *min_len* letters; a fused ending weighs half a
    letter more than its letters (it also takes the final consonant), so ``니다`` after ``룹``
    beats ``다``; a remainder in KEEP wins over any other.
    """
    length = len(tail)
    whole = length <= _LONGEST_SUFFIX + max(_LONGEST_KEEP, min_len)
    candidates = [
        (float(size), size, "") for size in range(min(_LONGEST_SUFFIX, length), 0, -1) if tail[-size:] in _SUFFIX_SET
    ]
    for ending, final in FUSED_ENDINGS.items():
        size = len(ending)
        if length > size and tail.endswith(ending) and _final(tail[-size - 1]) == final:
            candidates.append((size + 0.5, size, chr(ord(tail[-size - 1]) - final)))
    best, best_weight, kept, kept_weight = None, 0.0, None, 0.0
    for weight, size, last in candidates:
        rest = length - size
        if rest < min_len:
            continue
        if weight > best_weight:
            best, best_weight = (size, last), weight
        if whole and rest <= _LONGEST_KEEP and weight > kept_weight and _prefix(tail, rest, last) in KEEP:
            kept, kept_weight = (size, last), weight
    return kept if kept is not None else best


def _prefix(word: str, length: int, last: str) -> str:
    """The first *length* letters of *word*, the last one replaced by *last* when given."""
    return word[: length - 1] + last if last else word[:length]


def strip(word: str, min_len: int = 1) -> str:
    """Strip suffixes from a Hangul *word* until none is left (or a KEEP noun).

    Time is linear in the word's length: the word is never copied before the end.
    """
    window = _LONGEST_SUFFIX + max(_LONGEST_KEEP, min_len) + 1
    length, last = len(word), ""  # the word so far: _prefix(word, length, last)
    while True:
        start = max(0, length - window)
        tail = word[start : length - 1] + last if last else word[start:length]
        if length <= _LONGEST_KEEP and tail in KEEP:
            break
        step = _step(tail, min_len)
        if step is None:
            break
        removed, last = step
        length -= removed
    return _prefix(word, length, last)


def split(text: str) -> list[str]:
    """The words of *text*, cut between Hangul and other scripts."""
    words = []
    for token in _WORD.findall(unicodedata.normalize("NFC", text)):
        runs = _RUN.findall(token)
        for index, run in enumerate(runs):
            if index > 0 and is_hangul(run) and not strip(run, min_len=0):
                continue  # a particle glued to a Latin word: LiteLLM을
            words.append(run)
    return words


def stem(word: str) -> str:
    """The search stem of one word from :func:`split` (lower case)."""
    word = unicodedata.normalize("NFC", word).lower()
    return strip(word) if is_hangul(word) else word


def analyse(text: str) -> list[str]:
    """The stems of *text*, in order (what the index and a query hold)."""
    return [stem(word) for word in split(text)]
