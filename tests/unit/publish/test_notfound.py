"""The site's ``404.html`` (``publish/notfound.py``), rendered from the project's own template."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core import project
from docs_i18n.publish import notfound

TEMPLATES = project.templates_folder(Path(__file__).resolve().parents[3])
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def ui_catalog(locale: Path, lang: str, entries: str) -> Path:
    path = locale / lang / "LC_MESSAGES" / "sphinx.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + entries, encoding="utf-8")
    return path


def test_each_language_has_its_section_and_every_link_is_below_the_base(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    ui_catalog(locale, "ko", 'msgid "Page not found"\nmsgstr "페이지를 찾을 수 없습니다"\n')
    warnings: list[str] = []
    page = notfound.render_404(TEMPLATES, locale, ["en", "ko"], "https://docs.openclaw.test/", warn=warnings.append)
    assert warnings == []
    assert '<base href="https://docs.openclaw.test/">' in page
    assert "Page not found" in page and "페이지를 찾을 수 없습니다" in page
    assert 'href="ko/index.html"' in page and 'href="en/index.html"' in page
    assert page.index('lang="en"') < page.index('lang="ko"')  # the first language first
    assert "<link" not in page.replace('<link rel="icon"', "")  # it loads nothing


def test_a_hostile_ui_translation_is_refused_and_warned_of(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    path = ui_catalog(locale, "ko", 'msgid "Page not found"\nmsgstr "<script>alert(1)</script>없음"\n')
    warnings: list[str] = []
    page = notfound.render_404(TEMPLATES, locale, ["en", "ko"], None, warn=warnings.append)
    assert "<script>alert(1)" not in page
    assert '<base href="/">' in page
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}:5: translation of 'Page not found' refused: [")


def test_the_source_language_is_never_translated(tmp_path: Path) -> None:
    gettext = notfound.ui_gettext(tmp_path, "en", "en", TEMPLATES)
    assert gettext("Page not found") == "Page not found"
    unknown = notfound.ui_gettext(tmp_path / "no-catalogs", "ko", "en", TEMPLATES)
    assert unknown("A string nobody translated") == "A string nobody translated"
