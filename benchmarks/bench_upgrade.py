"""Benchmark ``make update-po`` against ``sphinx-intl update`` on a real version upgrade, in one run.

The upgrade: the catalogs of one version of a translated documentation (``--old``, e.g. the
Korean catalogs of the Python documentation 3.9) merged with templates made from the
catalogs of a later version (``--new``, e.g. 3.13: each catalog's messages, without their
translations). Both folders hold ``.po`` files by page path, as the ``python-docs-ko``
repository does; give them with ``--old``/``--new``, or give ``PYTHON_DOCS_KO`` (a folder
holding ``3.9/`` and ``3.13/``). Without either, the benchmark says so and exits 0 (``make
bench`` skips it). Nothing of these catalogs is copied into the project.

The old catalogs are copied twice; ``python -m sphinx_intl update`` updates one copy and
``scripts/i18n update`` (what ``make update-po`` runs) the other, both as command lines. The
report, for each tool:

- CPU time (user + system of the command and its worker processes) and its ratio;
- kept: messages translated (not fuzzy) in the old catalog, still translated with the same
  text after the update;
- lost: messages of the templates whose English had a translation somewhere in the old
  catalogs (a live entry, reviewed) and which are untranslated after the update;
- overwritten: messages translated in the old catalog whose text or state changed (must be 0);
- fuzzy: the fuzzy suggestions, and how many equal, or are close to (difflib ratio 0.8 or
  more), the translation the new version's real catalogs hold for that English.

``scripts/i18n update --no-memory`` (the merge alone, with RapidFuzz's matcher) runs too, so
that its suggestions can be compared, message by message, with sphinx-intl's (difflib's).

Target: ``make update-po`` at least 2x faster (CPU) than ``sphinx-intl update``, with nothing
lost or overwritten that sphinx-intl keeps and at least as many equal or close suggestions.

Usage: ``python -m benchmarks.bench_upgrade [--old DIR --new DIR] [--catalogs N]``.
Exit codes: 0 measured, or skipped (no catalogs given); 2 a tool failed or a folder is missing.
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
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from benchmarks import synthetic

ROOT = Path(__file__).resolve().parent.parent
LANG = "ko"
CLOSE = 0.8  # difflib ratio of a suggestion to the real translation, to count as close
ENV = "PYTHON_DOCS_KO"


def catalogs(folder: Path) -> dict[str, Path]:
    """The ``.po`` files under *folder*, by path relative to it without ``.po``."""
    return {
        path.relative_to(folder).with_suffix("").as_posix(): path
        for path in sorted(folder.rglob("*.po"))
        if ".git" not in path.parts
    }


def sample(names: list[str], count: int | None) -> list[str]:
    """*count* names spread evenly over *names* (all of them without a count)."""
    if not count or count >= len(names):
        return names
    step = len(names) / count
    return [names[int(i * step)] for i in range(count)]


def read(path: Path) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle)


def write_template(source: Path, target: Path) -> None:
    """The template of a catalog: its live messages, their English, no translation."""
    catalog = read(source)
    template = Catalog(fuzzy=False, charset="utf-8")
    template.creation_date = catalog.creation_date
    for message in catalog:
        if not message.id:
            continue
        string: str | tuple[str, ...] = ("", "") if message.pluralizable else ""
        template.add(
            message.id,
            string,
            locations=message.locations,
            flags=[flag for flag in message.flags if flag != "fuzzy"],
            auto_comments=message.auto_comments,
            context=message.context,
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        write_po(handle, template, width=76)


def key(message) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


def translated(message) -> bool:  # type: ignore[no-untyped-def]
    string = message.string if isinstance(message.string, str) else (message.string or ("",))[0]
    return bool(string)


def text(message) -> str:  # type: ignore[no-untyped-def]
    return message.string if isinstance(message.string, str) else "\x00".join(message.string)


@dataclass
class Score:
    cpu: float = 0.0
    wall: float = 0.0
    kept: int = 0
    lost: int = 0
    overwritten: int = 0
    fuzzy: int = 0
    equal: int = 0
    close: int = 0
    examples: list[str] = field(default_factory=list)
    suggestions: dict[tuple[str, str | None, str], str] = field(default_factory=dict)  # new fuzzy texts


def score(result: Path, old: dict[str, Catalog], remembered: set[str], real: dict[str, str], names: list[str]) -> Score:
    """Compare the updated catalogs under *result* with the old ones and the new version's translations."""
    out = Score()
    for name in names:
        path = result / f"{name}.po"
        if not path.exists():
            continue
        after = {key(m): m for m in read(path) if m.id}
        before = {key(m): m for m in old[name] if m.id} if name in old else {}
        for k, message in after.items():
            was = before.get(k)
            if was is not None and translated(was) and not was.fuzzy:
                if text(message) == text(was) and not message.fuzzy:
                    out.kept += 1
                else:
                    out.overwritten += 1
                    if len(out.examples) < 3:
                        out.examples.append(f"{name}: {k[1][:60]!r}")
            if not translated(message):
                if k[1] in remembered:
                    out.lost += 1
                continue
            if message.fuzzy and (was is None or not was.fuzzy):
                out.fuzzy += 1
                out.suggestions[(name, *k)] = text(message)
                truth = real.get(k[1])
                if truth is None:
                    continue
                if text(message) == truth:
                    out.equal += 1
                elif SequenceMatcher(None, text(message), truth, autojunk=False).ratio() >= CLOSE:
                    out.close += 1
    return out


def run(cmd: list[str]) -> tuple[float, float]:
    """Run *cmd*; its CPU time (user + system, with its worker processes) and wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=synthetic.peer_cwd(cmd))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:5])}... failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def commands(pot: Path, locale: Path) -> dict[str, list[str]]:
    return {
        "sphinx-intl update": [sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot), "-d", str(locale),
                               "-l", LANG],
        "update --no-memory": [sys.executable, str(ROOT / "scripts" / "i18n"), "update", "--pot", str(pot),
                               "--locale", str(locale), "--lang", LANG, "--no-memory"],
        "make update-po": [sys.executable, str(ROOT / "scripts" / "i18n"), "update", "--pot", str(pot),
                           "--locale", str(locale), "--lang", LANG],
    }  # fmt: skip


def compare(difflib: Score, rapidfuzz: Score, real: dict[str, str]) -> str:
    """The merge's suggestions with Babel's matcher (sphinx-intl) and with RapidFuzz (``--no-memory``)."""
    both = difflib.suggestions.keys() & rapidfuzz.suggestions.keys()
    same = sum(difflib.suggestions[k] == rapidfuzz.suggestions[k] for k in both)
    lines = [
        f"  the merge's fuzzy suggestions, difflib (sphinx-intl) vs RapidFuzz (update --no-memory): "
        f"{same} the same, {len(both) - same} different, {len(difflib.suggestions.keys() - both)} difflib only, "
        f"{len(rapidfuzz.suggestions.keys() - both)} RapidFuzz only"
    ]
    groups = {
        "where they differ": [k for k in both if difflib.suggestions[k] != rapidfuzz.suggestions[k]],
        "difflib only": sorted(difflib.suggestions.keys() - both),
        "RapidFuzz only": sorted(rapidfuzz.suggestions.keys() - both),
    }
    for label, keys in groups.items():
        counts = []
        for tool, found in (("difflib", difflib), ("RapidFuzz", rapidfuzz)):
            truth = [(found.suggestions[k], real[k[2]]) for k in keys if k in found.suggestions and k[2] in real]
            equal = sum(a == b for a, b in truth)
            close = sum(a != b and SequenceMatcher(None, a, b, autojunk=False).ratio() >= CLOSE for a, b in truth)
            if truth or tool in label or label.startswith("where"):
                counts.append(f"{tool} {equal} equal + {close} close")
        lines.append(f"    {label} ({len(keys)}): " + ", ".join(counts) + " to the real translation")
    return "\n".join(lines)


def folders(args: argparse.Namespace) -> tuple[Path, Path] | None:
    if args.old and args.new:
        return args.old, args.new
    base = os.environ.get(ENV)
    if base:
        return Path(base) / "3.9", Path(base) / "3.13"
    return None


def chosen_folders(args: argparse.Namespace, program: str) -> tuple[Path, Path] | int:
    """The old and new catalogs' folders, or the exit code after saying why not (0: skipped, 2: missing)."""
    given = folders(args)
    if given is None:
        print(f"{program}: skipped (set {ENV} to a folder holding 3.9/ and 3.13/, or give --old and --new)")
        return 0
    for folder in given:
        if not folder.is_dir():
            print(f"{folder}:0: no such folder", file=sys.stderr)
            return 2
    return given


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", type=Path, help="catalogs of the old version (default: $PYTHON_DOCS_KO/3.9)")
    parser.add_argument("--new", type=Path, help="catalogs of the new version (default: $PYTHON_DOCS_KO/3.13)")
    parser.add_argument("--catalogs", type=int, help="a sample of this many templates, spread evenly (default: all)")
    args = parser.parse_args(argv)
    given = chosen_folders(args, "bench_upgrade")
    if isinstance(given, int):
        return given
    old_dir, new_dir = given
    new_catalogs, old_catalogs = catalogs(new_dir), catalogs(old_dir)
    names = sample(sorted(new_catalogs), args.catalogs)
    olds = [name for name in sorted(old_catalogs) if not args.catalogs or name in names]
    old = {name: read(old_catalogs[name]) for name in olds}
    remembered = {key(m)[1] for catalog in old.values() for m in catalog if m.id and translated(m) and not m.fuzzy}
    real: dict[str, str] = {}
    for name in names:
        for message in read(new_catalogs[name]):
            if message.id and translated(message) and not message.fuzzy:
                real.setdefault(key(message)[1], text(message))
    print(f"upgrade: {len(olds)} old catalogs ({old_dir}), {len(names)} templates from {new_dir}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-upgrade-") as tmp:
        base = Path(tmp)
        for name in names:
            write_template(new_catalogs[name], base / "pot" / f"{name}.pot")
        scores: dict[str, Score] = {}
        load = os.getloadavg()
        for tool, cmd in commands(base / "pot", base / "placeholder").items():
            locale = base / tool.replace(" ", "-")
            messages = locale / LANG / "LC_MESSAGES"
            for name in olds:
                (messages / f"{name}.po").parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(old_catalogs[name], messages / f"{name}.po")
            cmd = commands(base / "pot", locale)[tool]
            cpu, wall = run(cmd)
            scores[tool] = score(messages, old, remembered, real, names)
            scores[tool].cpu, scores[tool].wall = cpu, wall
            print(f"  {tool:<18} CPU {cpu:7.1f} s  (wall {wall:6.1f} s)", flush=True)
        load_end = os.getloadavg()
    print(f"  load average: {load[0]:.1f} at the start, {load_end[0]:.1f} at the end, on {os.cpu_count()} cores")
    print(f"  {'':<18} {'kept':>7} {'lost':>6} {'overwritten':>11} {'fuzzy':>6} {'equal':>6} {'close':>6}")
    for tool, s in scores.items():
        print(f"  {tool:<18} {s.kept:7d} {s.lost:6d} {s.overwritten:11d} {s.fuzzy:6d} {s.equal:6d} {s.close:6d}")
        for example in s.examples:
            print(f"    overwritten: {example}")
    print(compare(scores["sphinx-intl update"], scores["update --no-memory"], real))
    stock, ours = scores["sphinx-intl update"], scores["make update-po"]
    print(f"  make update-po: {stock.cpu / ours.cpu:.2f}x faster than sphinx-intl update (CPU; target: at least 2x); "
          f"equal or close suggestions {ours.equal + ours.close} vs {stock.equal + stock.close} "
          f"(target: at least as many)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
