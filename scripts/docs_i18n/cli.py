"""Translation tools for the documentation site.

Which translations are out of date and why (status), recording a reviewed
translation (stamp), translation checks (check), moving between catalogs and
translated Markdown pages (import, export), machine-translation suggestions through an
OpenAI-compatible endpoint (translate), and the files of the published site.
``scripts/i18n COMMAND --help`` shows a command's options and an example.

Exit codes: 0 success; 1 findings (a ``--strict`` status that is not all current,
a check that failed, a refused stamp, a refused suggestion); 2 usage or input errors
(reported as ``path:line: message`` on stderr); ``translate`` adds 3 (the endpoint
failed) and 130 (interrupted).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from docs_i18n import commands
from docs_i18n.core import project
from docs_i18n.core.errors import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors, keep that
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of command *only* alone (its module alone is imported)."""
    parser = _Parser(prog="scripts/i18n", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only else commands.MODULES:
        commands.load(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # A command named first is all the parser needs to know (anything else: every command, for
    # --help and for argparse's own errors).
    parser = build_parser(argv[0] if argv and argv[0] in commands.MODULES else None)
    args = parser.parse_args(argv)
    root = project.find_root()  # the project every command works on, found once
    try:
        return int(args.run(root, args))
    except InputError as exc:
        print(exc.shown(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
