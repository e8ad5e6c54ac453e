"""The site's ``404.html``: "page not found", in every language of the site.

A static host serves one ``404.html`` for a missing address at any depth
(``/docs/ko/providers/gone.html``), so a link relative to the page's own place
would point nowhere. Every link is therefore relative to ``<base href>``: the
configured base URL (``html_baseurl``), or ``/`` without one. An inline script
then corrects the base to the site root read from the address (the folder above
the first language folder in it, so the page also works under another path
prefix, on a preview host or on a local server), puts the section of the
address's language (else the browser's preferred one) first, and offers the
missing page's name as a search. Without scripts the page shows every language,
the source language first, with links that work wherever the base URL is right.

The page is the Jinja template ``site/404.html`` among the project's templates;
its strings are translated like the theme's: the language's ``sphinx.po`` (the
theme UI catalog, which ``make gettext`` feeds with them), read, checked and
escaped as the build reads it (:mod:`docs_i18n.checks.ui_messages`: a catalog
that cannot be read whole is not used at all, a refused translation falls back),
then Sphinx's own catalog, else English. It loads nothing: style and script are inline.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

import jinja2
from markupsafe import Markup

from docs_i18n.checks import ui_messages
from docs_i18n.core import languages, pages
from docs_i18n.core.errors import InputError
from docs_i18n.publish import landing, site_urls, ui_strings

TEMPLATE = "site/404.html"
FILE_NAME = "404.html"


def ui_gettext(
    locale_dir: Path, lang: str, source_lang: str, templates: Path, warn: Callable[[str], None] | None = None
) -> Callable[[str], str]:
    """Translate a template string into *lang*: the project's UI catalog, then Sphinx's, else English.

    A project translation is HTML already escaped (:func:`.ui_messages.escape_html`), so it is
    returned as :class:`~markupsafe.Markup`. Why a catalog or a translation is not used goes to
    *warn* as ``path:line: message``. *templates* (the project's) tell plural messages apart.
    """
    if lang == source_lang:
        return lambda text: text
    found: dict[ui_messages.Key, str] = {}
    path = pages.catalog_path(locale_dir, lang, pages.UI_DOMAIN)
    if os.path.lexists(path):
        plurals = ui_strings.plural_lookup(templates)
        try:
            ui = ui_messages.load(path, plurals, within=locale_dir)
            found = ui.messages
            refused = [
                f"{path}:{r.line}: translation of {r.msgid!r} refused: [{r.finding.check}] {r.finding.message}"
                for r in ui.refused
            ]
        except InputError as exc:
            refused = [f"{exc}; the 404 page shows Sphinx's own translations or the English"]
        for line in refused:
            (warn or _ignore)(line)
    shipped = ui_strings.sphinx_translations(lang)

    def gettext(text: str) -> str:
        translated = found.get(text)
        return Markup(translated) if translated else cast(str, shipped.get(text) or text)

    return gettext


def _ignore(message: str) -> None:
    """Drop a warning (a caller that did not ask for them)."""


def _script_json(value: object) -> Markup:
    """*value* as JSON that is safe inside ``<script>``."""
    return Markup(landing.script_json(value))


def render_404(
    templates: Path,
    locale_dir: Path,
    langs: Sequence[str],
    base_url: str | None,
    project: str = "OpenClaw",
    pattern: str = site_urls.LANGUAGE_PATH,
    icon: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> str:
    """The HTML of ``404.html`` for *langs* (the first is shown first without scripts).

    *base_url* is normalized (see :func:`site_urls.normalize_base_url`) or None;
    *pattern* is the language folder layout (``i18n_language_path``); *icon* the site's
    icon as a path below the site root (see :func:`landing.find_icon`); *warn* gets
    every UI translation the page does not use, as ``path:line: why``.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)), autoescape=True, undefined=jinja2.StrictUndefined
    )
    sections: list[dict[str, Any]] = []
    for lang in langs:
        gettext = ui_gettext(locale_dir, lang, langs[0], templates, warn)
        folder = site_urls.language_path(lang, pattern)
        sections.append(
            {
                "code": lang,
                "tag": languages.bcp47(lang),
                "direction": languages.direction(lang),
                "name": languages.display_name(lang),
                "home": folder + "index.html",
                "search": folder + "search.html",
                "title": gettext("Page not found"),
                "gettext": gettext,
            }
        )
    site = [
        dict(entry, dir=site_urls.language_path(lang, pattern).split("/")[0], code=lang)
        for lang, entry in zip(langs, landing.site_languages(list(langs)), strict=True)
    ]
    return env.get_template(TEMPLATE).render(
        sections=sections,
        base_href=base_url or "/",
        icon=icon,
        project=project,
        project_json=_script_json(project),
        site_json=_script_json(site),
        base_json=_script_json(base_url),
        scripts_json=_script_json(landing.script_table(list(langs))),
        language_js=Markup(landing.language_js()),
    )
