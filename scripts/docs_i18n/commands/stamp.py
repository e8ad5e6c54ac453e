"""``stamp``: record that a reviewed translation follows today's English page."""

from __future__ import annotations

import argparse
from pathlib import Path

from docs_i18n.commands._base import (
    add_command,
    conf_dir,
    language_argument,
    or_default,
    page_argument,
    translation_languages,
)
from docs_i18n.core import pages
from docs_i18n.core.errors import InputError
from docs_i18n.status import markdown_reader, stamping

EXAMPLES = """examples:
  scripts/i18n stamp --lang ko --page providers/litellm.md
  scripts/i18n stamp --page providers/litellm.md           every language of one page
  scripts/i18n stamp --lang ja --all                       every page of one language
  scripts/i18n stamp --markdown docs/ --lang ko --page providers/litellm.md

A catalog with fuzzy or untranslated messages is refused (they are listed) unless --force;
so is a Markdown page that is empty, marks messages as left in English (x-i18n.untranslated)
or does not align block for block with its English page (split with Sphinx and conf.py).
The record is the catalog's '# x-i18n-source-hash:' header comment (x-i18n.source_hash in a
Markdown page); nothing else in the file changes, and stamping twice changes nothing.

exit codes: 0 stamped or already current; 1 something was refused; 2 usage or input error
(path:line: message; nothing is written)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "stamp",
        help="record today's English hash for a reviewed translation",
        description=__doc__,
        epilog=EXAMPLES,
    )
    parser.add_argument(
        "--lang", action="append", type=language_argument, help="language to stamp (repeatable; default: all)"
    )
    parser.add_argument(
        "--page", action="append", type=page_argument, help="English page, e.g. providers/litellm.md (repeatable)"
    )
    parser.add_argument("--all", action="store_true", help="every page (instead of --page)")
    parser.add_argument(
        "--force", action="store_true", help="stamp even with fuzzy or untranslated messages, or a misaligned page"
    )
    parser.add_argument("--markdown", metavar="ROOT", type=Path, help="stamp translated Markdown pages under ROOT")
    parser.add_argument("--source", type=Path, help="English pages (default: source/)")
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument(
        "--conf", type=Path, help="folder of conf.py, to align Markdown pages (default: the one holding --source)"
    )
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return stamp(
        root,
        langs=args.lang,
        page_ids=args.page,
        every_page=args.all,
        force=args.force,
        markdown=args.markdown,
        source=or_default(args.source, root / "source"),
        locale=or_default(args.locale, root / "locale"),
        conf=args.conf,
    )


def stamp(
    root: Path,
    *,
    langs: list[str] | None,
    page_ids: list[str] | None,
    every_page: bool,
    force: bool,
    markdown: Path | None,
    source: Path,
    locale: Path,
    conf: Path | None,
) -> int:
    """Record today's English hash in the catalogs under *locale* (or the Markdown pages under
    *markdown*) of *page_ids* (or every page) in *langs* (default: all). Returns the exit code."""
    if not page_ids and not every_page:
        raise InputError("stamp", 0, "name the page(s) with --page PATH (or --all); e.g. --page providers/litellm.md")
    if markdown is not None:
        tree = markdown
        chosen = langs or markdown_reader.markdown_languages(tree)
        english = list(pages.walk_pages(tree, skip_dirs=frozenset(chosen)))
    else:
        tree = source
        chosen = translation_languages(root, locale, langs)
        english = list(pages.walk_pages(tree))
    targets = english if every_page else [pages.page_id(p) for p in page_ids or []]
    if not chosen:
        raise InputError(markdown or locale, 0, "no languages found; name them with --lang")
    results: list[stamping.StampResult] = []  # every target read and checked before any is written
    refusals: dict[str, dict[str, str]] = {}
    if markdown is not None and not force:
        for lang in chosen:
            for page in targets:  # no '..' or link leads out of <tree>/<lang>/: checked before anything is read
                stamping.markdown_page(tree, lang, page)
        from docs_i18n.sphinx_ext import splitter  # loads Sphinx: only for Markdown stamps

        refusals = stamping.markdown_refusals(tree, source, conf_dir(source, conf), chosen, targets, splitter)
    for lang in chosen:
        for page in targets:
            if markdown is not None:
                result = stamping.stamp_markdown(tree, lang, page, refusals.get(lang, {}).get(page))
            else:
                result = stamping.stamp_catalog(tree, locale, lang, page, force=force)
            results.append(result)
    stamping.write(results)
    for result in results:
        print(f"{result.lang} {result.page}: {result.outcome}: {result.detail}")
    return 1 if any(result.outcome == "refused" for result in results) else 0
