"""The status of a tree of translated Markdown pages: English pages under ``ROOT``, translations
under ``ROOT/<lang>/<page>.md`` (the record is ``x-i18n.source_hash``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from docs_i18n.core import frontmatter, languages, pages, textio
from docs_i18n.core.errors import InputError
from docs_i18n.status.collect import collect, hash_pages
from docs_i18n.status.states import PageState, PageStatus, Report, judge


def markdown_languages(root: Path) -> list[str]:
    """Top-level folders of *root* named like locale codes (``ko``, ``ja-JP``), sorted."""
    return sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir() and not p.is_symlink() and not p.name.startswith(".") and languages.looks_like_locale(p.name)
    )


def _markdown_status(lang: str, page: str, translated: str, today: str | None, recorded: object) -> PageStatus:
    if today is None:
        state, reason = PageState.ORPHAN, "the English page is gone"
    else:
        state, reason = judge(recorded, today)
    shown = recorded if recorded is None or isinstance(recorded, str) else str(recorded)
    return PageStatus(lang, page, state, reason, translated, today, shown)


def markdown_report(root: Path, langs: Iterable[str] | None = None) -> Report:
    """Status of a tree of translated Markdown pages."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(root, 0, "folder not found")
    folders = markdown_languages(root)
    languages = list(langs) if langs else folders
    skipped: list[Path] = []
    english = list(pages.walk_pages(root, skip_dirs=frozenset(languages) | frozenset(folders), skipped=skipped))
    report = Report(kind="markdown", languages=languages)
    all_english = set(english)
    hashes = hash_pages(root, english, report)
    slots: list[PageStatus | tuple[str, str, str, str | None]] = []
    for lang in languages:
        lang_root = root / lang
        prefix = os.path.join(str(lang_root), "")
        translated = set(pages.walk_pages(lang_root, skipped=skipped)) if lang_root.is_dir() else set()
        for page in english:
            if page in translated:
                slots.append((lang, page, prefix + page, hashes[page]))
            else:
                missing = PageStatus(lang, page, PageState.MISSING, "no translated page", prefix + page, hashes[page])
                slots.append(missing)
        slots.extend((lang, page, prefix + page, None) for page in sorted(translated - all_english))
    # One process: a page's record is read off its front-matter alone, so reading is
    # cheaper than starting workers and passing them the results (docs/performance.md).
    collect(report, slots, frontmatter.read_record, _markdown_status, parallel=False)
    report.warnings += [textio.skipped_warning(path) for path in skipped]
    return report
