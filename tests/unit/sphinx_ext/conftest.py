"""The tiny project of the unit tests, as a build reads it (``locale_dirs = []``: catalogs by ``i18n_locale_dirs``)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def sphinx_project(tiny_project: Path) -> Path:
    conf = tiny_project / "conf.py"
    conf.write_text(conf.read_text("utf-8") + "locale_dirs = []\n", "utf-8")
    return tiny_project
