"""Benchmark ``status`` against its peers, measured in the same run.

- catalogs: ``scripts/i18n status`` against ``sphinx-intl stat`` on the same
  synthetic tree (1,000 pages x 3 languages, about 40 messages each); both are
  run as command lines, as a user would. Target: at least 5x faster, while
  ``status`` also hashes every English page.
- Markdown pages: ``status --markdown`` against the least loop the job needs
  (``benchmarks/floor_status.py``: walk the tree, hash each English page once, read
  each translated page only up to its closing ``---``), on a generated tree shaped
  like OpenClaw's (788 English pages x 20 languages, 4-space ``x-i18n`` records with
  the usual keys, missing and orphan pages), and on the real tree when
  ``OPENCLAW_DOCS=<path to openclaw/docs' docs folder>`` is set. Both as command lines
  (``scripts/i18n status --markdown ROOT`` with its text output, against the loop run
  as a script: interpreter start and imports included) and in-process (the report
  alone, against the loop alone); the older reference, a loop that reads and hashes
  every whole file, is reported too. Target: CPU time (user + system) no more than
  the front-matter loop's, with the same counts per language and state.

CPU times are the least of ``--repeat`` runs each, after a warm-up run; the load
average is printed before and after.

Usage: ``python -m benchmarks.bench_status [--pages N] [--md-pages N] [--repeat N]``.
Exit codes: 0 measured (targets are reported, not enforced); 2 a tool failed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import floor_status, synthetic
from docs_i18n.core import project
from docs_i18n.status import markdown_reader, states

ROOT = Path(__file__).resolve().parent.parent


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """Median wall time of *repeat* runs, after one warm-up run."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu_time() -> float:
    """User + system CPU seconds of this process and of its waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def least_cpu(repeat: int, action: Callable[[], object]) -> tuple[float, float]:
    """``(CPU seconds, wall seconds)``: the least of *repeat* runs each, after one warm-up run."""
    action()
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start = cpu_time(), time.perf_counter()
        action()
        cpu.append(cpu_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return min(cpu), min(wall)


def run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=synthetic.peer_cwd(cmd))
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}... failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


def bench_catalogs(base: Path, pages: int, repeat: int) -> None:
    langs = project.configured_languages(ROOT)[1:]  # conf.py's translations
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


def plain_loop(root: Path) -> int:
    """What a plain script does: walk the tree, read and hash every page. Returns the count."""
    count = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith((".md", ".mdx")):
                with open(os.path.join(folder, name), "rb") as handle:
                    hashlib.sha256(handle.read()).hexdigest()
                count += 1
    return count


def child_cpu(repeat: int, cmd: list[str]) -> tuple[float, float]:
    """``(CPU seconds, wall seconds)`` of the command line *cmd* (output discarded): the least of
    *repeat* runs each, after one warm-up run."""
    cpu, wall = [], []
    for run_number in range(repeat + 1):
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd[:4])}... failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        if run_number:
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            wall.append(elapsed)
    return min(cpu), min(wall)


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def bench_markdown_tree(label: str, tree: Path, repeat: int) -> None:
    files = plain_loop(tree)
    report = markdown_reader.markdown_report(tree)
    counted = len(report.pages) + len(report.errors)
    langs = report.languages
    summaries = report.summaries()
    floor_counts = floor_status.floor(str(tree), langs)
    same = all(floor_counts[lang][state] == summaries[lang][state] for lang in langs for state in states.STATES)
    states_count = {str(state): sum(1 for p in report.pages if p.state == state) for state in states.STATES}
    print(f"  {label}: {files} page files; status counts {counted} (language, page) entries: {states_count}")
    print(f"  same counts per language and state as the front-matter loop: {'yes' if same else 'NO'}")
    print(f"  ({load()})")
    ours_cmd = [sys.executable, str(ROOT / "scripts" / "i18n"), "status", "--markdown", str(tree)]
    floor_cmd = [sys.executable, str(ROOT / "benchmarks" / "floor_status.py"), str(tree), *langs]
    ours_cli, ours_cli_wall = child_cpu(repeat, ours_cmd)
    floor_cli, floor_cli_wall = child_cpu(repeat, floor_cmd)
    ours_cpu, ours_wall = least_cpu(repeat, lambda: markdown_reader.markdown_report(tree))
    floor_cpu, floor_wall = least_cpu(repeat, lambda: floor_status.floor(str(tree), langs))
    loop_cpu, loop_wall = least_cpu(repeat, lambda: plain_loop(tree))
    print(f"  command line: scripts/i18n status --markdown  : CPU {ours_cli:6.3f} s  (wall {ours_cli_wall:.3f} s)")
    print(f"  command line: front-matter loop (floor)       : CPU {floor_cli:6.3f} s  (wall {floor_cli_wall:.3f} s)")
    print(f"  in-process: the status report                 : CPU {ours_cpu:6.3f} s  (wall {ours_wall:.3f} s)")
    print(f"  in-process: front-matter loop (floor)         : CPU {floor_cpu:6.3f} s  (wall {floor_wall:.3f} s)")
    print(f"  in-process: whole-file loop: walk, read + hash: CPU {loop_cpu:6.3f} s  (wall {loop_wall:.3f} s)")
    print(f"  ratio, command lines: status takes {ours_cli / floor_cli:.2f}x the floor's CPU time (target: 1.0x)")
    print(f"  ratio, in-process: the report takes {ours_cpu / floor_cpu:.2f}x the floor's CPU time")
    print(f"  ratio, in-process: the report takes {ours_cpu / loop_cpu:.2f}x the whole-file loop's CPU time")
    print(f"  ({load()})")


def bench_markdown(base: Path, pages: int, repeat: int) -> None:
    print(
        f"markdown: generating an OpenClaw-shaped tree, {pages} pages x {len(synthetic.OPENCLAW_LANGS)} languages ..."
    )
    tree = synthetic.openclaw_tree(base / "openclaw", pages)
    bench_markdown_tree("generated tree", tree, repeat)
    real = os.environ.get("OPENCLAW_DOCS")
    if real:
        bench_markdown_tree(f"OPENCLAW_DOCS={real}", Path(real), repeat)
    else:
        print("  (set OPENCLAW_DOCS=<path to openclaw/docs' docs folder> to measure the real tree too)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000, help="catalog pages (default 1000)")
    parser.add_argument("--md-pages", type=int, default=788, help="Markdown English pages (default 788)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each; the least counts (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-status-") as tmp:
        bench_catalogs(Path(tmp), args.pages, args.repeat)
        bench_markdown(Path(tmp), args.md_pages, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
