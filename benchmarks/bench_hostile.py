"""Benchmark hostile input sizes: one 1 MB Korean message, and each reader and check on long inputs.

Measured in one run:

1. Build: the Korean site of a copy of the project in which one paragraph's
   translation has grown by about 1 MB (``--size``) of Korean text, for each shape of
   :func:`benchmarks.synthetic.korean_text` (``particles``: one noun followed by particles
   only, the stripper's worst case; ``prose``: nearly all words distinct; ``syllables``:
   one run of random syllables), built with the project's Korean search analyser and
   without it (``-D i18n_korean_search=0``: Sphinx's own splitter and stemmer).
   Target: with the analyser at most 1.5x the build without it.
2. Linear time: each reader and check of the package on a hostile input of N bytes and
   of 4N bytes (``--linear-size``; best of ``--repeat`` runs each). Linear time gives
   4x, quadratic 16x. Target: at most 6x. (A message made of many ``:`` or ``{`` is
   left out: MyST's own role rule is quadratic on it, see docs/performance.md.)

Usage: ``python -m benchmarks.bench_hostile [--size BYTES] [--linear-size BYTES] [--repeat N] [--no-build]``.
Exit codes: 0 measured (targets are reported, not enforced); 2 a build failed or bad arguments.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import synthetic
from benchmarks.bench_search_ko import build, copy_project
from docs_i18n.checks.rules import compare
from docs_i18n.core import frontmatter, hash_record, pofile
from docs_i18n.search import korean

BUILD_TARGET = 1.5
LINEAR_TARGET = 6.0
GROWN_CATALOG = Path("locale") / "ko" / "LC_MESSAGES" / "index.po"
_MARKUP = frozenset("`*_[]{}<>$%:|\\")


def grow_message(catalog: Path, text: str) -> str:
    """Put *text* before the translation of the catalog's first long plain paragraph; return its msgid."""
    source = catalog.read_text(encoding="utf-8")
    parsed = pofile.parse(source, catalog)
    entry = next(
        e
        for e in parsed.messages()
        if e.state == "translated" and len(e.msgid) > 80 and not _MARKUP.intersection(e.msgid)
    )
    lines = source.split("\n")
    at = next(i for i in range(entry.line, len(lines)) if lines[i].startswith("msgstr"))
    lines.insert(at + 1, f'"{text} "')
    catalog.write_text("\n".join(lines), encoding="utf-8")
    return entry.msgid


def bench_build(size: int, repeat: int) -> list[str]:
    """Build times with and without the Korean analyser, per shape of the grown message."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for shape in synthetic.KOREAN_SHAPES:
            project = copy_project(Path(tmp) / shape / "project")
            grow_message(project / GROWN_CATALOG, synthetic.korean_text(shape, size))
            times = {}
            for name, defines in (("without", ["i18n_korean_search=0"]), ("with", [])):
                print(f"building {shape}, {name} the Korean analyser...", file=sys.stderr, flush=True)
                out = Path(tmp) / shape / name
                times[name] = statistics.median(build(project, out, defines) for _ in range(repeat))
            ratio = times["with"] / times["without"]
            verdict = "ok" if ratio <= BUILD_TARGET else "over target"
            rows.append(f"| {shape} | {times['without']:.2f} s | {times['with']:.2f} s | {ratio:.2f}x ({verdict}) |")
    return [
        f"Korean build with one message grown by {size:,} bytes; target: with the analyser"
        f" at most {BUILD_TARGET}x the build without it.",
        "",
        "| message shape | without the analyser | with the analyser | ratio |",
        "| --- | ---: | ---: | ---: |",
        *rows,
    ]


def _catalog(msgstr: str) -> str:
    """A catalog whose one message has *msgstr*, wrapped in lines of 70 letters as gettext tools do."""
    lines = "\n".join(f'"{msgstr[i : i + 70]}"' for i in range(0, len(msgstr), 70))
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return f'# x-i18n-source-hash:\n# {"0" * 64}\n{header}msgid "Costs"\nmsgstr ""\n{lines}\n'


def _page(body: str) -> str:
    return f"---\ntitle: Page\nx-i18n:\n  source_hash: {'0' * 64}\n---\n\n{body}\n"


NEW_HASH = "1" * 64


@dataclass(frozen=True)
class Case:
    """One reader or check on one shape of input."""

    what: str
    shape: str
    make: Callable[[int], str]  # an input of about n bytes
    call: Callable[[str], object]


def _korean(shape: str) -> Callable[[int], str]:
    return functools.partial(synthetic.korean_text, shape)


def _analyse(text: str) -> object:
    """The Korean analyser from a cold start: its step cache emptied, so that each run
    measures the same work (a warm cache would favour the smaller input)."""
    korean._step.cache_clear()
    return korean.analyse(text)


def _check(text: str) -> object:
    return compare("Costs", text)


CASES = [
    *[Case("Korean search analyser", shape, _korean(shape), _analyse) for shape in synthetic.KOREAN_SHAPES],
    Case("catalog reader", "one long msgstr", lambda n: _catalog(synthetic.korean_text("prose", n)), pofile.parse),
    Case("catalog statistics", "one long msgstr", lambda n: _catalog(synthetic.korean_text("prose", n)), pofile.stats),
    Case(
        "catalog record write",
        "one long msgstr",
        lambda n: _catalog("x" * n),
        lambda text: hash_record.with_record(text, NEW_HASH),
    ),
    Case("translation checks", "Korean prose", _korean("prose"), _check),
    Case("translation checks", "run of backticks", lambda n: "`" * n, _check),
    Case(
        "page record (fast path)",
        "trailing blanks",
        lambda n: f"---\ntitle: a{' ' * n}#\n---\n",
        frontmatter.record_from_text,
    ),
    Case(
        "page record (fast path)",
        "many fields",
        lambda n: "---\n" + "key: value\n" * (n // 11) + "---\n",
        frontmatter.record_from_text,
    ),
    Case(
        "page record write",
        "long body",
        lambda n: _page("비용을 " * (n // 10)),
        lambda text: frontmatter.with_source_hash(text, NEW_HASH),
    ),
]


def best_time(repeat: int, action: Callable[[], object]) -> float:
    """Fastest of *repeat* runs (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_linear(size: int, repeat: int) -> list[str]:
    """Time of each case at *size* and 4 x *size* bytes."""
    rows = []
    for case in CASES:
        print(f"timing {case.what} on {case.shape}...", file=sys.stderr, flush=True)
        small_time = best_time(repeat, functools.partial(case.call, case.make(size)))
        large_time = best_time(repeat, functools.partial(case.call, case.make(4 * size)))
        ratio = large_time / max(small_time, 1e-9)
        verdict = "ok" if ratio <= LINEAR_TARGET else "over target"
        rows.append(
            f"| {case.what} | {case.shape} | {small_time * 1000:.1f} ms | {large_time * 1000:.1f} ms"
            f" | {ratio:.1f}x ({verdict}) |"
        )
    return [
        f"Readers and checks on N = {size:,} and 4N bytes (best of {repeat}); linear time gives 4x,"
        f" quadratic 16x; target: at most {LINEAR_TARGET:g}x.",
        "",
        "| reader or check | input | N | 4N | 4N / N |",
        "| --- | --- | ---: | ---: | ---: |",
        *rows,
    ]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_hostile",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes added to one Korean message (1 MB)")
    parser.add_argument("--linear-size", type=int, default=128_000, help="N of the linear-time table (128 KB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (default: 3; builds: median)")
    parser.add_argument("--no-build", action="store_true", help="only the linear-time table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the report: 0 measured; 2 a build failed or bad arguments."""
    args = build_parser().parse_args(argv)
    if args.size < 1 or args.linear_size < 1 or args.repeat < 1:
        print("error: --size, --linear-size and --repeat must be at least 1", file=sys.stderr)
        return 2
    report = bench_linear(args.linear_size, args.repeat)
    if not args.no_build:
        try:
            report += ["", *bench_build(args.size, 1 if args.repeat < 3 else args.repeat // 3)]
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
