"""The messages each page renders, from ``make gettext`` (``status/templates.py``)."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.status import templates

POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Costs"\nmsgstr ""\n'


def test_only_templates_of_todays_english_are_used(tmp_path: Path) -> None:
    (tmp_path / "index.pot").write_text(POT, encoding="utf-8")
    (tmp_path / "guide.pot").write_text(POT, encoding="utf-8")
    templates.write_record(tmp_path, {"index.md": "a" * 64, "guide.md": "b" * 64})
    found = templates.read_templates(tmp_path, {"index.md": "a" * 64, "guide.md": "c" * 64})
    assert found.messages == {"index.md": ["Costs"]}
    assert len(found.notices) == 1 and "older than the English page (guide.md)" in found.notices[0]


def test_without_templates_a_notice_says_what_the_counts_are(tmp_path: Path) -> None:
    found = templates.read_templates(tmp_path / "missing", {"index.md": "a" * 64})
    assert found.messages == {} and "run 'make gettext' first" in found.notices[0]
