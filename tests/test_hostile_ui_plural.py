"""Class 2: a payload smuggled in the plural forms of a UI message the templates use in the singular.

``gettext("Back to top")`` falls back to a plural entry's form ``plural(1)``, and the
translator writes both ``msgid_plural`` (what a naive check compares form 1 with) and
the header's plural rule. Two shapes: the form every count uses (``nplurals=1``), and
``msgstr[0] ""`` with the payload in ``msgstr[1]`` under ``plural=1``. Sphinx's scripts
(``translations.js``) read plural entries too: ``_()`` takes form 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import (
    UI,
    attack,
    catalog_digests,
    check,
    copy,
    event_handlers,
    line_of,
    node_translations,
    payload_hits,
    po_string,
    replace_entry,
    warned_at,
    written,
)

from docs_i18n.publish import notfound

IMG = "<img src=x onerror=alert(1201)>"
PAYLOADS = ("alert(120", "onerror")
SEARCH_FINISHED = "Search finished, found one page matching the search query."


def plural_entry(msgid: str, plural: str, forms: list[str]) -> str:
    lines = [f"msgid {po_string(msgid)}", f"msgid_plural {po_string(plural)}"]
    return "\n".join(lines + [f"msgstr[{i}] {po_string(form)}" for i, form in enumerate(forms)])


@pytest.fixture(scope="module")
def one_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``nplurals=1`` (the Korean header): the payload is the only form."""
    project = copy(tmp_path_factory.mktemp("plural-one"))
    po = project / UI
    replace_entry(po, "Back to top", plural_entry("Back to top", IMG, [f"맨 위로{IMG}"]))
    replace_entry(po, "Page not found", plural_entry("Page not found", IMG, [f"없음{IMG}"]))
    replace_entry(po, "Languages", plural_entry("Languages", "Languages", ["언어<img src=x onerror=alert(1202)>"]))
    return project


@pytest.fixture(scope="module")
def second_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``nplurals=2; plural=1``: form 0 empty, the payload in form 1 (what ``gettext`` serves)."""
    project = copy(tmp_path_factory.mktemp("plural-two"))
    po = project / UI
    english_plural = "Search finished, found ${resultCount} pages matching the search query."
    korean = "검색을 마쳤습니다. 검색어와 일치하는 페이지를 ${resultCount}개 찾았습니다."
    script = "<img src=x onerror=alert(1203)>"
    edits = {  # raw text, since every step between the old and the new header is inconsistent
        "nplurals=1; plural=0;": "nplurals=2; plural=1;",
        f"msgstr[0] {po_string(korean)}": f"msgstr[0] {po_string(korean)}\nmsgstr[1] {po_string(korean)}",
        'msgid "Back to top"\nmsgstr "맨 위로"': plural_entry("Back to top", IMG, ["", f"맨 위로{IMG}"]),
        'msgid "Page not found"\nmsgstr "페이지를 찾을 수 없습니다"': plural_entry("Page not found", IMG, ["", IMG]),
    }
    text = po.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    po.write_text(text + "\n" + plural_entry("Hide Search Matches", script, [script, script]) + "\n", encoding="utf-8")
    assert english_plural in text
    return project


@pytest.fixture(scope="module", params=["one_form", "second_form"])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = request.getfixturevalue(request.param)
    return attack(project, tmp_path_factory.mktemp("out"))


def test_the_strict_build_fails_at_the_plural_entry(case: dict) -> None:
    po = case["project"] / UI
    assert case["strict"].code != 0
    found = warned_at(case["strict"], po, line_of(po, "Back to top"))
    assert found and "[plural] a plural entry for a message the templates translate in the singular" in found[0]


def test_without_w_no_byte_of_the_payload_is_written(case: dict) -> None:
    assert case["preview"].code == 0, case["preview"].err
    assert payload_hits(case["site"], PAYLOADS) == []
    assert event_handlers(case["site"]) == []
    page = written(case["site"])["providers/litellm.html"]
    assert "<span>Back to top</span>" in page  # neither the project's form nor Sphinx's (none): the English


def test_translations_js_has_no_plural_entry_for_a_singular_string(case: dict) -> None:
    messages = node_translations(case["site"] / "_static" / "translations.js")["messages"]
    assert messages["Hide Search Matches"] == "검색 일치 숨기기"  # Sphinx's own translation
    assert isinstance(messages[SEARCH_FINISHED], list) and "${resultCount}" in messages[SEARCH_FINISHED][0]


def test_the_404_page_does_not_use_the_plural_entry(case: dict) -> None:
    warnings: list[str] = []
    page = notfound.render_404(
        case["project"] / "source" / "_templates", case["project"] / "locale", ["en", "ko"], None, warn=warnings.append
    )
    assert not [p for p in PAYLOADS if p in page]
    assert any("[plural]" in w for w in warnings), warnings


def test_check_reports_the_plural_entry_and_changes_nothing(case: dict) -> None:
    result = check(case["project"], "--lang", "ko")
    assert result.code == 1
    assert f"{UI}:{line_of(case['project'] / UI, 'Back to top')}: [plural]" in result.out, result.out
    assert catalog_digests(case["project"]) == case["before"]
