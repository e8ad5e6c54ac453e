"""What every subcommand shares: the project root and how a subcommand is declared."""

from __future__ import annotations

import argparse
from pathlib import Path

from docs_i18n.core import project


def project_root() -> Path:
    """The project the command works on: the folder of ``conf.py``, from the working directory upward."""
    return project.find_root()


def add_command(
    subparsers: argparse._SubParsersAction, name: str, *, help: str, description: str | None, epilog: str
) -> argparse.ArgumentParser:
    """A subcommand whose ``--help`` keeps the line breaks of its description and example."""
    return subparsers.add_parser(
        name, help=help, description=description, epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter
    )
