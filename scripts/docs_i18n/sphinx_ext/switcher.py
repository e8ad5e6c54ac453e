"""The language switcher: links to the same page in every built language.

Adds ``i18n_languages`` to each page's template context: a list of
``{"code", "bcp47", "name", "href", "current"}`` entries, names from Babel's CLDR
data in each language itself, and ``i18n_root_href``, the site's root relative to the
page. Every page loads ``_static/language-choice.js``
(:data:`docs_i18n.publish.landing.LANGUAGE_JS_NAME`): the switcher's links keep the
reader's ``#fragment`` and ``?query``, and a click on one is remembered as the reader's
choice, which the root page honours. Every language is built into ``<root>/<lang>/``,
so the page in another language sits at ``../<lang>/<pagename>.html`` (another
layout, such as Read the Docs' ``<root>/<tag>/<version>/``, is set with the
``i18n_language_path`` config value: see :mod:`docs_i18n.publish.site_urls`).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from docs_i18n.core import languages
from docs_i18n.core.errors import InputError
from docs_i18n.publish import landing, site_urls


def current_language(app: Sphinx) -> str:
    """The language being built (the source language when none is set)."""
    return str(app.config.language or app.config.i18n_source_language)


def root_href(from_page: str, pattern: str = site_urls.LANGUAGE_PATH) -> str:
    """Relative link from *from_page* in a language tree to the site's root folder (``../``)."""
    return "../" * (from_page.count("/") + site_urls.language_depth(pattern))


def page_href(
    from_page: str, lang: str, to_page: str, suffix: str = ".html", pattern: str = site_urls.LANGUAGE_PATH
) -> str:
    """Relative link from *from_page* in one language tree to *to_page* in *lang*."""
    return root_href(from_page, pattern) + f"{site_urls.language_path(lang, pattern)}{to_page}{suffix}"


def languages_context(app: Sphinx, pagename: str) -> list[dict[str, Any]]:
    """The switcher entries for *pagename*."""
    here = current_language(app)
    suffix = app.builder.out_suffix if hasattr(app.builder, "out_suffix") else ".html"
    return [
        {
            "code": lang,
            "bcp47": languages.bcp47(lang),
            "name": languages.display_name(lang),
            "href": page_href(pagename, lang, pagename, suffix, app.config.i18n_language_path),
            "current": lang == here,
        }
        for lang in app.config.i18n_languages
    ]


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    context["i18n_languages"] = languages_context(app, pagename)
    context["i18n_current"] = current_language(app)
    context["i18n_html_lang"] = languages.bcp47(current_language(app))
    context["i18n_dir"] = languages.direction(current_language(app))
    context["i18n_root_href"] = root_href(pagename, app.config.i18n_language_path)


def add_language_script(app: Sphinx, config: Any) -> None:
    """Serve ``language-choice.js`` from every build's ``_static`` and load it on every page."""
    config.html_static_path.append(str(landing.STATIC_DIR))
    app.add_js_file(landing.LANGUAGE_JS_NAME)


def check_config(app: Sphinx, config: Any) -> None:
    """Refuse an ``i18n_language_path`` that does not name the language."""
    try:
        site_urls.check_language_path(config.i18n_language_path)
    except InputError as exc:
        from sphinx.errors import ConfigError

        raise ConfigError(str(exc)) from None


def setup(app: Sphinx) -> None:
    app.add_config_value("i18n_language_path", site_urls.LANGUAGE_PATH, "html", types=frozenset({str}))
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_language_script)
    app.connect("html-page-context", on_page_context)
