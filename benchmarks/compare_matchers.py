"""Compare the merge's fuzzy suggestions on a real version upgrade: Babel's choice against RapidFuzz alone.

The same upgrade as ``benchmarks/bench_upgrade.py`` (``--old``/``--new`` or ``PYTHON_DOCS_KO``),
merged in this process with ``memory/catalog_merge.py`` and, as the matcher:

- ``difflib``: :func:`docs_i18n.memory.matcher.closest`, Babel's choice (difflib's ratio, cutoff 0.6);
- ``indel <cutoff>``: RapidFuzz's best match alone (``process.extractOne`` with ``fuzz.ratio``), at
  each of ``--cutoffs``.

For each: the fuzzy suggestions, how many equal or are close (difflib ratio 0.8 or more) to the
new version's reviewed translation of that English, and how many are the same as difflib's,
different, or offered by one matcher only. Used once to choose the matcher
(``docs/performance.md``); not part of ``make bench``.

Usage: ``python -m benchmarks.compare_matchers [--old DIR --new DIR] [--cutoffs 0.6 0.7]``.
Exit codes: 0 compared, or skipped (no catalogs given); 2 a folder is missing.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz import fuzz, process

from benchmarks import bench_upgrade as upgrade
from docs_i18n.memory import catalog_merge, matcher

Closest = Callable[[str, Sequence[str], float], int | None]
Key = tuple[str, str | None, str]  # catalog, msgctxt, msgid


def indel_alone(cutoff: float) -> Closest:
    def closest(key: str, candidates: Sequence[str], _babel_cutoff: float) -> int | None:
        if not candidates:
            return None
        found = process.extractOne(key, candidates, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff * 100 - 1e-9)
        return None if found is None else int(found[2])

    return closest


def suggestions(old: Path, new: Path, closest: Closest) -> dict[Key, str]:
    """The merge's new fuzzy suggestions over the whole upgrade, by catalog and message."""
    found: dict[Key, str] = {}
    news, olds = upgrade.catalogs(new), upgrade.catalogs(old)
    for name in sorted(news.keys() & olds.keys()):
        before = upgrade.read(olds[name])
        was = {upgrade.key(m): m for m in before if m.id}
        merged = copy.deepcopy(before)
        catalog_merge.update(merged, upgrade.read(news[name]), closest=closest)
        for m in merged:
            k = upgrade.key(m)
            if m.id and m.fuzzy and upgrade.translated(m) and not (k in was and was[k].fuzzy):
                found[(name, *k)] = upgrade.text(m)
    return found


def good(found: dict[Key, str], keys: Iterable[Key], real: dict[str, str]) -> str:
    pairs = [(found[k], real[k[2]]) for k in keys if k in found and k[2] in real]
    equal = sum(a == b for a, b in pairs)
    close = sum(a != b and SequenceMatcher(None, a, b, autojunk=False).ratio() >= upgrade.CLOSE for a, b in pairs)
    return f"{equal} equal + {close} close"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", type=Path, help="catalogs of the old version (default: $PYTHON_DOCS_KO/3.9)")
    parser.add_argument("--new", type=Path, help="catalogs of the new version (default: $PYTHON_DOCS_KO/3.13)")
    parser.add_argument("--cutoffs", type=float, nargs="+", default=[0.6, 0.7, 0.75], help="RapidFuzz's cutoffs")
    args = parser.parse_args(argv)
    given = upgrade.chosen_folders(args, "compare_matchers")
    if isinstance(given, int):
        return given
    old, new = given
    real: dict[str, str] = {}
    for path in upgrade.catalogs(new).values():
        for m in upgrade.read(path):
            if m.id and upgrade.translated(m) and not m.fuzzy:
                real.setdefault(upgrade.key(m)[1], upgrade.text(m))
    babel = suggestions(old, new, matcher.closest)
    print(f"difflib (Babel's, 0.6): {len(babel)} suggestions, {good(babel, babel, real)}")
    for cutoff in args.cutoffs:
        ours = suggestions(old, new, indel_alone(cutoff))
        both = babel.keys() & ours.keys()
        differ = [k for k in both if babel[k] != ours[k]]
        print(
            f"RapidFuzz Indel alone ({cutoff}): {len(ours)} suggestions, {good(ours, ours, real)}; "
            f"{len(both) - len(differ)} the same as difflib's; {len(differ)} different (difflib "
            f"{good(babel, differ, real)}, RapidFuzz {good(ours, differ, real)}); "
            f"{len(ours.keys() - both)} RapidFuzz only ({good(ours, ours.keys() - both, real)}); "
            f"{len(babel.keys() - both)} difflib only ({good(babel, babel.keys() - both, real)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
