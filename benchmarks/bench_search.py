"""Benchmark of the site's search in every language with an analyser: the project's against stock Sphinx.

In one run, on a copy of the project, for each language (``ko``, ``ja``, ``zh_CN``) and
each search (stock Sphinx, the project's analyser of :mod:`docs_i18n.sphinx_ext.search_languages`):
build the language's site, run the site's own search on every query of the language's
held-out set (``benchmarks/queries/<lang>.tsv``, written from the pages as a reader types
them; :mod:`.search_eval`, node), and score it against the expected pages:

- **found**: queries whose expected pages are all in the results (the target: 38 of 40);
- **recall**: expected (query, page) pairs found; **precision**: of the pages returned;
- **top 1**: queries whose first result is an expected page; **MRR**: mean of 1/rank of
  the first expected page in the results (0 when none is found).

Prints a Markdown table, then the queries each search misses. ``--pagefind [BINARY]`` adds
Pagefind's extended build on the same pages and queries (:mod:`.search_pagefind`; by default
the binary of the ``pagefind_bin_extended`` package in this Python).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import search_eval, search_pagefind, search_queries
from docs_i18n.core.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
QUERY_DIR = ROOT / "benchmarks" / "queries"
LANGUAGES = ("ko", "ja", "zh_CN")
# sphinx-build -D settings of each search
SEARCHES = {
    "stock": ["i18n_search_stock=all", "i18n_korean_search=0"],
    "project": [],
}
LABELS = {
    "stock": "stock Sphinx",
    "project": "project (ko: particle stripper; ja, zh: CJK bigrams)",
    "pagefind": "Pagefind extended (candidate)",
}
_COPY_IGNORE = shutil.ignore_patterns("__pycache__", "*.mo", "*.pyc", ".*")


@dataclass(frozen=True)
class Ranked:
    """Rank figures of a query set's results."""

    top1: int  # queries whose first result is an expected page
    reciprocal: float  # sum of 1/rank of the first expected page


def rank(queries: Sequence[search_queries.Query], found: Sequence[search_eval.Found]) -> Ranked:
    """Where the first expected page of each query stands in its results."""
    top1 = 0
    reciprocal = 0.0
    for query, result in zip(queries, found, strict=True):
        ranks = [i for i, page in enumerate(result.pages, start=1) if page in query.expected]
        if ranks:
            reciprocal += 1 / ranks[0]
            top1 += ranks[0] == 1
    return Ranked(top1, reciprocal)


def copy_project(dest: Path) -> Path:
    """Copy what a build reads (configuration, pages, catalogs, tooling) to *dest*."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "conf.py", dest / "conf.py")
    for name in ("source", "locale", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=_COPY_IGNORE)
    return dest


def build(project: Path, out: Path, lang: str, defines: Sequence[str]) -> Path:
    """Build the *lang* site of *project* into *out*; return its HTML folder."""
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(project), "-q", "-W", "--keep-going", "-n"]
    for define in (f"language={lang}", *defines):
        cmd += ["-D", define]
    cmd += ["-d", str(out / ".doctrees"), str(project / "source"), str(out / lang)]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"sphinx-build {lang} ({' '.join(defines) or 'defaults'}) failed:\n{proc.stderr}")
    return out / lang


def docnames(project: Path) -> list[str]:
    """The document pages of *project* (its English Markdown pages)."""
    source = project / "source"
    return sorted(p.relative_to(source).with_suffix("").as_posix() for p in source.rglob("*.md"))


def row(lang: str, search: str, queries: list[search_queries.Query], found: list[search_eval.Found]) -> str:
    """One line of the report's table."""
    score = search_eval.score(queries, found)
    ranked = rank(queries, found)
    n = len(queries)
    return (
        f"| {lang} | {LABELS[search]} | **{score.complete}/{n}** | {score.recall:.1%} | {score.precision:.1%}"
        f" | {ranked.top1}/{n} | {ranked.reciprocal / n:.3f} |"
    )


def misses(queries: list[search_queries.Query], found: list[search_eval.Found]) -> str:
    """The queries whose expected pages are not all found."""
    missed = [
        f"`{q.text}` (missing {', '.join(sorted(q.expected - set(f.pages)))})"
        for q, f in zip(queries, found, strict=True)
        if not q.expected <= set(f.pages)
    ]
    return "; ".join(missed) if missed else "nothing"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_search",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--languages", default=",".join(LANGUAGES), help="comma-separated (default: %(default)s)")
    parser.add_argument("--queries", type=Path, default=QUERY_DIR, help="folder of <lang>.tsv (default: %(default)s)")
    parser.add_argument(
        "--pagefind",
        nargs="?",
        const="",
        type=str,
        help="also measure Pagefind's extended build (BINARY, or the pagefind_bin_extended package's)",
    )
    return parser


def pagefind_binary(arg: str | None) -> Path | None:
    """The Pagefind binary asked for, or None when not asked; :class:`FileNotFoundError` when missing."""
    if arg is None:
        return None
    binary = Path(arg) if arg else search_pagefind.default_binary()
    if binary is None or not binary.is_file():
        raise FileNotFoundError(f"pagefind binary not found: {arg or 'install pagefind[extended] or pass its path'}")
    return binary


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the report: 0 measured; 2 bad input, a missing tool or a failed build."""
    args = build_parser().parse_args(argv)
    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    try:
        sets = {lang: search_queries.read(args.queries / f"{lang}.tsv") for lang in languages}
        search_eval.node_binary()
        pagefind = pagefind_binary(args.pagefind)
    except (InputError, search_eval.NodeError, FileNotFoundError) as exc:
        print(exc if isinstance(exc, InputError) else f"error: {exc}", file=sys.stderr)
        return 2
    lines = [
        "Search in each language: held-out queries written from the pages, the site's own search (node).",
        "",
        "| language | search | queries fully found | recall | precision | top 1 | MRR |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        project = copy_project(Path(tmp) / "project")
        for lang, queries in sets.items():
            for search, defines in SEARCHES.items():
                print(f"measuring {lang} {search}...", file=sys.stderr)
                try:
                    site = build(project, Path(tmp) / f"{lang}-{search}", lang, defines)
                    found = search_eval.search(site, [q.text for q in queries])
                except (RuntimeError, subprocess.TimeoutExpired) as exc:
                    print(f"error: {lang} {search}: {exc}", file=sys.stderr)
                    return 2
                lines.append(row(lang, search, queries, found))
                notes.append(f"{lang} {search} misses: {misses(queries, found)}")
            if pagefind is not None:
                print(f"measuring {lang} pagefind...", file=sys.stderr)
                try:
                    indexed = search_pagefind.index(site, docnames(project), Path(tmp) / f"{lang}-pagefind", pagefind)
                    found = search_pagefind.search(indexed, [q.text for q in queries])
                except (RuntimeError, subprocess.TimeoutExpired) as exc:
                    print(f"error: {lang} pagefind: {exc}", file=sys.stderr)
                    return 2
                lines.append(row(lang, "pagefind", queries, found))
                notes.append(f"{lang} pagefind misses: {misses(queries, found)}")
    print("\n".join(lines + [""] + notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
