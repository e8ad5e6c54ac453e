"""The Sphinx extension: the only subpackage that imports Sphinx, MyST or docutils.

Each feature is a small module with its own ``setup(app)``:

- :mod:`.locale_dirs`: the catalogs' folders (``i18n_locale_dirs``; Sphinx's ``locale_dirs``
  stays empty, so Sphinx never compiles nor reads a ``.mo``);
- :mod:`.parsing`: the parser for ``.md``: ``conf.py`` and English pages configure
  MyST, translated text never does (no front-matter, directives or substitutions);
  a page whose headings start at H2 takes its title (H1) from the front-matter
  ``title`` (:mod:`.page_title`, OpenClaw's pages); a translated message of plain text gets
  MyST's paragraph without a parse (:mod:`.plain_text`), and ``Locale``'s second parse of a
  message a copy of the first one's clean result (:mod:`.replay`);
- :mod:`.frontmatter_meta`: front-matter ``summary`` and ``read_when`` become
  translatable ``<meta>`` entries (``summary`` is the page description);
- :mod:`.templates`: the project's templates autoescape;
- :mod:`.switcher`: the language switcher and the languages' names;
- :mod:`.ui_catalog`: the theme UI catalog (``sphinx.pot``, rebuilds on change);
- :mod:`.search_chinese`: Sphinx's Chinese search, fixed to work in the browser (when left to Sphinx);
- :mod:`.search_languages`: the project's search analysers by language (Korean stems, CJK bigrams);
- :mod:`.rendered`: what each page renders (its messages, those shown translated), the
  English text in a translated page marked with its language;
- :mod:`.state`: translation state per page (banner, switcher marks, hreflang, ``<meta>``);
- :mod:`.status_page`: the translation status page (``translation-status.html``);
- :mod:`.guard`: a translation cannot add HTML, script, directives or code, or change a link target;
- :mod:`.code_blocks`: code blocks that scroll take the keyboard's focus.

:mod:`.extraction` runs Sphinx's message extraction for the Markdown tools, and
:mod:`.compat` holds every use of a private Sphinx, MyST or docutils name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from docs_i18n import __version__
from docs_i18n.core import project
from docs_i18n.sphinx_ext import compat


def features() -> tuple[Any, ...]:
    """The feature modules, each with its own ``setup(app)`` (imported when Sphinx loads the extension)."""
    from docs_i18n.sphinx_ext import (
        code_blocks,
        frontmatter_meta,
        guard,
        locale_dirs,
        parsing,
        rendered,
        search_chinese,
        search_languages,
        state,
        status_page,
        switcher,
        templates,
        ui_catalog,
    )

    return (
        locale_dirs,
        parsing,
        frontmatter_meta,
        templates,
        switcher,
        ui_catalog,
        search_chinese,
        search_languages,
        rendered,
        state,
        status_page,
        guard,
        code_blocks,
    )


def code_fingerprint() -> str:
    """Hash of this package's code: stored as an ``env`` config value, so a change to
    the tooling re-reads every page instead of reusing stale doctrees."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("i18n_code_fingerprint", code_fingerprint(), "env", types=frozenset({str}))
    default = project.DEFAULT_SOURCE_LANGUAGE
    app.add_config_value("i18n_languages", [default], "env", types=frozenset({list}))
    app.add_config_value("i18n_source_language", default, "env", types=frozenset({str}))
    for feature in features():
        feature.setup(app)
    compat.install_myst_settings_cache()
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
