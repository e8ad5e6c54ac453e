"""``scripts/i18n sitemap`` in-process (``commands/sitemap.py``): its typed function called directly."""

from __future__ import annotations

from pathlib import Path

import pytest
from built_html import BASE, built

from docs_i18n.commands import sitemap


def test_sitemap_lists_each_page_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, source = built(tmp_path)
    assert sitemap.write_sitemap(out=html, base_url=BASE, langs=["en", "ko"], source=source) == 0
    assert capsys.readouterr().out == f"wrote {html / 'sitemap.xml'} (2 URLs)\n"
    text = (html / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}en/index.html</loc>" in text and f"<loc>{BASE}ko/index.html</loc>" in text
