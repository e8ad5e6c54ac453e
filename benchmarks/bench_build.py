"""Benchmark the HTML build of every language, measured in the same run on a synthetic site.

The site: 200 English pages (``benchmarks/synthetic.py``: front-matter, a heading and
about 40 paragraphs each, in 20 sections, all in the index's toctree) with complete,
current catalogs in every translated language of ``conf.py`` (or ``--languages``), and the project's theme
UI catalogs, built with the project's ``conf.py``, extension and templates through the
project's Makefile (``SOURCEDIR`` and ``LOCALEDIR`` point it at the synthetic tree).

Measured, each once (a build takes long enough for one run to be stable):

1. the plain sequential way: one ``sphinx-build -D language=xx`` per language, one
   after another, with the Makefile's flags;
2. ``make html``: the languages in parallel (``make -j``, ``JOBS`` = cores), from
   scratch. Target: at most 0.6x the sequential time on 2 cores;
3. ``make html`` again with nothing changed. Target: under 10% of the full build;
4. ``make html`` after one English page is edited (every language rebuilds that
   page). Target: under 20% of the full build;
5. ``make html`` after one message of the first translation is edited (only that
   language rebuilds), for information.

The sequential builds read their own copy of the synthetic tree: Sphinx compiles the
catalogs (``.mo``) beside the ``.po`` files, and a page's output depends on them, so
neither kind of build reuses or invalidates the other's. The builds use
a private copy of the project's tooling (``conf.py``, ``Makefile``, ``scripts/``,
templates), so that an edit to the working tree during the run cannot invalidate
the incremental builds.

Each sequential build's CPU time (user + system, its own process) is reported beside its
wall time, with each translated language's ratio to English (target: at most 1.3x): CPU
time holds still when other work shares the machine.

Usage: ``python -m benchmarks.bench_build [--pages N] [--jobs N] [--languages en ko ...] [--keep DIR]``
(``--languages``: default every language of ``conf.py``; the source language is always built).

Exit codes: 0 measured (targets are reported, not enforced); 2 a build failed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import synthetic
from docs_i18n.core import hash_record, hashing, project

ROOT = Path(__file__).resolve().parent.parent

IGNORED = (".venv", "_build", ".git", "__pycache__", "*.mo", ".pytest_cache", ".ruff_cache", ".mypy_cache")
IGNORED += (".hypothesis", "node_modules", "tests")
LANGUAGES = project.configured_languages(ROOT)  # conf.py: the source language first
TRANSLATIONS = LANGUAGES[1:]
BASE_URL = "https://docs.example.org/openclaw/"
INDEX = """---
summary: "Synthetic guides for the build benchmark"
---

# Synthetic guides

These pages measure how long the site takes to build.

```{toctree}
:glob:
:maxdepth: 1

section*/*
```
"""
INDEX_MESSAGES = [
    "Synthetic guides",
    "These pages measure how long the site takes to build.",
    "Synthetic guides for the build benchmark",
]


def synthetic_site(root: Path, pages: int, translations: Sequence[str] = TRANSLATIONS) -> Path:
    """The synthetic tree: ``root/source`` and ``root/locale``, every catalog complete and current."""
    synthetic.catalog_tree(root, pages, list(translations), stale_every=0, fuzzy_every=0)
    index = root / "source" / "index.md"
    index.write_text(INDEX, encoding="utf-8")
    record = hash_record.record_lines(hashing.source_hash(index))
    for lang in translations:
        messages = root / "locale" / lang / "LC_MESSAGES"
        entries = "".join(f'\nmsgid "{m}"\nmsgstr "[{lang}] {m}"\n' for m in INDEX_MESSAGES)
        header = f'# Synthetic catalog.\n{record}\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        (messages / "index.po").write_text(f'{header}"Language: {lang}\\n"\n{entries}', encoding="utf-8")
        shutil.copy(ROOT / "locale" / lang / "LC_MESSAGES" / "sphinx.po", messages / "sphinx.po")
    return root


def copy_ignored() -> Callable[[str, list[str]], set[str]]:
    """What a benchmark's copy of the project leaves out: builds, the environment, the tools' caches, tests."""
    return shutil.ignore_patterns(*IGNORED)


def snapshot(dest: Path) -> Path:
    """A copy of the project's tooling (modification times kept, so make sees nothing new)."""
    return shutil.copytree(ROOT, dest, ignore=copy_ignored(), symlinks=True)


def run(cmd: list[str]) -> float:
    """Run *cmd*; its wall time in seconds (exits 2 when it fails)."""
    return run_timed(cmd)[0]


def run_timed(cmd: list[str]) -> tuple[float, float]:
    """Run *cmd*; its wall time and CPU time (user + system, of it and its children) in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        print(f"error: {' '.join(cmd[:6])}... failed ({proc.returncode}):\n{proc.stderr[-3000:]}", file=sys.stderr)
        raise SystemExit(2)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def make_html(project: Path, tree: Path, build: Path, jobs: int, languages: Sequence[str]) -> list[str]:
    return ["make", "-C", str(project), "--no-print-directory", "html", f"VENVDIR={ROOT / '.venv'}",
            f"SOURCEDIR={tree / 'source'}", f"LOCALEDIR={tree / 'locale'}", f"BUILDDIR={build}", f"JOBS={jobs}",
            f"BASEURL={BASE_URL}", f"LANGUAGES={' '.join(languages)}"]  # fmt: skip


def sequential(project: Path, tree: Path, build: Path, languages: Sequence[str]) -> dict[str, tuple[float, float]]:
    """One ``sphinx-build`` per language, one after another (the Makefile's flags): the wall and CPU
    time of each."""
    times = {}
    for lang in languages:
        flags = ["-b", "html", "-c", str(project), "-q", "-W", "--keep-going", "-n", "-D", f"language={lang}"]
        flags += ["-D", f"html_baseurl={BASE_URL}", "-d", str(build / "doctrees" / lang)]
        paths = [str(tree / "source"), str(build / "html" / lang)]
        times[lang] = run_timed([sys.executable, "-m", "sphinx", *flags, *paths])
    return times


def edit(path: Path, old: str, new: str) -> None:
    """Replace *old* once in *path*, and make sure the change is newer than the last build."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    later = time.time_ns() + 1_000_000_000
    os.utime(path, ns=(later, later))


def check_translated(build: Path, translations: Sequence[str]) -> None:
    """The translated pages are built from the catalogs (else the benchmark measures the wrong thing)."""
    for lang in translations:
        page = next((build / "html" / lang).glob("section00/page*.html"))
        if f"[{lang}] Step" in page.read_text(encoding="utf-8"):
            continue
        print(f"error: {page} is not translated: the synthetic catalogs do not match the pages", file=sys.stderr)
        raise SystemExit(2)


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:5.1f}% of the full build"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200, help="English pages (default 200)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="make -j (default: the cores)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument(
        "--languages", nargs="+", metavar="LANG", help="the languages to build (default: every language of conf.py)"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.languages or ()) - set(LANGUAGES))
    if unknown:
        parser.error(f"not a language of conf.py: {', '.join(unknown)} (conf.py has {', '.join(LANGUAGES)})")
    source = LANGUAGES[0]
    languages = [source, *(lang for lang in LANGUAGES[1:] if lang in (args.languages or LANGUAGES))]
    translations = languages[1:]
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        base = args.keep.resolve() if args.keep else Path(tmp)
        if args.keep and base.exists():
            shutil.rmtree(base)
        print(f"build: generating {args.pages} pages x {len(languages)} languages (complete catalogs) ...", flush=True)
        tree = synthetic_site(base / "tree", args.pages, translations)
        tree_sequential = shutil.copytree(tree, base / "tree-sequential")
        project = snapshot(base / "project")
        load = os.getloadavg()[0]

        def make() -> float:
            return run(make_html(project, tree, base / "parallel", args.jobs, languages))

        t_parallel = make()
        check_translated(base / "parallel", translations)
        t_each = sequential(project, tree_sequential, base / "sequential", languages)
        t_sequential = sum(wall for wall, _ in t_each.values())
        t_noop = make()
        page = tree / "source" / "section01" / "page0001.md"
        edit(page, "# Page 1\n", "# Page 1\n\nThis sentence was added to measure a one-page rebuild.\n")
        t_page = make()
        edited = translations[0] if translations else None
        if edited:
            catalog = tree / "locale" / edited / "LC_MESSAGES" / "section02" / "page0002.po"
            edit(catalog, f'msgstr "[{edited}] Page 2"', f'msgstr "[{edited}] Page 2 (edited)"')
            t_catalog = make()

        print(f"  {os.cpu_count()} cores (load average {load:.2f} at the start); make html with JOBS={args.jobs}")
        each = ", ".join(f"{lang} {wall:.1f} s" for lang, (wall, _) in t_each.items())
        print(f"  sequential: one sphinx-build per language, in turn : {t_sequential:7.2f} s  ({each})")
        english_cpu = t_each[source][1]
        for lang, (_, cpu) in t_each.items():
            ratio = "" if lang == source else f"  {cpu / english_cpu:.2f}x English (target: at most 1.3x)"
            print(f"    {lang:<8} CPU {cpu:6.2f} s{ratio}")
        print(f"  make html, languages in parallel, from scratch     : {t_parallel:7.2f} s")
        print(f"  ratio: parallel takes {t_parallel / t_sequential:.2f}x the sequential time (target: at most 0.6x)")
        print(f"  no-op rebuild (nothing changed)                    : {t_noop:7.2f} s  "
              f"{percent(t_noop, t_parallel)} (target: under 10%)")  # fmt: skip
        print(f"  one English page edited (every language)           : {t_page:7.2f} s  "
              f"{percent(t_page, t_parallel)} (target: under 20%)")  # fmt: skip
        if edited:
            label = f"  one {edited} message edited ({edited} only)".ljust(53)
            print(f"{label}: {t_catalog:7.2f} s  {percent(t_catalog, t_parallel)}")
        if args.keep:
            print(f"  kept: {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
