"""Recording that a translation now follows today's English page.

Stamping is planned, then written: :func:`stamp_catalog` and :func:`stamp_markdown`
read and check a target and return what it would become (:attr:`StampResult.text`);
:func:`write` writes the planned files, so a command writes nothing unless every
target it was given could be read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import frontmatter, hash_record, hashing, locale_tree, pages, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import atomic_write, check_inside, read_text
from docs_i18n.markdown.splitting import Splitter

SHOWN_MESSAGES = 5


@dataclass
class StampResult:
    """What stamping one (language, page) did."""

    lang: str
    page: str
    path: str
    outcome: str  # "stamped", "unchanged", "refused"
    detail: str
    previous: str | None = None
    text: str | None = field(default=None, repr=False)  # "stamped": the file's new text, for write()


def _english(root: Path, page: str) -> Path:
    english = Path(root) / page
    if not english.is_file():
        raise InputError(english, 0, f"no English page {page!r} under {root}")
    return english


def stamp_catalog(source_dir: Path, locale_dir: Path, lang: str, page: str, force: bool = False) -> StampResult:
    """Today's hash of *page* recorded in its *lang* catalog (planned: see :func:`write`),
    unless messages still need work."""
    path = pages.catalog_path(locale_dir, lang, page)
    today = hashing.source_hash(_english(source_dir, page))
    if not os.path.lexists(path):
        raise InputError(path, 0, "no catalog for this page; run `make update-po` first")
    text = locale_tree.read_text(path, locale_dir, "catalog")  # no link followed, nothing but a file read
    check_inside(path, Path(locale_dir) / lang)
    catalog = pofile.parse(text, path)
    previous = hash_record.recorded_hash(catalog)
    pending = [e for e in catalog.messages() if e.state != "translated"]
    if pending and not force:
        fuzzy = sum(1 for e in pending if e.state == "fuzzy")
        shown = "; ".join(f"line {e.line} {e.state}: {e.msgid[:50]!r}" for e in pending[:SHOWN_MESSAGES])
        more = f"; and {len(pending) - SHOWN_MESSAGES} more" if len(pending) > SHOWN_MESSAGES else ""
        detail = (
            f"{fuzzy} fuzzy and {len(pending) - fuzzy} untranslated messages ({shown}{more}); "
            "translate them, or pass --force to stamp anyway"
        )
        return StampResult(lang, page, str(path), "refused", detail, previous)
    updated = hash_record.with_record(text, today, path)
    if updated == text:
        return StampResult(lang, page, str(path), "unchanged", "already current", previous)
    detail = f"recorded {today[:12]}" + (f" (was {previous[:12]})" if previous else " (no record before)")
    return StampResult(lang, page, str(path), "stamped", detail, previous, updated)


def markdown_page(root: Path, lang: str, page: str) -> Path:
    """``<root>/<lang>/<page>``; :class:`InputError` when a link leads out of ``<root>/<lang>/``."""
    path = Path(root) / lang / page
    check_inside(path, Path(root) / lang)
    return path


def markdown_refusals(
    root: Path, source_dir: Path, confdir: Path, langs: Iterable[str], page_ids: Iterable[str], splitter: Splitter
) -> dict[str, dict[str, str]]:
    """Why translated pages may not be stamped, by language and page: as the catalog stamp refuses
    untranslated work, a page that is empty, marked as left in English (``x-i18n.untranslated``)
    or not aligned block for block with its English page (:mod:`docs_i18n.markdown.align`).

    Both pages are split by *splitter* as the import splits them, each standing in for its page
    in a copy of the project's *source_dir* (a tree of Markdown pages need not be a Sphinx
    project): the English pages once for every language, the translated ones once per language.
    Pages without a translated file are left out (:func:`stamp_markdown` reports them).
    """
    from docs_i18n.markdown import align, importer  # only for Markdown stamps

    refusals: dict[str, dict[str, str]] = {}
    aligned: dict[str, dict[str, Path]] = {}
    page_ids = list(page_ids)
    for lang in langs:
        refusals[lang], aligned[lang] = {}, {}
        for page in page_ids:
            path = markdown_page(root, lang, page)
            _english(root, page)
            if not path.is_file():
                continue
            matter = frontmatter.split(read_text(path), path)
            left = importer.untranslated_marker(matter, path)
            if not matter.body.strip():
                refusals[lang][page] = "the translated page is empty (nothing after its front-matter)"
            elif left:
                why = f"{len(left)} message(s) left in English (x-i18n.{importer.MARKER_KEY}, written by export)"
                refusals[lang][page] = why
            else:
                aligned[lang][page] = path
    wanted = sorted({page for pages_of in aligned.values() for page in pages_of})
    originals = {page: Path(root) / page for page in wanted}
    english = splitter.split_translated(Path(source_dir), Path(confdir), originals, originals) if wanted else {}
    for lang, mine in aligned.items():
        if not mine:
            continue
        translated = splitter.split_translated(Path(source_dir), Path(confdir), mine, originals)
        for page in mine:
            try:
                align.align(english[page], translated[page])
            except InputError as exc:
                refusals[lang][page] = f"not aligned with the English page: {exc}"
    suffix = "; translate it, or pass --force to stamp anyway"
    return {lang: {page: why + suffix for page, why in found.items()} for lang, found in refusals.items()}


def stamp_markdown(root: Path, lang: str, page: str, refusal: str | None = None) -> StampResult:
    """``x-i18n.source_hash`` of ``<root>/<lang>/<page>`` set to today's English hash (planned:
    see :func:`write`), unless *refusal* (from :func:`markdown_refusals`) says why not."""
    path = markdown_page(root, lang, page)
    today = hashing.source_hash(_english(root, page))
    if not path.is_file():
        raise InputError(path, 0, "no translated page to stamp")
    text = read_text(path)
    previous = frontmatter.split(text, path).source_hash
    if refusal is not None:
        return StampResult(lang, page, str(path), "refused", refusal, previous if isinstance(previous, str) else None)
    updated = frontmatter.with_source_hash(text, today, path)
    if updated == text:
        return StampResult(lang, page, str(path), "unchanged", "already current", previous)
    shown = previous[:12] if isinstance(previous, str) and previous else None
    detail = f"recorded {today[:12]}" + (f" (was {shown})" if shown else " (no record before)")
    return StampResult(
        lang, page, str(path), "stamped", detail, previous if isinstance(previous, str) else None, updated
    )


def write(results: Iterable[StampResult]) -> None:
    """Write the files that *results* stamp, each atomically."""
    for result in results:
        if result.text is not None:
            atomic_write(result.path, result.text.encode("utf-8"))
