"""Benchmark at OpenClaw's size: each tool against its peer or a plain loop, in the same run.

The trees (``benchmarks/synthetic.py``): ``--pages`` English pages (default 800) in every
language of ``conf.py`` (``i18n_languages``; ``--languages`` picks some), as

- catalogs: ``source/`` and ``locale/<lang>/LC_MESSAGES/<page>.po`` (about 40 messages a
  page; every 7th catalog stale, every 11th with a fuzzy message), for ``status``,
  ``update`` and ``check``;
- Markdown pages shaped like OpenClaw's (``ROOT/<lang>/<page>.md`` with ``x-i18n``
  records, about 18 KB a page, missing, stale and orphan pages), for ``status --markdown``.

Measured, in CPU time (user + system of each command line and its children; the load
average is printed before and after), each as a user runs it:

1. ``scripts/i18n status`` against ``sphinx-intl stat`` (the least of ``--repeat`` runs);
2. ``scripts/i18n status --markdown`` against the least loop it needs
   (``benchmarks/floor_status.py``, run as a script; the least of ``--repeat`` runs);
3. ``scripts/i18n update`` against ``sphinx-intl update``, after an English edit (every
   5th page: a paragraph reworded, one added), each on a fresh copy of the catalogs, once;
4. ``scripts/i18n check`` against a plain loop that reads every catalog with Babel's
   ``read_po`` (the parser sphinx-intl and Sphinx use; the least of ``--repeat`` runs);
5. the sharded build, as the CI workflow runs it (one job per language, each one
   ``sphinx-build -D language=xx`` with the Makefile's flags), against stock
   ``sphinx-build`` of the same English pages (MyST and the theme, the project's extension
   off) and against the English shard. Building every language at 800 pages takes hours
   of CPU on 2 cores, so English and a sample of ``--build-languages`` translations
   (default 2, the first of ``--languages`` after English) are built, on
   ``--build-pages`` pages (default: all), and the whole site's CPU time is
   **extrapolated**: English + the sample's mean x the number of translations (printed
   as such).

``make bench`` runs it at a size that finishes in a few minutes (``--pages 100``); the
full size is ``python -m benchmarks.bench_scale`` (800 pages x 21 languages; add
``--build-languages 20`` to build every translation).

Usage: ``python -m benchmarks.bench_scale [--pages N] [--languages en ko ...] [--repeat N]
[--build-pages N] [--build-languages N] [--skip status,markdown,update,check,build]``.
Exit codes: 0 measured (targets are reported, not enforced); 2 a tool failed.
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
from collections.abc import Sequence
from pathlib import Path

from benchmarks import bench_build, synthetic
from docs_i18n.core import pofile, project

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = project.configured_languages(ROOT)  # conf.py: the source language first
PARTS = ("status", "markdown", "update", "check", "build")
# The plain loop `check` is measured against: every catalog read with Babel's parser.
BABEL_LOOP = """
import os, sys
from babel.messages.pofile import read_po
count = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".po"):
            with open(os.path.join(folder, name), "rb") as handle:
                read_po(handle)
            count += 1
print(count)
"""
# Stock Sphinx: the same theme and parser, without the project's extension.
STOCK_CONF = 'project = "Synthetic guides"\nextensions = ["myst_parser"]\nhtml_theme = "furo"\n'


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def cpu_of(cmd: list[str], cwd: str | None = None, ok: tuple[int, ...] = (0, 1)) -> float:
    """Run *cmd* (output discarded); the CPU seconds it and its children used. Exits 2 when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in ok:
        print(f"error: {' '.join(cmd[:5])}... failed ({proc.returncode}):\n{proc.stderr[-3000:]}", file=sys.stderr)
        raise SystemExit(2)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def least(repeat: int, cmd: list[str], cwd: str | None = None) -> float:
    """The least CPU time of *repeat* runs of *cmd*, after a warm-up run."""
    cpu_of(cmd, cwd)
    return min(cpu_of(cmd, cwd) for _ in range(repeat))


def row(label: str, ours: float, peer_label: str, peer: float, target: str) -> None:
    print(f"  {label:<38} CPU {ours:8.2f} s")
    print(f"  {peer_label:<38} CPU {peer:8.2f} s")
    print(f"  ratio: {ours / peer:.2f}x the peer's CPU time ({target})", flush=True)


def i18n(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "scripts" / "i18n"), *args]


# -- catalogs: status, update, check -------------------------------------------------------


def bench_status(tree: Path, repeat: int) -> None:
    print(f"status ({load()}):", flush=True)
    ours = i18n("status", "--format", "json", "--source", str(tree / "source"), "--locale", str(tree / "locale"))
    peer = [sys.executable, "-m", "sphinx_intl", "stat", "-d", str(tree / "locale")]
    t_ours = least(repeat, ours)
    t_peer = least(repeat, peer, cwd=synthetic.peer_cwd(peer))
    row("scripts/i18n status", t_ours, "sphinx-intl stat", t_peer, "target: at most 0.2x, 5x faster")


def write_edited_templates(tree: Path, pot: Path, translations: Sequence[str]) -> None:
    """Templates for the English after an edit: on every 5th page a paragraph reworded and one added."""
    messages = tree / "locale" / translations[0] / "LC_MESSAGES"
    for number, catalog in enumerate(sorted(messages.rglob("*.po"))):
        name = catalog.relative_to(messages).with_suffix("").as_posix()
        msgids = list(pofile.messages(catalog.read_text(encoding="utf-8"), catalog).messages)
        if number % 5 == 0 and len(msgids) > 3:
            msgids[2] = msgids[2].replace("Step", "Then step", 1)
            msgids.insert(3, f"A new step on page {name}.")
        entries = [(msgid, "", False) for msgid in msgids]
        synthetic.write_catalog(pot / f"{name}.pot", f"{name}.md", entries, None, None)


def bench_update(tree: Path, base: Path, translations: Sequence[str]) -> None:
    print(f"update, after an English edit, each once on a fresh copy of the catalogs ({load()}):", flush=True)
    pot = base / "pot"
    write_edited_templates(tree, pot, translations)
    langs = [arg for lang in translations for arg in ("--lang", lang)]
    times = {}
    for tool in ("sphinx-intl update", "scripts/i18n update"):
        locale = base / "update-locale"
        if locale.exists():
            shutil.rmtree(locale)
        shutil.copytree(tree / "locale", locale)
        if tool == "sphinx-intl update":
            cmd = [sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot), "-d", str(locale)]
            cmd += [arg.replace("--lang", "-l") for arg in langs]
            times[tool] = cpu_of(cmd, cwd=synthetic.peer_cwd(cmd), ok=(0,))
        else:
            times[tool] = cpu_of(i18n("update", "--pot", str(pot), "--locale", str(locale), *langs), ok=(0,))
    row("scripts/i18n update", times["scripts/i18n update"], "sphinx-intl update", times["sphinx-intl update"],
        "target: at most 0.5x, 2x faster")  # fmt: skip


def bench_check(tree: Path, repeat: int) -> None:
    print(f"check ({load()}):", flush=True)
    ours = i18n("check", "--locale", str(tree / "locale"))
    peer = [sys.executable, "-c", BABEL_LOOP, str(tree / "locale")]
    row("scripts/i18n check", least(repeat, ours, cwd=str(ROOT)), "loop: Babel read_po of every catalog",
        least(repeat, peer), "for information: check parses every message too")  # fmt: skip


# -- Markdown pages ------------------------------------------------------------------------


def bench_markdown(base: Path, pages: int, translations: Sequence[str], repeat: int) -> None:
    print(f"status --markdown: generating {pages} pages x {len(translations)} translations ...", flush=True)
    tree = synthetic.openclaw_tree(base / "markdown", pages, list(translations))
    print(f"status --markdown ({load()}):", flush=True)
    ours = i18n("status", "--markdown", str(tree))
    floor = [sys.executable, str(ROOT / "benchmarks" / "floor_status.py"), str(tree), *translations]
    row("scripts/i18n status --markdown", least(repeat, ours), "front-matter loop (floor_status.py)",
        least(repeat, floor), "target: at most 1.0x")  # fmt: skip


# -- the sharded build ---------------------------------------------------------------------


def bench_build_shards(base: Path, pages: int, translations: Sequence[str], sample: int) -> None:
    built = list(translations[:sample])
    print(f"sharded build: {pages} pages; English and {len(built)} of {len(translations)} translations built "
          f"({', '.join(built) or 'none'}), one sphinx-build each ({load()}) ...", flush=True)  # fmt: skip
    tree = bench_build.synthetic_site(base / "site", pages, built)
    build = base / "site-build"
    times = bench_build.sequential(ROOT, tree, build, [LANGUAGES[0], *built])
    bench_build.check_translated(build, built)
    stock_conf = base / "stock-conf"
    stock_conf.mkdir()
    (stock_conf / "conf.py").write_text(STOCK_CONF, encoding="utf-8")
    stock_cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(stock_conf), "-q", "-d",
                 str(build / "doctrees-stock"), str(tree / "source"), str(build / "html-stock")]  # fmt: skip
    stock = cpu_of(stock_cmd, ok=(0,))
    english = times[LANGUAGES[0]][1]
    print(f"  {'stock sphinx-build, English, ext. off':<38} CPU {stock:8.2f} s")
    print(f"  shard {LANGUAGES[0]:<32} CPU {english:8.2f} s  ({english / stock:.2f}x stock)")
    for lang in built:
        cpu = times[lang][1]
        print(f"  shard {lang:<32} CPU {cpu:8.2f} s  ({cpu / english:.2f}x English, {cpu / stock:.2f}x stock)")
    if built:
        mean = sum(times[lang][1] for lang in built) / len(built)
        whole = english + mean * len(translations)
        measured = "measured" if len(built) == len(translations) else "EXTRAPOLATED from the sample"
        print(f"  whole site, {1 + len(translations)} shards: CPU {whole:8.1f} s ({measured}: English + "
              f"{mean:.2f} s x {len(translations)} translations); {whole / stock:.1f}x one stock English build, "
              f"{whole / (stock * (1 + len(translations))):.2f}x stock for each language")  # fmt: skip
        print("  target: a translated shard within 1.3x of English", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=800, help="English pages (default 800)")
    parser.add_argument("--languages", nargs="+", help="languages (default: conf.py's; the first is the source)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of status and check (default 3)")
    parser.add_argument("--build-pages", type=int, help="pages of the sharded build (default: --pages)")
    parser.add_argument("--build-languages", type=int, default=2, help="translations built (default 2)")
    parser.add_argument("--skip", default="", help=f"comma-separated parts to skip: {','.join(PARTS)}")
    args = parser.parse_args(argv)
    langs = args.languages or LANGUAGES
    translations = [lang for lang in langs if lang != LANGUAGES[0]]
    skip = set(filter(None, args.skip.split(",")))
    print(f"scale: {args.pages} pages x {1 + len(translations)} languages ({load()})", flush=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        base = Path(tmp)
        if not {"status", "update", "check"} <= skip:
            print(f"catalogs: generating {args.pages} pages x {len(translations)} translations ...", flush=True)
            tree = synthetic.catalog_tree(base / "catalogs", args.pages, translations)
            if "status" not in skip:
                bench_status(tree, args.repeat)
            if "check" not in skip:
                bench_check(tree, args.repeat)
            if "update" not in skip:
                bench_update(tree, base, translations)
        if "markdown" not in skip:
            bench_markdown(base, args.pages, translations, args.repeat)
        if "build" not in skip:
            bench_build_shards(base, args.build_pages or args.pages, translations, args.build_languages)
    print(f"scale: done in {time.perf_counter() - start:.0f} s ({load()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
