"""Helpers for the Markdown import/export tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from markdown_it import MarkdownIt

from conftest import FIXTURES, Result, copy_project, run_cli, sphinx_build
from docs_i18n.core import frontmatter
from htmlutil import squash

MARKDOWN = FIXTURES / "markdown"
SEED = MARKDOWN / "litellm.ko.md"
GUIDE = "providers/litellm.md"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under *folder*: bytes and modification time, to prove nothing changed."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_project(dest: Path, with_pot: bool = True) -> Path:
    """A copy of the project; with the catalog templates in ``<project>/_build/gettext``."""
    project = copy_project(dest)
    if with_pot:
        build_pot(project)
    return project


def build_pot(project: Path) -> Path:
    """Extract the templates the way ``make gettext`` does, into ``<project>/_build/gettext``."""
    out = project / "_build" / "pot-run"
    result = sphinx_build(project, "en", out, builder="gettext", strict=False)
    assert result.code == 0, result.err
    pot_dir = project / "_build" / "gettext"
    if pot_dir.exists():
        shutil.rmtree(pot_dir)
    shutil.move(out / "en", pot_dir)
    return pot_dir


def project_args(project: Path) -> list[str]:
    return ["--source", str(project / "source"), "--locale", str(project / "locale"), "--conf", str(project)]


def import_cli(project: Path, *args: str | Path) -> Result:
    return run_cli("import", *args, *project_args(project), cwd=project)


def export_cli(project: Path, out: Path, *args: str | Path) -> Result:
    return run_cli("export", "--out", out, *args, *project_args(project), cwd=project)


def body_blocks(path: Path) -> tuple[list[str], list[str]]:
    """A page body's texts (whitespace squashed) and code blocks, via markdown-it."""
    body = frontmatter.read(path).body
    texts, codes = [], []
    for token in MarkdownIt("commonmark").enable("table").parse(body):
        if token.type == "fence":
            codes.append(token.content)
        elif token.type == "inline":
            texts.append(squash(token.content))
    return texts, codes
