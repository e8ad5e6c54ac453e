"""Where the build finds the catalogs: ``i18n_locale_dirs``, never Sphinx's ``locale_dirs``.

Sphinx compiles every out-of-date ``.po`` in its ``locale_dirs`` into a ``.mo`` beside
it, opening the ``.mo`` for writing through any symbolic link (``sphinx.mo`` while the
application starts, before any extension is loaded; the pages' when the build starts),
and reads the ``.mo`` files back. A catalogs' folder is the translators' (a link
``index.mo -> ../../../conf.py`` would overwrite ``conf.py``), and the project uses
no ``.mo``: the guard reads each ``.po`` itself (:mod:`.guard`), by the rules of
:mod:`docs_i18n.core.locale_tree`, and gives Sphinx's ``Locale`` transform the checked
messages; the theme gets them the same way.

So ``conf.py`` sets ``locale_dirs = []`` and names the catalogs' folders with
``i18n_locale_dirs`` (relative to the source folder, like Sphinx's setting; the
default is Sphinx's, ``["locales"]``). Every part of the extension finds them with
:func:`catalog_dirs`. A build whose ``locale_dirs`` is not empty stops at
``config-inited`` with a :class:`~sphinx.errors.ConfigError` (Sphinx's own default,
``["locales"]``, included): by then Sphinx has already compiled the ``sphinx.po`` it
found there, so the message says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError


def catalog_dirs(config: Config, srcdir: str | Path) -> list[Path]:
    """The catalogs' folders of the build (``i18n_locale_dirs``, relative to *srcdir*), in Sphinx's order:
    the first one's translation of a message wins."""
    return [Path(srcdir, folder) for folder in config.i18n_locale_dirs]


def refuse_sphinx_locale_dirs(app: Sphinx, config: Config) -> None:
    """Stop a build whose ``locale_dirs`` is not empty: Sphinx would compile and read ``.mo`` files there."""
    if not config.locale_dirs:
        return
    raise ConfigError(
        f"locale_dirs is {list(config.locale_dirs)!r}: Sphinx writes and reads compiled catalogs (.mo) there, "
        "following any symbolic link a translator put in place, and this project never uses them. "
        "In conf.py, set locale_dirs = [] and name the catalogs' folders with i18n_locale_dirs "
        f"(e.g. i18n_locale_dirs = {list(config.locale_dirs)!r}). Sphinx has already compiled the "
        "theme catalogs (sphinx.po) it found there, before this check could run: look for new .mo files there"
    )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("i18n_locale_dirs", ["locales"], "env", types=frozenset({list, tuple}))
    app.connect("config-inited", refuse_sphinx_locale_dirs, priority=0)
    return {}
