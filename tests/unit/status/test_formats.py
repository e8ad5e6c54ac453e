"""Status as text, JSON and Markdown (``status/formats.py``)."""

from __future__ import annotations

import json

from docs_i18n.status import formats
from docs_i18n.status.states import PageState, PageStatus, Report


def report() -> Report:
    found = Report(kind="markdown", languages=["ko"])
    found.pages = [
        PageStatus("ko", "index.md", PageState.CURRENT, "recorded hash matches today's English page", "ko/index.md"),
        PageStatus("ko", "guide.md", PageState.MISSING, "no translated page", "ko/guide.md", "c" * 64),
    ]
    return found


def test_the_markdown_table_has_a_column_per_state() -> None:
    text = formats.render_markdown(report())
    assert "| language | pages | current | stale | unknown | missing | orphan |" in text
    assert "| --- | ---: | ---: | ---: | ---: | ---: | ---: |" in text
    assert "| ko | 2 | 1 | 0 | 0 | 1 | 0 |" in text
    assert "| missing | ko | `guide.md` | no translated page | translate the page into ko/guide.md |" in text


def test_text_and_json_name_the_states() -> None:
    text = formats.render_text(report())
    assert text.startswith("ko: 2 pages: 1 current, 1 missing\n")
    assert "\nmissing  ko     guide.md  ko/guide.md\n" in text
    document = json.loads(formats.render_json(report()))
    assert [p["state"] for p in document["pages"]] == ["current", "missing"]
    assert document["languages"]["ko"]["missing"] == 1
