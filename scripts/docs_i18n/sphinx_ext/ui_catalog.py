"""The theme UI catalog (``locale/<lang>/LC_MESSAGES/sphinx.po``).

- ``make gettext`` also writes ``sphinx.pot``: the template strings Sphinx does
  not translate itself (see :mod:`docs_i18n.publish.ui_strings`).
- A change to the UI catalog re-writes every page, since every page shows it.
- The search page's script strings (``translations.js``) get the UI catalog's
  translations too, where Sphinx's own catalog leaves them empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from docs_i18n.core import pages
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import ui_strings

logger = logging.getLogger(__name__)


def ui_catalog_files(app: Sphinx) -> list[Path]:
    """The UI catalogs (``.po``) of the language being built."""
    if not app.config.language:
        return []
    found = []
    for locale_dir in app.config.locale_dirs:
        path = pages.catalog_path(Path(app.srcdir, locale_dir), app.config.language, pages.UI_DOMAIN)
        if path.is_file():
            found.append(path)
    return found


def _fingerprint(app: Sphinx) -> list[tuple[str, int]]:
    return [(str(p), p.stat().st_mtime_ns) for p in ui_catalog_files(app)]


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    now = _fingerprint(app)
    before = getattr(env, "i18n_ui_catalog", None)
    env.i18n_ui_catalog = now  # type: ignore[attr-defined]
    if before is not None and before != now:
        logger.info("theme UI catalog changed: re-writing every page")
        return sorted(env.found_docs)
    return []


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None and app.builder.format == "html":
        _merge_translations_js(app)
    if exception is not None or app.builder.name != "gettext":
        return
    templates = Path(app.confdir, app.config.templates_path[0])
    langs = [lang for lang in app.config.i18n_languages if lang != app.config.i18n_source_language]
    path = ui_strings.write_pot(templates, langs, Path(app.outdir))
    logger.info("wrote %s (theme UI strings)", path)


def _merge_translations_js(app: Sphinx) -> None:
    """Give the search page's script strings the project's translations too."""
    target = Path(app.outdir, "_static", "translations.js")
    catalogs = ui_catalog_files(app)
    if not target.is_file() or not catalogs:
        return
    merged = ui_strings.translations_js(target.read_text(encoding="utf-8"), catalogs[0])
    atomic_write(target, merged)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("build-finished", on_build_finished)
    return {}
