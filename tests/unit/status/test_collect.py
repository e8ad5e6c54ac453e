"""Files read into one report, in order (``status/collect.py``)."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core import hashing
from docs_i18n.core.errors import InputError
from docs_i18n.status import collect
from docs_i18n.status.states import PageState, PageStatus, Report


def read(path: str) -> str:
    if path.endswith("bad"):
        raise InputError(path, 3, "unreadable")
    return path.upper()


def build(lang: str, page: str, path: str, today: str | None, data: str) -> PageStatus:
    return PageStatus(lang, page, PageState.CURRENT, data, path, today)


def unreadable(lang: str, page: str, path: str, today: str | None, error: InputError) -> PageStatus:
    return PageStatus(lang, page, PageState.UNKNOWN, error.message, path, today)


def test_slots_are_filled_in_order_and_an_unreadable_file_is_an_error_and_a_status() -> None:
    ready = PageStatus("ko", "a.md", PageState.MISSING, "no catalog", "a", None)
    error = InputError("x", 0, "a folder")
    slots = [("ko", "b.md", "b", None), ready, error, ("ko", "c.md", "c-bad", None)]
    report = Report(kind="catalogs", languages=["ko"])
    collect.collect(report, slots, read, build, unreadable, parallel=False)
    assert [(p.page, p.reason) for p in report.pages] == [("b.md", "B"), ("a.md", "no catalog"), ("c.md", "unreadable")]
    assert [(e.path, e.line) for e in report.errors] == [("x", 0), ("c-bad", 3)]


def test_run_all_returns_errors_instead_of_raising_in_workers_too() -> None:
    paths = [f"p{i}" for i in range(collect.PARALLEL_MIN)] + ["last-bad"]
    results = collect.run_all(read, paths)
    assert results[:2] == ["P0", "P1"] and isinstance(results[-1], InputError)
    assert collect.run_all(read, ["one"], parallel=False) == ["ONE"]


def test_an_unreadable_english_page_is_an_error_and_left_out(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# Costs\n", encoding="utf-8")
    english = ["index.md", "gone.md"]
    report = Report(kind="catalogs", languages=[])
    hashes = collect.hash_pages(tmp_path, english, report)
    assert hashes == {"index.md": hashing.source_hash(tmp_path / "index.md")}
    assert english == ["index.md"] and [Path(e.path).name for e in report.errors] == ["gone.md"]
