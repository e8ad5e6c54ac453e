"""The least loop ``status --markdown`` needs: the floor its CPU time is measured against.

Walk the tree; hash each English page once (SHA-256 of its bytes); read each translated
page only up to the closing ``---`` of its front-matter and take the value after
``source_hash:``; count each (language, page) as current, stale, unknown, missing or
orphan. No validation of the front-matter, no output: what any status of a translated
Markdown tree cannot do without. The language folders are given (status finds them
itself, with Babel). Standard library only, so that run as a script (``python
benchmarks/floor_status.py ROOT LANG...``) it starts about as fast as Python can (argparse
adds a few milliseconds).

Exit codes: 0 counted (the counts are printed as JSON); 2 usage error.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence

SUFFIXES = (".md", ".mdx")
CHUNK = 4096
HEX = frozenset("0123456789abcdef")


def _walk(folder: str, prefix: str, skip: frozenset[str], found: list[str]) -> None:
    for entry in os.scandir(folder):
        name = entry.name
        if name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            if not name.startswith("_") and not (not prefix and name in skip):
                _walk(entry.path, f"{prefix}{name}/", skip, found)
        elif name.endswith(SUFFIXES) and entry.is_file(follow_symlinks=False):
            found.append(prefix + name)


def _recorded(path: str) -> str | None:
    """The value after ``source_hash:`` in the front-matter of *path*, read up to the closing ``---``."""
    with open(path, "rb") as handle:
        head = handle.read(CHUNK)
        if not head.startswith(b"---"):
            return None
        while (end := head.find(b"\n---", 3)) == -1:
            more = handle.read(CHUNK)
            if not more:
                break
            head += more
    at = head.find(b"source_hash:", 0, None if end == -1 else end)
    if at == -1:
        return None
    line = head[at + 12 : head.find(b"\n", at)]
    return line.strip().strip(b"\"'").decode("utf-8", "replace")


def floor(root: str, langs: Sequence[str]) -> dict[str, dict[str, int]]:
    """``{lang: {state: count}}`` for the tree at *root* and its language folders *langs*."""
    english: list[str] = []
    _walk(root, "", frozenset(langs), english)
    hashes = {}
    for page in english:
        with open(os.path.join(root, page), "rb") as handle:
            hashes[page] = hashlib.sha256(handle.read()).hexdigest()
    counts = {}
    for lang in langs:
        found: list[str] = []
        folder = os.path.join(root, lang)
        if os.path.isdir(folder):
            _walk(folder, "", frozenset(), found)
        states = dict.fromkeys(("current", "stale", "unknown", "missing", "orphan"), 0)
        for page in found:
            recorded, today = _recorded(os.path.join(folder, page)), hashes.get(page)
            if today is None:
                states["orphan"] += 1
            elif recorded == today:
                states["current"] += 1
            elif recorded and len(recorded) == 64 and HEX.issuperset(recorded):
                states["stale"] += 1
            else:
                states["unknown"] += 1
        states["missing"] = len(hashes) - (len(found) - states["orphan"])
        counts[lang] = states
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", help="the tree: English pages, and a folder per language")
    parser.add_argument("langs", nargs="+", metavar="LANG", help="the language folders")
    args = parser.parse_args(argv)
    print(json.dumps(floor(args.root, args.langs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
