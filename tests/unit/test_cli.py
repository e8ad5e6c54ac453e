"""The command line (``cli.py``): exit codes and errors as ``path:line: message``."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n import cli


def test_a_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(["status", "--format", "yaml"])
    assert raised.value.code == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err


def test_bad_input_exits_2_with_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["status"]) == 2
    assert capsys.readouterr().err == "source:0: source folder not found\n"


def test_every_command_has_help() -> None:
    parser = cli.build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"status", "stamp", "check", "import", "export", "update"} <= set(commands)
    assert all(sub.description for sub in commands.values())
