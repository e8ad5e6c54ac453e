"""The status model (``status/states.py``): page states and what a reader gets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from docs_i18n.status import states
from docs_i18n.status.states import PageState, PageStatus, ReaderState

ROOT = Path(__file__).resolve().parents[3]
TODAY = "a" * 64


@pytest.mark.parametrize(
    ("recorded", "state"),
    [(TODAY, PageState.CURRENT), ("b" * 64, PageState.STALE), (None, PageState.UNKNOWN), ("A" * 64, PageState.UNKNOWN)],
)
def test_judge_gives_a_page_state(recorded: object, state: PageState) -> None:
    found, reason = states.judge(recorded, TODAY)
    assert found is state and reason


def test_a_stale_page_says_the_one_stale_reason() -> None:
    assert states.judge("b" * 64, TODAY)[1] == states.STALE_REASON


def page(state: PageState, translated: int, english: int) -> PageStatus:
    return PageStatus("ko", "index.md", state, "", translated=translated, fuzzy=0, untranslated=english, obsolete=0)


@pytest.mark.parametrize(
    ("status", "reader"),
    [
        (page(PageState.CURRENT, 5, 0), ReaderState.COMPLETE),
        (page(PageState.CURRENT, 4, 1), ReaderState.PARTIAL),
        (page(PageState.STALE, 4, 1), ReaderState.OUTDATED),
        (page(PageState.STALE, 5, 0), ReaderState.COMPLETE),  # changed outside its text
        (page(PageState.UNKNOWN, 5, 0), ReaderState.UNKNOWN),
        (page(PageState.MISSING, 0, 5), ReaderState.UNTRANSLATED),
        (page(PageState.CURRENT, 0, 5), ReaderState.UNTRANSLATED),
        (page(PageState.ORPHAN, 5, 0), None),
    ],
)
def test_what_a_reader_gets(status: PageStatus, reader: ReaderState | None) -> None:
    assert status.reader_state is reader


def test_states_read_and_write_as_their_names() -> None:
    assert states.STATES == ("current", "stale", "unknown", "missing", "orphan")
    assert states.READER_STATES == ("complete", "partial", "outdated", "unknown", "untranslated")
    assert json.dumps({PageState.STALE: [ReaderState.OUTDATED]}) == '{"stale": ["outdated"]}'
    assert f"{PageState.MISSING:<8}|" == "missing |"


def test_templates_name_no_state_as_text() -> None:
    # the templates compare with i18n_page_states / i18n_reader_states (sphinx_ext/state.py's context)
    names = "|".join(s.value for s in (*PageState, *ReaderState))
    quoted = re.compile(rf"""(?<!selectattr\()["']({names})["']""")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "source" / "_templates").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if quoted.search(line)
    ]
    assert found == []
