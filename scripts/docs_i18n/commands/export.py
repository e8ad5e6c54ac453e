"""``export``: write each translation as MyST pages with an ``x-i18n`` front-matter block."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docs_i18n.commands._base import (
    add_command,
    conf_dir,
    language_argument,
    or_default,
    page_argument,
    translation_languages,
)
from docs_i18n.core import languages, pages
from docs_i18n.core.textio import atomic_write, check_inside

DESCRIPTION = """Write each translation as MyST pages: _build/markdown/<lang>/<page>.md.

Each page is the English page with every message replaced by its translation
(English where the catalog has none or only a fuzzy one, or where the build refuses the
translation, as the build shows it), headings, lists,
tables and code blocks kept as they are, front-matter title, summary and read_when
translated, and an x-i18n block: source_hash is the hash the catalog records
(not today's), untranslated lists the messages left in English.

A page that already exists in the output (a tree of OpenClaw's pages) is updated
in place: only the messages whose translation changed are rewritten, and
x-i18n.source_hash is set; every other byte stays (front-matter keys, their order,
quoting and indentation, x-i18n keys such as generated_at or model, code blocks,
components). A code or raw block of such a page that differs from the English page
is kept as the page has it, with a warning on stderr (path:line: warning: ...)."""

EXAMPLES = """examples:
  scripts/i18n export                            every page in every language into _build/markdown/
  scripts/i18n export --lang ko --page providers/litellm.md
  make markdown                                  the same as the first, for the languages in conf.py

Writes <out>/<lang>/<page>.md: the English page with its messages replaced by their
translations (English where there is none), code blocks verbatim, front-matter summary
and read_when translated, and x-i18n.source_hash set to the hash the catalog records
(so an out-of-date translation exports as out of date). `scripts/i18n import <out>`
reads such a tree back, and changes nothing.

  scripts/i18n export --out docs/ --layout openclaw
                                                 update OpenClaw's tree in place: ko/, ja-JP/, zh-CN/

Folders: --layout catalog (the default) names them by catalog code (ko/, ja/, zh_CN/);
--layout openclaw by OpenClaw's names (ko/, ja-JP/, zh-CN/; a folder already there for
the language is used as it is). --replace renders every page anew from the English page
instead of updating the existing ones.

exit codes: 0 written; 2 usage or input error (path:line: message; an existing page that
does not align with its English page: nothing written)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "export",
        help="write translated Markdown pages from the catalogs",
        description=DESCRIPTION,
        epilog=EXAMPLES,
    )
    parser.add_argument("--out", type=Path, help="default: _build/markdown/")
    parser.add_argument(
        "--lang",
        action="append",
        type=language_argument,
        help="catalog language (repeatable; default: every one in --locale)",
    )
    parser.add_argument(
        "--page", action="append", type=page_argument, help="English page, e.g. providers/litellm.md (repeatable)"
    )
    parser.add_argument(
        "--layout",
        choices=languages.FOLDER_LAYOUTS,
        default="catalog",
        help="language folder names: catalog codes (zh_CN/, the default) or OpenClaw's (zh-CN/, ja-JP/)",
    )
    parser.add_argument(
        "--replace", action="store_true", help="render every page anew instead of updating existing pages in place"
    )
    parser.add_argument("--source", type=Path, help="English pages (default: source/)")
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument("--conf", type=Path, help="folder of conf.py (default: the one holding --source, or --source)")
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return export(
        root,
        out=or_default(args.out, root / "_build" / "markdown"),
        langs=args.lang,
        page_ids=args.page,
        layout=args.layout,
        replace=args.replace,
        source=or_default(args.source, root / "source"),
        locale=or_default(args.locale, root / "locale"),
        conf=args.conf,
    )


def export(
    root: Path,
    *,
    out: Path,
    langs: list[str] | None,
    page_ids: list[str] | None,
    layout: str,
    replace: bool,
    source: Path,
    locale: Path,
    conf: Path | None,
) -> int:
    """Write the translations of *page_ids* (default: every page) in *langs* (default: every catalog
    language) as Markdown pages under *out*; nothing is written on an error. Returns the exit code."""
    from docs_i18n.markdown import exporter  # loads Sphinx: only when the command runs
    from docs_i18n.sphinx_ext import splitter, verdicts

    named = [languages.catalog_language(code) for code in langs] if langs else None
    chosen = translation_languages(root, locale, named)
    if not chosen:
        print(f"{locale}:0: no languages found; name them with --lang", file=sys.stderr)
        return 2
    targets = [pages.page_id(p) for p in page_ids] if page_ids else list(pages.walk_pages(source))
    confdir = conf_dir(source, conf)
    # A translation the build shows in English (refused, or not a paragraph) is exported in English.
    decided = verdicts.verdicts(source, confdir, locale, chosen)
    results = exporter.export_pages(
        source,
        locale,
        confdir,
        out,
        chosen,
        targets,
        layout=layout,
        replace=replace,
        shown_in_english=lambda lang, docname, msgid: decided[lang].reason(docname, msgid),
        splitter=splitter,
    )
    errors = [result.error for result in results if result.error is not None]
    for error in errors:
        print(f"{error.shown()}; pass --replace to render it anew from the English page", file=sys.stderr)
    if errors:
        print(f"nothing written: {len(errors)} existing page(s) could not be updated", file=sys.stderr)
        return 2
    for result in results:  # every target is checked before the first is written
        if result.text is not None:
            check_inside(result.out_path, out / exporter.language_folder(out, result.lang, layout))
    for result in results:
        if result.text is not None:
            atomic_write(result.out_path, result.text.encode("utf-8"))
            hash_shown = result.record[:12] if result.record else "none"
            how = "updated" if result.updated else "written"
            print(
                f"[{result.lang}] {result.page} -> {result.out_path} ({how}): "
                f"{result.translated}/{result.messages} messages translated, source_hash {hash_shown}"
            )
        else:
            print(f"[{result.lang}] {result.page}: skipped")
        for note in result.notes:
            print(f"  note: {note}")
        for warning in result.warnings:  # kept as the page has them: the import warns of them too
            print(warning.shown("warning"), file=sys.stderr)
    return 0
