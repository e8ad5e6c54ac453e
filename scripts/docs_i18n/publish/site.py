"""The published site: one tree to put on any static host (``make site`` -> ``_build/site/``).

From the HTML build (``_build/html/<lang>/``, one Sphinx build per language) it
assembles:

- ``<lang>/``: each language's pages, search index and static files, without what
  a build leaves for itself: hidden files (``.buildinfo``, ``.doctrees``), the
  page sources (``_sources``, normally not built: ``html_copy_source = False``),
  Sphinx's cross-reference inventory ``objects.inv`` (only other Sphinx projects
  read it, through intersphinx, and these guides publish no API to link to), and
  pages whose English source is gone (Sphinx never deletes a page it once built;
  such a page carries the build's ``x-i18n-state`` entry but is no longer a page
  of the source);
- ``index.html``: sends visitors to their preferred language (:mod:`.landing`);
- ``404.html``: "page not found" in every language, working at any depth
  (:mod:`.notfound`);
- ``sitemap.xml`` (:mod:`.sitemap`) and a ``robots.txt`` that points to it, when a
  base URL is given (a sitemap needs absolute URLs); without one, a ``robots.txt``
  that allows everything.

A base URL on a reserved example domain (the ``html_baseurl`` placeholder,
``https://docs.example.org/...``) is refused: the pages' canonical and ``hreflang``
links and the sitemap would send search engines there. A local preview opts out
(``preview=True``: ``make site PREVIEW=1``).

A language folder may be built on another machine (one CI job per language,
``make html LANGUAGES=ko``) and downloaded here: each build records the commit it
is of in ``<lang>/.build-info`` (``commit: <sha>``, written by the Makefile), and
with a commit given (``--commit``) a folder of another commit, or of none, is
refused, so a site never mixes languages of two versions.

Every page links relatively (Sphinx's own links, the language switcher, the root
page) or through the base URL (canonical and ``hreflang`` entries, the sitemap), so
the tree works under any path prefix and from ``python -m http.server``. The tree
is assembled in a temporary folder beside the output and then swapped in, so the
output folder is either the old site or the new one, never half of each.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import pages
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import landing, notfound, site_urls, sitemap

EXCLUDED = frozenset({"_sources", "objects.inv"})  # besides every hidden name
STATE_MARK = b'<meta name="x-i18n-state"'  # in the <head> of every page built from a source page
ROBOTS = "robots.txt"
BUILD_INFO = ".build-info"  # in each language folder of the build: "commit: <sha>"


@dataclass
class SiteReport:
    """What :func:`assemble` wrote and what it left out."""

    out: Path
    langs: list[str]
    files: int = 0
    left_out: Counter[str] = field(default_factory=Counter)  # name -> how many
    gone_pages: list[str] = field(default_factory=list)  # <lang>/<page>.html
    warnings: list[str] = field(default_factory=list)  # UI translations 404.html does not use: path:line: why


def render_robots(base_url: str | None) -> str:
    """``robots.txt``: everything may be crawled; the sitemap's address when there is one."""
    lines = ["# Crawlers read this file only at the root of a host (/robots.txt).", "User-agent: *", "Disallow:"]
    if base_url:
        lines += ["", f"Sitemap: {base_url}{sitemap.FILE_NAME}"]
    return "\n".join(lines) + "\n"


def _is_gone_page(path: Path, rel: str, docnames: frozenset[str]) -> bool:
    """A built page whose English source no longer exists."""
    if not rel.endswith(site_urls.PAGE_SUFFIX) or rel.removesuffix(site_urls.PAGE_SUFFIX) in docnames:
        return False
    with path.open("rb") as handle:
        return STATE_MARK in handle.read(64 * 1024)


def copy_language(src: Path, dest: Path, docnames: frozenset[str], report: SiteReport) -> None:
    """Copy one language folder of the build, leaving out what is not for readers."""
    for current, dirs, files in os.walk(src):
        here = Path(current)
        rel_dir = here.relative_to(src)
        for name in [d for d in dirs if d.startswith(".") or d in EXCLUDED]:
            report.left_out[name] += 1
            dirs.remove(name)
        dirs.sort()
        (dest / rel_dir).mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            rel = (rel_dir / name).as_posix()
            if name.startswith(".") or name in EXCLUDED:
                report.left_out[name] += 1
            elif _is_gone_page(here / name, rel, docnames):
                report.gone_pages.append(f"{dest.name}/{rel}")
            else:
                shutil.copy2(here / name, dest / rel_dir / name)
                report.files += 1


def replace_dir(staging: Path, out: Path) -> None:
    """Put *staging* in the place of *out* (two renames on the same file system)."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.replace(out, old / out.name)
    os.replace(staging, out)
    if old is not None:
        shutil.rmtree(old)


def check_not_placeholder(base_url: str) -> None:
    """Refuse to publish with a placeholder base URL (:func:`.site_urls.is_placeholder`)."""
    if site_urls.is_placeholder(base_url):
        raise InputError(
            "--base-url",
            0,
            f"{base_url} is a placeholder, not the address the site is published at: set html_baseurl "
            "in conf.py to the real address, or run make site BASEURL=https://your.host/path/ "
            "(then the pages are built again with it); for a local preview only, make site PREVIEW=1",
        )


def _check_folders(html: Path, out: Path, langs: Sequence[str]) -> None:
    if not langs:
        raise InputError("--lang", 0, "no language given")
    if not html.is_dir():
        raise InputError(html, 0, "HTML build not found; run 'make html' first")
    for lang in langs:
        if not (html / lang / "index.html").is_file():
            raise InputError(html / lang, 0, f"language {lang!r} is not built; run 'make html' first")
    h, o = html.resolve(), out.resolve()
    if h == o or h in o.parents or o in h.parents:
        raise InputError(out, 0, f"the site folder must be outside the HTML build ({html}) and not contain it")


def built_commit(folder: Path) -> str | None:
    """The commit a language folder of the build records in its ``.build-info``, if any."""
    info = Path(folder) / BUILD_INFO
    if not info.is_file():
        return None
    for line in info.read_text(encoding="utf-8", errors="replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "commit":
            return value.strip() or None
    return None


def check_commits(html: Path, langs: Sequence[str], commit: str) -> None:
    """Refuse a language folder that was not built from *commit*."""
    for lang in langs:
        found = built_commit(html / lang)
        if found != commit:
            what = f"was built from commit {found}" if found else f"records no commit (no {BUILD_INFO})"
            raise InputError(
                html / lang,
                0,
                f"language {lang!r} {what}, not {commit}; build it again (make html LANGUAGES={lang}) "
                "or download the folder built from this commit",
            )


def assemble(
    html: Path,
    out: Path,
    langs: Sequence[str],
    source: Path,
    templates: Path,
    locale_dir: Path,
    base_url: str | None = None,
    project: str = "OpenClaw",
    commit: str | None = None,
    preview: bool = False,
) -> SiteReport:
    """Assemble the site from the build *html* into *out* (replaced whole); the first of *langs* is the default.

    Raises :class:`InputError` for a language that is not built (or, with *commit*,
    not built from that commit), a bad base URL (a placeholder one unless *preview*)
    or overlapping folders.
    """
    html, out = Path(html), Path(out)
    base = site_urls.normalize_base_url(base_url) if base_url else None
    if base and not preview:
        check_not_placeholder(base)
    _check_folders(html, out, langs)
    if commit:
        check_commits(html, langs, commit)
    if not Path(source).is_dir():
        raise InputError(source, 0, "source folder not found")
    docnames = frozenset(pages.docname(p) for p in pages.walk_pages(source))
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    report = SiteReport(out, list(langs))
    try:
        for lang in langs:
            copy_language(html / lang, staging / lang, docnames, report)
        landing.write_landing(staging, list(langs))
        icon = landing.find_icon(staging / langs[0])
        icon = f"{langs[0]}/{icon}" if icon else None
        page = notfound.render_404(templates, locale_dir, langs, base, project, icon=icon, warn=report.warnings.append)
        atomic_write(staging / notfound.FILE_NAME, page.encode())
        if base:
            sitemap.write_sitemap(staging, source, langs, base)
        atomic_write(staging / ROBOTS, render_robots(base).encode())
        report.files += 3 + bool(base)
        staging.chmod(0o755)  # mkdtemp makes it private; a served folder is not
        replace_dir(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return report
