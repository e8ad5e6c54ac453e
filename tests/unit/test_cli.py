"""The command line (``cli.py``): exit codes and errors as ``path:line: message``."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n import cli
from docs_i18n.core import project


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


def test_the_parser_is_built_without_looking_for_the_project(monkeypatch: pytest.MonkeyPatch) -> None:
    # each register once walked up to conf.py for its defaults: ten walks to build the parser
    def no_walk(start: object = None) -> Path:
        raise AssertionError("register looked for the project")

    monkeypatch.setattr(project, "find_root", no_walk)
    args = cli.build_parser().parse_args(["import", "docs/", "--lang", "ko"])
    assert (args.tree, args.source, args.locale) == (Path("docs/"), None, None)
    assert not hasattr(args, "root")  # one name, one meaning: the project is run's argument, the tree is args.tree


def test_main_finds_the_project_once_and_every_default_is_below_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    found: list[Path] = []

    def find_root(start: object = None) -> Path:
        found.append(tmp_path / "project")
        return found[-1]

    monkeypatch.setattr(project, "find_root", find_root)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["status"]) == 2
    assert found == [tmp_path / "project"]
    assert capsys.readouterr().err == "project/source:0: source folder not found\n"
