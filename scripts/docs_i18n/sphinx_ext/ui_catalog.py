"""The theme UI catalog (``locale/<lang>/LC_MESSAGES/sphinx.po``).

- ``make gettext`` also writes ``sphinx.pot``: the template strings Sphinx does
  not translate itself (see :mod:`docs_i18n.publish.ui_strings`).
- A change to the UI catalog re-writes every page, since every page shows it.
- Sphinx's scripts' strings (``_static/translations.js``) are written from
  Sphinx's own translations and the UI catalog's accepted ones
  (:mod:`docs_i18n.checks.ui_messages`, via :mod:`.guard`), as JSON: never copied
  from a ``sphinx.js`` in the project's catalogs, which would be script.
"""

from __future__ import annotations

import gettext
import json
import os
import sys
from pathlib import Path
from typing import Any, cast

from babel.messages.plurals import get_plural
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from docs_i18n.core import pages, project
from docs_i18n.core.errors import shown_path  # as every message shows paths
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import ui_strings
from docs_i18n.sphinx_ext import inprocess
from docs_i18n.sphinx_ext.locale_dirs import catalog_dirs

logger = logging.getLogger(__name__)
_SCRIPTS = "_docs_i18n_ui_scripts"  # on the app: the UI translations accepted for translations.js


def ui_catalog_files(app: Sphinx) -> list[tuple[Path, Path]]:
    """The UI catalog (``sphinx.po``) of the language being built in each catalogs' folder
    (:func:`.locale_dirs.catalog_dirs`), existing or not, with its folder."""
    if not app.config.language:
        return []
    return [
        (pages.catalog_path(folder, app.config.language, pages.UI_DOMAIN), folder)
        for folder in catalog_dirs(app.config, app.srcdir)
    ]


def remember_scripts(app: Sphinx, scripts: dict[str, str | list[str]]) -> None:
    """Keep the UI translations accepted for Sphinx's scripts, by msgid (set by :mod:`.guard`)."""
    setattr(app, _SCRIPTS, scripts)


def _fingerprint(app: Sphinx) -> list[tuple[str, int]]:
    """When each UI catalog changed (``lstat``: a link is not followed; the guard refuses it)."""
    return [(str(p), os.lstat(p).st_mtime_ns) for p, _ in ui_catalog_files(app) if os.path.lexists(p)]


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
        write_translations_js(app)
    if exception is not None or app.builder.name != "gettext" or inprocess.is_tool_run(app):
        return  # the template is make gettext's (a tool's extraction throws its output away)
    templates = project.templates_dir(app.confdir, app.config.templates_path)
    langs = [lang for lang in app.config.i18n_languages if lang != app.config.i18n_source_language]
    path = ui_strings.write_pot(templates, langs, Path(app.outdir))
    logger.info("wrote %s (theme UI strings)", path)


def _sphinx_scripts_file(language: str) -> Path | None:
    """Sphinx's own ``sphinx.js`` for *language*, where Sphinx looks for it; ``None`` when it ships none
    (Thai, Ukrainian)."""
    from sphinx import package_dir

    for path in (
        Path(package_dir, "locale", language, "LC_MESSAGES", "sphinx.js"),
        Path(sys.prefix, "share", "sphinx", "locale", language, "sphinx.js"),
    ):
        if path.is_file():
            return path
    return None


def _sphinx_scripts_catalog(language: str) -> dict[str, Any]:
    """Sphinx's own ``translations.js`` data for *language* (its package's, else an empty one)."""
    path = _sphinx_scripts_file(language)
    if path is not None:
        text = path.read_text(encoding="utf-8")
        return cast(dict[str, Any], json.loads(text[text.index("(") + 1 : text.rindex(")")]))
    return {"messages": {}, "plural_expr": get_plural(language).plural_expr, "locale": language}


def _needs_own_scripts_file(app: Sphinx) -> bool:
    """A translation Sphinx ships no script catalog for: the project writes and loads ``translations.js``."""
    language = app.config.language
    return (
        getattr(app.builder, "format", None) == "html"
        and bool(language)
        and language != app.config.i18n_source_language
        and _sphinx_scripts_file(language) is None
    )


def load_own_scripts_file(app: Sphinx) -> None:
    """Load ``translations.js`` on every page where Sphinx would not (it loads its own only)."""
    if _needs_own_scripts_file(app):
        app.add_js_file("translations.js")


def numeric_rule(expr: str) -> str:
    """A plural rule whose value indexes the forms in JavaScript: ``(n != 1)`` -> ``Number((n != 1))``.

    Sphinx's script picks ``forms[rule(n)]``; a bare comparison (German's, Persian's) is a boolean
    there, and ``forms[true]`` is undefined (the search page's script then fails on the plural message).
    A rule with a conditional already gives numbers and is kept as it is.
    """
    if "?" in expr or not any(op in expr for op in ("==", "!=", "<", ">")):
        return expr
    return f"Number({expr})"


def scripts_js(language: str, accepted: dict[str, str | list[str]]) -> str:
    """``translations.js``: Sphinx's own script translations, then the project's *accepted* ones."""
    data = _sphinx_scripts_catalog(language)
    script_plural = gettext.c2py(data["plural_expr"])  # Sphinx's own (trusted) rule, which the script evaluates
    js_forms = 1 + max(script_plural(n) for n in range(1000))
    data["plural_expr"] = numeric_rule(data["plural_expr"])
    for message in ui_strings.js_strings():
        key = message[0] if isinstance(message, tuple) else message
        value = accepted.get(key)
        if value is None or isinstance(message, tuple) != isinstance(value, list):
            continue
        if isinstance(value, list) and len(value) < js_forms:
            continue  # fewer forms than the script's plural rule asks for
        data["messages"][key] = value
    body = json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True)
    return "Documentation.addTranslations(" + body.replace("<", "\\u003c") + ");\n"


def write_translations_js(app: Sphinx) -> None:
    """Write ``_static/translations.js`` (where Sphinx put one, or Sphinx ships none for the language)
    with :func:`scripts_js`."""
    target = Path(app.outdir, "_static", "translations.js")
    if not app.config.language or not (target.is_file() or _needs_own_scripts_file(app)):
        return
    for folder in catalog_dirs(app.config, app.srcdir):
        ignored = Path(folder, app.config.language, "LC_MESSAGES", "sphinx.js")
        if os.path.lexists(ignored):
            logger.warning(
                "ignored: translations.js is made from Sphinx's own translations and sphinx.po, "
                "never copied from the catalogs' folder (a script there could run on every page)",
                location=f"{shown_path(ignored)}:0",
                type="i18n",
                subtype="guard",
            )
    atomic_write(target, scripts_js(app.config.language, getattr(app, _SCRIPTS, {})).encode("utf-8"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("builder-inited", load_own_scripts_file)
    app.connect("build-finished", on_build_finished)
    return {}
