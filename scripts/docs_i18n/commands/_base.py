"""What every subcommand shares: the project root and how a subcommand is declared."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # the project: source/, locale/, _build/ are below it


def add_command(
    subparsers: argparse._SubParsersAction, name: str, *, help: str, description: str | None, epilog: str
) -> argparse.ArgumentParser:
    """A subcommand whose ``--help`` keeps the line breaks of its description and example."""
    return subparsers.add_parser(
        name, help=help, description=description, epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter
    )
