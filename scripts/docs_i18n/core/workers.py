"""One worker pool for the tools that read or merge many files (``status``, ``update``).

The rule, for every caller: a task per file; the work runs in this process below the caller's
*min_items* (a pool costs about 0.1 s to fork and collect, so the threshold depends on what
one item costs: a catalog header to hash, or a catalog to merge); otherwise in forked worker
processes, as sphinx-intl runs its merge, one per core and at most :data:`MAX_WORKERS`
(beyond, the parent collecting results is the bottleneck), each given
:data:`CHUNKS_PER_WORKER` chunks (so that a worker left with large files does not hold the
others back, while each chunk still carries enough tasks to pay for its round trip).
Without ``fork`` (Windows, macOS' default), the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

MAX_WORKERS = 8
CHUNKS_PER_WORKER = 4

Item = TypeVar("Item")
Result = TypeVar("Result")


def worker_count() -> int:
    """How many worker processes a pool uses: one per core, at most :data:`MAX_WORKERS`."""
    return min(os.cpu_count() or 1, MAX_WORKERS)


def map_items(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    min_items: int,
    done: Callable[[int], None] | None = None,
) -> list[Result]:
    """``[function(item) for item in items]``, in forked workers when there are *min_items* or more.

    *function* must be a module-level function (or a :func:`functools.partial` of one) and
    should return errors rather than raise them, so that one bad file does not stop the rest.
    *done*, if given, is called in this process with the count of items done, as they are.
    """
    workers = worker_count()
    results: list[Result] = []
    if len(items) < min_items or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            results.append(function(item))
            if done is not None:
                done(len(results))
        return results
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        chunksize = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
        for result in pool.imap(function, items, chunksize=chunksize):  # in order, as they come
            results.append(result)
            if done is not None:
                done(len(results))
    return results
