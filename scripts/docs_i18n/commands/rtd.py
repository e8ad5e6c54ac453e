"""``rtd``: build one language on Read the Docs (what ``.readthedocs.yaml`` runs)."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from docs_i18n.commands._base import add_command
from docs_i18n.core import project
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import landing, notfound, readthedocs, site_urls

EXAMPLE = """examples:
  scripts/i18n rtd                                  on Read the Docs: everything from its environment
  scripts/i18n rtd --lang zh-cn --out /tmp/rtd/html --dry-run    show what it would run

The language is READTHEDOCS_LANGUAGE (zh-cn, zh_CN and ZH-CN all mean zh_CN), the
output $READTHEDOCS_OUTPUT/html; READTHEDOCS_VERSION and READTHEDOCS_CANONICAL_URL set
the /<language>/<version>/ layout and the base URL of the links between languages.

exit codes: 0 built; 1 built, but a UI translation of 404.html was refused (warned on stderr,
shown in English); 2 usage or input error (not a language of the site, no output folder);
otherwise sphinx-build's own (a warning fails the build, as in make html)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "rtd",
        help="build one language for Read the Docs (language from READTHEDOCS_LANGUAGE)",
        description=readthedocs.__doc__,
        epilog=EXAMPLE,
    )
    parser.add_argument("--lang", help="the host's language code (default: $READTHEDOCS_LANGUAGE)")
    parser.add_argument("--out", type=Path, help="the HTML folder (default: $READTHEDOCS_OUTPUT/html)")
    parser.add_argument("--dry-run", action="store_true", help="print the sphinx-build command; build nothing")
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return build_on_rtd(root, lang=args.lang, out=args.out, dry_run=args.dry_run, environ=os.environ)


def build_on_rtd(root: Path, *, lang: str | None, out: Path | None, dry_run: bool, environ: Mapping[str, str]) -> int:
    """Build one language of the project at *root* as Read the Docs does (*lang* and *out*, else from
    *environ*), then its ``404.html``; with *dry_run*, print the build command only. Returns the exit code."""
    conf = project.conf_values(root)
    langs = project.languages_of(conf)
    build = readthedocs.from_environment(environ, langs, lang, out)
    command = build.sphinx_command(root)
    print(f"Read the Docs build: {build.lang} at {build.pattern} (base URL: {build.base_url or 'none'})", flush=True)
    if dry_run:
        print(shlex.join(command))
        return 0
    proc = subprocess.run(command, check=False)
    if proc.returncode != 0:
        return proc.returncode
    icon = landing.find_icon(build.out)
    warnings: list[str] = []
    page = notfound.render_404(
        project.templates_dir(root, conf.get("templates_path")),
        root / "locale",
        langs,
        build.base_url,
        conf.get("project", ""),
        build.pattern,
        icon=site_urls.language_path(build.lang, build.pattern) + icon if icon else None,
        warn=warnings.append,
    )
    atomic_write(build.out / notfound.FILE_NAME, page.encode())
    print(f"wrote {build.out / notfound.FILE_NAME}")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 1 if warnings else 0
