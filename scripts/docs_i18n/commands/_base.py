"""What every subcommand shares: the project root and how a subcommand is declared."""

from __future__ import annotations

import argparse
from pathlib import Path

from docs_i18n.core import languages, pages, project


def project_root() -> Path:
    """The project the command works on: the folder of ``conf.py``, from the working directory upward."""
    return project.find_root()


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


def translation_languages(locale_dir: Path, langs: list[str] | None) -> list[str]:
    """The languages named, else every catalog language of *locale_dir*; raises the source-language
    guard's error (:func:`docs_i18n.core.languages.source_guard`: a folder of the source language,
    or the source language named)."""
    from docs_i18n.core import locale_tree  # the catalog commands' alone

    chosen = list(langs) if langs else locale_tree.scan(locale_dir).languages()
    chosen, error = languages.source_guard(locale_dir, project.source_language(project_root()), chosen)
    if error is not None:
        raise error
    return chosen
