"""Split MyST pages into blocks with Sphinx's own message extraction.

A page becomes an ordered list of :class:`Block`: its front-matter fields
(``summary``, ``read_when`` items), then the body's headings, paragraphs, list
items, table cells, admonition texts and code blocks in document order. Each
translatable block's ``text`` is exactly the message Sphinx's gettext builder
writes into the ``.pot`` (the same builder runs: the project's ``conf.py`` and
extensions, MyST, every read transform, ``sphinx.util.nodes.extract_messages``);
code blocks (and other literal blocks) keep their text verbatim and are never
translated.

A translated page is split the same way, in a copy of the English tree where it
replaces its English page (so links and toctrees resolve as they do in English).
Two pages with the same structure give two block lists of the same shapes, so
the i-th English message pairs with the i-th translated one.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import pages
from docs_i18n.core.errors import InputError


@dataclass(frozen=True)
class Block:
    """One block of a page, in the page's order."""

    kind: str  # what a reader calls it: "paragraph", "heading (level 2)", "list item", "code block (bash)"...
    text: str  # the message as Sphinx extracts it; verbatim text for code blocks
    line: int  # 1-based line in the page file
    shape: tuple[str, ...] = ()  # the node and its ancestors' types: blocks align when shapes match
    raw: str = ""  # the node's source text before Sphinx joins its lines (used to place a translation)
    verbatim: bool = False  # code and other literal blocks: compared byte for byte, never translated
    field: str | None = None  # front-matter key (summary, read_when) for front-matter fields
    nested: bool = False  # inside another message (an image's alt text in a paragraph)
    cell: tuple[int, int, int] | None = None  # table cells: (table line, row, column)
    language: str = ""  # code blocks: the language given after the fence


@dataclass
class SplitPage:
    """A page split into front-matter fields and body blocks."""

    path: Path  # the file the blocks were read from (for messages)
    page: str  # the English page id: providers/litellm.md
    front: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)

    def messages(self) -> list[Block]:
        """Translatable blocks, front-matter first."""
        return self.front + [b for b in self.body if not b.verbatim]


def split_english(source_dir: Path, confdir: Path, page_ids: Iterable[str]) -> dict[str, SplitPage]:
    """Split English pages of *source_dir* (read in place; nothing is written there)."""
    source_dir = Path(source_dir)
    wanted = {pages.docname(p): p for p in page_ids}
    from docs_i18n.sphinx_ext import extraction

    found = extraction.extract_blocks(source_dir, Path(confdir), set(wanted))
    return {page: _finish(found, docname, page, source_dir / page) for docname, page in wanted.items()}


def split_translated(
    source_dir: Path, confdir: Path, translated: Mapping[str, Path], english: Mapping[str, Path] | None = None
) -> dict[str, SplitPage]:
    """Split translated pages (``{page id: file}``), each standing in for its English page.

    A translated page is untrusted: Sphinx parses it with its English page's MyST
    configuration and runs only the directives and roles the English page has
    (:mod:`docs_i18n.sphinx_ext.parsing`). Its English page is ``<source_dir>/<page>``
    unless *english* names another file (a Markdown tree's own English page).
    """
    with tempfile.TemporaryDirectory(prefix="i18n-split-") as tmp:
        srcdir = Path(tmp) / "src"
        shutil.copytree(source_dir, srcdir, symlinks=True)
        for page, path in translated.items():
            (srcdir / page).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, srcdir / page)
        wanted = {pages.docname(p): p for p in translated}
        originals = {page: Path((english or {}).get(page) or Path(source_dir) / page).resolve() for page in translated}
        from docs_i18n.sphinx_ext import extraction

        stand_ins = {srcdir / page: (originals[page], Path(translated[page])) for page in translated}
        found = extraction.extract_blocks(srcdir, Path(confdir), set(wanted), stand_ins)
    return {page: _finish(found, docname, page, Path(translated[page])) for docname, page in wanted.items()}


def _finish(found: dict[str, tuple[list[Block], list[Block]]], docname: str, page: str, path: Path) -> SplitPage:
    if docname not in found:
        raise InputError(path, 0, f"Sphinx did not read this page as {docname!r} (excluded by conf.py?)")
    front, body = found[docname]
    return SplitPage(path=path, page=page, front=front, body=body)
