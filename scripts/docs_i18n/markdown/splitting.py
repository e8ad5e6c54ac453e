"""MyST pages as blocks: what a splitter gives, and what it is.

The splitter is :mod:`docs_i18n.sphinx_ext.splitter` (it runs Sphinx's own message
extraction); the commands pass it in (:class:`Splitter`), so that nothing below the Sphinx
extension imports it. A page becomes an ordered list of :class:`Block`: its front-matter fields
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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


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


class Splitter(Protocol):
    """Splits pages into blocks: :mod:`docs_i18n.sphinx_ext.splitter` (the module itself)."""

    def split_english(self, source_dir: Path, confdir: Path, page_ids: Iterable[str]) -> dict[str, SplitPage]:
        """English pages of *source_dir*, by page id."""
        ...

    def split_translated(
        self,
        source_dir: Path,
        confdir: Path,
        translated: Mapping[str, Path],
        english: Mapping[str, Path] | None = None,
    ) -> dict[str, SplitPage]:
        """Translated pages (``{page id: file}``), each standing in for its English page."""
        ...
