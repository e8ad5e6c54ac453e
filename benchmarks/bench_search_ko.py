"""Benchmark of Korean search: the project's analyser against stock Sphinx.

In one run, on a copy of the project and the same Korean pages, for each analyser:
build the Korean site (``sphinx-build``, a fresh output each time; the median of
``--repeat`` builds is the build time), measure the search index
(``searchindex.js``, raw and gzip) and the page's ``language_data.js``, then run the
site's own search on every query of the query set (:mod:`.search_eval`, node) and
score recall and precision against the expected pages. Prints a Markdown table,
then per-kind recall and the queries each analyser misses.

``--candidates`` adds the other analysers of :mod:`.search_candidates` (bigrams;
kiwi when kiwipiepy is installed), the evidence for choosing the analyser.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import search_eval, search_queries
from docs_i18n.core.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUERIES = ROOT / "benchmarks" / "queries" / "ko.tsv"
EXTENSIONS = "myst_parser,docs_i18n.sphinx_ext,benchmarks.search_candidates"
_COPY_IGNORE = shutil.ignore_patterns("__pycache__", "*.mo", "*.pyc", ".*")


@dataclass
class Analyser:
    """One way of building the Korean search."""

    name: str
    label: str
    defines: list[str]  # sphinx-build -D settings
    prepare_query: Callable[[str], str] | None = None  # query text as sent to the page


@dataclass
class Measurement:
    """What one analyser gave."""

    analyser: Analyser
    build_seconds: list[float]
    index_bytes: int
    index_gzip_bytes: int
    language_data_bytes: int
    terms: int
    score: search_eval.Score
    found: list[search_eval.Found] = field(repr=False)


def analysers(candidates: bool) -> tuple[list[Analyser], list[str]]:
    """The analysers to measure, and notes on the candidates left out."""
    chosen = [
        Analyser("stock", "stock Sphinx (English splitter and stemmer)", ["i18n_korean_search=0"]),
        Analyser("project", "project: particle and ending stripper", []),
    ]
    notes: list[str] = []
    if not candidates:
        return chosen, notes
    candidate = ["i18n_korean_search=0", f"extensions={EXTENSIONS}"]
    chosen.append(Analyser("bigram", "character bigrams", [*candidate, "i18n_search_candidate=bigram"]))
    try:
        import kiwipiepy  # noqa: F401
    except ImportError:
        notes.append("kiwi candidates skipped: kiwipiepy is not installed in this Python")
        return chosen, notes
    from benchmarks.search_candidates import PRE_ANALYSED

    morphemes = PRE_ANALYSED["kiwi"]
    chosen.append(
        Analyser(
            "kiwi",
            "kiwipiepy, query analysed by kiwi too (upper bound: no browser can)",
            [*candidate, "i18n_search_candidate=kiwi"],
            prepare_query=lambda text: " ".join(morphemes(text)),
        )
    )
    chosen.append(
        Analyser(
            "kiwi-rules",
            "kiwipiepy index, project stripper for the query",
            [*candidate, "i18n_search_candidate=kiwi-rules"],
        )
    )
    return chosen, notes


def copy_project(dest: Path) -> Path:
    """Copy what a build reads (configuration, pages, catalogs, tooling) to *dest*."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "conf.py", dest / "conf.py")
    for name in ("source", "locale", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=_COPY_IGNORE)
    return dest


def build(project: Path, out: Path, defines: Sequence[str]) -> float:
    """Build the Korean site of *project* into *out*; return the wall time in seconds."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(project), "-q", "-W", "--keep-going", "-n"]
    cmd += ["-D", "language=ko"]
    for define in defines:
        cmd += ["-D", define]
    cmd += ["-d", str(out / ".doctrees"), str(project / "source"), str(out / "ko")]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"sphinx-build failed ({' '.join(defines) or 'defaults'}):\n{proc.stderr}")
    return seconds


def count_terms(index_js: str) -> int:
    """Number of distinct terms (text and title) in a ``searchindex.js``."""
    data = json.loads(index_js[len("Search.setIndex(") : -1])
    return len(set(data["terms"]) | set(data["titleterms"]))


def measure(
    analyser: Analyser, project: Path, work: Path, queries: list[search_queries.Query], repeat: int
) -> Measurement:
    """Build with *analyser* *repeat* times, then search and score the last build."""
    out = work / analyser.name
    seconds = [build(project, out, analyser.defines) for _ in range(repeat)]
    site = out / "ko"
    index = (site / "searchindex.js").read_bytes()
    texts = [analyser.prepare_query(q.text) if analyser.prepare_query else q.text for q in queries]
    found = search_eval.search(site, texts)
    return Measurement(
        analyser=analyser,
        build_seconds=seconds,
        index_bytes=len(index),
        index_gzip_bytes=len(gzip.compress(index, 9, mtime=0)),
        language_data_bytes=(site / "_static" / "language_data.js").stat().st_size,
        terms=count_terms(index.decode("utf-8")),
        score=search_eval.score(queries, found),
        found=found,
    )


def kind_recall(queries: list[search_queries.Query], found: list[search_eval.Found], kind: str) -> str:
    pairs = [(q, f) for q, f in zip(queries, found, strict=True) if q.kind == kind]
    score = search_eval.score([q for q, _ in pairs], [f for _, f in pairs])
    return f"{score.recall:.1%}"


def report(measurements: list[Measurement], queries: list[search_queries.Query], repeat: int) -> str:
    """The Markdown report."""
    lines = [
        f"Korean search, {len(queries)} queries, {sum(len(q.expected) for q in queries)} expected (query, page) pairs;"
        f" build time: median of {repeat} fresh `sphinx-build -b html -D language=ko` runs.",
        "",
        "| analyser | recall | precision | queries fully found | searchindex.js (gzip) | language_data.js"
        " | terms | build time |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for m in measurements:
        s = m.score
        lines.append(
            f"| {m.analyser.label} | {s.recall:.1%} | {s.precision:.1%} | {s.complete}/{s.queries}"
            f" | {m.index_bytes:,} B ({m.index_gzip_bytes:,} B) | {m.language_data_bytes:,} B | {m.terms}"
            f" | {statistics.median(m.build_seconds):.2f} s |"
        )
    kinds = [k for k in search_queries.KINDS if any(q.kind == k for q in queries)]
    lines += ["", "Recall by kind of query:", ""]
    lines.append("| analyser | " + " | ".join(f"{k} ({sum(q.kind == k for q in queries)})" for k in kinds) + " |")
    lines.append("| --- |" + " ---: |" * len(kinds))
    for m in measurements:
        lines.append(f"| {m.analyser.name} | " + " | ".join(kind_recall(queries, m.found, k) for k in kinds) + " |")
    for m in measurements:
        missed = [
            f"`{q.text}` (missing {', '.join(sorted(q.expected - set(f.pages)))})"
            for q, f in zip(queries, m.found, strict=True)
            if not q.expected <= set(f.pages)
        ]
        lines += ["", f"{m.analyser.name} misses: " + ("; ".join(missed) if missed else "nothing")]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/bench_search_ko.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: .venv/bin/python scripts/bench_search_ko.py --repeat 3",
    )
    parser.add_argument("--queries", type=Path, default=DEFAULT_QUERIES, help="query set (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="builds per analyser for the build time (default: 3)")
    parser.add_argument("--candidates", action="store_true", help="also measure bigrams and kiwi (if installed)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the report: 0 measured; 2 bad input, a missing tool or a failed build."""
    args = build_parser().parse_args(argv)
    if args.repeat < 1:
        print("error: --repeat must be at least 1", file=sys.stderr)
        return 2
    try:
        queries = search_queries.read(args.queries)
        search_eval.node_binary()
    except (InputError, search_eval.NodeError) as exc:
        print(f"error: {exc}" if isinstance(exc, search_eval.NodeError) else exc, file=sys.stderr)
        return 2
    chosen, notes = analysers(args.candidates)
    with tempfile.TemporaryDirectory(prefix="bench-search-ko-") as tmp:
        project = copy_project(Path(tmp) / "project")
        measurements = []
        for analyser in chosen:
            print(f"measuring {analyser.name}...", file=sys.stderr)
            try:
                measurements.append(measure(analyser, project, Path(tmp) / "out", queries, args.repeat))
            except (RuntimeError, subprocess.TimeoutExpired) as exc:  # a build or the search failed
                print(f"error: {analyser.name}: {exc}", file=sys.stderr)
                return 2
    print(report(measurements, queries, args.repeat))
    for note in notes:
        print(f"\nnote: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
