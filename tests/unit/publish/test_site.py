"""The published tree (``publish/site.py``), assembled from an HTML build made here."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import project
from docs_i18n.core.errors import InputError
from docs_i18n.publish import site

TEMPLATES = project.templates_folder(Path(__file__).resolve().parents[3])
BASE = "https://docs.openclaw.test/guide/"


def built(tmp_path: Path, commit: str | None = "abc123") -> tuple[Path, Path]:
    html, source = tmp_path / "html", tmp_path / "source"
    source.mkdir()
    (source / "index.md").write_text("# Costs\n", encoding="utf-8")
    for lang in ("en", "ko"):
        (html / lang / ".doctrees").mkdir(parents=True)
        (html / lang / "index.html").write_text(f"<html>{site.STATE_MARK.decode()}></html>", encoding="utf-8")
        (html / lang / "old.html").write_text(f"<html>{site.STATE_MARK.decode()}></html>", encoding="utf-8")
        (html / lang / "extra.html").write_text("<html>not built from a page</html>", encoding="utf-8")
        if commit:
            (html / lang / site.BUILD_INFO).write_text(f"commit: {commit}\n", encoding="utf-8")
    return html, source


def assemble(tmp_path: Path, html: Path, source: Path, **options: object) -> site.SiteReport:
    return site.assemble(html, tmp_path / "site", ["en", "ko"], source, TEMPLATES, tmp_path / "locale", **options)  # type: ignore[arg-type]


def test_robots_points_to_the_sitemap_only_with_a_base_url() -> None:
    assert site.render_robots(None).endswith("User-agent: *\nDisallow:\n")
    assert site.render_robots(BASE).endswith(f"\nSitemap: {BASE}sitemap.xml\n")


def test_the_site_holds_pages_not_what_the_build_keeps_for_itself(tmp_path: Path) -> None:
    html, source = built(tmp_path)
    report = assemble(tmp_path, html, source, base_url=BASE)
    files = sorted(p.relative_to(report.out).as_posix() for p in report.out.rglob("*") if p.is_file())
    assert files == [
        "404.html", "en/extra.html", "en/index.html", "index.html",
        "ko/extra.html", "ko/index.html", "robots.txt", "sitemap.xml",
    ]  # fmt: skip
    assert report.gone_pages == ["en/old.html", "ko/old.html"]
    assert report.left_out == {".doctrees": 2, site.BUILD_INFO: 2}
    assert report.files == len(files)


def test_a_second_assembly_replaces_the_first_whole(tmp_path: Path) -> None:
    html, source = built(tmp_path)
    first = assemble(tmp_path, html, source)
    (first.out / "stray.txt").write_text("left from before", encoding="utf-8")
    second = assemble(tmp_path, html, source)
    assert not (second.out / "stray.txt").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]  # no staging folder left


def test_folders_of_another_commit_or_none_are_refused(tmp_path: Path) -> None:
    html, source = built(tmp_path)
    assert site.built_commit(html / "ko") == "abc123"
    assert assemble(tmp_path, html, source, commit="abc123").langs == ["en", "ko"]
    with pytest.raises(InputError, match="'en' was built from commit abc123, not def456"):
        assemble(tmp_path, html, source, commit="def456")
    (html / "ko" / site.BUILD_INFO).unlink()
    with pytest.raises(InputError, match="'ko' records no commit"):
        site.check_commits(html, ["en", "ko"], "abc123")


def test_a_language_not_built_or_an_overlapping_output_is_refused(tmp_path: Path) -> None:
    html, source = built(tmp_path)
    with pytest.raises(InputError, match="language 'ja' is not built"):
        site.assemble(html, tmp_path / "site", ["en", "ja"], source, TEMPLATES, tmp_path / "locale")
    with pytest.raises(InputError, match="must be outside the HTML build"):
        site.assemble(html, html / "site", ["en"], source, TEMPLATES, tmp_path / "locale")
    with pytest.raises(InputError, match="is a placeholder"):
        site.assemble(
            html, tmp_path / "site", ["en"], source, TEMPLATES, tmp_path / "locale", "https://docs.example.org/"
        )
    assert not (tmp_path / "site").exists()
