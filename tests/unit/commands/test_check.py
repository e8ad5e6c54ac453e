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


def test_the_typed_function_checks_the_catalogs_it_is_given(tiny_project, tmp_path, monkeypatch, capsys) -> None:
    from docs_i18n.commands import check

    monkeypatch.chdir(tmp_path)  # not the project: every path comes in as an argument
    assert check.check(tiny_project, locale=tiny_project / "locale", langs=["ko"], output="text") == 0
    out = capsys.readouterr().out
    assert out == "0 finding(s), 0 exempted, in 2 translated messages of 1 catalogs\n"
    empty = tmp_path / "empty-locale"
    empty.mkdir()
    assert check.check(tiny_project, locale=empty, langs=None, output="json") == 0
    assert json.loads(capsys.readouterr().out)["counts"] == {"catalogs": 0, "messages": 0, "findings": 0}
