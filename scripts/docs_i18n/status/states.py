"""Translation status: which translation of which page is current, and why not.

A translation is *current* when the source hash it records equals the hash of
today's English file, *stale* when it differs, *unknown* when there is no record
or the record is not a complete hash, *missing* when there is no translation and
*orphan* when the English page is gone. Two layouts are read:

- gettext catalogs: English pages under ``source/``, catalogs under
  ``locale/<lang>/LC_MESSAGES/<page>.po`` (the record is a header comment);
- Markdown pages: English pages under ``ROOT``, translations under
  ``ROOT/<lang>/<page>.md`` (the record is ``x-i18n.source_hash``).

For catalogs, the message counts are those a reader sees (:mod:`.coverage`): the
messages each page renders (from the ``.pot`` templates of ``make gettext``,
:mod:`.templates`), translated or shown in English. A stale translation whose page
renders every message translated changed *outside its text* (a code block, a URL,
the toctree): readers are not warned, and the maintainer reviews the change and stamps.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

# What Markdown status needs; the catalog readers are imported by the functions that read
# catalogs (a command line pays for what it runs: docs/performance.md, "Status speed").
from docs_i18n.core import frontmatter, hashing, languages, pages, textio
from docs_i18n.core.errors import InputError
from docs_i18n.status import coverage

if TYPE_CHECKING:
    from docs_i18n.core import pofile


class PageState(StrEnum):
    """The state of a translation against today's English page (the one list: add a state here)."""

    CURRENT = "current"  # the recorded source hash is today's English hash
    STALE = "stale"  # the English page changed since
    UNKNOWN = "unknown"  # no valid record, or an unreadable catalog
    MISSING = "missing"  # no translation of the page
    ORPHAN = "orphan"  # a translation of an English page that is gone


class ReaderState(StrEnum):
    """What a reader of the translated page gets (:attr:`PageStatus.reader_state`)."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    OUTDATED = "outdated"
    UNKNOWN = "unknown"
    UNTRANSLATED = "untranslated"


STATES = tuple(PageState)
COUNT_KEYS = ("translated", "fuzzy", "untranslated", "obsolete")
_JSON_FIELDS = ("lang", "page", "state", "reason", "translation", "source_hash", "recorded_hash")
READER_STATES = tuple(ReaderState)
# How the counts were made: the messages the page renders (from the templates, or the
# build's own record of them), or only the catalog's messages (no templates to read).
MEASURED = ("templates", "build", "catalog")
STALE_REASON = "the English page changed since this translation was completed"
CHANGED_OUTSIDE_TEXT = (
    "the English page changed outside its text (code, links, the toctree): every message it renders is translated"
)


@dataclass
class PageStatus:
    """The state of one (language, page) translation."""

    lang: str
    page: str  # the English page, relative to the source root: providers/litellm.md
    state: PageState
    reason: str
    translation: str | None = None  # the catalog or translated page, if any
    source_hash: str | None = None  # today's English hash (None for orphans)
    recorded_hash: str | None = None  # as recorded, even when malformed
    translated: int | None = None  # message counts: catalogs only (see `measured`)
    fuzzy: int | None = None
    untranslated: int | None = None
    obsolete: int | None = None  # the catalog's obsolete entries (never rendered)
    # translation memory: messages `update` filled since the catalog's record was set (catalogs only)
    memory: dict[str, int] | None = None
    # translated messages `translate --accept` wrote, not reviewed, under the catalog's record (catalogs only)
    machine: int = 0
    refused: int = 0  # refused by the build's guard: the build only
    measured: str | None = None  # one of MEASURED, when there are counts
    # msgid -> its catalog state as a reader sees it, when the report was asked for them
    catalog_states: dict[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def counts(self) -> dict[str, int] | None:
        if self.translated is None:
            return None
        return {key: getattr(self, key) for key in COUNT_KEYS}

    @property
    def machine_translated(self) -> bool:
        """Some of the page's translation is a machine's, not reviewed: readers are told."""
        return self.machine > 0 and self.state != PageState.ORPHAN

    @property
    def english(self) -> int | None:
        """Messages shown in English (fuzzy, untranslated, refused), when counted."""
        if self.translated is None:
            return None
        return (self.fuzzy or 0) + (self.untranslated or 0) + self.refused

    @property
    def percent_translated(self) -> float | None:
        """Share of the counted messages shown translated (fuzzy ones are not)."""
        if self.translated is None:
            return None
        return coverage.percent(self.translated, self.translated + (self.english or 0))

    @property
    def reader_state(self) -> ReaderState | None:
        """What a reader of the translated page gets (one of :data:`READER_STATES`; None for orphans).

        ``untranslated``: nothing on the page is translated (no catalog, or no message
        translated). ``outdated``: stale, and some messages are shown in English (or the
        count is unknown). ``unknown``: no valid record. ``partial``: some messages are
        shown in English. ``complete``: everything is translated, and the record is
        current, or the English page changed only outside its text.
        """
        if self.state == PageState.ORPHAN:
            return None
        english = self.english
        if self.state == PageState.MISSING or (english is not None and self.translated == 0 and english > 0):
            return ReaderState.UNTRANSLATED
        if self.state == PageState.STALE and (english is None or english > 0):
            return ReaderState.OUTDATED
        if self.state == PageState.UNKNOWN:
            return ReaderState.UNKNOWN
        return ReaderState.PARTIAL if english else ReaderState.COMPLETE

    def with_coverage(self, found: coverage.Coverage, measured: str) -> PageStatus:
        """A copy counting the messages the page renders, with the stale reason that follows."""
        reason = self.reason
        if self.state == PageState.STALE:
            reason = (
                CHANGED_OUTSIDE_TEXT
                if found.english == 0
                else f"{STALE_REASON}; {found.english} of {found.total} messages are shown in English"
            )
        return dataclasses.replace(
            self,
            reason=reason,
            translated=found.translated,
            fuzzy=found.fuzzy,
            untranslated=found.untranslated,
            refused=found.refused,
            obsolete=self.obsolete or 0,
            measured=measured,
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {key: getattr(self, key) for key in _JSON_FIELDS}
        if self.translated is not None:
            from docs_i18n.core import memory_mark

            data.update({key: getattr(self, key) for key in COUNT_KEYS})
            data["english"] = self.english
            data["percent_translated"] = self.percent_translated
            data["memory"] = self.memory or dict.fromkeys(memory_mark.KINDS, 0)
            data["machine_translated"] = self.machine
            data["measured"] = self.measured
        data["reader_state"] = self.reader_state
        return data


@dataclass
class Report:
    """Status of every (language, page) in a tree, plus the inputs that could not be read."""

    kind: str  # "catalogs" or "markdown"
    languages: list[str]
    pages: list[PageStatus] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)  # FIFOs, sockets, devices: skipped
    ui: dict[str, dict[str, int]] = field(default_factory=dict)  # theme UI catalog counts per language
    scope: list[PageStatus] | None = None  # what summaries count, when narrower filters dropped pages
    notices: list[str] = field(default_factory=list)  # how the counts were made, when not from templates

    def summary(self, lang: str) -> dict[str, object]:
        """Per-language totals: pages per state and per reader state, and message counts."""
        return self._summary(lang, [p for p in (self.pages if self.scope is None else self.scope) if p.lang == lang])

    def summaries(self) -> dict[str, dict[str, object]]:
        """:meth:`summary` of every language of the report, the pages read in one pass."""
        rows: dict[str, list[PageStatus]] = {lang: [] for lang in self.languages}
        for page in self.pages if self.scope is None else self.scope:
            if page.lang in rows:
                rows[page.lang].append(page)
        return {lang: self._summary(lang, found) for lang, found in rows.items()}

    def _summary(self, lang: str, rows: list[PageStatus]) -> dict[str, object]:
        by_state: dict[str, int] = dict.fromkeys(STATES, 0)
        for page in rows:
            by_state[page.state] += 1
        out: dict[str, object] = {"pages": len(rows) - by_state[PageState.ORPHAN]}
        out.update(by_state)
        if self.kind == "catalogs":
            live = [p for p in rows if p.counts is not None and p.state != PageState.ORPHAN]
            totals = {key: sum(getattr(p, key) for p in live) for key in (*COUNT_KEYS, "refused")}
            english = totals["fuzzy"] + totals["untranslated"] + totals.pop("refused")
            out.update(totals)
            out["english"] = english
            out["percent_translated"] = coverage.percent(totals["translated"], totals["translated"] + english)
            out["reader_states"] = {shown: sum(1 for p in rows if p.reader_state == shown) for shown in READER_STATES}
            out["machine_translated"] = sum(1 for p in rows if p.machine_translated)
            if lang in self.ui:
                out["ui"] = self.ui[lang]
        return out

    def with_coverage(self, found: Callable[[PageStatus], tuple[coverage.Coverage, str] | None]) -> Report:
        """A copy whose pages count what *found* says each page renders (None: as they are)."""
        pages_now = []
        for page in self.pages:
            result = found(page) if page.state != PageState.ORPHAN else None
            pages_now.append(page if result is None else page.with_coverage(*result))
        return dataclasses.replace(self, pages=pages_now, scope=None)

    def filtered(self, langs: Iterable[str] | None = None, states: Iterable[str] | None = None) -> Report:
        """A copy keeping only the given languages and states."""
        keep_langs = set(langs) if langs else None
        keep_states = set(states) if states else None
        return Report(
            kind=self.kind,
            languages=[lang for lang in self.languages if keep_langs is None or lang in keep_langs],
            pages=[
                p
                for p in self.pages
                if (keep_langs is None or p.lang in keep_langs) and (keep_states is None or p.state in keep_states)
            ],
            errors=self.errors,
            warnings=self.warnings,
            ui={k: v for k, v in self.ui.items() if keep_langs is None or k in keep_langs},
            scope=[p for p in self.pages if keep_langs is None or p.lang in keep_langs],
            notices=self.notices,
        )

    @property
    def all_current(self) -> bool:
        return all(p.state == PageState.CURRENT for p in self.pages)


def judge(recorded: object, today: str) -> tuple[PageState, str]:
    """The state and reason for a recorded hash against today's English hash."""
    if recorded is None:
        return PageState.UNKNOWN, "no source hash recorded"
    if not isinstance(recorded, str):
        return PageState.UNKNOWN, f"recorded source hash is not a string ({type(recorded).__name__})"
    if recorded == "":
        return PageState.UNKNOWN, "recorded source hash is empty"
    if not hashing.is_valid_hash(recorded):
        if hashing.is_valid_hash(recorded.lower()):
            return PageState.UNKNOWN, "recorded source hash is not lowercase hex"
        if all(c in "0123456789abcdefABCDEF" for c in recorded) and len(recorded) < 64:
            return PageState.UNKNOWN, f"recorded source hash is truncated ({len(recorded)} of 64 hex digits)"
        return PageState.UNKNOWN, "recorded source hash is not a 64-digit hex SHA-256"
    if recorded == today:
        return PageState.CURRENT, "recorded hash matches today's English page"
    return PageState.STALE, STALE_REASON


# -- gettext catalogs ---------------------------------------------------------------


def _read_catalog(catalog: str, root: str) -> tuple[dict[str, int], str | None, dict[str, int] | None, int]:
    from docs_i18n.core import hash_record, locale_tree, memory_mark, mt_mark, pofile

    text = locale_tree.read_text(catalog, root, "catalog")
    stats = pofile.stats(text, catalog)
    recorded = hash_record.record_in_comments(stats.header_comments)
    return (
        stats.counts,
        recorded,
        memory_mark.count(text, catalog, recorded),
        mt_mark.machine_translated(text, catalog, recorded),
    )


def rendered_states(found: pofile.Messages) -> dict[str, str]:
    """msgid -> ``translated``, ``fuzzy`` or ``untranslated``, as the build renders it.

    A translation of only white space is shown in English (Sphinx skips it): untranslated.
    """
    if not found.blank:
        return found.messages
    return {msgid: "untranslated" if msgid in found.blank else state for msgid, state in found.messages.items()}


def _read_catalog_states(
    catalog: str, root: str
) -> tuple[dict[str, int], str | None, dict[str, int] | None, int, dict[str, str]]:
    from docs_i18n.core import hash_record, locale_tree, memory_mark, mt_mark, pofile

    text = locale_tree.read_text(catalog, root, "catalog")
    found = pofile.messages(text, catalog)
    recorded = hash_record.record_in_comments(found.header_comments)
    return (
        found.counts,
        recorded,
        memory_mark.count(text, catalog, recorded),
        mt_mark.machine_translated(text, catalog, recorded),
        rendered_states(found),
    )


def _catalog_status(
    lang: str,
    page: str,
    catalog: str,
    today: str | None,
    counts: dict[str, int],
    recorded: str | None,
    memory: dict[str, int] | None,
    machine: int = 0,
    catalog_states: dict[str, str] | None = None,
) -> PageStatus:
    if today is None:
        state, reason = PageState.ORPHAN, "the English page is gone"
    else:
        state, reason = judge(recorded, today)
    return PageStatus(
        lang,
        page,
        state,
        reason,
        catalog,
        today,
        recorded,
        **counts,
        memory=memory,
        machine=machine,
        measured="catalog",
        catalog_states=catalog_states,
    )


def _unreadable_catalog(lang: str, page: str, catalog: str, today: str | None, error: InputError) -> PageStatus | None:
    """An unreadable catalog is not used by the build: its page is shown in English."""
    if today is None:
        return None
    return PageStatus(lang, page, PageState.UNKNOWN, f"the catalog cannot be read ({error.message})", catalog, today)


PARALLEL_MIN = 400  # files; below this a worker pool costs more than it saves


def catalog_report(
    source_dir: Path,
    locale_dir: Path,
    langs: Iterable[str] | None = None,
    templates: Path | None = None,
    with_states: bool = False,
    source_language: str | None = None,
) -> Report:
    """Status of every page in every language of a Sphinx tree.

    With *templates* (``_build/gettext``), each page's counts are the messages it
    renders (:mod:`.coverage`); without, the catalog's own messages. *with_states*
    keeps each catalog's :attr:`PageStatus.catalog_states` (the build counts from them).
    A folder of *source_language* under *locale_dir*, or *source_language* named, is an error
    (:func:`docs_i18n.core.languages.source_guard`), and not read.
    """
    from docs_i18n.core import locale_tree
    from docs_i18n.status.templates import read_templates

    source_dir, locale_dir = Path(source_dir), Path(locale_dir)
    if not source_dir.is_dir():
        raise InputError(source_dir, 0, "source folder not found")
    tree = locale_tree.scan(locale_dir)
    wanted = list(langs) if langs else tree.languages()
    source_folder = None
    if source_language:
        wanted, source_folder = languages.source_guard(locale_dir, source_language, wanted)
    skipped: list[Path] = []
    english = list(pages.walk_pages(source_dir, skipped=skipped))
    report = Report(kind="catalogs", languages=wanted)
    if source_folder is not None:
        report.errors.append(source_folder)
    report.errors += tree.errors(wanted)
    by_docname = {pages.docname(page): page for page in english}  # before unreadable pages drop out
    hashes = _hash_pages(source_dir, english, report)
    rendered: dict[str, list[str]] = {}
    toctrees: dict[str, list[tuple[str, str]]] = {}
    if templates is not None:
        try:
            found = read_templates(Path(templates), hashes, english)
            rendered, toctrees, report.notices = found.messages, found.toctrees, found.notices
        except InputError as exc:
            report.errors.append(exc)
    slots: list[PageStatus | InputError | tuple[str, str, str, str | None] | None] = []
    root = str(tree.root)
    for lang in wanted:
        lc_messages = os.path.join(root, lang, locale_tree.MESSAGES_DIR)
        prefix = os.path.join(lc_messages, "")
        for page in english:
            catalog = f"{prefix}{pages.docname(page)}.po"  # pages.catalog_path, as a string for speed
            if catalog in tree.files:
                slots.append((lang, page, catalog, hashes[page]))
            elif (refused := tree.refusal(catalog)) is not None:  # reported by the walk
                slots.append(_unreadable_catalog(lang, page, catalog, hashes[page], refused))
            elif os.path.lexists(catalog):
                error = InputError(catalog, 0, "cannot read catalog: not a file (a folder)")
                slots += [error, _unreadable_catalog(lang, page, catalog, hashes[page], error)]
            else:
                missing = PageStatus(lang, page, PageState.MISSING, "no catalog for this page", catalog, hashes[page])
                slots.append(missing)
        for path in tree.catalogs(lang):
            name = path.relative_to(lc_messages).with_suffix("").as_posix()
            if name == pages.UI_DOMAIN:
                _add_ui(report, lang, path, root)
            elif name not in by_docname:
                slots.append((lang, f"{name}.md", str(path), None))
    read = _read_catalog_states if (with_states or rendered) else _read_catalog
    _collect(report, slots, functools.partial(read, root=root), _catalog_status, _unreadable_catalog)
    report.warnings += [textio.skipped_warning(path) for path in skipped]
    if rendered:
        by_page = {(p.lang, p.page): p for p in report.pages}
        report = report.with_coverage(
            lambda p: _template_coverage(p, rendered.get(p.page), toctrees.get(p.page, []), by_page)
        )
    if not with_states:
        for status in report.pages:
            status.catalog_states = None
    return report


def _template_coverage(
    page: PageStatus,
    messages: list[str] | None,
    listed: list[tuple[str, str]],
    by_page: dict[tuple[str, str], PageStatus],
) -> tuple[coverage.Coverage, str] | None:
    """The page's own messages, and the headings its toctrees show, each by its own page's catalog."""
    if messages is None:
        return None
    states = page.catalog_states or {}
    found = coverage.measure(messages, coverage.usable(states), states)
    return found + toctree_coverage(page.lang, listed, lambda entry: by_page.get((page.lang, entry))), "templates"


def toctree_coverage(
    lang: str, listed: Iterable[tuple[str, str]], status_of: Callable[[str], PageStatus | None]
) -> coverage.Coverage:
    """The headings a page's toctrees show (``(listed page, msgid)``), counted by their pages' catalogs in *lang*."""
    by_entry: dict[str, list[str]] = {}
    for entry, message in listed:
        by_entry.setdefault(entry, []).append(message)
    total = coverage.Coverage()
    for entry, messages in by_entry.items():
        status = status_of(entry)
        states = (status.catalog_states if status else None) or {}
        total = total + coverage.measure(messages, coverage.usable(states), states)
    return total


def _run_all(read: Callable[[str], object], paths: list[str], parallel: bool = True) -> list[object]:
    """``read(path)`` for every path (an :class:`InputError` is returned, not raised),
    in worker processes (:func:`docs_i18n.core.workers.map_items`) when *parallel*."""
    if not parallel:
        return [_call(read, path) for path in paths]
    from docs_i18n.core import workers

    return workers.map_items(functools.partial(_call, read), paths, min_items=PARALLEL_MIN)


def _call(read: Callable[[str], object], path: str) -> object:
    try:
        return read(path)
    except InputError as exc:
        return exc


def _collect(
    report: Report,
    slots: Sequence[object],
    read: Callable[[str], object],
    build: Callable[..., PageStatus],
    unreadable: Callable[..., PageStatus | None] | None = None,
    parallel: bool = True,
) -> None:
    """Fill *report* in slot order: ready entries as they are; ``(lang, page, path, today)``
    tasks by reading the file (the slow part, in parallel when *parallel*) and building the status.
    A file that cannot be read is an error, and *unreadable* may still give its page a status."""
    tasks = [slot for slot in slots if isinstance(slot, tuple)]
    results = iter(_run_all(read, [task[2] for task in tasks], parallel))
    for slot in slots:
        if isinstance(slot, tuple):
            data = next(results)
            if isinstance(data, InputError):
                report.errors.append(data)
                shown = unreadable(*slot, data) if unreadable else None
                if shown is not None:
                    report.pages.append(shown)
            else:
                report.pages.append(build(*slot, *(data if isinstance(data, tuple) else (data,))))
        elif isinstance(slot, InputError):
            report.errors.append(slot)
        elif isinstance(slot, PageStatus):
            report.pages.append(slot)


def _add_ui(report: Report, lang: str, path: Path, root: str) -> None:
    from docs_i18n.core import locale_tree, pofile

    try:
        counts = pofile.stats(locale_tree.read_text(path, root, "catalog"), path).counts
    except InputError as exc:
        report.errors.append(exc)
        return
    report.ui[lang] = counts


def _hash_pages(root: Path, english: list[str], report: Report) -> dict[str, str]:
    """Today's hash of each English page; an unreadable page is an error, and left out."""
    prefix = os.path.join(str(root), "")
    hashes = {}
    for page in english:
        try:
            hashes[page] = hashing.source_hash(prefix + page)
        except InputError as exc:
            report.errors.append(exc)
    english[:] = [page for page in english if page in hashes]
    return hashes


# -- Markdown pages ---------------------------------------------------------------------


def markdown_languages(root: Path) -> list[str]:
    """Top-level folders of *root* named like locale codes (``ko``, ``ja-JP``), sorted."""
    return sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir() and not p.is_symlink() and not p.name.startswith(".") and languages.looks_like_locale(p.name)
    )


def _markdown_status(lang: str, page: str, translated: str, today: str | None, recorded: object) -> PageStatus:
    if today is None:
        state, reason = PageState.ORPHAN, "the English page is gone"
    else:
        state, reason = judge(recorded, today)
    shown = recorded if recorded is None or isinstance(recorded, str) else str(recorded)
    return PageStatus(lang, page, state, reason, translated, today, shown)


def markdown_report(root: Path, langs: Iterable[str] | None = None) -> Report:
    """Status of a tree of translated Markdown pages."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(root, 0, "folder not found")
    folders = markdown_languages(root)
    languages = list(langs) if langs else folders
    skipped: list[Path] = []
    english = list(pages.walk_pages(root, skip_dirs=frozenset(languages) | frozenset(folders), skipped=skipped))
    report = Report(kind="markdown", languages=languages)
    all_english = set(english)
    hashes = _hash_pages(root, english, report)
    slots: list[PageStatus | tuple[str, str, str, str | None]] = []
    for lang in languages:
        lang_root = root / lang
        prefix = os.path.join(str(lang_root), "")
        translated = set(pages.walk_pages(lang_root, skipped=skipped)) if lang_root.is_dir() else set()
        for page in english:
            if page in translated:
                slots.append((lang, page, prefix + page, hashes[page]))
            else:
                missing = PageStatus(lang, page, PageState.MISSING, "no translated page", prefix + page, hashes[page])
                slots.append(missing)
        slots.extend((lang, page, prefix + page, None) for page in sorted(translated - all_english))
    # One process: a page's record is read off its front-matter alone, so reading is
    # cheaper than starting workers and passing them the results (docs/performance.md).
    _collect(report, slots, frontmatter.read_record, _markdown_status, parallel=False)
    report.warnings += [textio.skipped_warning(path) for path in skipped]
    return report
