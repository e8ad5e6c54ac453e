"""The one worker pool (``core/workers.py``)."""

from __future__ import annotations

import os

import pytest

from docs_i18n.core import workers


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_below_the_threshold_the_work_runs_in_this_process() -> None:
    results = workers.map_items(square_and_pid, list(range(10)), min_items=11)
    assert [value for value, _ in results] == [n * n for n in range(10)]
    assert {pid for _, pid in results} == {os.getpid()}


@pytest.mark.skipif(workers.worker_count() < 2, reason="one core: the pool is never used")
def test_above_it_workers_give_the_same_results_in_order() -> None:
    items = list(range(200))
    results = workers.map_items(square_and_pid, items, min_items=50)
    assert [value for value, _ in results] == [n * n for n in items]
    assert os.getpid() not in {pid for _, pid in results}


def test_the_pool_is_capped() -> None:
    assert 1 <= workers.worker_count() <= workers.MAX_WORKERS
