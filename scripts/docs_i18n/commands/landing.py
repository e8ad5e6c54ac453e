"""``landing``: write the root ``index.html`` that sends visitors to their language."""

from __future__ import annotations

import argparse
from pathlib import Path

from docs_i18n.commands._base import add_command, language_argument
from docs_i18n.publish import landing, site_urls

EXAMPLE = """example:
  scripts/i18n landing --out _build/html --lang en --lang ko --lang ja --lang zh_CN \\
      --base-url https://docs.example.org/openclaw/

exit codes: 0 written; 2 usage or input error (no built language, bad base URL)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    parser.add_argument(
        "--base-url", help="absolute URL where the site is published (html_baseurl): canonical and hreflang URLs"
    )
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return write_landing(out=args.out, langs=args.lang, base_url=args.base_url)


def write_landing(*, out: Path, langs: list[str], base_url: str | None) -> int:
    """Write the root chooser page into *out* for *langs* (the first is the fallback). Returns the exit code."""
    base = site_urls.normalize_base_url(base_url) if base_url else None
    path = landing.write_landing(out, langs, base)
    print(f"wrote {path}")
    return 0
