"""``landing``, ``sitemap``, ``site`` and ``rtd`` in-process (``commands/landing.py``, ``sitemap.py``,
``site.py``, ``rtd.py``): their typed functions called directly, as the command line calls them."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from docs_i18n.commands import landing, rtd, site, sitemap
from docs_i18n.core import project
from docs_i18n.core.errors import InputError

BASE = "https://docs.openclaw.test/guide/"
TEMPLATES = project.templates_folder(Path(__file__).resolve().parents[3])  # the project's own (404.html)
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


def test_landing_writes_the_root_chooser(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, _ = built(tmp_path)
    assert landing.write_landing(out=html, langs=["en", "ko"], base_url=BASE) == 0
    assert capsys.readouterr().out == f"wrote {html / 'index.html'}\n"
    page = (html / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" hreflang="ko" href="{BASE}ko/index.html">' in page
    assert '<a href="ko/index.html" hreflang="ko" lang="ko" dir="ltr">한국어</a>' in page


def test_sitemap_lists_each_page_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, source = built(tmp_path)
    assert sitemap.write_sitemap(out=html, base_url=BASE, langs=["en", "ko"], source=source) == 0
    assert capsys.readouterr().out == f"wrote {html / 'sitemap.xml'} (2 URLs)\n"
    text = (html / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}en/index.html</loc>" in text and f"<loc>{BASE}ko/index.html</loc>" in text


def test_site_assembles_the_languages_and_leaves_out_the_builds_own_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html, source = built(tmp_path)
    out = tmp_path / "site"
    options = dict(source=source, locale=tmp_path / "locale", templates=TEMPLATES, title="OpenClaw")
    code = site.assemble(html=html, out=out, langs=["en", "ko"], base_url=BASE, commit=None, preview=False, **options)
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0] == f"wrote {out}/: en, ko; 6 files"
    assert lines[1] == "left out: .buildinfo (2), _sources (2), objects.inv (2)"
    assert lines[2:] == [
        f"left out {lang}/gone.html: its English page is gone (a leftover of an earlier build)" for lang in ("en", "ko")
    ]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "404.html",
        "en/index.html",
        "index.html",
        "ko/index.html",
        "robots.txt",
        "sitemap.xml",
    ]


def test_site_refuses_a_placeholder_address_unless_a_preview(tmp_path: Path) -> None:
    html, source = built(tmp_path)
    options = dict(source=source, locale=tmp_path / "locale", templates=TEMPLATES, title="OpenClaw")
    placeholder = "https://docs.example.org/openclaw/"
    with pytest.raises(InputError, match="is a placeholder"):
        site.assemble(
            html=html, out=tmp_path / "site", langs=["en"], base_url=placeholder, commit=None, preview=False, **options
        )
    assert not (tmp_path / "site").exists()
    assert (
        site.assemble(
            html=html, out=tmp_path / "site", langs=["en"], base_url=placeholder, commit=None, preview=True, **options
        )
        == 0
    )


def test_rtd_dry_run_prints_the_build_of_the_language_asked_for(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rtd" / "html"
    environ = {"READTHEDOCS_LANGUAGE": "en", "READTHEDOCS_OUTPUT": str(tmp_path / "unused")}
    assert rtd.build_on_rtd(tiny_project, lang="ko", out=out, dry_run=True, environ=environ) == 0
    first, command = capsys.readouterr().out.splitlines()
    assert first.startswith("Read the Docs build: ko at ")
    words = shlex.split(command)
    assert words[:3] == [sys.executable, "-m", "sphinx"]
    assert "language=ko" in words and words[-2:] == [str(tiny_project / "source"), str(out)]
    assert not out.exists()


def test_rtd_without_a_language_says_where_it_looks(tiny_project: Path) -> None:
    with pytest.raises(InputError, match="not set: run on Read the Docs, or give --lang"):
        rtd.build_on_rtd(tiny_project, lang=None, out=None, dry_run=True, environ={})
