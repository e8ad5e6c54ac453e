"""``import``: fill catalogs from translated MyST pages (OpenClaw's Markdown format)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from docs_i18n.commands._base import add_command, conf_dir, language_argument, or_default, page_argument
from docs_i18n.core import languages, pages, project
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.core.textio import atomic_write, check_inside

if TYPE_CHECKING:  # the import logic loads Sphinx: only when the command runs
    from docs_i18n.markdown.importer import Job, Outcome, Plan

DESCRIPTION = """Fill gettext catalogs from translated MyST pages (OpenClaw's Markdown format).

A translated page and its English page are split into blocks with Sphinx's own
message extraction (headings, paragraphs, list items, table cells, admonitions,
front-matter summary and read_when) and aligned in order; the i-th English
message (a msgid of the .pot) takes the i-th translated text as its msgstr.
Code blocks and raw HTML/MDX blocks (Mintlify components) carry no message: one
that differs from the English (a translated comment or <Tab title>) is a warning,
and the prose around it still imports (--strict: an error). The page's x-i18n.source_hash becomes the
catalog's '# x-i18n-source-hash:' record. A front-matter field left in English
is not a translation; body messages listed in x-i18n.untranslated (written by
`scripts/i18n export`) stay untranslated. A missing catalog is created from
its .pot (`make gettext`) the way sphinx-intl creates it."""

EXAMPLES = """examples:
  scripts/i18n import docs/                      every <lang>/<page>.md under docs/ (ko/, ja-JP/, zh-CN/...)
  scripts/i18n import docs/ --lang ja            only the Japanese folder
  scripts/i18n import litellm.ko.md --lang ko --page providers/litellm.md
                                                 one file, named explicitly
  scripts/i18n import docs/ --dry-run            show what would change; write nothing

Each translated page is aligned with its English page under source/ message by message
(headings, paragraphs, list items, table cells, admonitions, front-matter title, summary
and read_when). A code or raw block that differs from the English is reported as
'path:line: warning: ...' (the build shows the English block). Its x-i18n.source_hash becomes
the catalog's record, so an old translation imports as stale. Existing translations
that differ are listed and kept unless --overwrite. Nothing is written unless every
page imports cleanly.

exit codes: 0 imported (or nothing to do; warnings too); 1 translations differ from the
catalog (nothing written; see --overwrite); 2 usage or input error (structure mismatch, bad
hash, unreadable file, or a warning under --strict: path:line: message; nothing written)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "import",
        help="fill catalogs from translated Markdown pages",
        description=DESCRIPTION,
        epilog=EXAMPLES,
    )
    parser.add_argument("tree", metavar="ROOT", type=Path, help="a tree of <lang>/<page>.md, or one translated file")
    parser.add_argument(
        "--lang",
        action="append",
        type=language_argument,
        help="only this language (folder code or catalog code; repeatable)",
    )
    parser.add_argument(
        "--page",
        action="append",
        type=page_argument,
        help="only this English page, e.g. providers/litellm.md (repeatable)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    parser.add_argument("--overwrite", action="store_true", help="replace existing translations that differ")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (code or raw blocks that differ from the English) as errors: nothing written",
    )
    parser.add_argument(
        "--without-hash",
        action="store_true",
        help="import pages whose x-i18n.source_hash is missing or malformed (the catalog's record is left as it is)",
    )
    parser.add_argument("--source", type=Path, help="English pages (default: source/)")
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument("--conf", type=Path, help="folder of conf.py (default: the one holding --source, or --source)")
    parser.add_argument("--pot", type=Path, help="catalog templates, for new catalogs (default: <conf>/_build/gettext)")
    parser.set_defaults(run=run)


def find_jobs(tree: Path, langs: list[str] | None, page_ids: list[str] | None) -> list[Job]:
    """The translated pages to import from *tree* (a tree of ``<lang>/<page>.md`` or one file)."""
    from docs_i18n.markdown.importer import Job

    if tree.is_file():
        if not langs or not page_ids or len(langs) != 1 or len(page_ids) != 1:
            raise InputError(tree, 0, "importing one file needs exactly one --lang and one --page")
        return [Job(languages.catalog_language(langs[0]), pages.page_id(page_ids[0]), tree)]
    if not tree.is_dir():
        raise InputError(tree, 0, "no such file or folder")
    wanted_langs = {languages.catalog_language(code) for code in langs or []}
    wanted_pages = {pages.page_id(p) for p in page_ids or []}
    jobs: list[Job] = []
    seen: dict[tuple[str, str], Path] = {}
    for folder in sorted(p for p in tree.iterdir() if p.is_dir() and not p.is_symlink()):
        if folder.name.startswith((".", "_")) or not languages.looks_like_locale(folder.name):
            continue
        lang = languages.catalog_language(folder.name)
        if wanted_langs and lang not in wanted_langs and folder.name not in (langs or []):
            continue
        for page in pages.walk_pages(folder):
            if wanted_pages and page not in wanted_pages:
                continue
            path = folder / page
            if (lang, page) in seen:
                raise InputError(path, 0, f"{seen[(lang, page)]} is also a {lang} translation of {page}; keep one")
            seen[(lang, page)] = path
            jobs.append(Job(lang, page, path))
    if not jobs:
        raise InputError(tree, 0, "no translated pages found (expected <ROOT>/<lang>/<page>.md, e.g. ko/index.md)")
    return jobs


def _line(plan: Plan, dry_run: bool) -> str:
    job = plan.job
    counts = [
        f"{plan.count('new')} new",
        f"{plan.count('replace')} replaced",
        f"{plan.count('same')} same",
    ]
    if plan.count("differs"):
        counts.append(f"{plan.count('differs')} differ")
    if plan.count("fuzzy"):
        counts.append(f"{plan.count('fuzzy')} still fuzzy")
    if plan.count("english"):
        counts.append(f"{plan.count('english')} English in the page (left as they are)")
    if plan.links_rewritten:
        counts.append(f"{plan.links_rewritten} locale link(s) written as the English target")
    if plan.record_changes:
        before = plan.record_before[:12] if plan.record_before else "none"
        counts.append(f"record {(plan.record_after or '')[:12]} (was {before})")
    creates = plan.create and plan.data is not None
    verb = ("would create" if dry_run else "create") if creates else ""
    target = f"{verb} {shown_path(plan.catalog_path)}".strip()
    return f"[{job.lang}] {shown_path(job.path)} -> {target}: " + ", ".join(counts)


def _details(plan: Plan, dry_run: bool) -> list[str]:
    from docs_i18n.markdown.align import snippet

    out = []
    for change in plan.changes:
        where = f"{shown_path(plan.job.path)}:{change.translated.line}"
        if change.action == "differs":
            out.append(
                f"  differs  {where}: {shown_path(plan.catalog_path)}:{change.catalog_line} has {snippet(change.old)}, "
                f"this page has {snippet(change.new)}"
            )
        elif dry_run and change.action in ("new", "replace"):
            sign = "+" if change.action == "new" else "~"
            out.append(f"  {sign} {where}: {snippet(change.msgid, 40)} -> {snippet(change.new)}")
    out.extend(f"  note: {note}" for note in plan.notes)
    return out


def run(root: Path, args: argparse.Namespace) -> int:
    return import_pages(
        root,
        args.tree,
        langs=args.lang,
        page_ids=args.page,
        dry_run=args.dry_run,
        overwrite=args.overwrite,
        strict=args.strict,
        without_hash=args.without_hash,
        source=or_default(args.source, root / "source"),
        locale=or_default(args.locale, root / "locale"),
        conf=args.conf,
        pot=args.pot,
    )


def import_pages(
    root: Path,
    tree: Path,
    *,
    langs: list[str] | None,
    page_ids: list[str] | None,
    dry_run: bool,
    overwrite: bool,
    strict: bool,
    without_hash: bool,
    source: Path,
    locale: Path,
    conf: Path | None,
    pot: Path | None,
) -> int:
    """Import the translated pages of *tree* (a tree or one file) into the catalogs under *locale*;
    nothing is written unless every page imports cleanly (and not with *dry_run*). Returns the exit code."""
    from docs_i18n.markdown import importer
    from docs_i18n.sphinx_ext import splitter

    jobs = find_jobs(tree, langs, page_ids)
    source_language = project.source_language(root)
    _, error = languages.source_guard(locale, source_language, sorted({job.lang for job in jobs}))
    if error is not None:  # nothing is imported into, or beside, a folder of the source language
        raise error
    confdir = conf_dir(source, conf)
    templates = pot if pot is not None else confdir / "_build" / "gettext"

    def report(outcome: Outcome) -> None:
        if outcome.error is not None:
            print(f"[{outcome.job.lang}] {shown_path(outcome.job.path)}: error", flush=True)
            print(outcome.error.shown(), file=sys.stderr, flush=True)
        elif outcome.plan is not None:
            print(_line(outcome.plan, dry_run))
            for line in _details(outcome.plan, dry_run):
                print(line)
            sys.stdout.flush()
            kind = "" if strict else "warning: "
            for warning in outcome.plan.warnings:
                shown = f"{shown_path(warning.path)}:{warning.line}: {kind}{warning.message}"
                print(shown, file=sys.stderr, flush=True)

    outcomes = importer.plan_all(
        jobs,
        source,
        locale,
        confdir,
        templates,
        overwrite=overwrite,
        without_hash=without_hash,
        report=report,
        splitter=splitter,
    )
    errors = sum(1 for o in outcomes if o.error is not None)
    differs = sum(o.plan.count("differs") for o in outcomes if o.plan is not None)
    warnings = sum(len(o.plan.warnings) for o in outcomes if o.plan is not None)
    if errors:
        print(f"nothing written: {errors} page(s) could not be imported", file=sys.stderr)
        return 2
    if warnings and strict:
        print(f"nothing written: {warnings} warning(s), errors under --strict", file=sys.stderr)
        return 2
    if differs:
        print(
            f"nothing written: {differs} translation(s) differ from the catalogs; "
            "pass --overwrite to replace them with the pages' text",
            file=sys.stderr,
        )
        return 1
    writes = [o.plan for o in outcomes if o.plan is not None and o.plan.data is not None]
    if dry_run:
        print(f"dry run: {len(writes)} catalog(s) would change; nothing written")
        return 0
    for plan in writes:  # every target is checked before the first is written
        check_inside(plan.catalog_path, locale / plan.job.lang)
    for plan in writes:
        atomic_write(plan.catalog_path, plan.data or b"")  # every plan written has its data
        print(f"wrote {shown_path(plan.catalog_path)}")
    if not writes:
        print("nothing to change")
    return 0
