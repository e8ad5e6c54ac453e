"""``scripts/i18n translate`` in-process (``commands/translate.py``), against the in-process fake endpoint."""

from __future__ import annotations

import json
from pathlib import Path

from docs_i18n.core import pofile
from mt_fake_endpoint import FakeEndpoint

KEY = "sk-unit-5d0c-never-shown"
BODY = "The proxy reports what each request costs."


def emptied(project: Path) -> Path:
    """The tiny project's Korean catalog with both messages empty (and conf.py as the build needs it)."""
    conf = project / "conf.py"
    conf.write_text(conf.read_text("utf-8") + "locale_dirs = []\n", "utf-8")
    path = project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    text = path.read_text("utf-8").replace('msgstr "비용"', 'msgstr ""')
    path.write_text(text.replace('msgstr "프록시는 요청마다 드는 비용을 알려 줍니다."', 'msgstr ""'), "utf-8")
    return path


def test_a_suggestion_is_written_fuzzy_and_a_hostile_one_refused(
    tiny_project, run_main, monkeypatch, tmp_path: Path
) -> None:
    path = emptied(tiny_project)
    control = tmp_path / "control.json"
    control.write_text(json.dumps({"replies": {BODY: '프록시는 <img src=x onerror="alert(1)"> 비용을 알려 줍니다.'}}))
    monkeypatch.setenv("I18N_MT_TEST_CONTROL", str(control))
    monkeypatch.setenv("I18N_MT_API_KEY", KEY)
    with FakeEndpoint() as fake:
        code, out, err = run_main(tiny_project, "translate", "--base-url", fake.base_url, "--model", "t")
    assert code == 1, err
    entries = {e.msgid: e for e in pofile.read(path).messages()}
    assert entries["Costs"].state == "fuzzy" and entries["Costs"].msgstr == ["ko: Costs"]
    assert entries[BODY].state == "untranslated"
    assert f"locale/ko/LC_MESSAGES/index.po:{entries[BODY].line}: suggestion refused: [html]" in err
    assert "<img" not in path.read_text("utf-8")
    assert "1 message(s) written as fuzzy suggestions, 1 refused, 0 failed" in out
    assert KEY not in out + err


def test_dry_run_sends_and_writes_nothing(tiny_project, run_main, snapshot) -> None:
    emptied(tiny_project)
    before = snapshot(tiny_project)
    with FakeEndpoint() as fake:
        code, out, _ = run_main(tiny_project, "translate", "--base-url", fake.base_url, "--model", "t", "--dry-run")
        assert fake.behaviour.requests == []
    assert code == 0
    assert "dry run: 2 request(s) to 127.0.0.1:" in out
    assert snapshot(tiny_project) == before


def test_no_endpoint_is_a_usage_error(tiny_project, run_main) -> None:
    emptied(tiny_project)
    code, _, err = run_main(tiny_project, "translate")
    assert code == 2 and "no endpoint: pass --base-url and --model" in err
