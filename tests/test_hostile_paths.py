"""Hostile command-line values: ``--lang`` and ``--page`` never lead a tool out of its folders.

A language code and a page name become paths (``locale/<lang>/``, ``<root>/<lang>/<page>``).
Every command checks them before reading anything (a code Babel knows; a relative page
without ``..``) and answers a bad one with exit 2 and one clear line, never a traceback;
and the writing commands refuse a target that a symbolic link leads out of its folder.
Each test compares every file of the tree, byte for byte, before and after.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from docs_i18n.core import languages, pages
from markdown_util import snapshot

CATALOGS = FIXTURES / "status" / "catalogs"
MARKDOWN = FIXTURES / "status" / "markdown"
BAD_LANGS = ["../docs", "1", "k o", "../../x", "ko/../ja", "", "xx", "ko-"]
BAD_PAGES = ["../README.md", "/etc/passwd", "providers/../../README.md", "", "providers//litellm.md", "C:/x.md"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A project folder: catalogs (source/, locale/) and a Markdown tree (docs/) with an English README."""
    shutil.copytree(CATALOGS, tmp_path / "project")
    shutil.copytree(MARKDOWN, tmp_path / "project" / "docs")
    (tmp_path / "project" / "docs" / "README.md").write_text("# The English README\n", encoding="utf-8")
    (tmp_path / "project" / "README.md").write_text("# The project's README\n", encoding="utf-8")
    return tmp_path / "project"


def cli(tree: Path, *args: str):
    return run_cli(*args, cwd=tree)


def refused(result, option: str, value: str, what: str) -> None:
    """Exit 2, the option and value named on stderr, no traceback, nothing on stdout."""
    assert result.code == 2, (result.out, result.err)
    assert f"error: argument {option}: {value!r} is not a {what}" in result.err
    assert "Traceback" not in result.err and result.out == ""


CATALOG_OPTIONS = ["--source", "source", "--locale", "locale"]
COMMANDS = {
    "stamp": ["stamp", *CATALOG_OPTIONS, "--page", "guide/usage.md"],
    "stamp --markdown": ["stamp", "--markdown", "docs", "--page", "README.md"],
    "import": ["import", "docs", *CATALOG_OPTIONS, "--conf", "."],
    "export": ["export", "--out", "out", *CATALOG_OPTIONS, "--conf", "."],
    "status": ["status", *CATALOG_OPTIONS],
    "status --markdown": ["status", "--markdown", "docs"],
    "check": ["check", "--locale", "locale"],
    "landing": ["landing", "--out", "out"],
    "sitemap": ["sitemap", "--out", "out", "--source", "source", "--base-url", "https://example.org/"],
    "site": ["site", "--html", "out", "--out", "site", "--source", "source"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_refuses_a_language_code_that_is_a_path(tree: Path, command: str) -> None:
    before = snapshot(tree)
    refused(cli(tree, *COMMANDS[command], "--lang", "../docs"), "--lang", "../docs", "language code Babel knows")
    assert snapshot(tree) == before


@pytest.mark.parametrize("value", BAD_LANGS)
def test_codes_babel_does_not_know_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="is not a language code Babel knows"):
        languages.check_code(value)


@pytest.mark.parametrize("value", BAD_PAGES)
def test_pages_outside_the_source_folder_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="is not a page below the source folder"):
        pages.check_page(value)


@pytest.mark.parametrize(
    ("value", "page"), [("providers/litellm", "providers/litellm.md"), ("./a/b.mdx", "a/b.mdx"), ("a\\b", "a/b.md")]
)
def test_pages_as_users_name_them_are_accepted(value: str, page: str) -> None:
    assert pages.check_page(value) == page


def test_stamp_refuses_a_code_babel_does_not_know(tree: Path) -> None:
    before = snapshot(tree)
    result = cli(tree, *COMMANDS["stamp --markdown"], "--lang", "xx")
    refused(result, "--lang", "xx", "language code Babel knows")
    assert snapshot(tree) == before


@pytest.mark.parametrize("value", ["1", "k o", "../../x"])
def test_import_of_one_file_with_a_bad_code_is_a_usage_error_not_a_traceback(tree: Path, value: str) -> None:
    before = snapshot(tree)
    args = ["import", "docs/ko/providers/litellm.md", "--page", "providers/litellm.md", *CATALOG_OPTIONS]
    refused(cli(tree, *args, "--lang", value), "--lang", value, "language code Babel knows")
    assert snapshot(tree) == before


@pytest.mark.parametrize("command", ["stamp", "stamp --markdown", "import", "export"])
def test_every_command_refuses_a_page_outside_the_source_folder(tree: Path, command: str) -> None:
    args = [a for a in COMMANDS[command] if a not in ("--page", "guide/usage.md", "README.md")]
    before = snapshot(tree)
    result = cli(tree, *args, "--lang", "ko", "--page", "../README.md")
    refused(result, "--page", "../README.md", "page below the source folder")
    assert snapshot(tree) == before


def test_the_reported_ways_out_change_no_file(tree: Path) -> None:
    """``stamp --markdown docs --lang ko --page ../README.md``, ``--lang ../docs``, the catalog variant."""
    before = snapshot(tree)
    for args in (
        ["stamp", "--markdown", "docs", "--lang", "ko", "--page", "../README.md"],
        ["stamp", "--markdown", "docs", "--lang", "../docs", "--page", "README.md"],
        ["stamp", *CATALOG_OPTIONS, "--lang", "ko", "--page", "../README.md"],
    ):
        assert cli(tree, *args).code == 2
    assert snapshot(tree) == before
    assert not (tree / "locale" / "ko" / "README.po").exists()


def test_a_language_folder_linked_out_of_the_tree_is_not_written(tree: Path) -> None:
    os.symlink("..", tree / "docs" / "ja")  # docs/ja/README.md would be docs/README.md
    before = snapshot(tree)
    result = cli(tree, "stamp", "--markdown", "docs", "--lang", "ja", "--page", "README.md")
    assert result.code == 2, result.out
    assert result.err == (
        "docs/ja/README.md:0: refusing to write outside docs/ja (a '..' or a symbolic link leads out of it)\n"
    )
    assert snapshot(tree) == before


def test_a_catalog_linked_to_a_file_elsewhere_is_not_read_nor_written(tree: Path) -> None:
    po = tree / "locale" / "ko" / "LC_MESSAGES" / "guide" / "usage.po"
    elsewhere = tree / "usage.po"
    po.rename(elsewhere)
    os.symlink(elsewhere, po)
    before = snapshot(tree)
    result = cli(tree, "stamp", *CATALOG_OPTIONS, "--lang", "ko", "--page", "guide/usage.md", "--force")
    assert result.code == 2
    assert result.err.startswith("locale/ko/LC_MESSAGES/guide/usage.po:0: a symbolic link, not read")
    assert snapshot(tree) == before and po.is_symlink()


def test_good_values_still_work(tree: Path) -> None:
    result = cli(tree, "stamp", *CATALOG_OPTIONS, "--lang", "ko", "--page", "./guide/usage", "--force")
    assert result.code == 0, result.err
    assert result.out.startswith("ko guide/usage.md: stamped: recorded")
    result = cli(tree, "status", "--markdown", "docs", "--lang", "ja-JP", "--format", "json")
    assert result.code == 0, result.err
