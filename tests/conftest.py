"""Shared fixtures: copies of the project, the command line, and one built site.

Tests never touch the working tree: anything that writes works on a copy in a
temporary directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from docs_i18n.core import project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCRIPTS = ROOT / "scripts"
LANGUAGES = tuple(project.configured_languages(ROOT))  # conf.py's i18n_languages: the source language first
TRANSLATIONS = LANGUAGES[1:]
_COPY_IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".git", "__pycache__", "*.mo", ".pytest_cache", ".ruff_cache", ".hypothesis", "node_modules"
)

# Sphinx colours its output when CI is set; tests read that output as plain text.
os.environ["NO_COLOR"] = "1"


@dataclass
class Result:
    """What a command returned."""

    code: int
    out: str
    err: str


def run_cli(*args: str | Path, cwd: Path | None = None, root: Path | None = None) -> Result:
    """Run ``scripts/i18n ARGS`` as a user would, with the project's Python.

    *root* runs the command line of a project copy, from inside it (the command finds
    the project from the working directory: its defaults are the copy's ``source/``
    and ``locale/``); by default, this project's.
    """
    script = (root / "scripts" / "i18n") if root is not None else SCRIPTS / "i18n"
    proc = subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        cwd=cwd or root or ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def run_make(project: Path, *targets: str) -> subprocess.CompletedProcess:
    """Run make in a project copy, with this project's virtual environment (used as it is)."""
    env = dict(os.environ, VENVDIR=str(ROOT / ".venv"), VENV_UPDATE="0")
    return subprocess.run(
        ["make", "--no-print-directory", *targets], cwd=project, capture_output=True, text=True, env=env, timeout=600
    )


def copy_project(dest: Path) -> Path:
    """Copy the project (sources, catalogs, tooling; no builds, no venv) to *dest*."""
    shutil.copytree(ROOT, dest, ignore=_COPY_IGNORE)
    return dest


def sphinx_build(project: Path, lang: str, out: Path, builder: str = "html", strict: bool = True) -> Result:
    """Build one language of *project* the way the Makefile does."""
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-c", str(project), "-q", "-D", f"language={lang}"]
    if strict:
        cmd += ["-W", "--keep-going", "-n"]
    cmd += ["-d", str(out / ".doctrees" / lang), str(project / "source"), str(out / lang)]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def restrict_languages(project: Path, langs: tuple[str, ...]) -> Path:
    """Cut a project copy's ``conf.py`` down to *langs* (some of its languages) and drop the others'
    catalogs: for tests that build a changed copy in several languages, where building all of
    conf.py's would be the full site again (the suite builds it once, in :func:`built_site`)."""
    import re

    assert set(langs) <= set(LANGUAGES) and langs[0] == LANGUAGES[0], langs
    conf = project / "conf.py"
    listed = f"i18n_languages = {list(langs)!r}"
    conf.write_text(re.sub(r"(?m)^i18n_languages = \[.*$", listed, conf.read_text(encoding="utf-8")), encoding="utf-8")
    for other in set(LANGUAGES) - set(langs):
        shutil.rmtree(project / "locale" / other, ignore_errors=True)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project to change freely."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once in every language (strict), shared by read-only tests."""
    base = tmp_path_factory.mktemp("site")
    project = copy_project(base / "project")
    out = base / "html"
    for lang in LANGUAGES:
        result = sphinx_build(project, lang, out)
        assert result.code == 0, f"{lang} build failed:\n{result.err}"
    return out
