"""``scripts/i18n sitemap`` in-process (``commands/sitemap.py``): its typed function called directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.commands import sitemap

BASE = "https://docs.openclaw.test/guide/"
STATE = '<meta name="x-i18n-state" content="current">'


def built(tmp_path: Path, langs: tuple[str, ...] = ("en", "ko")) -> tuple[Path, Path]:
    """An HTML build of one page in *langs* (with what a build leaves for itself) and its English source."""
    html, source = tmp_path / "html", tmp_path / "source"
    source.mkdir()
    (source / "index.md").write_text("# Costs\n", encoding="utf-8")
    for lang in langs:
        (html / lang / "_sources").mkdir(parents=True)
        page = f'<html lang="{lang}"><head>{STATE}</head><body>{lang}</body></html>'
        (html / lang / "index.html").write_text(page, encoding="utf-8")
        (html / lang / "gone.html").write_text(page, encoding="utf-8")  # its English page is gone
        (html / lang / "objects.inv").write_bytes(b"inventory")
        (html / lang / ".buildinfo").write_text("build\n", encoding="utf-8")
        (html / lang / "_sources" / "index.md.txt").write_text("# Costs\n", encoding="utf-8")
    return html, source


def test_sitemap_lists_each_page_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, source = built(tmp_path)
    assert sitemap.write_sitemap(out=html, base_url=BASE, langs=["en", "ko"], source=source) == 0
    assert capsys.readouterr().out == f"wrote {html / 'sitemap.xml'} (2 URLs)\n"
    text = (html / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}en/index.html</loc>" in text and f"<loc>{BASE}ko/index.html</loc>" in text
