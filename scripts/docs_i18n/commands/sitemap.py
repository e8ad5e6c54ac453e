"""``sitemap``: write ``sitemap.xml`` for a built multi-language site, with hreflang alternates."""

from __future__ import annotations

import argparse
from pathlib import Path

from docs_i18n.commands._base import add_command, language_argument, or_default
from docs_i18n.publish import sitemap

EXAMPLE = """example:
  scripts/i18n sitemap --out _build/html --base-url https://docs.example.org/openclaw/ \\
      --lang en --lang ko --lang ja --lang zh_CN

The first --lang is x-default. `make html` runs this with the base URL of conf.py
(html_baseurl), or BASEURL when given: make html BASEURL=https://docs.example.org/openclaw/

exit codes: 0 written; 2 usage or input error (bad base URL, nothing built)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "sitemap",
        help="write sitemap.xml with every page of every language",
        description=sitemap.__doc__,
        epilog=EXAMPLE,
    )
    parser.add_argument("--out", type=Path, required=True, help="folder holding one subfolder per built language")
    parser.add_argument("--base-url", required=True, help="absolute URL of --out once published (html_baseurl)")
    parser.add_argument(
        "--lang",
        action="append",
        type=language_argument,
        required=True,
        help="a language (repeat; the first is x-default)",
    )
    parser.add_argument("--source", type=Path, help="English pages (default: source/)")
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return write_sitemap(
        out=args.out, base_url=args.base_url, langs=args.lang, source=or_default(args.source, root / "source")
    )


def write_sitemap(*, out: Path, base_url: str, langs: list[str], source: Path) -> int:
    """Write ``sitemap.xml`` into *out* for the pages of *source* in *langs*. Returns the exit code."""
    path, count = sitemap.write_sitemap(out, source, langs, base_url)
    print(f"wrote {path} ({count} URLs)")
    return 0
