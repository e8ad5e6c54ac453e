"""The status of a tree of gettext catalogs: English pages under ``source/``, catalogs under
``locale/<lang>/LC_MESSAGES/<page>.po`` (the record is a header comment).

For each page and language, the catalog's record judged against today's English page
(:func:`docs_i18n.status.states.judge`), its message counts (from the templates of
``make gettext`` when given: :mod:`.coverage`, :mod:`.templates`), the messages filled
from memory and machine-translated. The files are read by :mod:`.collect`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from docs_i18n.core import hash_record, languages, locale_tree, memory_mark, mt_mark, pages, pofile, textio
from docs_i18n.core.errors import InputError
from docs_i18n.status import coverage
from docs_i18n.status.collect import collect, hash_pages
from docs_i18n.status.states import PageState, PageStatus, Report, judge
from docs_i18n.status.templates import read_templates


def _record_and_marks(
    text: str, catalog: str, header_comments: list[str]
) -> tuple[str | None, dict[str, int] | None, int]:
    """A catalog's recorded hash, its memory-fill counts and its machine-translated count."""
    recorded = hash_record.record_in_comments(header_comments)
    return recorded, memory_mark.count(text, catalog, recorded), mt_mark.machine_translated(text, catalog, recorded)


def _read_catalog(catalog: str, root: str) -> tuple[dict[str, int], str | None, dict[str, int] | None, int]:
    text = locale_tree.read_text(catalog, root, "catalog")
    stats = pofile.stats(text, catalog)
    return (stats.counts, *_record_and_marks(text, catalog, stats.header_comments))


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
    text = locale_tree.read_text(catalog, root, "catalog")
    found = pofile.messages(text, catalog)
    return (found.counts, *_record_and_marks(text, catalog, found.header_comments), rendered_states(found))


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
    hashes = hash_pages(source_dir, english, report)
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
    collect(report, slots, functools.partial(read, root=root), _catalog_status, _unreadable_catalog)
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


def _add_ui(report: Report, lang: str, path: Path, root: str) -> None:
    try:
        counts = pofile.stats(locale_tree.read_text(path, root, "catalog"), path).counts
    except InputError as exc:
        report.errors.append(exc)
        return
    report.ui[lang] = counts
