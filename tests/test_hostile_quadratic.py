"""Hostile sizes: one very long message, front-matter or catalog string takes linear time.

The Korean stripper used to copy the word once per suffix it removed (a 1 MB message of
particles took minutes to build); it now reads only the end of a word. These tests tie
the rewrite to the old stripper (kept here, verbatim) on generated Hangul words, in
Python and in the JavaScript twin run with node; show that a step reads a bounded tail
whatever the word's length; and build a Korean page whose message grew by 1 MB. The
directive expression, rewritten not to backtrack, is tied to its old form the same way.
Speed itself is measured by ``benchmarks/bench_hostile.py`` (``make bench``), not here.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st
from test_search_ko import need

from benchmarks import search_eval, synthetic
from benchmarks.bench_hostile import GROWN_CATALOG, grow_message
from conftest import sphinx_build
from docs_i18n.checks import markup
from docs_i18n.core import frontmatter, pofile
from docs_i18n.search import korean
from docs_i18n.sphinx_ext.search_korean import SearchKorean

# -- The stripper before the rewrite, verbatim: the reference ------------------------------


def old_strip_once(word: str, min_len: int) -> str:
    best, best_weight, kept, kept_weight = word, 0.0, None, 0.0
    candidates = [(float(len(s)), word[: len(word) - len(s)]) for s in korean._SUFFIXES if word.endswith(s)]
    for ending, final in korean.FUSED_ENDINGS.items():
        rest = word[: len(word) - len(ending)]
        if word.endswith(ending) and rest and korean._final(rest[-1]) == final:
            candidates.append((len(ending) + 0.5, rest[:-1] + chr(ord(rest[-1]) - final)))
    for weight, rest in candidates:
        if len(rest) < min_len:
            continue
        if weight > best_weight:
            best, best_weight = rest, weight
        if rest in korean.KEEP and weight > kept_weight:
            kept, kept_weight = rest, weight
    return kept if kept is not None else best


def old_strip(word: str, min_len: int = 1) -> str:
    while word not in korean.KEEP:
        shorter = old_strip_once(word, min_len)
        if shorter == word:
            break
        word = shorter
    return word


# Pieces of real-world words: every suffix, every KEEP noun, stems (fused endings need the
# final consonant: 룹 = 루 + ㅂ, 꾼 = 꾸 + ㄴ), and random syllables.
_RNG = random.Random(12)
PIECES = sorted(
    {*korean._SUFFIXES, *korean.KEEP, *synthetic.KOREAN_STEMS, "다", "룹", "꾼", "씁", "한", "할", "됩", "합", "니"}
) + [chr(_RNG.randint(synthetic.HANGUL_FIRST, synthetic.HANGUL_LAST)) for _ in range(40)]
hangul_words = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(word=hangul_words, min_len=st.sampled_from([0, 1, 2]))
def test_linear_stripper_gives_the_old_stripper_s_results(word: str, min_len: int) -> None:
    assert korean.strip(word, min_len) == old_strip(word, min_len)


def generated_words(count: int, seed: int = 5) -> list[str]:
    """Words of 1-12 pieces, and some long runs of particles and endings."""
    rng = random.Random(seed)
    words = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]
    suffixes = list(korean._SUFFIXES)
    for _ in range(20):
        stem = rng.choice(sorted(korean.KEEP) + synthetic.KOREAN_STEMS)
        words.append(stem + "".join(rng.choice(suffixes) for _ in range(rng.randint(50, 400))))
    return words


STRIP_JS = r"""
const vm = require("vm");
const [code, words] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const page = {};
vm.createContext(page);
vm.runInContext(code + "\nthis.KoreanAnalyser = KoreanAnalyser;", page);
const out = words.map((word) => [0, 1, 2].map((minLen) => page.KoreanAnalyser.strip(word, minLen)));
process.stdout.write(JSON.stringify(out));
"""


def js_strip(words: list[str]) -> list[list[str]]:
    """``KoreanAnalyser.strip(word, 0|1|2)`` of the page's own analyser, run with node."""
    try:
        node = search_eval.node_binary()
    except search_eval.NodeError as exc:
        need(str(exc))
    proc = subprocess.run(
        [node, "-e", STRIP_JS],
        input=json.dumps([SearchKorean.js_stemmer_code, words], ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_javascript_twin_gives_the_old_stripper_s_results() -> None:
    words = generated_words(6_000)
    js = js_strip(words)
    mismatches = [
        (word, min_len, old_strip(word, min_len), got[min_len])
        for word, got in zip(words, js, strict=True)
        for min_len in (0, 1, 2)
        if got[min_len] != old_strip(word, min_len)
    ]
    assert not mismatches, mismatches[:5]


def test_a_million_byte_word_strips_alike_in_python_and_javascript() -> None:
    particles = synthetic.korean_text("particles", 1_000_000)  # 비용을을을...
    endings = "다루" + "에서부터" * 80_000 + "합니다"
    assert [korean.strip(particles), korean.strip(endings)] == ["비용", "다루"]
    assert js_strip([particles, endings]) == [["비용"] * 3, ["다루"] * 3]


def test_a_step_reads_a_bounded_tail_whatever_the_word_s_length(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    step = korean._step.__wrapped__

    def recording_step(tail: str, min_len: int) -> tuple[int, str] | None:
        read.append(len(tail))
        return step(tail, min_len)

    monkeypatch.setattr(korean, "_step", recording_step)
    word = "비용" + "에서부터을" * 20_000
    assert korean.strip(word) == "비용"
    assert len(read) == 40_001  # one step per suffix removed, then one that finds none
    assert max(read) <= korean._LONGEST_SUFFIX + korean._LONGEST_KEEP + 1


def test_korean_page_with_a_million_byte_message_builds_and_is_searchable(project: Path, tmp_path: Path) -> None:
    grown = synthetic.korean_text("particles", 1_000_000)
    msgid = grow_message(project / GROWN_CATALOG, grown)
    result = sphinx_build(project, "ko", tmp_path / "html")
    assert result.code == 0, result.err
    page = (tmp_path / "html" / "ko" / "index.html").read_text(encoding="utf-8")
    assert grown in page  # the reader sees the whole message
    assert msgid not in page
    index = (tmp_path / "html" / "ko" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[len("Search.setIndex(") : -1])["terms"]
    assert "비용" in terms and not any(term.startswith("비용을") for term in terms)


# -- Expressions that no longer backtrack: same matches as before ---------------------------

OLD_DIRECTIVE_RE = re.compile(r"(?:`{3,}|~{3,}|:{3,})[ \t]*\{([^{}\s]+)\}")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["`", "```", "~~~", ":::", ":", "~", " ", "\t", "{", "}", "x", "{raw}", "\n"])))
def test_directive_expression_finds_what_it_found_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span(1) for m in markup._DIRECTIVE_RE.finditer(text)] == [
        m.span(1) for m in OLD_DIRECTIVE_RE.finditer(text)
    ]


def test_directive_expression_on_long_runs_of_fence_markers() -> None:
    for marker in "`~:":
        assert markup._DIRECTIVE_RE.findall(marker * 1_000_000 + "{raw}") == ["raw"]
    assert markup.analyse("`" * 100_000 + "{raw}").directives == {"raw": 1}


def test_page_record_of_a_line_of_a_million_blanks() -> None:
    text = "---\ntitle: a" + " \t" * 500_000 + "#\nx-i18n:\n  source_hash: " + "a" * 64 + "\n---\n"
    assert frontmatter.record_from_text(text) == "a" * 64


def test_catalog_string_of_thousands_of_lines_reads_as_babel_reads_it(tmp_path: Path) -> None:
    text = synthetic.korean_text("prose", 1_000_000)
    lines = "\n".join(f'"{text[i : i + 70]}"' for i in range(0, len(text), 70))
    po = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Costs"\nmsgstr ""\n{lines}\n'
    (tmp_path / "long.po").write_text(po, encoding="utf-8")
    with (tmp_path / "long.po").open("rb") as handle:
        babel = read_po(handle)
    [entry] = pofile.parse(po).messages()
    assert entry.msgstr == [babel["Costs"].string] == [text]
