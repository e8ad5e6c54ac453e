"""Language codes and the source-language guard (``core/languages.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import languages


def test_the_guard_drops_the_source_language_and_names_its_folder(tmp_path: Path) -> None:
    (tmp_path / "en" / "LC_MESSAGES").mkdir(parents=True)
    wanted, error = languages.source_guard(tmp_path, "en", ["ko"])
    assert wanted == ["ko"]
    assert error is not None and error.path == str(tmp_path / "en")
    assert "'en' is the source language (conf.py)" in error.message


def test_the_guard_refuses_the_source_language_named_without_a_folder(tmp_path: Path) -> None:
    assert languages.source_guard(tmp_path, "en", ["ko", "ja"]) == (["ko", "ja"], None)
    wanted, error = languages.source_guard(tmp_path, "en", ["en", "ko"], where="conf.py")
    assert wanted == ["ko"]
    assert error is not None
    assert error.shown() == "conf.py:0: 'en' is the source language (conf.py): its pages are not a translation"


@pytest.mark.parametrize(("code", "expected"), [("ja-JP", "ja"), ("zh-CN", "zh_CN"), ("ko", "ko")])
def test_folder_codes_map_to_catalog_languages(code: str, expected: str) -> None:
    assert languages.catalog_language(code) == expected
