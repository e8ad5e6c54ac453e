"""Installed packages' folders (``core/upstream.py``), found without importing them."""

from __future__ import annotations

import sys

from docs_i18n.core import upstream


def test_an_installed_package_has_its_folder_and_is_not_imported() -> None:
    imported = "sphinx_intl" in sys.modules
    folder = upstream.package_dir("sphinx_intl")
    assert ("sphinx_intl" in sys.modules) == imported
    assert folder is not None and (folder / "__init__.py").is_file()
    assert upstream.package_dir("babel") == upstream.package_dir("babel")  # cached


def test_a_missing_package_or_a_plain_module_has_none() -> None:
    assert upstream.package_dir("docs_i18n_no_such_package") is None
    # a module that is not a package has no folder to hold data files
    assert upstream.package_dir("json.decoder") is None
