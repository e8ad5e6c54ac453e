"""Synthetic documentation trees for benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

from docs_i18n.core import hash_record, hashing

WORDS = [
    "model",
    "provider",
    "routing",
    "gateway",
    "key",
    "budget",
    "proxy",
    "request",
    "token",
    "cost",
    "log",
    "agent",
    "config",
]


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def paragraphs(rng: random.Random, count: int) -> list[str]:
    return [f"Step {number}: {sentence(rng)}" for number in range(count)]


def english_page(index: int, body: list[str]) -> str:
    text = "\n\n".join(body)
    return f'---\nsummary: "Page {index}"\nread_when:\n  - You read page {index}\n---\n\n# Page {index}\n\n{text}\n'


def catalog_tree(
    root: Path,
    pages: int,
    langs: list[str],
    messages: int = 40,
    seed: int = 1,
    stale_every: int = 7,
    fuzzy_every: int = 11,
) -> Path:
    """``root/source`` with *pages* pages and ``root/locale/<lang>`` catalogs of *messages* each.

    Most catalogs are current; every 7th is stale, every 11th has a fuzzy message
    (*stale_every* and *fuzzy_every*; 0 for complete, current catalogs).
    """
    rng = random.Random(seed)
    for index in range(pages):
        name = f"section{index % 20:02d}/page{index:04d}"
        body = paragraphs(rng, messages - 3)
        text = english_page(index, body)
        english = root / "source" / f"{name}.md"
        english.parent.mkdir(parents=True, exist_ok=True)
        english.write_text(text, encoding="utf-8")
        digest = hashing.source_hash(english)
        msgids = [f"Page {index}", *body, f"You read page {index}"]
        for lang in langs:
            record = "0" * 64 if stale_every and index % stale_every == 0 else digest
            entries = []
            for number, msgid in enumerate(msgids):
                flag = "#, fuzzy\n" if fuzzy_every and index % fuzzy_every == 0 and number == 1 else ""
                entries.append(
                    f'#: ../../source/{name}.md:{number + 1}\n{flag}msgid "{msgid}"\nmsgstr "[{lang}] {msgid}"\n'
                )
            header = (
                f"# Synthetic catalog.\n{hash_record.record_lines(record)}\n"
                'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                f'"Language: {lang}\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
            )
            po = root / "locale" / lang / "LC_MESSAGES" / f"{name}.po"
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(header + "\n".join(entries), encoding="utf-8")
    return root


def markdown_tree(root: Path, pages: int, langs: list[str], seed: int = 2) -> Path:
    """English pages under *root* and a translated page per language (``root/<lang>/...``)."""
    rng = random.Random(seed)
    for index in range(pages):
        name = f"section{index % 20:02d}/page{index:04d}.md"
        text = english_page(index, paragraphs(rng, 20))
        english = root / name
        english.parent.mkdir(parents=True, exist_ok=True)
        english.write_text(text, encoding="utf-8")
        digest = hashing.source_hash(english)
        for lang in langs:
            record = hashing.hash_bytes(b"older " + text.encode()) if index % 7 == 0 else digest
            translated = text.replace("---\n\n", f"x-i18n:\n  source_hash: {record}\n---\n\n", 1)
            path = root / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(translated.replace("Page", f"[{lang}] Page"), encoding="utf-8")
    return root


# -- One very long Korean message (hostile sizes) ------------------------------------------

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
KOREAN_STEMS = ["비용", "모델", "게이트웨이", "제공자", "구성", "라우팅", "키", "한도", "경로", "요청", "다루", "읽"]
KOREAN_SUFFIXES = ["", "을", "는", "에서", "에서부터", "입니다", "합니다", "하는", "으로", "의", "됩니다", "니다"]


def _syllable(rng: random.Random) -> str:
    return chr(rng.randint(HANGUL_FIRST, HANGUL_LAST))


def korean_text(shape: str, size: int, seed: int = 3) -> str:
    """About *size* bytes (UTF-8) of Korean text of one *shape*, for one message.

    ``particles``: one word, a noun followed by particles only (``비용을을을...``), the
    stripper's worst case; ``prose``: words of a stem, a random syllable and a particle
    or ending, nearly all distinct; ``syllables``: one run of random syllables.
    """
    rng = random.Random(seed)
    letters = max(1, size // 3)  # a syllable is three bytes
    if shape == "particles":
        return "비용" + "을" * (letters - 2)
    if shape == "syllables":
        return "".join(_syllable(rng) for _ in range(letters))
    if shape == "prose":
        words, total = [], 0
        while total < size:
            word = rng.choice(KOREAN_STEMS) + _syllable(rng) + rng.choice(KOREAN_SUFFIXES)
            words.append(word)
            total += len(word.encode("utf-8")) + 1
        return " ".join(words)
    raise ValueError(f"unknown shape {shape!r}")


KOREAN_SHAPES = ("particles", "prose", "syllables")
