"""Benchmark ``status`` against its peers, measured in the same run.

- catalogs: ``scripts/i18n status`` against ``sphinx-intl stat`` on the same
  synthetic tree (1,000 pages x 3 languages, about 40 messages each); both are
  run as command lines, as a user would. Target: at least 5x faster, while
  ``status`` also hashes every English page.
- Markdown pages: ``status --markdown`` (in-process) against a plain Python loop
  that reads and hashes every file once (800 English pages x 20 languages).
  Target: no slower than that loop.

Usage: ``python -m benchmarks.bench_status [--pages N] [--repeat N]``.
Exit codes: 0 measured (targets are reported, not enforced); 2 a tool failed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import synthetic
from docs_i18n.status import states

ROOT = Path(__file__).resolve().parent.parent

MD_LANGS = ["ko", "ja-JP", "zh-CN", "pt-BR", "fr", "de", "es", "it", "ru", "tr",
            "pl", "nl", "sv", "uk", "vi", "th", "id", "cs", "he", "ar"]  # fmt: skip


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """Median wall time of *repeat* runs, after one warm-up run."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}... failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


def bench_catalogs(base: Path, pages: int, repeat: int) -> None:
    langs = ["ko", "ja", "zh_CN"]
    print(f"catalogs: generating {pages} pages x {len(langs)} languages ...", flush=True)
    tree = synthetic.catalog_tree(base / "catalogs", pages, langs)
    ours = [sys.executable, str(ROOT / "scripts" / "i18n"), "status", "--format", "json",
            "--source", str(tree / "source"), "--locale", str(tree / "locale")]  # fmt: skip
    peer = [sys.executable, "-m", "sphinx_intl", "stat", "-d", str(tree / "locale")]
    t_ours = best_of(repeat, lambda: run(ours))
    t_peer = best_of(repeat, lambda: run(peer))
    print(f"  scripts/i18n status (hashes {pages} pages too): {t_ours:7.3f} s")
    print(f"  sphinx-intl stat                   : {t_peer:7.3f} s")
    print(f"  ratio: status is {t_peer / t_ours:.1f}x faster (target: at least 5x)")


def bench_markdown(base: Path, pages: int, repeat: int) -> None:
    print(f"markdown: generating {pages} pages x {len(MD_LANGS)} languages ...", flush=True)
    tree = synthetic.markdown_tree(base / "markdown", pages, MD_LANGS)
    files = [Path(d) / f for d, _, fs in os.walk(tree) for f in fs]

    def plain_loop() -> None:
        for path in files:
            hashlib.sha256(path.read_bytes()).hexdigest()

    t_loop = best_of(repeat, plain_loop)
    t_ours = best_of(repeat, lambda: states.markdown_report(tree))
    default_min = states.PARALLEL_MIN
    states.PARALLEL_MIN = sys.maxsize
    try:
        t_serial = best_of(repeat, lambda: states.markdown_report(tree))
    finally:
        states.PARALLEL_MIN = default_min
    print(f"  status --markdown ({len(files)} files)   : {t_ours:7.3f} s  (one process: {t_serial:.3f} s)")
    print(f"  plain loop: read + hash every file : {t_loop:7.3f} s")
    print(f"  ratio: status takes {t_ours / t_loop:.2f}x the loop's time (target: at most 1.0x)")
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000, help="catalog pages (default 1000)")
    parser.add_argument("--md-pages", type=int, default=800, help="Markdown English pages (default 800)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-status-") as tmp:
        bench_catalogs(Path(tmp), args.pages, args.repeat)
        bench_markdown(Path(tmp), args.md_pages, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
