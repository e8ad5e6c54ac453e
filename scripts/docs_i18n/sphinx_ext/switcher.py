"""The language switcher: links to the same page in every built language.

Adds ``i18n_languages`` to each page's template context: a list of
``{"code", "bcp47", "name", "href", "current"}`` entries, names from Babel's CLDR
data in each language itself. Every language is built into ``<root>/<lang>/``,
so the page in another language sits at ``../<lang>/<pagename>.html``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .. import pages


def current_language(app: Sphinx) -> str:
    """The language being built (the source language when none is set)."""
    return app.config.language or app.config.i18n_source_language


def page_href(from_page: str, lang: str, to_page: str, suffix: str = ".html") -> str:
    """Relative link from *from_page* in one language tree to *to_page* in *lang*."""
    depth = from_page.count("/") + 1
    return "../" * depth + f"{lang}/{to_page}{suffix}"


def languages_context(app: Sphinx, pagename: str) -> list[dict[str, Any]]:
    """The switcher entries for *pagename*."""
    here = current_language(app)
    suffix = app.builder.out_suffix if hasattr(app.builder, "out_suffix") else ".html"
    return [
        {
            "code": lang,
            "bcp47": pages.bcp47(lang),
            "name": pages.display_name(lang),
            "href": page_href(pagename, lang, pagename, suffix),
            "current": lang == here,
        }
        for lang in app.config.i18n_languages
    ]


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    context["i18n_languages"] = languages_context(app, pagename)
    context["i18n_current"] = current_language(app)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_page_context)
