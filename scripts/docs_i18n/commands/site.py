"""``site``: assemble the publishable site from the HTML build (what ``make site`` runs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docs_i18n.commands._base import add_command, language_argument, or_default
from docs_i18n.core import project
from docs_i18n.publish import site

EXAMPLE = """example:
  scripts/i18n site --html _build/html --out _build/site \\
      --lang en --lang ko --lang ja --lang zh_CN --base-url https://docs.example.org/openclaw/

`make site` builds every language first (make html), then runs this with the base URL
of conf.py (html_baseurl), or BASEURL when given. Without --base-url there is no
sitemap.xml, and 404.html assumes the site is at the root of its host. A base URL on
a reserved example domain (docs.example.org, the placeholder in conf.py) is refused
unless --preview (make site PREVIEW=1): a site for local viewing only.

With --commit, every language folder must record that commit in its .build-info (the
Makefile writes it): folders built on other machines (one CI job per language) are
assembled only when they are all of the same version.

exit codes: 0 written; 1 written, but a UI translation of 404.html was refused (warned on stderr,
shown in English); 2 usage or input error (a language not built, or built from another commit;
bad or placeholder base URL)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "site",
        help="assemble the publishable site (languages, root page, 404, sitemap, robots.txt)",
        description=site.__doc__,
        epilog=EXAMPLE,
    )
    parser.add_argument("--html", type=Path, required=True, help="the HTML build: one folder per language")
    parser.add_argument("--out", type=Path, required=True, help="the site folder to write (replaced whole)")
    parser.add_argument(
        "--lang",
        action="append",
        type=language_argument,
        required=True,
        help="a language (repeat; the first is the default)",
    )
    parser.add_argument("--base-url", help="absolute URL where the site is published (html_baseurl)")
    parser.add_argument("--source", type=Path, help="English pages (default: source/)")
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument("--templates", type=Path, help="the project's templates (default: templates_path of conf.py)")
    parser.add_argument("--title", default="OpenClaw", help="the site's name on the root and 404 pages")
    parser.add_argument(
        "--commit", help="refuse a language folder whose .build-info records another commit (make site passes HEAD)"
    )
    parser.add_argument(
        "--preview", action="store_true", help="accept a placeholder base URL: a site to view locally, not to publish"
    )
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return assemble(
        html=args.html,
        out=args.out,
        langs=args.lang,
        base_url=args.base_url or None,
        source=or_default(args.source, root / "source"),
        locale=or_default(args.locale, root / "locale"),
        templates=args.templates if args.templates is not None else project.templates_folder(root),
        title=args.title,
        commit=args.commit or None,
        preview=args.preview,
    )


def assemble(
    *,
    html: Path,
    out: Path,
    langs: list[str],
    base_url: str | None,
    source: Path,
    locale: Path,
    templates: Path,
    title: str,
    commit: str | None,
    preview: bool,
) -> int:
    """Assemble the site in *out* from the HTML build *html* (one folder per language of *langs*).
    Returns the exit code."""
    report = site.assemble(html, out, langs, source, templates, locale, base_url, title, commit=commit, preview=preview)
    print(f"wrote {report.out}/: {', '.join(report.langs)}; {report.files} files")
    if report.left_out:
        print("left out: " + ", ".join(f"{name} ({count})" for name, count in sorted(report.left_out.items())))
    for page in report.gone_pages:
        print(f"left out {page}: its English page is gone (a leftover of an earlier build)")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 1 if report.warnings else 0
