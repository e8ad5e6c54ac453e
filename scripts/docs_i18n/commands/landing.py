"""``landing``: write the root ``index.html`` that sends visitors to their language."""

from __future__ import annotations

import argparse
from pathlib import Path

from docs_i18n.commands._base import add_command, language_argument
from docs_i18n.publish import landing

EXAMPLE = "example:\n  scripts/i18n landing --out _build/html --lang en --lang ko --lang ja --lang zh_CN"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "landing",
        help="write the language-picking root index.html",
        description=landing.__doc__,
        epilog=EXAMPLE,
    )
    parser.add_argument("--out", type=Path, required=True, help="folder holding one subfolder per language")
    parser.add_argument(
        "--lang",
        action="append",
        type=language_argument,
        required=True,
        help="a built language (repeat; the first is the fallback)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = landing.write_landing(args.out, args.lang)
    print(f"wrote {path}")
    return 0
