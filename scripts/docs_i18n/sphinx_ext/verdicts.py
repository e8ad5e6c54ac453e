"""What the build would refuse, for tools that write translations outside a build.

``export`` writes a catalog's translations into Markdown pages, and ``translate``
writes a model's suggestions into catalogs: neither may pass on a translation that
the build would show in English. :func:`refused` reads the pages of one language as
the build reads them (Sphinx's ``dummy`` builder: every transform, the guard
included, nothing written) and returns what the guard refused, with its reasons. It
is the build's own decision, not a copy of its rules.
"""

from __future__ import annotations

from pathlib import Path

from docs_i18n.sphinx_ext import guard, inprocess


def refused(source_dir: Path, confdir: Path, locale_dir: Path, lang: str) -> dict[str, dict[str, str]]:
    """docname -> {msgid: reason} for every translation the build of *lang* refuses (a page whose
    catalog is refused whole maps to no message; its catalog read raises on its own)."""
    overrides = {
        "language": lang,
        "locale_dirs": [str(Path(locale_dir).resolve())],
        "gettext_compact": False,
        "gettext_auto_build": False,
    }
    with inprocess.sphinx_app(Path(source_dir), Path(confdir), "dummy", overrides) as app:
        inprocess.build(app, Path(confdir))
        return guard.refusals(app.env)
