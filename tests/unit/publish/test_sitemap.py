"""``sitemap.xml`` (``publish/sitemap.py``), from a built tree made here."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.publish import sitemap

BASE = "https://docs.example.org/openclaw/"
NS = {"s": sitemap.SITEMAP_NS, "x": sitemap.XHTML_NS}


def build(tmp_path: Path, pages: dict[str, str]) -> tuple[Path, Path]:
    out, source = tmp_path / "html", tmp_path / "source"
    for name in ("index.md", "guide.md"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text("# x\n", encoding="utf-8")
    for path, head in pages.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(f"<html><head>{head}</head><body></body></html>", encoding="utf-8")
    return out, source


def test_every_built_page_with_its_alternates_and_noindex_pages_left_out(tmp_path: Path) -> None:
    noindex = '<meta name="robots" content="noindex, follow">'
    out, source = build(
        tmp_path, {"en/index.html": "", "ko/index.html": "", "en/guide.html": "", "ko/guide.html": noindex}
    )
    path, count = sitemap.write_sitemap(out, source, ["en", "ko"], BASE)
    assert count == 3
    root = ET.parse(path).getroot()
    locations = [url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)]
    assert locations == [BASE + "en/guide.html", BASE + "en/index.html", BASE + "ko/index.html"]
    home = root.findall("s:url", NS)[1]
    links = {link.get("hreflang"): link.get("href") for link in home.findall("x:link", NS)}
    assert links == {"en": BASE + "en/index.html", "ko": BASE + "ko/index.html", "x-default": BASE}


def test_nothing_built_is_an_error(tmp_path: Path) -> None:
    out, source = build(tmp_path, {})
    with pytest.raises(InputError, match="no built page found"):
        sitemap.write_sitemap(out, source, ["en"], BASE)
