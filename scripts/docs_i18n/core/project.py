"""The project a command works on: the folder holding ``conf.py``, found from the working directory upward."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docs_i18n.core.errors import InputError

CONF_FILE = "conf.py"
DEFAULT_SOURCE_LANGUAGE = "en"  # without a conf.py, or one that names no language: the one default


def find_root(start: str | Path | None = None) -> Path:
    """The nearest folder at or above *start* (default: the working directory) with a ``conf.py``.

    Without one, *start* itself: the commands' defaults (``source/``, ``locale/``) are then
    relative to it and reported as missing when they are.
    """
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONF_FILE).is_file():
            return folder
    return here


def conf_values(root: str | Path) -> dict[str, Any]:
    """The settings of the project's ``conf.py`` (a trusted file: it is run, as Sphinx runs it)."""
    path = Path(root) / CONF_FILE
    if not path.is_file():
        raise InputError(path, 0, "no conf.py here; run the command from the project folder")
    import runpy  # here: a command that does not read conf.py does not pay for its imports

    values = runpy.run_path(str(path))
    return {key: value for key, value in values.items() if not key.startswith("__")}


DEFAULT_TEMPLATES = "_templates"  # the templates folder when conf.py sets no templates_path


def templates_dir(confdir: str | Path, templates_path: Sequence[str] | None) -> Path:
    """The project's templates folder: the first of ``templates_path``, relative to the folder of
    ``conf.py`` (as Sphinx reads it), else :data:`DEFAULT_TEMPLATES` there. The one rule for the
    build, ``check``, ``site`` and ``rtd``."""
    return Path(confdir) / (templates_path[0] if templates_path else DEFAULT_TEMPLATES)


def templates_folder(root: str | Path) -> Path:
    """:func:`templates_dir` of the project at *root*, from its ``conf.py`` (none: the default)."""
    try:
        configured = conf_values(root).get("templates_path")
    except InputError:
        configured = None
    return templates_dir(root, configured)


def configured_languages(root: str | Path) -> list[str]:
    """``i18n_languages`` of the project's ``conf.py``: the source language first."""
    return languages_of(conf_values(root))


def languages_of(values: dict[str, Any]) -> list[str]:
    """``i18n_languages`` of *values* (a ``conf.py``'s settings): the source language first."""
    return list(values.get("i18n_languages", [DEFAULT_SOURCE_LANGUAGE]))


def source_language(root: str | Path) -> str:
    """The language of the English pages: ``i18n_source_language`` of ``conf.py`` (else the first of
    ``i18n_languages``); :data:`DEFAULT_SOURCE_LANGUAGE` when there is no ``conf.py``. The one place
    every command reads it (the build reads the same setting, ``app.config.i18n_source_language``)."""
    try:
        values = conf_values(root)
    except InputError:
        return DEFAULT_SOURCE_LANGUAGE
    return str(values.get("i18n_source_language") or languages_of(values)[0])
