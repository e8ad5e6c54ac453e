"""The language switcher's links (``sphinx_ext/switcher.py``)."""

from __future__ import annotations

from docs_i18n.sphinx_ext import switcher


def test_links_between_language_folders() -> None:
    assert switcher.root_href("providers/litellm") == "../../"
    assert switcher.page_href("providers/litellm", "zh_CN", "index") == "../../zh_CN/index.html"
    assert switcher.page_href("index", "zh_CN", "index", pattern="{tag}/latest/") == "../../zh-cn/latest/index.html"
