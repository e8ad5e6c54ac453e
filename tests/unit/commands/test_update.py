"""``scripts/i18n update`` in-process (``commands/update.py``), its typed function called directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.commands import update
from docs_i18n.core.errors import InputError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def templates(project: Path) -> Path:
    """The tiny project's template for index.md, with one message more than its Korean catalog."""
    pot = project / "_build" / "gettext"
    pot.mkdir(parents=True)
    body = "The proxy reports what each request costs."
    text = f'{HEADER}msgid "Costs"\nmsgstr ""\n\nmsgid "{body}"\nmsgstr ""\n\nmsgid "Limits"\nmsgstr ""\n'
    (pot / "index.pot").write_text(text, encoding="utf-8")
    return pot


def test_the_languages_default_to_conf_py_s_translations(tiny_project, tmp_path, monkeypatch, capsys) -> None:
    pot = templates(tiny_project)
    monkeypatch.chdir(tmp_path)
    code = update.update(tiny_project, pot=pot, locale=tiny_project / "locale", langs=None, memory=False)
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[-1] == "ko: 0 created, 1 updated, 0 not changed"
    catalog = (tiny_project / "locale" / "ko" / "LC_MESSAGES" / "index.po").read_text(encoding="utf-8")
    assert 'msgid "Limits"\nmsgstr ""' in catalog
    assert 'msgstr "비용"' in catalog  # translated messages are kept


def test_a_project_without_translations_names_its_conf_py(tiny_project, tmp_path) -> None:
    conf = tiny_project / "conf.py"
    conf.write_text(conf.read_text("utf-8").replace('["en", "ko"]', '["en"]'), "utf-8")
    with pytest.raises(InputError) as raised:
        update.update(tiny_project, pot=templates(tiny_project), locale=tmp_path / "empty", langs=None, memory=True)
    assert raised.value.path == str(tiny_project / "conf.py")
    assert "no languages to update" in raised.value.message


def test_the_cli_fills_its_defaults_from_the_project(tiny_project, run_main) -> None:
    templates(tiny_project)
    code, out, err = run_main(tiny_project / "source", "update", "--lang", "ko")  # the project is found upward
    assert (code, err) == (0, "")
    assert f"Update: {tiny_project / 'locale' / 'ko' / 'LC_MESSAGES' / 'index.po'} +1, -0" in out
    assert out.splitlines()[-1].startswith("ko: 0 created, 1 updated, 0 not changed; from memory (")
