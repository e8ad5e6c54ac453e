"""The translation status page: every page in every translation, in every language.

Each build adds ``<lang>/translation-status.html`` (the page name is the
``i18n_status_page`` config value; empty disables it) through the
``html-collect-pages`` event, rendered by the ``translation-status.html``
template. It is written for readers first: per language, how much is translated
(with a bar drawn in HTML and CSS) and how many pages a reader finds translated,
partly translated, out of date, of unknown version or not translated; then a table
of pages x languages (in the order of the site's tables of contents) with what a reader
gets, the percentage, a link to each catalog in the repository (``i18n_repository_url``;
none when it is unset), the date the English page last changed and a "help translate
this page" link; then what each of
those means, in plain words. Maintainers' details (the states of
``scripts/i18n status``, the catalog paths and the next step for each page that is
not current) follow in a closed section. The counts are the build's
(:meth:`.state.BuildState.current_report`): the same definition of coverage as
``scripts/i18n status``, the banner and the page's ``<meta>``. Since the page is
generated on every build, it is never out of date.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.dates import format_date
from sphinx.application import Sphinx
from sphinx.util import logging

from docs_i18n.core import languages, pages
from docs_i18n.sphinx_ext.state import BuildState, help_href, is_html
from docs_i18n.sphinx_ext.switcher import current_language, page_href
from docs_i18n.status import formats, states

logger = logging.getLogger(__name__)

TEMPLATE = "translation-status.html"


def status_context(app: Sphinx, report: states.Report, pagename: str) -> dict[str, Any]:
    """``i18n_status`` for the template: ``languages``, ``rows``, ``states``, ``reader_states``, ``pending``."""
    suffix = getattr(app.builder, "out_suffix", ".html")
    layout = app.config.i18n_language_path
    columns = [
        {
            "code": lang,
            "bcp47": languages.bcp47(lang),
            "name": languages.display_name(lang),
            "summary": report.summary(lang),
        }
        for lang in report.languages
    ]
    table: dict[str, dict[str, states.PageStatus]] = {}
    for status in report.pages:  # English pages in order, then orphans
        table.setdefault(status.page, {})[status.lang] = status
    rows = []
    here = current_language(app)
    rank = {docname: i for i, docname in enumerate(toctree_order(app))}
    ordered = sorted(table.items(), key=lambda item: rank.get(pages.docname(item[0]), len(rank)))
    for page, statuses in ordered:
        docname = pages.docname(page)
        built = docname in app.env.all_docs
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        changed = None
        if built:
            day, how = BuildState.of(app).english_changed(app, docname)
            changed = {"iso": day.isoformat(), "text": format_date(day, "medium", locale=here), "source": how}
        cells = []
        for lang in report.languages:
            cell = statuses.get(lang)
            cells.append(
                {
                    "lang": lang,
                    "state": cell.state if cell else None,
                    "reader_state": cell.reader_state if cell else None,
                    "percent": cell.percent_translated if cell else None,
                    "machine": cell.machine_translated if cell else False,
                    "href": page_href(pagename, lang, docname, suffix, layout) if built and cell else None,
                    "catalog_href": help_href(app, lang, docname) if built and cell else None,
                }
            )
        rows.append(
            {
                "page": page,
                "docname": docname if built else None,
                "title": title,
                "cells": cells,
                "changed": changed,
                "help_href": help_href(app, here, docname) if built and here in report.languages else None,
            }
        )
    pending = [
        {
            "page": p.page,
            "lang": p.lang,
            "state": p.state,
            "reason": p.reason,
            "catalog": _project_path(app, p.translation),
            "next": formats.next_step(report, p),
        }
        for p in report.pages
        if p.state != states.PageState.CURRENT
    ]
    orphans = any(p.state == states.PageState.ORPHAN for p in report.pages)
    shown = [s for s in states.PageState if s != states.PageState.ORPHAN or orphans]
    return {
        "languages": columns,
        "rows": rows,
        "states": shown,
        "reader_states": states.READER_STATES,
        "pending": pending,
    }


def toctree_order(app: Sphinx) -> list[str]:
    """The site's pages as a reader meets them: the root page, then its toctrees depth first;
    pages no toctree lists last, by name."""
    found: dict[str, None] = {}

    def visit(docname: str) -> None:
        if docname in found or docname not in app.env.all_docs:
            return
        found[docname] = None
        for child in app.env.toctree_includes.get(docname, ()):
            visit(child)

    visit(app.config.root_doc)
    for docname in sorted(app.env.all_docs):
        found.setdefault(docname, None)
    return list(found)


def _project_path(app: Sphinx, path: str | None) -> str:
    """*path* relative to the project (no local folder names on a published page; a link is not
    followed, so its target is not named either)."""
    if not path:
        return ""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(app.confdir)).as_posix()
    except ValueError:
        return Path(path).name


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    name = app.config.i18n_status_page
    if not name or not is_html(app):
        return
    if name in app.env.all_docs:
        logger.warning(
            "i18n_status_page %r is also a page of the site: no translation status page written",
            name,
            type="i18n",
            subtype="status",
        )
        return
    report = BuildState.of(app).current_report(app)
    yield name, {"i18n_status": status_context(app, report, name)}, TEMPLATE


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``i18n_status_href``: the link to the status page (in every page's footer), or None."""
    name = app.config.i18n_status_page
    shown = name and is_html(app) and name not in app.env.all_docs and "pathto" in context
    context["i18n_status_href"] = context["pathto"](name) if shown else None


def setup(app: Sphinx) -> None:
    app.add_config_value("i18n_status_page", "translation-status", "html", types=frozenset({str}))
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", on_page_context)
