"""The package as users install it: the console script, the project found from the working
directory, and the pre-commit hooks translation repositories wire in."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, copy_project
from docs_i18n.core import project

SCRIPT = Path(sys.executable).parent / "docs-i18n"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_console_script_is_installed_and_matches_the_launcher() -> None:
    assert SCRIPT.is_file(), f"{SCRIPT} missing: run 'make venv' (requirements.txt installs the package)"
    installed = run([str(SCRIPT), "status", "--format", "json"], ROOT)
    launcher = run([sys.executable, str(ROOT / "scripts" / "i18n"), "status", "--format", "json"], ROOT)
    assert installed.returncode == launcher.returncode
    assert installed.stdout == launcher.stdout


def test_the_project_is_found_from_the_working_directory(tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "copy")
    (copy / "locale" / "ko" / "LC_MESSAGES" / "index.po").unlink()
    below = copy / "source" / "providers"
    result = run([str(SCRIPT), "status", "--lang", "ko"], below)  # from a folder inside the copy
    assert result.stdout.startswith("ko: 3 pages: 2 current, 1 missing")
    assert project.find_root(below) == copy.resolve()
    here = run([str(SCRIPT), "status", "--lang", "ko"], ROOT)  # this checkout is unchanged
    assert here.stdout.startswith("ko: 3 pages: 3 current")


def test_outside_a_project_the_defaults_are_reported_missing(tmp_path: Path) -> None:
    result = run([str(SCRIPT), "status"], tmp_path)
    assert result.returncode == 2
    assert result.stderr == "source:0: source folder not found\n"  # shown relative to the working directory


def test_languages_come_from_conf_py(tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "copy")
    conf = copy / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\ni18n_languages = [*i18n_languages, "fr"]\n', encoding="utf-8")
    assert project.configured_languages(copy) == [*project.configured_languages(ROOT), "fr"]
    assert project.configured_languages(ROOT)[0] == project.source_language(ROOT)


def test_pre_commit_hooks_run_as_declared(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} == {"docs-i18n-check", "docs-i18n-status"}
    copy = copy_project(tmp_path / "copy")
    for hook in hooks:
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        command, *args = hook["entry"].split()
        assert command == "docs-i18n"
        clean = run([str(SCRIPT), *args], copy)
        assert clean.returncode == 0, f"{hook['id']} fails on the project:\n{clean.stdout}{clean.stderr}"
    catalog = copy / "locale" / "ko" / "LC_MESSAGES" / "providers" / "litellm.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("`LITELLM_API_KEY`", "`EVIL_KEY`", 1), encoding="utf-8")
    assert run([str(SCRIPT), "check"], copy).returncode == 1
    shutil.copyfile(copy / "source" / "index.md", copy / "source" / "new-page.md")
    assert run([str(SCRIPT), "status", "--strict"], copy).returncode == 1
