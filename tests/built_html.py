"""A tiny HTML build as the publishing commands find it (the unit tests of landing, sitemap and site)."""

from __future__ import annotations

from pathlib import Path

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
