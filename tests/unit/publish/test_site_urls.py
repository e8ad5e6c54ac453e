"""Where a built page lives (``publish/site_urls.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.publish import site_urls

BASE = "https://docs.example.org/openclaw/"


def test_pages_in_the_default_layout_and_read_the_docs() -> None:
    assert site_urls.page_url(BASE, "zh_CN", "providers/litellm.html") == BASE + "zh_CN/providers/litellm.html"
    assert site_urls.page_path("zh_CN", "index.html", "{tag}/latest/") == "zh-cn/latest/index.html"
    assert (site_urls.language_depth(), site_urls.language_depth("{tag}/latest/")) == (1, 2)


def test_x_default_is_the_root_chooser_only_for_the_home_page_of_the_default_layout() -> None:
    assert site_urls.x_default_path("index.html", "index.html", "en") == site_urls.CHOOSER_PATH
    assert site_urls.x_default_path("guide.html", "index.html", "en") == "en/guide.html"
    assert site_urls.x_default_path("index.html", "index.html", "en", "{tag}/latest/") == "en/latest/index.html"


@pytest.mark.parametrize("url", ["docs.example.org", "ftp://x.org/", "https://x.org/?q=1"])
def test_a_base_url_must_be_absolute_http(url: str) -> None:
    with pytest.raises(InputError):
        site_urls.normalize_base_url(url)


def test_a_base_url_ends_with_a_slash_and_placeholders_are_known() -> None:
    assert site_urls.normalize_base_url("https://x.org/docs") == "https://x.org/docs/"
    assert site_urls.is_placeholder(BASE) and not site_urls.is_placeholder("https://docs.openclaw.ai/")
