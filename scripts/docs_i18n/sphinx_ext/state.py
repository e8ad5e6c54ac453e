"""Translation state in the built site: banners, switcher marks, head entries.

Each language is its own ``sphinx-build``. Every HTML build reads the project's
translation state once, with :func:`docs_i18n.status.catalog_reader.catalog_report` (the very
function behind ``scripts/i18n status``: one hash rule, one status model) for
every translation language, and counts each page's coverage with
:func:`docs_i18n.status.coverage.measure` (one definition) on the messages the page
renders (:mod:`.rendered`): in the language being built, those the page shows
translated; in every other language, those its catalog translates. Then it:

- puts the page's state in the page context as ``i18n_page`` (``state``,
  ``reader_state``, ``status``: the :class:`~docs_i18n.status.states.PageStatus` with
  those counts, ``partial``, ``banner``, ``untranslated``, ``english_href``);
  ``i18n/banner.html`` shows the banner on a translated page that is not translated,
  outdated in its text, of unknown version, or partly translated, and on a page whose
  translation is a machine's that no one reviewed (``machine``: ``translate --accept``).
  A page that changed only outside its text (every message still translated) gets no banner;
- adds each language's state of the page to the switcher entries
  (``i18n_languages``: ``state`` and ``mark``: ``stale`` when some text is outdated,
  ``missing`` when nothing is translated);
- adds ``i18n_alternates`` (``<link rel="alternate" hreflang>`` for every language
  that translates the page, and ``x-default``, absolute when ``html_baseurl`` is set)
  and points the canonical URL into the language's folder; ``i18n/head.html`` writes
  them with the ``<meta>`` entries ``x-i18n-state`` (``source`` on English pages),
  ``x-i18n-reader-state``, ``x-i18n-source-hash``, ``x-i18n-recorded-source-hash``,
  ``x-i18n-percent-translated``, ``x-i18n-messages`` and ``x-i18n-messages-translated``;
- makes a page with no translated message an English page in the translated theme:
  its article is ``lang="en"``, its canonical URL is the English page, and it is
  ``noindex`` with no ``hreflang`` (``i18n_noindex``; so is the search page and an
  empty general index), so the sitemap leaves it out too;
- re-reads (so re-renders) every page whose state changed in any language since
  the last successful build of this language. A stamp changes only a catalog's
  header comment, and a page in one language shows the state of all the others
  in its switcher: Sphinx alone would not re-render those pages. The states are
  kept in ``<doctreedir>/docs_i18n-state.json``.

The translation status page is :mod:`.status_page`.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from babel.dates import format_date
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from docs_i18n.core import hashing, languages, pages
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import site_urls
from docs_i18n.sphinx_ext import rendered
from docs_i18n.sphinx_ext.locale_dirs import catalog_dirs
from docs_i18n.sphinx_ext.switcher import current_language, page_href, root_href
from docs_i18n.status import catalog_reader, coverage, git_history, states
from docs_i18n.status.coverage import Coverage

logger = logging.getLogger(__name__)

SOURCE_STATE = "source"  # the state shown on pages of the source language
# reader state -> the switcher's mark (the page state it stands for)
MARKS = {states.ReaderState.OUTDATED: states.PageState.STALE, states.ReaderState.UNTRANSLATED: states.PageState.MISSING}
BANNER_READER_STATES = tuple(s for s in states.ReaderState if s != states.ReaderState.COMPLETE)
NOINDEX_PAGES = ("search",)  # generated pages that are not for search engines (the theme says so)
STATE_FILE = "docs_i18n-state.json"
_APP_ATTR = "_docs_i18n_build_state"


@dataclass
class BuildState:
    """The translation state of every page, read once per build; coverage counted when asked."""

    report: states.Report  # catalog states and counts, as `status` reads them
    by_docname: dict[str, dict[str, states.PageStatus]]  # docname -> language -> status
    base_url: str | None  # normalized html_baseurl
    allow_fuzzy: bool  # gettext_allow_fuzzy_translations: Sphinx uses fuzzy translations

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
        report = catalog_reader.catalog_report(
            Path(app.srcdir),
            locale_dir(app),
            translation_languages(app),
            with_states=True,
            source_language=app.config.i18n_source_language,
        )
        for error in report.warnings + report.errors:
            where = f"{shown_path(error.path)}:{error.line}"  # with ':' (a line of 0 too): not read as a docname
            logger.warning(error.message, location=where, type="i18n", subtype="status")
        by_docname: dict[str, dict[str, states.PageStatus]] = {}
        for page in report.pages:
            if page.state != states.PageState.ORPHAN:
                by_docname.setdefault(pages.docname(page.page), {})[page.lang] = page
        return cls(report, by_docname, base_url(app), bool(app.config.gettext_allow_fuzzy_translations))

    def status(self, app: Sphinx, lang: str, docname: str) -> states.PageStatus | None:
        """*docname* in *lang*, counted on the messages the page renders (as the catalog says until it is read)."""
        page = self.by_docname.get(docname, {}).get(lang)
        if page is None:
            return None
        found = self.coverage(app, page)
        return page.with_coverage(found, "build") if found is not None else page

    def coverage(self, app: Sphinx, page: states.PageStatus) -> Coverage | None:
        """What a reader of *page* sees: measured in the language being built, else from its catalog."""
        seen = rendered.record(app.env, pages.docname(page.page))
        if seen is None:
            return None
        return self._measure(app, page.lang, seen, page) + self._toctree_coverage(app, page)

    def _measure(self, app: Sphinx, lang: str, seen: rendered.RenderedPage, page: states.PageStatus | None) -> Coverage:
        catalog = (page.catalog_states if page else None) or {}
        if seen.language == lang:
            return coverage.measure(seen.messages, seen.translated, catalog, seen.refused)
        return coverage.measure(seen.messages, coverage.usable(catalog, self.allow_fuzzy), catalog)

    def _toctree_coverage(self, app: Sphinx, page: states.PageStatus) -> Coverage:
        """The headings the page's toctrees show of other pages, each counted as its own page shows it."""
        by_entry: dict[str, list[str]] = {}
        for entry, message in rendered.toctree_entries(app.env, pages.docname(page.page)):
            by_entry.setdefault(entry, []).append(message)
        total = coverage.Coverage()
        for entry, messages in by_entry.items():
            listed = self.by_docname.get(entry, {}).get(page.lang)
            seen = rendered.record(app.env, entry)
            if seen is None:
                continue
            own = rendered.RenderedPage(tuple(messages), seen.translated, seen.refused, seen.language)
            total = total + self._measure(app, page.lang, own, listed)
        return total

    def english_changed(self, app: Sphinx, docname: str) -> tuple[datetime.date, str]:
        """When the English page last changed, and how that is known (:func:`.git_history.english_change_date`)."""
        dates = self.__dict__.setdefault("_english_dates", {})
        if docname not in dates:
            dates[docname] = git_history.english_change_date(Path(app.env.doc2path(docname)))
        found: tuple[datetime.date, str] = dates[docname]
        return found

    def current_report(self, app: Sphinx) -> states.Report:
        """The report with every page counted as :meth:`status` counts it."""
        return self.report.with_coverage(
            lambda page: (found, "build") if (found := self.coverage(app, page)) is not None else None
        )

    def fingerprints(self, app: Sphinx) -> dict[str, list[list[object]]]:
        """Per docname, what its pages show of every language's state."""
        found: dict[str, list[list[object]]] = {}
        for docname, statuses in self.by_docname.items():
            shown = [self.status(app, lang, docname) for lang in sorted(statuses)]
            found[docname] = [
                [p.lang, p.state, p.recorded_hash, p.source_hash, p.translated, p.english, p.reader_state]
                for p in shown
                if p is not None
            ]
        return found


def is_html(app: Sphinx) -> bool:
    return getattr(app.builder, "format", None) == "html"


def translation_languages(app: Sphinx) -> list[str]:
    return [lang for lang in app.config.i18n_languages if lang != app.config.i18n_source_language]


def locale_dir(app: Sphinx) -> Path:
    """The catalogs' folder whose states the site shows: the first of :func:`.locale_dirs.catalog_dirs`."""
    folders = catalog_dirs(app.config, app.srcdir)
    return folders[0] if folders else Path(app.srcdir, "locales")


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
    now = BuildState.of(app).fingerprints(app)
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
    data = json.dumps(BuildState.of(app).fingerprints(app), sort_keys=True, indent=1)
    atomic_write(_state_file(app), data.encode("utf-8"))


# -- page context ------------------------------------------------------------------------


def _is_translated(page: states.PageStatus | None) -> bool:
    """Whether a reader of *page* gets a translation (a page not counted yet is taken as one)."""
    return page is not None and page.reader_state != states.ReaderState.UNTRANSLATED


def alternates(app: Sphinx, pagename: str, base: str | None, shown: list[str]) -> list[dict[str, str]]:
    """``hreflang`` and ``href`` of the page in every language of *shown*, then ``x-default``."""
    target = app.builder.get_target_uri(pagename)
    suffix = getattr(app.builder, "out_suffix", site_urls.PAGE_SUFFIX)
    layout = app.config.i18n_language_path

    def href(lang: str) -> str:
        if base:
            return site_urls.page_url(base, lang, target, layout)
        return page_href(pagename, lang, pagename, suffix, layout)

    links = [{"hreflang": languages.bcp47(lang), "href": href(lang)} for lang in shown]
    links.append(
        {"hreflang": "x-default", "href": chooser_href(app, pagename, base) or href(app.config.i18n_source_language)}
    )
    return links


def chooser_href(app: Sphinx, pagename: str, base: str | None) -> str | None:
    """The root page that chooses the reader's language (``publish/landing.py``), as the home
    page's ``x-default``, as the root page names itself; None for the pages whose ``x-default``
    is their source-language page (:func:`.site_urls.x_default_path`)."""
    home = app.builder.get_target_uri(app.config.root_doc)
    target = app.builder.get_target_uri(pagename)
    source = app.config.i18n_source_language
    if site_urls.x_default_path(target, home, source, app.config.i18n_language_path) != site_urls.CHOOSER_PATH:
        return None
    return base + site_urls.CHOOSER_PATH if base else root_href(pagename)


def page_context(app: Sphinx, pagename: str) -> dict[str, Any] | None:
    """``i18n_page`` for a page of the site (None for generated pages: search, index...)."""
    if pagename not in app.env.all_docs:
        return None
    here = current_language(app)
    source = app.config.i18n_source_language
    build = BuildState.of(app)
    suffix = getattr(app.builder, "out_suffix", site_urls.PAGE_SUFFIX)
    context: dict[str, Any] = {
        "lang": here,
        "bcp47": languages.bcp47(here),
        "status": None,
        "state": SOURCE_STATE,
        "reader_state": None,
        "partial": False,
        "banner": False,
        "machine": False,
        "untranslated": False,
        "english_href": page_href(pagename, source, pagename, suffix, app.config.i18n_language_path),
        "english_hreflang": languages.bcp47(source),
        "english_dir": languages.direction(source),
    }
    page = build.status(app, here, pagename) if here != source else None
    if page is None:
        statuses = build.by_docname.get(pagename, {})
        any_status = next(iter(statuses.values()), None)
        context["source_hash"] = (
            any_status.source_hash if any_status else hashing.source_hash(app.env.doc2path(pagename))
        )
        return context
    reader = page.reader_state
    if reader == "outdated":
        changed, how = build.english_changed(app, pagename)
        context["english_changed"] = {
            "iso": changed.isoformat(),
            "text": format_date(changed, "long", locale=here),
            "source": how,
        }
    context["help_href"] = help_href(app, here, pagename)
    context.update(
        status=page,
        state=page.state,
        reader_state=reader,
        source_hash=page.source_hash,
        partial=bool(page.english) and reader != states.ReaderState.UNTRANSLATED,
        machine=page.machine_translated,
        banner=reader in BANNER_READER_STATES or page.machine_translated,
        untranslated=reader == states.ReaderState.UNTRANSLATED,
    )
    return context


def help_href(app: Sphinx, lang: str, docname: str) -> str | None:
    """The page's catalog in *lang* in the project's repository (``i18n_repository_url``); None when
    that is unset or the page has no catalog in *lang* yet."""
    base = app.config.i18n_repository_url
    if not base:
        return None
    project = Path(app.confdir)
    catalog = pages.catalog_path(locale_dir(app), lang, docname + ".md")
    if not catalog.is_file():
        return None
    try:
        shown = Path(catalog).resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return None
    return str(base).rstrip("/") + "/" + quote(shown)


def _noindex(pagename: str, context: dict[str, Any], page: dict[str, Any] | None) -> bool:
    """Pages search engines should not index: untranslated pages, search, an empty general index."""
    if page is not None:
        return bool(page["untranslated"])
    return pagename in NOINDEX_PAGES or (pagename == "genindex" and not context.get("genindexentries"))


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    # the templates name the states through these (i18n_reader_states.UNTRANSLATED), never as text
    context["i18n_page_states"], context["i18n_reader_states"] = states.PageState, states.ReaderState
    if not is_html(app):
        return
    build = BuildState.of(app)
    here, source = current_language(app), app.config.i18n_source_language
    page = context["i18n_page"] = page_context(app, pagename)
    statuses = (
        {lang: build.status(app, lang, pagename) for lang in translation_languages(app)} if page is not None else {}
    )
    if page is not None:  # the banner links to the body's first English passage, when there is one
        page["first_english"] = f'id="{rendered.FIRST_ENGLISH_ID}"' in str(context.get("body", ""))
    noindex = _noindex(pagename, context, page)
    context["i18n_noindex"] = noindex
    context["i18n_robots_meta"] = noindex and pagename not in NOINDEX_PAGES  # the theme writes the search page's
    shown = [
        lang
        for lang in app.config.i18n_languages
        if lang == source or not statuses or _is_translated(statuses.get(lang))
    ]
    context["i18n_alternates"] = [] if noindex else alternates(app, pagename, build.base_url, shown)
    if build.base_url:  # Sphinx's canonical URL ignores the language folder
        canonical = source if page is not None and page["untranslated"] else here
        context["pageurl"] = site_urls.page_url(
            build.base_url, canonical, app.builder.get_target_uri(pagename), app.config.i18n_language_path
        )
    for entry in context.get("i18n_languages", []):
        status = statuses.get(entry["code"])
        entry["state"] = status.state if status else (SOURCE_STATE if entry["code"] == source else None)
        entry["reader_state"] = status.reader_state if status else None
        entry["mark"] = MARKS.get(entry["reader_state"])


def setup(app: Sphinx) -> None:
    # The repository's file URL prefix, e.g. "https://example.org/owner/repo/blob/main/": a page's
    # catalog is this plus its path in the project; empty: no "help translate" links.
    app.add_config_value("i18n_repository_url", "", "html", types=frozenset({str}))
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("html-page-context", on_page_context, priority=600)  # after the switcher's entries
    app.connect("build-finished", on_build_finished)
