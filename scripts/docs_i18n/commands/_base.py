"""What every subcommand shares: how a subcommand is declared, its argument types, its defaults.

A command module has ``register(subparsers)``, which declares its arguments (and reads no
file), and ``run(root, args)``, which only unpacks the parsed arguments into the command's
typed function; ``root`` is the project (the folder of ``conf.py``), which ``cli.main``
finds once (:func:`docs_i18n.core.project.find_root`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docs_i18n.core import languages, pages, project
from docs_i18n.core.errors import InputError


def or_default(given: Path | None, default: Path) -> Path:
    """A path option: the one given, else its default under the project (``root / "source"``...)."""
    return given if given is not None else default


def add_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    *,
    help: str,
    description: str | None,
    epilog: str,
) -> argparse.ArgumentParser:
    """A subcommand whose ``--help`` keeps the line breaks of its description and example."""
    return subparsers.add_parser(
        name, help=help, description=description, epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter
    )


def language_argument(value: str) -> str:
    """An argparse ``type``: a language code Babel knows, checked before anything is read."""
    try:
        return languages.check_code(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def page_argument(value: str) -> str:
    """An argparse ``type``: a page below the source folder (its page id), checked before anything is read."""
    try:
        return pages.check_page(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def translation_languages(root: Path, locale_dir: Path, langs: list[str] | None) -> list[str]:
    """The languages named, else every catalog language of *locale_dir*; raises the source-language
    guard's error (:func:`docs_i18n.core.languages.source_guard`: a folder of the source language,
    or the source language named; the source language is that of the project at *root*)."""
    from docs_i18n.core import locale_tree  # the catalog commands' alone

    chosen = list(langs) if langs else locale_tree.scan(locale_dir).languages()
    chosen, error = languages.source_guard(locale_dir, project.source_language(root), chosen)
    if error is not None:
        raise error
    return chosen


def conf_dir(source: Path, conf: Path | None) -> Path:
    """The folder of ``conf.py``: given, or next to / inside the source folder."""
    if conf is not None:
        return conf
    for candidate in (source.resolve().parent, source.resolve()):
        if (candidate / project.CONF_FILE).is_file():
            return candidate
    raise InputError(source, 0, "no conf.py next to or inside the source folder; pass --conf DIR")
