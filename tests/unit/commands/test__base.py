"""What every command shares (``commands/_base.py``): argument types, defaults, the folder of conf.py."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from docs_i18n.commands import _base
from docs_i18n.core.errors import InputError


def test_a_path_option_given_wins_over_its_default(tmp_path: Path) -> None:
    assert _base.or_default(None, tmp_path / "source") == tmp_path / "source"
    assert _base.or_default(Path("other"), tmp_path / "source") == Path("other")


def test_language_and_page_arguments_are_checked_before_anything_is_read() -> None:
    assert _base.language_argument("ko") == "ko"
    with pytest.raises(argparse.ArgumentTypeError):
        _base.language_argument("../ko")
    assert _base.page_argument("providers/litellm.md") == "providers/litellm.md"
    with pytest.raises(argparse.ArgumentTypeError):
        _base.page_argument("../secrets.md")


def test_conf_py_is_found_beside_or_inside_the_source_folder(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    with pytest.raises(InputError, match="pass --conf DIR"):
        _base.conf_dir(source, None)
    (source / "conf.py").write_text("", encoding="utf-8")
    assert _base.conf_dir(source, None) == source.resolve()
    (tmp_path / "conf.py").write_text("", encoding="utf-8")
    assert _base.conf_dir(source, None) == tmp_path.resolve()  # beside it first
    assert _base.conf_dir(source, tmp_path / "given") == tmp_path / "given"


def test_translation_languages_are_the_catalogs_but_never_the_source_language(tiny_project: Path) -> None:
    locale = tiny_project / "locale"
    assert _base.translation_languages(tiny_project, locale, None) == ["ko"]
    with pytest.raises(InputError, match="'en' is the source language"):
        _base.translation_languages(tiny_project, locale, ["en"])
