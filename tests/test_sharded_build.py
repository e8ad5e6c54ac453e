"""The build split across machines: one job per language, assembled without rebuilding.

``.github/workflows/docs.yml`` builds each language on its own runner
(``make html LANGUAGES=<lang>``), uploads ``_build/html/<lang>/`` and assembles
the prebuilt folders with ``make site PREBUILT=1``; ``scripts/i18n site
--commit`` refuses a folder built from another commit. The workflow is checked
with actionlint (a PyPI wheel that ships the actionlint binary).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, ROOT, run_cli

WORKFLOW = ROOT / ".github" / "workflows" / "docs.yml"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def actionlint() -> str | None:
    found = Path(sys.executable).parent / "actionlint"
    return str(found) if found.is_file() else shutil.which("actionlint")


def test_the_workflow_passes_actionlint() -> None:
    binary = actionlint()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("actionlint is not installed (requirements.txt pins it); CI must run this check")
        pytest.skip("actionlint is not installed: run `make venv`")
    result = subprocess.run([binary, "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_builds_each_language_apart_and_assembles_without_rebuilding() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    html = jobs["html"]
    assert html["strategy"]["matrix"]["lang"] == "${{ fromJSON(needs.languages.outputs.list) }}"
    steps = " ".join(str(step.get("run", "")) for step in html["steps"])
    assert 'make html LANGUAGES="${{ matrix.lang }}"' in steps
    upload = next(step for step in html["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "_build/html/${{ matrix.lang }}/" and upload["with"]["include-hidden-files"]
    assert "make site PREBUILT=1" in " ".join(str(step.get("run", "")) for step in jobs["site"]["steps"])
    deploy = jobs["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in deploy["steps"])
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", use) for use in uses), uses  # pinned versions
    assert "playwright install" not in text and "chromium" not in text.lower()  # no browser download


def test_make_lists_the_languages_the_matrix_builds() -> None:
    result = subprocess.run(["make", "-s", "print-ALL_LANGUAGES"], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == list(LANGUAGES)


def fake_build(html: Path, commits: dict[str, str | None]) -> None:
    """Language folders as a build leaves them, each with the commit it records."""
    for lang, commit in commits.items():
        folder = html / lang
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(f"<!doctype html><title>{lang}</title>\n", encoding="utf-8")
        if commit is not None:
            (folder / ".build-info").write_text(f"commit: {commit}\n", encoding="utf-8")


def site_cli(html: Path, out: Path, *args: str) -> object:
    return run_cli("site", "--html", html, "--out", out, *[f"--lang={lang}" for lang in LANGUAGES], *args)


def test_site_assembles_folders_of_one_commit(tmp_path: Path) -> None:
    html = tmp_path / "html"
    fake_build(html, dict.fromkeys(LANGUAGES, COMMIT))
    result = site_cli(html, tmp_path / "site", "--commit", COMMIT)
    assert result.code == 0, result.err
    for lang in LANGUAGES:
        assert (tmp_path / "site" / lang / "index.html").is_file()
        assert not (tmp_path / "site" / lang / ".build-info").exists()  # the build's own file is not published


def test_site_refuses_a_folder_built_from_another_commit(tmp_path: Path) -> None:
    html = tmp_path / "html"
    other = "f" * 40
    fake_build(html, {**dict.fromkeys(LANGUAGES, COMMIT), LANGUAGES[1]: other, LANGUAGES[2]: None})
    out = tmp_path / "site"
    result = site_cli(html, out, "--commit", COMMIT)
    assert result.code == 2
    assert (
        f"{html / LANGUAGES[1]}:0: language '{LANGUAGES[1]}' was built from commit {other}, not {COMMIT}; "
        f"build it again (make html LANGUAGES={LANGUAGES[1]})" in result.err
    )
    assert not out.exists()
    (html / LANGUAGES[1] / ".build-info").write_text(f"commit: {COMMIT}\n", encoding="utf-8")
    missing = site_cli(html, out, "--commit", COMMIT)
    assert missing.code == 2 and f"language '{LANGUAGES[2]}' records no commit (no .build-info)" in missing.err
