"""``update``: ``make update-po``, sphinx-intl's merge of the templates into every catalog, then the fill
from translation memory.

Memory is every translated entry of the language's page catalogs (live, fuzzy and
obsolete #~ entries) and of locale/<lang>/compendium.po if there is one. After the
merge, a message with no translation takes memory's translation of the same English
(exact: translated), or of the most similar English at 80% or more (fuzzy, with
'#| msgid' set to the remembered English). The same English remembered with two
translations, or only from a fuzzy entry, fills as fuzzy. Each fill is marked with
translator comments ('# x-i18n-memory: exact|fuzzy <record>' and where it came from),
which `scripts/i18n status` counts. Translated messages and fuzzy messages from
before are never changed; the page stays stale until a translator reviews and
stamps it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from docs_i18n.commands._base import add_command, language_argument, or_default
from docs_i18n.core import languages, project
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.core.progress import Progress

EXAMPLES = """examples:
  scripts/i18n update                          every language of conf.py, from _build/gettext/
  scripts/i18n update --lang ko                only Korean
  scripts/i18n update --no-memory              sphinx-intl's merge alone (what `sphinx-intl update` does)
  scripts/i18n update --progress 2>log         progress lines on stderr even when it is not a terminal

exit codes: 0 updated (or nothing to do); 2 usage error or an unreadable template or catalog
(path:line: message; nothing is written)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "update",
        help="update the catalogs from the templates, filling new messages from translation memory",
        description=__doc__,
        epilog=EXAMPLES,
    )
    parser.add_argument("--pot", type=Path, help="templates (default: _build/gettext/)")
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument(
        "--lang",
        action="append",
        type=language_argument,
        help="language to update (repeatable; default: conf.py's translations)",
    )
    parser.add_argument("--no-memory", action="store_true", help="merge only, as sphinx-intl update does")
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress on stderr: files read, then templates merged (default: when stderr is a terminal)",
    )
    parser.set_defaults(run=run)


def _progress() -> Callable[[str, int, int], None]:
    """Progress lines on stderr (``update: read [###.......] 300/999 files``), one bar per phase."""
    bars: dict[str, Progress] = {}

    def show(what: str, done: int, total: int) -> None:
        if what not in bars:
            unit = "files" if what == "read" else "templates"
            bars[what] = Progress(total, sys.stderr, unit=unit, label=f"update: {what} ")
        bars[what].advance(done)

    return show


def run(root: Path, args: argparse.Namespace) -> int:
    return update(
        root,
        pot=or_default(args.pot, root / "_build" / "gettext"),
        locale=or_default(args.locale, root / "locale"),
        langs=args.lang,
        memory=not args.no_memory,
        progress=sys.stderr.isatty() if args.progress is None else args.progress,
    )


def update(
    root: Path, *, pot: Path, locale: Path, langs: list[str] | None, memory: bool, progress: bool = False
) -> int:
    """Merge the templates under *pot* into the catalogs under *locale* for *langs* (default: the
    translations of the project at *root*), filling from memory unless not *memory*, with progress on
    stderr if *progress*. Returns the exit code."""
    source = project.source_language(root)
    wanted = langs or [lang for lang in project.configured_languages(root) if lang != source]
    chosen, error = languages.source_guard(locale, source, wanted)
    if error is not None:
        raise error
    if not chosen:
        raise InputError(root / project.CONF_FILE, 0, "no languages to update; name them with --lang")
    from docs_i18n.memory import update as memory_update  # Babel and sphinx-intl: only when the command runs

    report = memory_update.update_tree(pot, locale, chosen, memory=memory, progress=_progress() if progress else None)
    for error in report.errors:
        print(error.shown(), file=sys.stderr)
    if report.errors:
        print("nothing written", file=sys.stderr)
        return 2
    for outcome in report.outcomes:
        if outcome.status == "notchanged":
            continue
        line = f"{outcome.status.capitalize()}: {shown_path(outcome.path)}"
        if outcome.status == "update":
            line += f" +{outcome.added}, -{outcome.deleted}"
        if outcome.exact or outcome.fuzzy:
            line += f" (from memory: {outcome.exact} exact, {outcome.fuzzy} fuzzy)"
        print(line)
    for lang, row in report.totals().items():
        line = f"{lang}: {row['create']} created, {row['update']} updated, {row['notchanged']} not changed"
        if memory:
            line += (
                f"; from memory ({report.remembered.get(lang, 0)} English texts): "
                f"{row['exact']} exact, {row['fuzzy']} fuzzy"
            )
        print(line)
    return 0
