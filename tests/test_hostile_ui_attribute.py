"""Class 1: a UI translation that breaks out of the attribute a template puts it in.

Sphinx's templates do not escape ``{{ _() }}``: ``aria-label="{{ _('Languages') }}"``
(the switcher), ``placeholder="{{ _("Search") }}"`` (the search box) and
``<link rel="search" title="{{ _('Search') }}">``. A translation with a quote would
add attributes, and a browser runs ``onfocus`` with ``autofocus``. Each payload is
refused (the theme falls back to Sphinx's translation or the English), with a
warning at its catalog line that fails ``-W``; ``check`` reports it; no file changes.
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
    elements,
    event_handlers,
    guard_warnings,
    line_of,
    payload_hits,
    set_msgstr,
    warned_at,
    written,
)

from docs_i18n.publish import notfound

ATTACKS = {  # msgid -> hostile msgstr
    "Languages": '언어" tabindex="0" autofocus onfocus="alert(1101)" x="',
    "Search the documentation": '문서 검색</label><input autofocus onfocus="alert(1105)">',
    "Search": "검색' onmouseover='alert(1102)' x='",
    "Toggle site navigation sidebar": "사이트 탐색 &quot; onfocus=&quot;alert(1103)",
    "Translation status": '번역 상태\\" onclick="alert(1104)',
}
PAYLOADS = ("alert(110", "onfocus", "onmouseover", "onclick", "autofocus")


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy(tmp_path_factory.mktemp("ui-attribute"))
    for msgid, msgstr in ATTACKS.items():
        set_msgstr(project / UI, msgid, msgstr)
    return project


@pytest.fixture(scope="module")
def builds(attacked: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return attack(attacked, tmp_path_factory.mktemp("out"))


def test_the_strict_build_fails_naming_each_catalog_line(attacked: Path, builds: dict) -> None:
    assert builds["strict"].code != 0
    for msgid in ATTACKS:
        found = warned_at(builds["strict"], attacked / UI, line_of(attacked / UI, msgid))
        assert found, f"no warning for {msgid!r}:\n{builds['strict'].err}"
        assert f"translation of {msgid!r} refused: [html]" in found[0]


def test_without_w_no_byte_of_the_payload_is_written(builds: dict) -> None:
    assert builds["preview"].code == 0, builds["preview"].err
    assert guard_warnings(builds["preview"])
    site = builds["site"]
    assert payload_hits(site, PAYLOADS) == []
    assert event_handlers(site) == []


def test_the_attributes_keep_an_untranslated_string(builds: dict) -> None:
    page = written(builds["site"])["providers/litellm.html"]
    tags = elements(page)
    switcher = next(attrs for tag, attrs in tags if tag == "nav" and attrs.get("class") == "i18n-switcher")
    assert switcher == {"class": "i18n-switcher", "aria-label": "Languages"}
    search_link = next(attrs for tag, attrs in tags if tag == "link" and attrs.get("rel") == "search")
    assert set(search_link) == {"rel", "title", "href"} and search_link["title"] == "검색"  # Sphinx's own
    box = next(attrs for tag, attrs in tags if tag == "input" and attrs.get("name") == "q")
    assert box["placeholder"] == "검색"
    # the other, clean, project translations are still used
    assert "맨 위로" in page


def test_the_404_page_uses_no_refused_string(attacked: Path) -> None:
    warnings: list[str] = []
    page = notfound.render_404(
        attacked / "source" / "_templates", attacked / "locale", ["en", "ko"], None, warn=warnings.append
    )
    assert not [p for p in PAYLOADS if p in page]
    assert not [a for _tag, attrs in elements(page) for a in attrs if a.startswith("on")]
    assert any("'Search the documentation' refused: [html]" in w for w in warnings), warnings
    assert "<h1>페이지를 찾을 수 없습니다</h1>" in page  # the clean translations are used


def test_check_reports_each_and_no_file_changes(attacked: Path, builds: dict) -> None:
    result = check(attacked, "--lang", "ko")
    assert result.code == 1
    for msgid in ATTACKS:
        assert f"{UI}:{line_of(attacked / UI, msgid)}: [html]" in result.out, result.out
    assert catalog_digests(attacked) == builds["before"]
