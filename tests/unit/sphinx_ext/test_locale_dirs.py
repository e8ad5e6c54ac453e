"""Where the build finds the catalogs (``sphinx_ext/locale_dirs.py``)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.errors import ConfigError

from docs_i18n.sphinx_ext import locale_dirs


def test_the_catalog_folders_are_i18n_locale_dirs_below_the_source_folder(tmp_path: Path) -> None:
    config = SimpleNamespace(i18n_locale_dirs=["../locale", "extra"])
    found = locale_dirs.catalog_dirs(config, tmp_path / "source")  # type: ignore[arg-type]
    assert found == [tmp_path / "source" / "../locale", tmp_path / "source" / "extra"]


def test_a_build_with_sphinx_s_locale_dirs_stops() -> None:
    locale_dirs.refuse_sphinx_locale_dirs(None, SimpleNamespace(locale_dirs=[]))  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"locale_dirs is \['locales'\].*i18n_locale_dirs = \['locales'\]"):
        locale_dirs.refuse_sphinx_locale_dirs(None, SimpleNamespace(locale_dirs=["locales"]))  # type: ignore[arg-type]
