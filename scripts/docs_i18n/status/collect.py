"""Many files read into one :class:`~docs_i18n.status.states.Report`, in order: the part the catalog
reader (:mod:`.catalog_reader`) and the Markdown reader (:mod:`.markdown_reader`) share.

A report is a list of *slots*, one per page and language, each ready (a
:class:`~docs_i18n.status.states.PageStatus` or an :class:`~docs_i18n.core.errors.InputError`) or a
task ``(lang, page, path, today)`` whose file is read, in worker processes
(:func:`docs_i18n.core.workers.map_items`) when there are many, then turned into a status.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from docs_i18n.core import hashing
from docs_i18n.core.errors import InputError
from docs_i18n.status.states import PageStatus, Report

PARALLEL_MIN = 400  # files; below this a worker pool costs more than it saves


def run_all(read: Callable[[str], object], paths: list[str], parallel: bool = True) -> list[object]:
    """``read(path)`` for every path (an :class:`InputError` is returned, not raised),
    in worker processes (:func:`docs_i18n.core.workers.map_items`) when *parallel*."""
    call = functools.partial(_call, read)
    if not parallel:  # one process: the worker pool (multiprocessing) is not even imported
        return [call(path) for path in paths]
    from docs_i18n.core import workers

    return workers.map_items(call, paths, min_items=PARALLEL_MIN)


def _call(read: Callable[[str], object], path: str) -> object:
    try:
        return read(path)
    except InputError as exc:
        return exc


def collect(
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
    results = iter(run_all(read, [task[2] for task in tasks], parallel))
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


def hash_pages(root: Path, english: list[str], report: Report) -> dict[str, str]:
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
