"""Class 3: a payload in a string of Sphinx's scripts (``_static/translations.js``).

``sphinx_highlight.js`` inserts ``_("Hide Search Matches")`` as HTML on every page
opened from a search result, so its translation must pass the same checks as a
template's. And a ``sphinx.js`` in the project's catalogs folder, which Sphinx would
copy as ``translations.js`` (script on every page), is ignored with a warning.
"""

from __future__ import annotations

import pytest
from hostile import (
    UI,
    attack,
    catalog_digests,
    check,
    copy,
    line_of,
    node_translations,
    payload_hits,
    set_msgstr,
    warned_at,
)

ATTACKS = {
    "Hide Search Matches": "검색 일치 숨기기<img src=x onerror=alert(1301)>",
    "Searching": "검색 중&lt;img src=x onerror=alert(1302)&gt;",
    "Preparing search...": "검색 준비 중\u202e...",
}
SPHINX_JS = 'Documentation.addTranslations({"messages": {}, "plural_expr": "0", "locale": "ko"}); alert(1303);\n'
PAYLOADS = ("alert(130", "onerror", "\u202e")


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = copy(tmp_path_factory.mktemp("translations-js"))
    for msgid, msgstr in ATTACKS.items():
        set_msgstr(project / UI, msgid, msgstr)
    (project / UI).with_name("sphinx.js").write_text(SPHINX_JS, encoding="utf-8")
    return attack(project, tmp_path_factory.mktemp("out"))


def test_the_strict_build_fails_naming_each_string(case: dict) -> None:
    po = case["project"] / UI
    assert case["strict"].code != 0
    for msgid in ATTACKS:
        assert warned_at(case["strict"], po, line_of(po, msgid)), f"no warning for {msgid!r}\n{case['strict'].err}"
    assert f"{po.with_name('sphinx.js')}:0: WARNING: ignored: translations.js is made from" in case["strict"].err


def test_without_w_the_script_strings_are_sphinx_s_own(case: dict) -> None:
    assert case["preview"].code == 0, case["preview"].err
    assert payload_hits(case["site"], PAYLOADS) == []
    catalog = node_translations(case["site"] / "_static" / "translations.js")
    assert catalog["locale"] == "ko" and catalog["plural_expr"] == "0"
    assert catalog["messages"]["Hide Search Matches"] == "검색 일치 숨기기"
    assert catalog["messages"]["Searching"] == "검색 중"
    # the project's clean translation of a script string is still merged in
    assert catalog["messages"]["Search finished, found one page matching the search query."][0].startswith("검색을")


def test_the_file_is_only_the_translations_call(case: dict) -> None:
    text = (case["site"] / "_static" / "translations.js").read_text(encoding="utf-8")
    assert text.startswith("Documentation.addTranslations({") and text.endswith("});\n")
    assert text.count("Documentation.") == 1


def test_check_reports_each_and_no_file_changes(case: dict) -> None:
    result = check(case["project"], "--lang", "ko")
    assert result.code == 1
    lines = {f"{UI}:{line_of(case['project'] / UI, msgid)}:" for msgid in ATTACKS}
    assert all(line in result.out for line in lines), result.out
    assert "[characters]" in result.out and "[html]" in result.out
    assert catalog_digests(case["project"]) == case["before"]
