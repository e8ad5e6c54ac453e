"""``status``: which translations are current, stale, unknown, missing or orphan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docs_i18n.commands._base import add_command, language_argument, or_default
from docs_i18n.core import project
from docs_i18n.core.errors import InputError
from docs_i18n.status import formats, markdown_reader, states

EXAMPLES = """examples:
  scripts/i18n status                          the project's catalogs (source/ and locale/)
  scripts/i18n status --lang ko --state stale  only stale Korean pages
  scripts/i18n status --diff                   with what changed in English (from git history)
  scripts/i18n status --format json            machine-readable (schema: docs_i18n/status/formats.py)
  scripts/i18n status --markdown docs/         a tree of translated Markdown pages (docs/ko/..., docs/ja-JP/...)
  scripts/i18n status --strict                 exit 1 unless everything is current (for CI)

The message counts are those a reader sees: the messages each page renders (the
templates of `make gettext`, in _build/gettext beside the source folder), translated
or shown in English. `make status` extracts them first; without them (or when they
are older than the English page) the counts are the catalog's own, and a note says so.

exit codes: 0 done (or all current with --strict); 1 --strict and something is not current;
2 usage error or an unreadable input (reported as path:line: message; the rest is still reported)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "status",
        help="show which translations are out of date, and why",
        description=states.__doc__,
        epilog=EXAMPLES,
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--markdown", metavar="ROOT", type=Path, help="read a tree of translated Markdown pages")
    parser.add_argument("--source", type=Path, help="English pages (default: source/)")
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument(
        "--templates",
        type=Path,
        help="the message templates of make gettext (default: _build/gettext beside the source folder)",
    )
    parser.add_argument("--lang", action="append", type=language_argument, help="only this language (repeatable)")
    parser.add_argument("--state", action="append", choices=states.STATES, help="only this state (repeatable)")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("--strict", action="store_true", help="exit 1 when anything is not current")
    parser.add_argument("--diff", action="store_true", help="for stale pages, show the English diff from git history")
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return status(
        root,
        markdown=args.markdown,
        source=or_default(args.source, root / "source"),
        locale=or_default(args.locale, root / "locale"),
        templates=args.templates,
        langs=args.lang,
        only_states=args.state,
        output=args.format,
        strict=args.strict,
        diff=args.diff,
    )


def status(
    root: Path,
    *,
    markdown: Path | None,
    source: Path,
    locale: Path,
    templates: Path | None,
    langs: list[str] | None,
    only_states: list[str] | None,
    output: str,
    strict: bool,
    diff: bool,
) -> int:
    """Report the states of the catalogs under *locale* (or of the Markdown tree *markdown*) on stdout in
    *output* (``text``, ``json``, ``markdown``); problems on stderr. Returns the exit code."""
    if markdown is not None:
        report = markdown_reader.markdown_report(markdown, langs)
        source_root = markdown
    else:
        gettext = templates or Path(source).absolute().parent / "_build" / "gettext"
        source_language = project.source_language(root)
        from docs_i18n.status import catalog_reader  # catalogs' readers: only when catalogs are read

        report = catalog_reader.catalog_report(
            source, locale, langs, templates=gettext, source_language=source_language
        )
        source_root = source
    if not report.languages:
        raise InputError(markdown or locale, 0, "no languages found; name them with --lang")
    shown = report.filtered(langs, only_states)
    if output == "json":
        sys.stdout.write(formats.render_json(shown))
    elif output == "markdown":
        sys.stdout.write(formats.render_markdown(shown))
    else:
        diffs = {}
        if diff:
            for page in shown.pages:
                if page.state == states.PageState.STALE:
                    diffs[(page.lang, page.page)] = formats.diff_for(page, Path(source_root) / page.page)
        sys.stdout.write(formats.render_text(shown, diffs))
    for warning in report.warnings:
        print(warning.shown("warning"), file=sys.stderr)
    for error in report.errors:
        print(error.shown(), file=sys.stderr)
    for notice in report.notices if output != "text" else ():
        print(f"note: {notice}", file=sys.stderr)
    if report.errors:
        return 2
    if strict and not report.filtered(langs).all_current:
        return 1
    return 0
