"""``make update-po`` over a tree: every template merged into every language's catalog, memory filling.

First every catalog of every language is read, strictly (``core.pofile``): its
translated entries (live, fuzzy and obsolete) make the language's memory, with the
optional compendium ``<locale>/<lang>/compendium.po``. A catalog or template that
cannot be read stops the update before anything is written.

Then each template is merged into its catalog in each language, in worker processes
as sphinx-intl uses. A catalog whose messages are those of its template is left
alone, as sphinx-intl leaves it (it rewrites a catalog only when its msgids
change); the others are merged and filled (:mod:`docs_i18n.memory.merge`), and
written at the end, atomically. The theme's UI catalog (``sphinx.po``) is merged as
sphinx-intl merges it, without memory: its strings are the templates', not pages'.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docs_i18n.core import locale_tree, pages, pofile, workers
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import atomic_write, check_inside, read_text
from docs_i18n.memory.merge import Outcome, update_catalog
from docs_i18n.memory.store import THRESHOLD, Memory, Remembered, remembered

COMPENDIUM = "compendium.po"
PARALLEL_MIN = 24  # files; fewer are read and merged in this process

Key = tuple[str | None, str, str | None]  # msgctxt, msgid, msgid_plural: a message's identity

_MEMORIES: dict[str, Memory | None] = {}  # per language; set before the worker processes fork, read by them


@dataclass
class Report:
    """What an update did, catalog by catalog, and the memory it used."""

    outcomes: list[Outcome] = field(default_factory=list)
    remembered: dict[str, int] = field(default_factory=dict)  # language -> distinct English texts
    errors: list[InputError] = field(default_factory=list)

    def totals(self) -> dict[str, dict[str, int]]:
        """Per language: catalogs created, updated and not changed; messages filled exact and fuzzy."""
        out: dict[str, dict[str, int]] = {}
        for outcome in self.outcomes:
            row = out.setdefault(outcome.lang, {"create": 0, "update": 0, "notchanged": 0, "exact": 0, "fuzzy": 0})
            row[outcome.status] += 1
            row["exact"] += outcome.exact
            row["fuzzy"] += outcome.fuzzy
        return out


def templates(pot_dir: Path) -> list[str]:
    """The templates under *pot_dir*, as paths relative to it without ``.pot`` (sorted)."""
    if not pot_dir.is_dir():
        raise InputError(pot_dir, 0, "no templates folder; run `make gettext` first")
    found = sorted(
        Path(dirpath, name).relative_to(pot_dir).with_suffix("").as_posix()
        for dirpath, _, names in os.walk(pot_dir)
        for name in names
        if name.endswith(".pot")
    )
    if not found:
        raise InputError(pot_dir, 0, "no .pot templates here; run `make gettext` first")
    return found


def _keys(catalog: pofile.Catalog) -> frozenset[Key]:
    return frozenset((e.msgctxt, e.msgid, e.msgid_plural) for e in catalog.messages())


def _read_catalog(source: tuple[str, str | None]) -> tuple[list[Remembered], frozenset[Key], str] | InputError:
    """What the update needs of a catalog or template (``(path, catalogs' folder or None)``): the
    entries memory keeps, its live messages and its text (the merge starts from it: each file is
    read once). A catalog is read by :mod:`~docs_i18n.core.locale_tree`'s rules."""
    path, locale_dir = source
    try:
        text = locale_tree.read_text(path, locale_dir, "catalog") if locale_dir else read_text(path, "template")
        catalog = pofile.parse(text, path)
    except InputError as exc:
        return exc
    return remembered(catalog), _keys(catalog), text


Progress = Callable[[str, int, int], None]  # (what: "read" or "merged", done, total)


def update_tree(
    pot_dir: Path,
    locale_dir: Path,
    langs: Iterable[str],
    *,
    memory: bool = True,
    threshold: float = THRESHOLD,
    progress: Progress | None = None,
) -> Report:
    """Update every language's catalogs from the templates; write them only if every input was read.

    *progress*, if given, is told how many files were read, then how many templates merged."""
    pot_dir, locale_dir = Path(pot_dir), Path(locale_dir)
    langs = list(langs)
    names = templates(pot_dir)
    report = Report()
    tree = locale_tree.scan(locale_dir)
    report.errors += tree.errors(langs)  # a link or special file under locale/: nothing is written
    sources: list[tuple[str | None, str, str, str]] = []  # (language or None: a template, path, name, kind)
    for lang in langs:
        lc_messages = locale_dir / lang / locale_tree.MESSAGES_DIR
        for path in tree.catalogs(lang):
            sources.append((lang, str(path), path.relative_to(lc_messages).as_posix(), "live"))
        compendium = locale_dir / lang / COMPENDIUM
        if memory and os.path.lexists(compendium):
            sources.append((lang, str(compendium), COMPENDIUM, "compendium"))
    sources += [(None, str(pot_dir / f"{name}.pot"), name, "template") for name in names]
    _MEMORIES.clear()
    _MEMORIES.update({lang: Memory(threshold=threshold) if memory else None for lang in langs})
    live_keys: dict[str, frozenset[Key]] = {}
    texts: dict[str, str] = {}
    reads = _map(
        _read_catalog, [(file, str(locale_dir) if of else None) for of, file, _, _ in sources], progress, "read"
    )
    for (of, file, name, kind), read in zip(sources, reads, strict=True):
        if isinstance(read, InputError):
            report.errors.append(read)
            continue
        entries, live_keys[file], texts[file] = read
        lang_memory = _MEMORIES.get(of) if of else None
        if lang_memory is not None and kind != "template" and name != f"{pages.UI_DOMAIN}.po":
            lang_memory.add_entries(entries, name, kind)
    for lang, lang_memory in _MEMORIES.items():
        report.remembered[lang] = len(lang_memory) if lang_memory is not None else 0
    tasks = []
    for name in names:
        pot_path = str(pot_dir / f"{name}.pot")
        changed: list[tuple[str, str, str | None]] = []
        for lang in langs:
            po_path = str(pages.catalog_path(locale_dir, lang, name))
            if po_path in live_keys and live_keys[po_path] == live_keys.get(pot_path):
                # the template's messages: sphinx-intl would not rewrite it, and nothing is new to fill
                report.outcomes.append(Outcome(po_path, lang, "notchanged"))
            else:
                changed.append((lang, po_path, texts.get(po_path)))
        if changed and pot_path in texts:
            tasks.append((pot_path, texts[pot_path], name, changed))
    if tasks and not report.errors:
        for lang_memory in _MEMORIES.values():
            if lang_memory is not None:
                lang_memory.prepare()  # once, before the workers fork
        for result in _map(_update_template, tasks, progress, "merged"):
            if isinstance(result, InputError):
                report.errors.append(result)
            else:
                report.outcomes.extend(result)
    _MEMORIES.clear()
    for outcome in report.outcomes:  # every target checked before anything is written
        if outcome.text is not None:
            try:
                check_inside(outcome.path, Path(locale_dir) / outcome.lang)
            except InputError as exc:
                report.errors.append(exc)
    if not report.errors:
        for outcome in report.outcomes:
            if outcome.text is not None:
                atomic_write(outcome.path, outcome.text)
    return report


def _update_template(task: tuple[str, str, str, list[tuple[str, str, str | None]]]) -> list[Outcome] | InputError:
    """One template merged into its catalog (its text as first read, None for a new one) in the
    languages where its messages changed."""
    pot_path, pot_text, name, catalogs = task
    try:
        return [
            update_catalog(pot_text, pot_path, po_path, lang, _memory(name, lang), text)
            for lang, po_path, text in catalogs
        ]
    except InputError as exc:
        return exc


def _memory(name: str, lang: str) -> Memory | None:
    """The memory that fills catalog *name* of *lang*: none for the theme's UI catalog."""
    return None if name == pages.UI_DOMAIN else _MEMORIES[lang]


def _map(function: Callable[[Any], Any], items: list[Any], progress: Progress | None, what: str) -> list[Any]:
    """``function`` over *items*, in forked worker processes when there are many (as sphinx-intl)."""
    done = None if progress is None else lambda count: progress(what, count, len(items))
    return workers.map_items(function, items, min_items=PARALLEL_MIN, done=done)
