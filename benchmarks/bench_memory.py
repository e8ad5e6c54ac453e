"""Benchmark translation memory (``make update-po``) against stock ``sphinx-intl update``, in one run.

The tree: 200 English pages of English-like prose (``benchmarks/synthetic.py``:
``Prose``, a vocabulary of 4,000 words), each a title, paragraphs of one to three
sentences and lists, some with a common heading ("See also"), and complete catalogs
in Korean, Japanese and Simplified Chinese. A sequence of English edits is replayed:

1. move: paragraphs moved from one page to another;
2. split: pages split in two (the second half becomes a new page);
3. merge: pages appended to another page and deleted (their catalog stays, an orphan);
4. reword: sentences reworded by one or two words, in place;
5. reorder: list items reordered;
6. move + reword: paragraphs moved to another page and reworded by a word.

Before each edit the catalogs are complete for the English as it stands (translators
have caught up); after it the templates are written and each tool updates its own
copy: ``python -m sphinx_intl update`` and ``scripts/i18n update`` (what ``make
update-po`` runs), both as command lines. For the messages the edit touched, in every
language, the report gives the share:

- translated: not fuzzy, and the translation of that very English;
- fuzzy, right: a fuzzy suggestion, the translation of the English the message had
  before the edit (``#| msgid`` shows the difference);
- fuzzy, wrong: a fuzzy suggestion translating some other English;
- lost: no translation, the reader sees English;
- wrong: translated (not fuzzy) with another English's translation: must be 0.

and, for the whole tree, the share of live messages translated, fuzzy and untranslated.

Targets: at least 99% of moved messages (move, split, merge) translated; at least 90%
of reworded messages (reword, move + reword) with a right fuzzy suggestion; the update
of 1,000 pages x 3 languages after a mixed edit within 1.5x of stock's time (median of
``--repeat`` runs, each on a fresh copy of the catalogs; the run with nothing changed
is reported too).

Usage: ``python -m benchmarks.bench_memory [--pages N] [--speed-pages N] [--repeat N]``.
Exit codes: 0 measured (targets are reported, not enforced); 2 a tool failed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import synthetic
from docs_i18n.core import hashing, pofile, project

ROOT = Path(__file__).resolve().parent.parent
LANGS = project.configured_languages(ROOT)[1:]  # conf.py's translations
COMMON_HEADINGS = ["See also", "Troubleshooting", "Next steps", "Configuration", "Overview"]
CLASSES = ("translated", "fuzzy, right", "fuzzy, wrong", "lost", "wrong")


def translation(lang: str, english: str) -> str:
    """The synthetic translation of *english*: checkable, and not similar across languages."""
    return f"[{lang}] {english}"


@dataclass
class Page:
    name: str  # sectionNN/pageNNNN
    title: str
    blocks: list[list[str]]  # a paragraph is a block of one message; a list, of its items

    def messages(self) -> list[str]:
        seen = dict.fromkeys([self.title, *(m for block in self.blocks for m in block)])
        return list(seen)  # a catalog holds a msgid once


@dataclass
class Touched:
    """A message an edit touched: where it is now, and the English it had before."""

    page: str
    english: str
    before: str


@dataclass
class Site:
    rng: random.Random
    prose: synthetic.Prose
    pages: dict[str, Page] = field(default_factory=dict)

    @classmethod
    def generate(cls, count: int, seed: int = 5) -> Site:
        rng = random.Random(seed)
        site = cls(rng, synthetic.Prose(rng))
        for index in range(count):
            blocks: list[list[str]] = []
            for _ in range(rng.randint(8, 20)):
                if rng.random() < 0.25:
                    blocks.append([site.prose.phrase() for _ in range(rng.randint(3, 6))])
                else:
                    blocks.append([site.prose.paragraph()])
            if rng.random() < 0.3:
                blocks.append([rng.choice(COMMON_HEADINGS)])
            name = f"section{index % 20:02d}/page{index:04d}"
            site.pages[name] = Page(name, f"{site.prose.phrase(2, 5)} {index}", blocks)
        return site

    def paragraphs(self, page: Page) -> list[int]:
        return [i for i, b in enumerate(page.blocks) if len(b) == 1 and b[0] not in COMMON_HEADINGS]

    def other_page(self, name: str) -> Page:
        return self.pages[self.rng.choice([n for n in self.pages if n != name])]

    # -- edits: each returns the messages it touched --------------------------------

    def move(self, count: int, reword: bool = False) -> list[Touched]:
        touched = []
        for _ in range(count):
            source = self.pages[self.rng.choice([n for n, p in self.pages.items() if len(self.paragraphs(p)) > 2])]
            block = source.blocks.pop(self.rng.choice(self.paragraphs(source)))
            before = block[0]
            if reword:
                block = [self.reworded(before, 1)]
            dest = self.other_page(source.name)
            dest.blocks.insert(self.rng.randint(0, len(dest.blocks)), block)
            touched.append(Touched(dest.name, block[0], before))
        return touched

    def split(self, count: int) -> list[Touched]:
        touched = []
        for name in self.rng.sample([n for n, p in self.pages.items() if len(p.blocks) >= 8], count):
            page = self.pages[name]
            half = len(page.blocks) // 2
            new = Page(f"{name}-part2", f"{self.prose.phrase(2, 5)} part two", page.blocks[half:])
            page.blocks = page.blocks[:half]
            self.pages[new.name] = new
            touched += [Touched(new.name, m, m) for block in new.blocks for m in block]
        return touched

    def merge(self, count: int) -> list[Touched]:
        touched = []
        names = self.rng.sample(sorted(self.pages), count * 2)
        for keep, gone in zip(names[::2], names[1::2], strict=True):
            absorbed = self.pages.pop(gone)
            self.pages[keep].blocks += [[absorbed.title], *absorbed.blocks]
            touched += [Touched(keep, m, m) for m in absorbed.messages()]
        return touched

    def reword_in_place(self, count: int) -> list[Touched]:
        touched = []
        candidates = [(name, index) for name, page in self.pages.items() for index in self.paragraphs(page)]
        for name, index in self.rng.sample(candidates, count):  # each paragraph once
            page = self.pages[name]
            before = page.blocks[index][0]
            page.blocks[index] = [self.reworded(before, self.rng.randint(1, 2))]
            touched.append(Touched(page.name, page.blocks[index][0], before))
        return touched

    def reorder(self, count: int) -> list[Touched]:
        touched = []
        lists = [(n, i) for n, p in self.pages.items() for i, b in enumerate(p.blocks) if len(b) > 2]
        for name, index in self.rng.sample(lists, count):
            items = self.pages[name].blocks[index]
            self.rng.shuffle(items)
            touched += [Touched(name, m, m) for m in items]
        return touched

    def reworded(self, text: str, words: int) -> str:
        """*text* with *words* of its longer words replaced by other words."""
        tokens = text.split(" ")
        positions = [i for i, t in enumerate(tokens) if len(t.strip(".")) > 3 and i > 0]
        for i in self.rng.sample(positions, min(words, len(positions))):
            end = "." if tokens[i].endswith(".") else ""
            tokens[i] = self.prose.word() + end
        return " ".join(tokens)

    # -- files ---------------------------------------------------------------------------

    def write_templates(self, pot_dir: Path) -> None:
        if pot_dir.exists():
            shutil.rmtree(pot_dir)
        for page in self.pages.values():
            entries = [(m, "", False) for m in page.messages()]
            synthetic.write_catalog(pot_dir / f"{page.name}.pot", f"{page.name}.md", entries, None, None)

    def write_complete_catalogs(self, locale_dir: Path) -> None:
        if locale_dir.exists():
            shutil.rmtree(locale_dir)
        for page in self.pages.values():
            record = hashing.hash_bytes("\n\n".join(page.messages()).encode())
            for lang in LANGS:
                entries = [(m, translation(lang, m), False) for m in page.messages()]
                path = locale_dir / lang / "LC_MESSAGES" / f"{page.name}.po"
                synthetic.write_catalog(path, f"{page.name}.md", entries, lang, record)


# -- the two tools -----------------------------------------------------------------------


def stock_command(pot_dir: Path, locale_dir: Path) -> list[str]:
    langs = [arg for lang in LANGS for arg in ("-l", lang)]
    return [sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot_dir), "-d", str(locale_dir), *langs]


def memory_command(pot_dir: Path, locale_dir: Path) -> list[str]:
    langs = [arg for lang in LANGS for arg in ("--lang", lang)]
    return [sys.executable, str(ROOT / "scripts" / "i18n"), "update", "--pot", str(pot_dir),
            "--locale", str(locale_dir), *langs]  # fmt: skip


TOOLS: dict[str, Callable[[Path, Path], list[str]]] = {
    "sphinx-intl update": stock_command,
    "make update-po": memory_command,
}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=synthetic.peer_cwd(cmd))
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:5])}... failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed


# -- scoring -------------------------------------------------------------------------------


def classify(entry: pofile.Entry | None, lang: str, english: str, before: str) -> str:
    if entry is None or entry.state == "untranslated":
        return "lost"
    right = {translation(lang, english), translation(lang, before)}
    if entry.fuzzy:
        return "fuzzy, right" if entry.msgstr[0] in right else "fuzzy, wrong"
    return "translated" if entry.msgstr[0] == translation(lang, english) else "wrong"


def score(locale_dir: Path, site: Site, touched: list[Touched]) -> tuple[Counter, Counter]:
    """Classes of the touched messages, and the whole tree's message states, over every language."""
    touched_classes: Counter = Counter()
    tree: Counter = Counter()
    for lang in LANGS:
        catalogs: dict[str, dict[str, pofile.Entry]] = {}
        for name in site.pages:
            catalog = pofile.read(locale_dir / lang / "LC_MESSAGES" / f"{name}.po")
            catalogs[name] = {e.msgid: e for e in catalog.messages()}
            tree.update(e.state for e in catalog.messages())
        for item in touched:
            entry = catalogs[item.page].get(item.english)
            touched_classes[classify(entry, lang, item.english, item.before)] += 1
    return touched_classes, tree


def share(counter: Counter, key: str) -> float:
    total = sum(counter.values())
    return 100.0 * counter[key] / total if total else 0.0


STEPS: list[tuple[str, str, Callable[[Site], list[Touched]]]] = [
    ("move", "40 paragraphs moved between pages", lambda s: s.move(40)),
    ("split", "8 pages split in two", lambda s: s.split(8)),
    ("merge", "8 pages merged into another", lambda s: s.merge(8)),
    ("reword", "60 sentences reworded by one or two words", lambda s: s.reword_in_place(60)),
    ("reorder", "20 lists reordered", lambda s: s.reorder(20)),
    ("move + reword", "30 paragraphs moved and reworded by a word", lambda s: s.move(30, reword=True)),
]


def bench_steps(base: Path, pages: int) -> dict[str, dict[str, Counter]]:
    site = Site.generate(pages)
    print(f"edits on {len(site.pages)} pages x {len(LANGS)} languages (shares of the messages each edit touched)")
    header = f"  {'':<20}" + "".join(f"{c:>14}" for c in CLASSES) + f"{'time':>9}"
    results: dict[str, dict[str, Counter]] = {}
    for key, label, edit in STEPS:
        complete = base / "complete"
        site.write_complete_catalogs(complete)
        touched = edit(site)
        site.write_templates(base / "pot")
        print(f"{key}: {label} ({len(touched)} messages x {len(LANGS)} languages)")
        print(header)
        results[key] = {}
        trees = []
        for tool, command in TOOLS.items():
            locale = base / tool.replace(" ", "-")
            if locale.exists():
                shutil.rmtree(locale)
            shutil.copytree(complete, locale)
            elapsed = timed(command(base / "pot", locale))
            classes, tree = score(locale, site, touched)
            results[key][tool] = classes
            trees.append((tool, tree))
            print(f"  {tool:<20}" + "".join(f"{share(classes, c):>13.1f}%" for c in CLASSES) + f"{elapsed:>8.1f}s")
        print(
            "  whole tree:  "
            + ";  ".join(
                f"{tool}: {share(tree, 'translated'):.1f}% translated, {share(tree, 'fuzzy'):.1f}% fuzzy, "
                f"{share(tree, 'untranslated'):.1f}% untranslated"
                for tool, tree in trees
            )
        )
    return results


def bench_speed(base: Path, pages: int, repeat: int) -> tuple[float, float]:
    """Median times (stock, memory) of the update after a mixed edit; also prints the no-change run."""
    print(f"speed: {pages} pages x {len(LANGS)} languages, median of {repeat} runs each", flush=True)
    site = Site.generate(pages, seed=9)
    complete = base / "speed-complete"
    site.write_complete_catalogs(complete)
    medians = {}
    for label in ("nothing changed", "after a mixed edit"):
        if label != "nothing changed":
            site.move(pages // 20)
            site.reword_in_place(pages // 20)
            site.split(pages // 200 or 1)
            site.merge(pages // 200 or 1)
        site.write_templates(base / "speed-pot")
        times: dict[str, list[float]] = {tool: [] for tool in TOOLS}
        for run in range(repeat):
            order = list(TOOLS.items()) if run % 2 == 0 else list(TOOLS.items())[::-1]
            for tool, command in order:
                locale = base / "speed-locale"
                if locale.exists():
                    shutil.rmtree(locale)
                shutil.copytree(complete, locale)
                times[tool].append(timed(command(base / "speed-pot", locale)))
        stock, ours = (statistics.median(times[tool]) for tool in TOOLS)
        medians[label] = (stock, ours)
        print(f"  {label:<20} sphinx-intl update {stock:6.1f} s   make update-po {ours:6.1f} s   ({ours / stock:.2f}x)")
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return medians["after a mixed edit"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200, help="pages of the edited tree (default 200)")
    parser.add_argument("--speed-pages", type=int, default=1000, help="pages of the timed tree (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each tool (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        results = bench_steps(Path(tmp), args.pages)
        stock, ours = bench_speed(Path(tmp), args.speed_pages, args.repeat)
    print("targets:")
    for label, keys, wanted, target in (
        ("moved messages translated (move, split, merge)", ("move", "split", "merge"), "translated", 99),
        ("reworded messages with a right fuzzy suggestion", ("reword", "move + reword"), "fuzzy, right", 90),
    ):
        line = f"  {label}:"
        for tool in TOOLS:
            total = sum((results[k][tool] for k in keys), Counter())
            line += f"  {tool} {share(total, wanted):.1f}%"
        print(f"{line}  (target for make update-po: at least {target}%)")
    print(f"  update time, {args.speed_pages} pages x {len(LANGS)} languages after a mixed edit: "
          f"{ours / stock:.2f}x stock (target: at most 1.5x)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
