"""Directional marks are text in right-to-left languages, never controls elsewhere.

A Persian or Arabic sentence with a Latin name or a number in it needs U+200F (right-to-left
mark), U+200E (left-to-right mark) or U+061C (Arabic letter mark) to keep its punctuation in
place: they are allowed in the running text of a right-to-left language (``core.languages``
knows which, from CLDR), and nowhere else: not in code spans, URLs, an image's text or the
theme's strings, and not in a left-to-right language. Embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069) reorder what follows them and stay refused everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import po_string

from conftest import LANGUAGES, run_cli, sphinx_build
from docs_i18n.checks.markup import HTML
from docs_i18n.checks.rules import compare, guard_findings
from docs_i18n.core import languages

TITLE = "OpenClaw model provider guides"  # the home page's title (index.md)
PERSIAN = "راهنمای\u200f ارائه\u200cدهندگان مدل\u200f OpenClaw"
ARABIC = "أدلة\u200f مزودي النماذج\u061c لـ\u200e OpenClaw"
RLM = "\u200f"


def characters(msgid: str, msgstr: str, lang: str, **options: object) -> list[str]:
    return [f.message for f in compare(msgid, msgstr, lang=lang, checks=["characters"], **options)]


@pytest.mark.parametrize(("lang", "text"), [("fa", PERSIAN), ("ar", ARABIC), ("he", f"מדריכים{RLM} ל-OpenClaw")])
def test_marks_between_words_are_text_in_right_to_left_languages(lang: str, text: str) -> None:
    assert languages.is_right_to_left(lang)
    assert characters(TITLE, text, lang) == []
    assert guard_findings(TITLE, text, lang=lang) == []  # the build's rules agree


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Use `LITELLM_API_KEY` here.", f"از `LITELLM_API_KEY{RLM}` استفاده کنید."),  # in a code span
        ("[LiteLLM Docs](https://docs.litellm.ai)", f"[مستندات](https://docs.litellm.ai/{RLM})"),  # in a URL
        ("![OpenClaw](logo.png)", f"![لوگوی{RLM} OpenClaw](logo.png)"),  # an image's text: its alt attribute
        ('[Docs](https://docs.litellm.ai "LiteLLM")', f'[مستندات](https://docs.litellm.ai "LiteLLM{RLM}")'),  # title
    ],
)
def test_a_mark_outside_running_text_is_refused(msgid: str, msgstr: str) -> None:
    found = characters(msgid, msgstr, "fa")
    assert found and "U+200F RIGHT-TO-LEFT MARK" in found[0]
    assert any(f.check == "characters" for f in guard_findings(msgid, msgstr, lang="fa"))


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"])
def test_embeddings_overrides_and_isolates_stay_refused(control: str) -> None:
    found = characters(TITLE, f"راهنمای {control}OpenClaw", "fa")
    assert len(found) == 1 and f"U+{ord(control):04X}" in found[0]


@pytest.mark.parametrize("lang", ["ko", "ja", "zh_CN", "en", "xx"])
def test_a_mark_in_a_left_to_right_language_is_refused(lang: str) -> None:
    found = characters(TITLE, f"OpenClaw{RLM} 모델 제공자 가이드", lang)
    assert found and "U+200F RIGHT-TO-LEFT MARK" in found[0]


def test_a_mark_in_a_theme_string_is_refused() -> None:
    assert characters("Languages", f"زبان‌ها{RLM}", "fa", mode=HTML)  # put into attributes by the templates


def catalog(lang: str, msgstr: str) -> str:
    return (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {lang}\\n"\n\nmsgid {po_string(TITLE)}\nmsgstr {po_string(msgstr)}\n'
    )


def test_check_accepts_marks_in_persian_and_arabic_and_refuses_them_in_korean(project: Path) -> None:
    for lang, text in (("fa", PERSIAN), ("ar", ARABIC)):
        folder = project / "locale" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)  # conf.py's languages have their catalogs
        (folder / "index.po").write_text(catalog(lang, text), encoding="utf-8")
    result = run_cli("check", "--lang", "fa", "--lang", "ar", root=project)
    assert result.code == 0, result.out + result.err
    korean = project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    korean.write_text(catalog("ko", f"OpenClaw{RLM} 모델 제공자 가이드"), encoding="utf-8")
    result = run_cli("check", "--lang", "ko", root=project)
    assert result.code == 1
    assert "locale/ko/LC_MESSAGES/index.po:6: [characters]" in result.out and "U+200F" in result.out


@pytest.mark.parametrize(("lang", "text"), [("fa", PERSIAN), ("ar", ARABIC)])
def test_the_strict_build_keeps_marks_in_persian_and_arabic(
    project: Path, tmp_path: Path, lang: str, text: str
) -> None:
    folder = project / "locale" / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.po").write_text(catalog(lang, text), encoding="utf-8")
    if lang not in LANGUAGES:
        with (project / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(f"\ni18n_languages = [*i18n_languages, {lang!r}]\n")
    result = sphinx_build(project, lang, tmp_path / "out")
    assert result.code == 0, result.err
    page = (tmp_path / "out" / lang / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{text}" in page  # the marks kept, as written
