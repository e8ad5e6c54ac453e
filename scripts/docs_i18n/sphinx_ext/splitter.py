"""Split MyST pages into blocks (:class:`~docs_i18n.markdown.splitting.SplitPage`) with Sphinx.

The splitter of the Markdown import, export and stamp
(:class:`~docs_i18n.markdown.splitting.Splitter`: the commands pass this module). Each
translatable block's ``text`` is exactly the message Sphinx's gettext builder writes into
the ``.pot`` (:mod:`.extraction`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from docs_i18n.core import pages
from docs_i18n.core.errors import InputError
from docs_i18n.markdown.splitting import Block, SplitPage
from docs_i18n.sphinx_ext import extraction


def split_english(source_dir: Path, confdir: Path, page_ids: Iterable[str]) -> dict[str, SplitPage]:
    """Split English pages of *source_dir* (read in place; nothing is written there)."""
    source_dir = Path(source_dir)
    wanted = {pages.docname(p): p for p in page_ids}
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
        stand_ins = {srcdir / page: (originals[page], Path(translated[page])) for page in translated}
        found = extraction.extract_blocks(srcdir, Path(confdir), set(wanted), stand_ins)
    return {page: _finish(found, docname, page, Path(translated[page])) for docname, page in wanted.items()}


def _finish(found: dict[str, tuple[list[Block], list[Block]]], docname: str, page: str, path: Path) -> SplitPage:
    if docname not in found:
        raise InputError(path, 0, f"Sphinx did not read this page as {docname!r} (excluded by conf.py?)")
    front, body = found[docname]
    return SplitPage(path=path, page=page, front=front, body=body)
