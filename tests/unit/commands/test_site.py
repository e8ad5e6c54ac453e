"""``scripts/i18n site`` in-process (``commands/site.py``): its typed function called directly."""

from __future__ import annotations

from pathlib import Path

import pytest
from built_html import BASE, built

from docs_i18n.commands import site
from docs_i18n.core import project
from docs_i18n.core.errors import InputError

TEMPLATES = project.templates_folder(Path(__file__).resolve().parents[3])  # the project's own (404.html)


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
