"""The root page that chooses the reader's language (``publish/landing.py``)."""

from __future__ import annotations

import json
from pathlib import Path

from docs_i18n.publish import landing


def test_the_languages_as_the_chooser_reads_them() -> None:
    assert landing.site_languages(["en", "zh_CN"]) == [
        {"code": "en", "dir": "en", "tag": "en", "language": "en", "script": "latn"},
        {"code": "zh_CN", "dir": "zh_CN", "tag": "zh-cn", "language": "zh", "script": "hans"},
    ]
    assert landing.script_table(["zh_CN"])["zh"]["tw"] == "hant"


def test_json_in_a_script_cannot_close_it() -> None:
    text = landing.script_json({"a": "</script><script>alert(1)</script>"})
    assert "</script>" not in text and json.loads(text) == {"a": "</script><script>alert(1)</script>"}


def test_the_page_lists_the_built_languages_only(tmp_path: Path) -> None:
    for lang in ("en", "ko"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "index.html").write_text(
            '<html><head><link rel="icon" href="_static/favicon.svg"></head></html>', encoding="utf-8"
        )
    path = landing.write_landing(tmp_path, ["en", "ko", "ja"])
    page = path.read_text(encoding="utf-8")
    assert 'href="en/index.html"' in page and 'href="ko/index.html"' in page and "ja/index.html" not in page
    assert 'href="en/_static/favicon.svg"' in page
    assert 'hreflang="x-default" href="./"' in page
