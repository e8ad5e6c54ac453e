"""``scripts/i18n check`` in-process (``commands/check.py``)."""

from __future__ import annotations

import json


def test_a_clean_catalog_then_a_broken_code_span(tiny_project, run_main) -> None:
    code, out, err = run_main(tiny_project, "check", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["findings"] == []
    catalog = tiny_project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text + '\nmsgid "Run `make html`"\nmsgstr "`make`를 실행하세요"\n', encoding="utf-8")
    code, out, _ = run_main(tiny_project, "check")
    assert code == 1
    assert "locale/ko/LC_MESSAGES/index.po:12: [code-spans] inline code spans differ from the English" in out
