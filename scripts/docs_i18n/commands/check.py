"""``check``: compare every translated message with its English text.

Reports ``path:line: [check] message`` (the line of the msgid in the catalog) for
code spans, roles, substitutions, links, placeholders, emphasis, raw HTML,
directives, the language's glossary (``locale/<lang>/glossary``) and whitespace.
A message is exempted from one check by a translator comment
``# i18n-check-ignore: CHECK -- reason``; exemptions are listed. The checks the
build also enforces (html, directives, links, roles, code-spans, characters) cannot
be exempted by a translator; the maintainers' ``i18n-exemptions.toml`` (next to
``conf.py``) can allow other code spans or link targets for one message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from docs_i18n.checks import catalog_checks, exemptions, rules
from docs_i18n.commands._base import add_command, language_argument, or_default
from docs_i18n.core import project
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.publish import ui_strings

EXAMPLES = (
    """examples:
  scripts/i18n check                     every catalog under locale/
  scripts/i18n check --lang ko           only Korean
  scripts/i18n check --format json       machine-readable

checks: """
    + ", ".join(rules.CHECKS)
    + """

exit codes: 0 no findings; 1 findings; 2 usage error or an unreadable catalog or glossary
(reported as path:line: message; the rest is still checked)"""
)

JSON_VERSION = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "check",
        help="check translations: markup, links, placeholders, glossary, whitespace",
        description=__doc__,
        epilog=EXAMPLES,
    )
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument("--lang", action="append", type=language_argument, help="only this language (repeatable)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def render_text(report: catalog_checks.Report) -> str:
    """Findings, then exemptions, then a summary line."""
    lines = [f"{shown_path(p.path)}:{p.line}: [{p.check}] {p.message}" for p in report.findings]
    if report.exemptions:
        lines.append("exemptions:")
        for e in report.exemptions:
            reason = f" -- {e.reason}" if e.reason else ""
            lines.append(f"  {shown_path(e.path)}:{e.line}: [{e.check}] {e.status}{reason}")
    lines.append(
        f"{len(report.findings)} finding(s), {sum(e.status == 'applied' for e in report.exemptions)} exempted, "
        f"in {report.messages} translated messages of {report.catalogs} catalogs"
    )
    if report.findings:
        lines.append(
            "fix the translations; to accept one message as it is, add the translator comment "
            f"'# {catalog_checks.EXEMPTION_KEY}: CHECK -- reason' above its msgid (not for the checks the build "
            f"enforces: {', '.join(rules.GUARDED)}; for code spans and link targets the maintainers can add "
            f"an exemption to {exemptions.FILE_NAME})"
        )
    return "\n".join(lines) + "\n"


def render_json(report: catalog_checks.Report) -> str:
    """``{"version", "findings", "exemptions", "counts", "errors", "warnings"}``, like ``status --format json``."""
    document = {
        "version": JSON_VERSION,
        "kind": "check",
        "findings": [
            {"path": shown_path(p.path), "line": p.line, "check": p.check, "message": p.message}
            for p in report.findings
        ],
        "exemptions": [
            {"path": shown_path(e.path), "line": e.line, "check": e.check, "reason": e.reason, "status": e.status}
            for e in report.exemptions
        ],
        "counts": {"catalogs": report.catalogs, "messages": report.messages, "findings": len(report.findings)},
        "errors": [{"path": shown_path(e.path), "line": e.line, "message": e.message} for e in report.errors],
        "warnings": [{"path": shown_path(e.path), "line": e.line, "message": e.message} for e in report.warnings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def run(root: Path, args: argparse.Namespace) -> int:
    return check(root, locale=or_default(args.locale, root / "locale"), langs=args.lang, output=args.format)


def check(root: Path, *, locale: Path, langs: list[str] | None, output: str) -> int:
    """Check the catalogs under *locale* (*langs*, default all) with the project's exemptions and
    theme plurals; findings on stdout as *output* (``text`` or ``json``). Returns the exit code."""
    problems: list[InputError] = []
    try:
        maintainers = exemptions.load(root)
    except InputError as exc:
        problems.append(exc)
        maintainers = exemptions.Exemptions()
    plurals = ui_strings.plural_lookup(project.templates_folder(root))
    report = catalog_checks.check_locale(
        locale, langs, maintainers=maintainers, plurals=plurals, source_language=project.source_language(root)
    )
    report.errors[:0] = problems
    sys.stdout.write(render_json(report) if output == "json" else render_text(report))
    for warning in report.warnings:
        print(warning.shown("warning"), file=sys.stderr)
    for error in report.errors:
        print(error.shown(), file=sys.stderr)
    if report.errors:
        return 2
    return 1 if report.findings else 0
