"""Read the Docs builds (``publish/readthedocs.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.publish import readthedocs

LANGS = ["en", "ko", "ja", "zh_CN"]


@pytest.mark.parametrize(("code", "lang"), [("zh-cn", "zh_CN"), ("ZH_CN", "zh_CN"), ("ja-jp", "ja"), ("ko", "ko")])
def test_a_hosts_code_is_a_site_language(code: str, lang: str) -> None:
    assert readthedocs.site_language(code, LANGS) == lang


def test_an_unknown_code_is_an_error() -> None:
    with pytest.raises(InputError, match="'fr' is not a language of the site"):
        readthedocs.site_language("fr", LANGS)


def test_the_hosts_root_from_a_language_projects_url() -> None:
    assert readthedocs.site_root("https://h.org/ko/latest/", "ko", "{tag}/latest/") == "https://h.org/"
    assert readthedocs.site_root("https://h.org/docs/", "ko", "{tag}/latest/") is None
    assert readthedocs.site_root("", "ko", "{tag}/latest/") is None
