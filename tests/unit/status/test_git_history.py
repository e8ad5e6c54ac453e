"""The English diff from git (``status/git_history.py``), on a repository made here."""

from __future__ import annotations

import subprocess
from pathlib import Path

from docs_i18n.core import hashing
from docs_i18n.status import git_history

OLD = b"# Costs\n\nEach request costs.\n"
NEW = b"# Costs\n\nEach request costs money.\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True, capture_output=True
    )


def test_the_version_a_record_names_is_found_and_diffed(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    page = tmp_path / "index.md"
    page.write_bytes(OLD)
    git(tmp_path, "add", "index.md")
    git(tmp_path, "commit", "-q", "-m", "first")
    page.write_bytes(NEW)
    assert git_history.find_version(page, hashing.hash_bytes(OLD)) == ("index", OLD)  # still the staged one
    git(tmp_path, "commit", "-q", "-am", "second")
    found = git_history.find_version(page, hashing.hash_bytes(OLD))
    assert found is not None and found[1] == OLD and len(found[0]) == 40  # the first commit
    diff = git_history.unified_diff(found[1], NEW, "index.md@old", "index.md@today")
    assert "-Each request costs.\n+Each request costs money.\n" in diff
    assert git_history.find_version(page, "f" * 64) is None


def test_outside_a_repository_there_is_no_version(tmp_path: Path) -> None:
    page = tmp_path / "index.md"
    page.write_bytes(OLD)
    assert git_history.find_version(page, hashing.hash_bytes(OLD)) is None
