"""The project's templates autoescape.

Sphinx renders templates without escaping, and the project's (``templates_path``: the
page layout, the banner, the switcher, the status page, the head entries) insert values
a catalog or a file name can influence: page ids and catalog paths, translations,
language names, percentages. Every template found in ``templates_path`` is therefore
compiled with Jinja's autoescaping (:func:`.compat.autoescape_templates`): each value
is escaped for HTML text and attributes unless it is ``Markup``. What is ``Markup``
was built from escaped parts: the project's UI translations (checked and escaped,
:mod:`docs_i18n.checks.ui_messages`), the HTML Sphinx's writer made (``body``, ``toc``,
titles: marked ``|safe`` where a template inserts them), blocks of the theme (``super()``).
The theme's own templates keep Sphinx's setting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from docs_i18n.sphinx_ext import compat


def project_templates(app: Sphinx) -> list[str]:
    """The names of the templates in ``templates_path`` (``page.html``, ``i18n/banner.html``), sorted."""
    names: set[str] = set()
    for folder in app.config.templates_path:
        root = Path(app.confdir, folder)
        names.update(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return sorted(names)


def autoescape_project_templates(app: Sphinx) -> None:
    compat.autoescape_templates(app, project_templates(app))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", autoescape_project_templates)
    return {}
