"""Synthetic documentation trees for benchmarks."""

from __future__ import annotations

import random
import tempfile
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


class Prose:
    """English-like text from a large vocabulary: common words often, the rest by Zipf's law.

    Unlike :func:`sentence` (13 words), two sentences rarely look alike, as in real
    documentation: what translation memory's near matching needs to be measured on.
    """

    COMMON = ("the", "a", "to", "of", "and", "in", "is", "for", "with", "your", "on", "it", "you",
              "this", "that", "by", "as", "from", "or", "can", "when", "each", "not", "be")  # fmt: skip
    SYLLABLES = ("ka", "lo", "mi", "ren", "tor", "vel", "sa", "qui", "dan", "pe", "ro", "lin",
                 "bar", "zu", "te", "nov", "gra", "fen", "sil", "mar", "cos", "ple", "dri", "um")  # fmt: skip

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        self.rng = rng
        words: set[str] = set()
        while len(words) < size:
            words.add("".join(rng.choice(self.SYLLABLES) for _ in range(rng.randint(2, 3))))
        self.words = sorted(words)
        rng.shuffle(self.words)
        weights, total = [], 0.0
        for rank in range(len(self.words)):
            total += 1.0 / (rank + 20)  # Zipf, with a flatter head
            weights.append(total)
        self._cumulative = weights

    def word(self) -> str:
        """A content word (Zipf-distributed)."""
        return self.rng.choices(self.words, cum_weights=self._cumulative)[0]

    def words_of(self, count: int) -> list[str]:
        return [self.rng.choice(self.COMMON) if self.rng.random() < 0.4 else self.word() for _ in range(count)]

    def sentence(self, low: int = 8, high: int = 22) -> str:
        return " ".join(self.words_of(self.rng.randint(low, high))).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))

    def phrase(self, low: int = 3, high: int = 9) -> str:
        return " ".join(self.words_of(self.rng.randint(low, high))).capitalize()


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
            fuzzy = {1} if fuzzy_every and index % fuzzy_every == 0 else set()
            entries = [(msgid, f"[{lang}] {msgid}", number in fuzzy) for number, msgid in enumerate(msgids)]
            write_catalog(root / "locale" / lang / "LC_MESSAGES" / f"{name}.po", f"{name}.md", entries, lang, record)
    return root


def write_catalog(
    path: Path, page: str, entries: list[tuple[str, str, bool]], lang: str | None, record: str | None
) -> None:
    """A catalog of *page*'s ``(msgid, msgstr, fuzzy)`` entries, or a template when *lang* is None.

    Written directly, one line a string, in the layout gettext reads: the texts must
    need no escaping (the generators here make none that do).
    """
    lines = [f"# Synthetic catalog.\n{hash_record.record_lines(record)}\n" if record else "# Synthetic template.\n"]
    lines.append('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    if lang:
        lines.append(f'"Language: {lang}\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n')
    for number, (msgid, msgstr, fuzzy) in enumerate(entries):
        flag = "#, fuzzy\n" if fuzzy else ""
        lines.append(f'\n#: ../../source/{page}:{number + 1}\n{flag}msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")


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


OPENCLAW_LANGS = ["ar", "de", "es", "fa", "fr", "hi", "id", "it", "ja-JP", "ko",
                  "nl", "pl", "pt-BR", "ru", "th", "tr", "uk", "vi", "zh-CN", "zh-TW"]  # fmt: skip


def openclaw_tree(root: Path, pages: int = 788, langs: list[str] | None = None, seed: int = 3) -> Path:
    """A tree shaped like OpenClaw's docs: English pages of 2-35 KB (18 KB on average, as in the real tree)
    and, per language, translated pages with OpenClaw's front-matter (keys sorted, ``x-i18n``
    indented by four spaces with its usual keys); about 1 in 7 stale, 1 in 15 missing, and
    a few orphans (translated pages whose English page is gone)."""
    rng = random.Random(seed)
    langs = langs or OPENCLAW_LANGS
    for index in range(pages):
        name = f"section{index % 25:02d}/page{index:04d}.md"
        body = paragraphs(rng, rng.randint(20, 400))  # about 18 KB a page on average, as in OpenClaw's tree
        english_text = (
            f'---\nsummary: "Page {index} of the guides"\ntitle: "Page {index}"\nread_when:\n'
            f"  - You read page {index}\n  - You need {sentence(rng, 5)}\n---\n\n## Overview\n\n"
            + "\n\n".join(body)
            + "\n"
        )
        english = root / name
        english.parent.mkdir(parents=True, exist_ok=True)
        english.write_text(english_text, encoding="utf-8")
        digest = hashing.source_hash(english)
        for number, lang in enumerate(langs):
            if (index + number) % 15 == 0:
                continue  # missing
            record = hashing.hash_bytes(b"older " + english_text.encode()) if (index + number) % 7 == 0 else digest
            _write_openclaw_page(root / lang / name, lang, index, name, record, body)
    for lang in langs:
        for orphan in range(10):
            _write_openclaw_page(
                root / lang / f"old/gone{orphan}.md", lang, orphan, f"old/gone{orphan}.md", "0" * 64, []
            )
    return root


def _write_openclaw_page(path: Path, lang: str, index: int, name: str, record: str, body: list[str]) -> None:
    front = (
        f"---\nread_when:\n    - ({lang}) 페이지 {index}을 읽는 경우\n    - ({lang}) 설정이 필요한 경우\n"
        f"summary: ({lang}) 안내서의 {index}번째 페이지\ntitle: 페이지 {index}\nx-i18n:\n"
        f'    generated_at: "2026-07-12T01:07:55Z"\n    model: example-model\n'
        f"    postprocess_version: locale-links-v1\n    provider: example\n"
        f"    source_hash: {record}\n    source_path: {name}\n    workflow: 16\n---\n\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front + "## 개요\n\n" + "\n\n".join(f"[{lang}] {text}" for text in body) + "\n", encoding="utf-8")


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


def peer_cwd(cmd: list[str]) -> str | None:
    """Where to run *cmd*: sphinx-intl not from the project's folder, since it reads the conf.py of the
    working directory and the project's sets ``locale_dirs = []`` (Sphinx never compiles its catalogs),
    which sphinx-intl cannot use; the project's commands from here, as before."""
    return tempfile.gettempdir() if cmd[1:3] == ["-m", "sphinx_intl"] else None
