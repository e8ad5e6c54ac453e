"""Shared fixtures: copies of the project, the command line, and one built site.

Tests never touch the working tree: anything that writes works on a copy in a
temporary directory.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import browser_choice
import forked
import pytest

from docs_i18n.core import project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCRIPTS = ROOT / "scripts"
LANGUAGES = tuple(project.configured_languages(ROOT))  # conf.py's i18n_languages: the source language first
TRANSLATIONS = LANGUAGES[1:]
# Builds, the virtual environment and the tools' caches (mypy's alone is about 40 MB after make lint).
_COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    "_build",
    ".git",
    "__pycache__",
    "*.mo",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    ".hypothesis",
    "node_modules",
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
    where = cwd or root or ROOT
    if forked.enabled():  # the same command in a process forked from one that has imported it
        return Result(*forked.run("i18n", list(map(str, args)), where, dict(os.environ)))
    proc = subprocess.run(
        [sys.executable, str(script), *map(str, args)], cwd=where, capture_output=True, text=True, timeout=600
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


def keep_languages(project: Path, langs: Iterable[str]) -> Path:
    """Make the project copy *project* a site of *langs* only (``conf.py``'s list, the catalogs):
    a module that tests what a few languages show builds those, not every language of the site."""
    langs = list(langs)
    unknown = set(langs) - set(LANGUAGES)
    assert not unknown, f"not languages of conf.py: {sorted(unknown)}"
    conf = project / "conf.py"
    listed = f"i18n_languages = {langs!r}"
    text, count = re.subn(r"(?m)^i18n_languages = \[.*$", listed, conf.read_text(encoding="utf-8"))
    assert count == 1, "conf.py names i18n_languages on one line"
    conf.write_text(text, encoding="utf-8")
    for other in set(LANGUAGES) - set(langs):
        shutil.rmtree(project / "locale" / other, ignore_errors=True)
    return project


def sphinx_build(project: Path, lang: str, out: Path, builder: str = "html", strict: bool = True) -> Result:
    """Build one language of *project* the way the Makefile does."""
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-c", str(project), "-q", "-D", f"language={lang}"]
    if strict:
        cmd += ["-W", "--keep-going", "-n"]
    cmd += ["-d", str(out / ".doctrees" / lang), str(project / "source"), str(out / lang)]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    if forked.enabled():
        return Result(*forked.run("sphinx", cmd[3:], Path.cwd(), env))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project to change freely."""
    return copy_project(tmp_path / "project")


def shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this run shares (pytest-xdist gives each worker its own temp folder)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def run_once(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """A folder *name* made once per test run, whichever worker asks first: yields the folder and
    whether this worker must make it (the others wait on a lock until it is made)."""
    shared = shared_dir(tmp_path_factory)
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if done.exists():
                yield folder, False
                return
            if folder.exists():  # a worker that failed to make it left a part
                shutil.rmtree(folder)
            folder.mkdir()
            yield folder, True
            done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_languages(project: Path, langs: Iterable[str], out: Path) -> dict[str, Result]:
    """Build *langs* of *project* into ``out/<lang>``, as many at once as there are cores."""
    langs = list(langs)
    with ThreadPoolExecutor(max_workers=min(len(langs), os.cpu_count() or 2) or 1) as pool:
        return dict(zip(langs, pool.map(lambda lang: sphinx_build(project, lang, out), langs), strict=True))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once per test run in every language (strict), shared by the read-only tests
    of every worker."""
    with run_once(tmp_path_factory, "built-site") as (base, first):
        out = base / "html"
        if first:
            project = copy_project(base / "project")
            for lang, result in build_languages(project, LANGUAGES, out).items():
                assert result.code == 0, f"{lang} build failed:\n{result.err}"
    return out


# -- Per-module times (make test prints them; the speed target is make test's wall time) --------

_module_seconds: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add each phase's duration (setup, call, teardown) to its module's total."""
    module = report.nodeid.split("::", 1)[0]
    _module_seconds[module] = _module_seconds.get(module, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The modules by the time their tests took (summed over the workers: more than the wall time)."""
    if not _module_seconds or os.environ.get("I18N_MODULE_TIMES") == "0":
        return
    total = sum(_module_seconds.values())
    terminalreporter.section(f"time per module (all workers: {total:.0f} s)")
    for module, seconds in sorted(_module_seconds.items(), key=lambda item: -item[1]):
        terminalreporter.write_line(f"{seconds:7.1f} s  {100 * seconds / total:4.1f}%  {module}")


# -- The browser ------------------------------------------------------------------------------


def launch_chromium() -> Iterator:
    """Headless Chromium (a generator: the browser, then its teardown); skips with the reason when
    there is none, fails instead when CI is set. One per thread: Playwright's sync API runs one
    instance per thread."""
    reason = None
    executable = browser_choice.executable()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "Playwright is not installed: .venv/bin/pip install -r requirements.txt"
    if reason is None and not executable:
        reason = (
            f"no Chromium at {browser_choice.where()}: install Debian's package"
            " (apt-get install chromium-headless-shell, or chromium) or set CHROMIUM"
        )
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: the browser tests must run)")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=browser_choice.ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Chromium in the tests' own thread, shared by every module of the session that uses it."""
    yield from launch_chromium()
