"""Translation state in the built site: banners, switcher marks, head entries.

Each language is its own ``sphinx-build``. Every HTML build reads the project's
translation state once, with :func:`docs_i18n.status.states.catalog_report` (the very
function behind ``scripts/i18n status``: one hash rule, one status model) for
every translation language, and then:

- puts the page's state in the page context as ``i18n_page`` (``state``,
  ``status``: the :class:`~docs_i18n.status.states.PageStatus`, ``partial``, ``banner``,
  ``english_href``); ``i18n/banner.html`` shows the banner on a translated page
  that is stale, unknown, missing or partly translated;
- adds each language's state of the page to the switcher entries
  (``i18n_languages``: ``state`` and ``mark``, set for stale and missing);
- adds ``i18n_alternates`` (``<link rel="alternate" hreflang>`` for every language
  and ``x-default``, absolute when ``html_baseurl`` is set) and points the
  canonical URL into the language's folder; ``i18n/head.html`` writes them with
  the ``<meta>`` entries ``x-i18n-state`` (``source`` on English pages),
  ``x-i18n-source-hash``, ``x-i18n-recorded-source-hash`` and
  ``x-i18n-percent-translated``;
- re-reads (so re-renders) every page whose state changed in any language since
  the last successful build of this language. A stamp changes only a catalog's
  header comment, and a page in one language shows the state of all the others
  in its switcher: Sphinx alone would not re-render those pages. The states are
  kept in ``<doctreedir>/docs_i18n-state.json``.

The translation status page is :mod:`.status_page`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError
from sphinx.util import logging

from docs_i18n.core import hashing, languages, pages, textio
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import site_urls
from docs_i18n.sphinx_ext.switcher import current_language, page_href
from docs_i18n.status import states

logger = logging.getLogger(__name__)

SOURCE_STATE = "source"  # the state shown on pages of the source language
MARKED_STATES = ("stale", "missing")  # marked in the language switcher
BANNER_STATES = ("stale", "unknown", "missing")
STATE_FILE = "docs_i18n-state.json"
_APP_ATTR = "_docs_i18n_build_state"


@dataclass
class BuildState:
    """The translation state of every page, read once per build."""

    report: states.Report
    by_docname: dict[str, dict[str, states.PageStatus]]  # docname -> language -> status
    base_url: str | None  # normalized html_baseurl

    @classmethod
    def of(cls, app: Sphinx) -> BuildState:
        """The state for *app*'s build (read on first use)."""
        state = getattr(app, _APP_ATTR, None)
        if state is None:
            state = cls.read(app)
            setattr(app, _APP_ATTR, state)
        return state

    @classmethod
    def read(cls, app: Sphinx) -> BuildState:
        report = states.catalog_report(
            Path(app.srcdir), locale_dir(app), translation_languages(app), app.config.i18n_source_language
        )
        for error in report.warnings + report.errors:
            where = f"{shown_path(error.path)}:{error.line}"  # with ':' (a line of 0 too): not read as a docname
            logger.warning(error.message, location=where, type="i18n", subtype="status")
        by_docname: dict[str, dict[str, states.PageStatus]] = {}
        for page in report.pages:
            if page.state != "orphan":
                by_docname.setdefault(pages.docname(page.page), {})[page.lang] = page
        return cls(report, by_docname, base_url(app))

    def fingerprints(self) -> dict[str, list[list[object]]]:
        """Per docname, what its pages show of every language's state."""
        return {
            docname: [
                [lang, p.state, p.recorded_hash, p.source_hash, p.translated, p.fuzzy, p.untranslated]
                for lang, p in sorted(statuses.items())
            ]
            for docname, statuses in self.by_docname.items()
        }


def is_html(app: Sphinx) -> bool:
    return getattr(app.builder, "format", None) == "html"


def translation_languages(app: Sphinx) -> list[str]:
    return [lang for lang in app.config.i18n_languages if lang != app.config.i18n_source_language]


def locale_dir(app: Sphinx) -> Path:
    """The catalogs' folder: the first of ``locale_dirs``, relative to the source folder."""
    first = app.config.locale_dirs[0] if app.config.locale_dirs else "locales"
    return Path(app.srcdir, first)


def base_url(app: Sphinx) -> str | None:
    """``html_baseurl`` with a trailing slash, or None (unset or invalid: warned)."""
    if not app.config.html_baseurl:
        return None
    try:
        return site_urls.normalize_base_url(app.config.html_baseurl, "html_baseurl")
    except InputError as exc:
        logger.warning(exc.message, type="i18n", subtype="baseurl")
        return None


# -- invalidation ----------------------------------------------------------------------


def _state_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / STATE_FILE


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    if not is_html(app):
        return []
    now = BuildState.of(app).fingerprints()
    try:
        before = json.loads(_state_file(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    outdated = sorted(d for d in now.keys() | before.keys() if now.get(d) != before.get(d) and d in env.found_docs)
    if outdated:
        logger.info("translation state changed: re-rendering %s", ", ".join(outdated))
    return outdated


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Remember the states the pages now show (only after a clean build)."""
    if exception is not None or not is_html(app) or app.statuscode != 0:
        return
    data = json.dumps(BuildState.of(app).fingerprints(), sort_keys=True, indent=1)
    atomic_write(_state_file(app), data.encode("utf-8"))


# -- page context ------------------------------------------------------------------------


def alternates(app: Sphinx, pagename: str, base: str | None) -> list[dict[str, str]]:
    """``hreflang`` and ``href`` of the page in every language, then ``x-default``."""
    target = app.builder.get_target_uri(pagename)
    suffix = getattr(app.builder, "out_suffix", site_urls.PAGE_SUFFIX)
    layout = app.config.i18n_language_path

    def href(lang: str) -> str:
        if base:
            return site_urls.page_url(base, lang, target, layout)
        return page_href(pagename, lang, pagename, suffix, layout)

    links = [{"hreflang": languages.bcp47(lang), "href": href(lang)} for lang in app.config.i18n_languages]
    links.append({"hreflang": "x-default", "href": href(app.config.i18n_source_language)})
    return links


def page_context(app: Sphinx, pagename: str) -> dict[str, Any] | None:
    """``i18n_page`` for a page of the site (None for generated pages: search, index...)."""
    if pagename not in app.env.all_docs:
        return None
    here = current_language(app)
    source = app.config.i18n_source_language
    statuses = BuildState.of(app).by_docname.get(pagename, {})
    suffix = getattr(app.builder, "out_suffix", site_urls.PAGE_SUFFIX)
    context: dict[str, Any] = {
        "lang": here,
        "status": None,
        "state": SOURCE_STATE,
        "partial": False,
        "banner": False,
        "english_href": page_href(pagename, source, pagename, suffix, app.config.i18n_language_path),
        "english_hreflang": languages.bcp47(source),
    }
    if here == source or here not in statuses:
        any_status = next(iter(statuses.values()), None)
        context["source_hash"] = (
            any_status.source_hash if any_status else hashing.source_hash(app.env.doc2path(pagename))
        )
        return context
    page = statuses[here]
    partial = page.counts is not None and bool(page.fuzzy or page.untranslated)
    context.update(
        status=page,
        state=page.state,
        source_hash=page.source_hash,
        partial=partial,
        banner=page.state in BANNER_STATES or partial,
    )
    return context


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not is_html(app):
        return
    state = BuildState.of(app)
    context["i18n_alternates"] = alternates(app, pagename, state.base_url)
    if state.base_url:  # Sphinx's canonical URL ignores the language folder
        context["pageurl"] = site_urls.page_url(
            state.base_url, current_language(app), app.builder.get_target_uri(pagename), app.config.i18n_language_path
        )
    context["i18n_page"] = page_context(app, pagename)
    statuses = state.by_docname.get(pagename, {}) if context["i18n_page"] else {}
    for entry in context.get("i18n_languages", []):
        page = statuses.get(entry["code"])
        entry["state"] = (
            page.state if page else (SOURCE_STATE if entry["code"] == app.config.i18n_source_language else None)
        )
        entry["mark"] = entry["state"] if entry["state"] in MARKED_STATES else None


class SpecialFileError(SphinxError):
    category = "Special file among the catalogs"


def refuse_special_catalogs(app: Sphinx, config: Config) -> None:
    """Stop the build at a FIFO, socket or device named ``*.po`` in the language's catalogs:
    Sphinx compiles every catalog, and would wait on it forever."""
    skipped: list[Path] = []
    for folder in config.locale_dirs:
        pages.catalogs_of(Path(app.srcdir, folder), config.language or "en", skipped)
    if skipped:
        found = "; ".join(f"{shown_path(path)}:0: it is {textio.special_kind(path.stat().st_mode)}" for path in skipped)
        raise SpecialFileError(f"{found}, not a catalog: Sphinx would wait on it forever; remove it")


def setup(app: Sphinx) -> None:
    app.connect("config-inited", refuse_special_catalogs)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("html-page-context", on_page_context, priority=600)  # after the switcher's entries
    app.connect("build-finished", on_build_finished)
