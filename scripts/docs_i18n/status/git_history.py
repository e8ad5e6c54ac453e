"""Find an earlier version of a file in git history by its source hash."""

from __future__ import annotations

import datetime
import difflib
import re
import subprocess
from pathlib import Path

from docs_i18n.core import hashing

MAX_COMMITS = 500
_COMMIT_RE = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def _git(cwd: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False)


def find_version(path: Path, wanted_hash: str) -> tuple[str, bytes] | None:
    """The newest commit whose version of *path* has *wanted_hash*, and those bytes.

    Looks through the file's history (following renames, at most ``MAX_COMMITS``
    commits) and the staged version. ``None`` when git has no such version, or
    when *path* is not in a git work tree.
    """
    path = Path(path).resolve()
    top = _git(path.parent, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return None
    root = Path(top.stdout.decode().strip())
    rel = path.relative_to(root).as_posix()
    staged = _git(root, "show", f":{rel}")
    if staged.returncode == 0 and hashing.hash_bytes(staged.stdout) == wanted_hash:
        return "index", staged.stdout
    log = _git(root, "log", f"--max-count={MAX_COMMITS}", "--follow", "--format=%H", "--name-only", "--", rel)
    if log.returncode != 0:
        return None
    pairs: list[tuple[str, str]] = []
    commit = None
    for line in log.stdout.decode(errors="replace").splitlines():
        if _COMMIT_RE.fullmatch(line):
            commit = line
        elif line.strip() and commit is not None:
            pairs.append((commit, line))
            commit = None
    if not pairs:
        return None
    request = "".join(f"{commit}:{name}\n" for commit, name in pairs).encode()
    batch = _git(root, "cat-file", "--batch", data=request)
    if batch.returncode != 0:
        return None
    out, offset = batch.stdout, 0
    for commit, _name in pairs:
        end = out.index(b"\n", offset)
        header = out[offset:end].split()
        offset = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        blob = out[offset : offset + size]
        offset += size + 1
        if hashing.hash_bytes(blob) == wanted_hash:
            return commit, blob
    return None


def unified_diff(old: bytes, new: bytes, old_label: str, new_label: str) -> str:
    """A unified diff of two versions of a text file."""
    lines = difflib.unified_diff(
        old.decode("utf-8", errors="replace").splitlines(keepends=True),
        new.decode("utf-8", errors="replace").splitlines(keepends=True),
        fromfile=old_label,
        tofile=new_label,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


ENGLISH_DATE_SOURCES = ("git", "file")  # how english_change_date found the date


def english_change_date(path: Path) -> tuple[datetime.date, str]:
    """When the English file last changed, and how that is known.

    ``git``: the date of the last commit that changed *path*, when the file is committed
    as it is. ``file``: the file's modification time, when git is absent, *path* is not in
    a work tree, or the file is new or edited since its last commit.
    """
    path = Path(path).resolve()
    try:
        committed = _git(path.parent, "log", "-1", "--format=%cs", "--", path.name)
        if committed.returncode == 0 and committed.stdout.strip():
            edited = _git(path.parent, "status", "--porcelain", "--", path.name)
            if edited.returncode == 0 and not edited.stdout.strip():
                return datetime.date.fromisoformat(committed.stdout.decode().strip()), "git"
    except (OSError, ValueError):  # no git program, or a date it did not give as YYYY-MM-DD
        pass
    mtime = path.stat().st_mtime
    return datetime.datetime.fromtimestamp(mtime, tz=datetime.UTC).date(), "file"
