"""The tiny project of the unit tests, as a build reads it (``locale_dirs = []``: catalogs by ``i18n_locale_dirs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docs_i18n.sphinx_ext import inprocess


@pytest.fixture
def sphinx_project(tiny_project: Path) -> Path:
    conf = tiny_project / "conf.py"
    conf.write_text(conf.read_text("utf-8") + "locale_dirs = []\n", "utf-8")
    return tiny_project


def read_in(project: Path, lang: str) -> tuple[Any, dict[str, str]]:
    """The build environment after reading every page of *project* in *lang* (Sphinx's ``dummy``
    builder, in this process: every transform, nothing written), and each page's text as built."""
    texts: dict[str, str] = {}
    with inprocess.sphinx_app(project / "source", project, "dummy", {"language": lang}) as app:
        inprocess.build(app, project, lambda app, doctree, docname: texts.__setitem__(docname, doctree.astext()))
        return app.env, texts
