"""The site's ``sitemap.xml``: every page of every built language, with its alternates.

Each ``<url>`` is one page in one language; its ``xhtml:link rel="alternate"``
entries name the same page in every built language (BCP 47 tags, from
:func:`docs_i18n.core.languages.bcp47`) and ``x-default`` (the default language, English;
for the home page, the root page that chooses the reader's language),
as search engines expect for translated sites. URLs are absolute, from the base
URL (``html_baseurl``) and :mod:`docs_i18n.publish.site_urls`, the rule the pages'
own ``<link rel="alternate" hreflang>`` entries follow.

The pages are the English pages under the source folder (:func:`pages.walk_pages`);
a (language, page) is listed when its HTML file exists under the output folder and
does not ask not to be indexed (``<meta name="robots" content="noindex">`` in its
``<head>``: the build writes it on a page with no translated text, whose canonical
URL is the English page). What the sitemap says is what the pages say.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

from docs_i18n.core import languages, pages
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import landing, site_urls

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
FILE_NAME = "sitemap.xml"


class _HeadRobots(HTMLParser):
    """Reads a page's ``<head>`` for ``<meta name="robots">`` directives, and stops at its end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.directives: set[str] = set()
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.done = True
        elif tag == "meta":
            values = {name: value or "" for name, value in attrs}
            if values.get("name", "").lower() == "robots":
                self.directives.update(d.strip().lower() for d in values.get("content", "").split(","))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.done = True


def is_noindex(path: Path) -> bool:
    """Whether the built page at *path* asks search engines not to index it."""
    reader = _HeadRobots()
    with Path(path).open(encoding="utf-8", errors="replace") as handle:
        while not reader.done and (chunk := handle.read(16384)):
            reader.feed(chunk)
    return "noindex" in reader.directives or "none" in reader.directives


def built_pages(out: Path, source: Path, langs: Sequence[str]) -> dict[str, list[str]]:
    """For each English page (its output name, ``providers/litellm.html``), the languages built to be indexed."""
    found: dict[str, list[str]] = {}
    for page in pages.walk_pages(source):
        target = pages.docname(page) + site_urls.PAGE_SUFFIX
        built = [
            lang
            for lang in langs
            if (Path(out) / lang / target).is_file() and not is_noindex(Path(out) / lang / target)
        ]
        if built:
            found[target] = built
    return found


def render_sitemap(
    base_url: str, built: dict[str, list[str]], default_lang: str, pattern: str = site_urls.LANGUAGE_PATH
) -> str:
    """The XML text of the sitemap for *built* (see :func:`built_pages`), languages laid out by *pattern*."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for target, langs in built.items():
        alternates = [(languages.bcp47(lang), site_urls.page_url(base_url, lang, target, pattern)) for lang in langs]
        x_default = site_urls.x_default_path(target, landing.HOME, default_lang, pattern)
        if x_default == site_urls.CHOOSER_PATH or default_lang in langs:  # a page that is there
            alternates.append(("x-default", base_url + x_default))
        for lang in langs:
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = site_urls.page_url(base_url, lang, target, pattern)
            for hreflang, href in alternates:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=href)
    ET.indent(urlset)
    buffer = io.BytesIO()
    ET.ElementTree(urlset).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue().decode("utf-8") + "\n"


def write_sitemap(out: Path, source: Path, langs: Sequence[str], base_url: str) -> tuple[Path, int]:
    """Write ``<out>/sitemap.xml``; return its path and the number of URLs.

    The first of *langs* is ``x-default``. Raises :class:`InputError` for a bad
    base URL or when no page of *langs* is built under *out*.
    """
    base = site_urls.normalize_base_url(base_url)
    if not Path(source).is_dir():
        raise InputError(source, 0, "source folder not found")
    built = built_pages(Path(out), Path(source), langs)
    if not built:
        raise InputError(out, 0, "no built page found (expected <lang>/<page>.html); run 'make html' first")
    path = Path(out) / FILE_NAME
    atomic_write(path, render_sitemap(base, built, langs[0]).encode("utf-8"))
    return path, sum(len(found) for found in built.values())
