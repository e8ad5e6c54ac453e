"""Sphinx configuration for the OpenClaw model provider guides.

The English pages live in ``source/``; translations are gettext catalogs in
``locale/<lang>/LC_MESSAGES/``. Each language is built separately with
``-D language=<lang>`` (see the Makefile), into ``_build/html/<lang>/``.
The extension ``docs_i18n.sphinx_ext`` is the project's package (``scripts/docs_i18n``),
installed into ``.venv`` by ``make venv``.
"""

# -- General configuration ------------------------------------------------------
# Keep needs_sphinx in sync with requirements.txt.
needs_sphinx = "9.0"
project = "OpenClaw"
author = "OpenClaw documentation contributors"
extensions = ["myst_parser", "docs_i18n.sphinx_ext"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_templates", "_static"]
templates_path = ["source/_templates"]

myst_heading_anchors = 3

# -- Internationalisation -------------------------------------------------------
language = "en"
# The first is the source language; the others are OpenClaw's 20 locales, by Sphinx's code (pt_BR,
# zh_CN, zh_TW). Adding a language is one entry here plus its catalogs (docs/languages.md).
i18n_languages = ["en", "ar", "de", "es", "fa", "fr", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt_BR", "ru", "th", "tr", "uk", "vi", "zh_CN", "zh_TW"]  # noqa: E501  # fmt: skip
i18n_source_language = "en"
# The catalogs' folders, relative to the source directory: read by the project's extension only.
i18n_locale_dirs = ["../locale"]
# Empty on purpose: Sphinx would compile every .po there into a .mo beside it (following any
# symbolic link a translator put there) and read the .mo files; the extension reads the .po
# files itself and stops the build if this is set (docs/checks-and-guard.md).
locale_dirs = []
gettext_compact = False  # one catalog per page: locale/<lang>/LC_MESSAGES/<page>.po
gettext_uuid = False
gettext_location = True
gettext_last_translator = "OpenClaw documentation translators"
gettext_language_team = "OpenClaw documentation translators"

# -- Machine translation (scripts/i18n translate, make translate) ----------------
# An OpenAI-compatible endpoint: by default the LiteLLM proxy of the guide's own set-up
# (docs/machine-translation.md). The key is read from I18N_MT_API_KEY, never from here.
i18n_mt = {"base_url": "http://localhost:4000/v1", "model": "claude-opus-4-6"}

# -- Options for HTML output ----------------------------------------------------
html_theme = "furo"
html_title = "OpenClaw"
html_static_path = ["source/_static"]
html_css_files = ["i18n.css"]
html_favicon = "source/_static/favicon.svg"  # without one, every page view asks for a missing /favicon.ico
html_show_copyright = False
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
# Where _build/html is published (a placeholder: set the real URL here, or build with
# `make html BASEURL=https://...`). It makes the canonical URLs, the hreflang links and
# sitemap.xml absolute; the Makefile reads this line (keep it a plain string).
html_baseurl = "https://docs.example.org/openclaw/"
# The repository's address to which a file's path in the project is appended, e.g.
# "https://example.org/owner/repo/blob/main/": the banners and the status page then link each
# page's catalog ("help translate this page"). Empty: no such links.
i18n_repository_url = ""
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/languages.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_theme_options = {"top_of_page_buttons": []}
