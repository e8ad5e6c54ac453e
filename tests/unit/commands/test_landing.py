"""``scripts/i18n landing`` in-process (``commands/landing.py``): its typed function called directly."""

from __future__ import annotations

from pathlib import Path

import pytest
from built_html import BASE, built

from docs_i18n.commands import landing


def test_landing_writes_the_root_chooser(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, _ = built(tmp_path)
    assert landing.write_landing(out=html, langs=["en", "ko"], base_url=BASE) == 0
    assert capsys.readouterr().out == f"wrote {html / 'index.html'}\n"
    page = (html / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" hreflang="ko" href="{BASE}ko/index.html">' in page
    assert '<a href="ko/index.html" hreflang="ko" lang="ko" dir="ltr">한국어</a>' in page
