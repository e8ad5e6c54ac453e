"""Class 6: a header gettext cannot use (``Plural-Forms``, charset), which silently drops the catalog.

gettext rejects a catalog with an invalid ``Plural-Forms``, ``sphinx.locale`` swallows
the error, and the page was built in English while its ``<meta>``, the status page and
``status`` said current, 100%. An invalid header is now an error everywhere: the
build (``path:line``; the page says it is shown in English), ``status`` and ``check``.
"""

from __future__ import annotations

import pytest
from hostile import (
    GUIDE,
    UI,
    attack,
    catalog_digests,
    check,
    copy,
    elements,
    line_containing,
    warned_at,
    written,
)

from conftest import run_cli

HEADERS = {  # catalog -> (header line now, hostile header line, what the error says)
    GUIDE: (
        '"Plural-Forms: nplurals=1; plural=0;\\n"',
        '"Plural-Forms: nplurals=1; plural=n != 1;\\n"',
        "invalid header: Plural-Forms expression 'n != 1' gives form 1, beyond nplurals=1",
    ),
    UI: (
        '"Content-Type: text/plain; charset=utf-8\\n"',
        '"Content-Type: text/plain; charset=ISO-8859-1\\n"',
        "the header declares charset 'ISO-8859-1'; catalogs are read as UTF-8",
    ),
}
SYNTAX = '"Plural-Forms: nplurals=2; plural=(n > 1;\\n"'


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = copy(tmp_path_factory.mktemp("bad-header"))
    lines = {}
    for catalog, (now, hostile, _says) in HEADERS.items():
        po = project / catalog
        text = po.read_text(encoding="utf-8")
        assert now in text
        po.write_text(text.replace(now, hostile), encoding="utf-8")
        lines[catalog] = line_containing(po, hostile[1:20])
    return {**attack(project, tmp_path_factory.mktemp("out")), "lines": lines}


def test_the_strict_build_fails_at_the_header_line(case: dict) -> None:
    assert case["strict"].code != 0
    for catalog, (_now, _hostile, says) in HEADERS.items():
        found = warned_at(case["strict"], case["project"] / catalog, case["lines"][catalog])
        assert found and says in found[0], case["strict"].err


def test_the_page_says_what_the_reader_sees(case: dict) -> None:
    assert case["preview"].code == 0, case["preview"].err
    pages = written(case["site"])
    guide = pages["providers/litellm.html"]
    assert "빠른 시작" not in guide and "Quick start" in guide
    meta = {a.get("name"): a.get("content") for tag, a in elements(guide) if tag == "meta"}
    # the catalog cannot be used: its state is unknown, and every message is shown in English
    assert meta["x-i18n-state"] == "unknown" and meta["x-i18n-reader-state"] == "untranslated"
    assert meta["x-i18n-percent-translated"] == "0.0"
    assert "i18n-banner-untranslated" in guide
    table = elements(pages["translation-status.html"])
    row = next(i for i, (tag, a) in enumerate(table) if tag == "tr" and a.get("data-page") == "providers/litellm.md")
    cell = next(a for tag, a in table[row:] if tag == "td" and a.get("data-lang") == "ko")
    assert cell.get("data-state") == "unknown" and cell.get("data-reader-state") == "untranslated"
    assert cell.get("data-percent") == "0.0"
    assert "<span>Back to top</span>" in guide  # the UI catalog is refused too


def test_status_and_check_report_the_header(case: dict) -> None:
    project = case["project"]
    status = run_cli("status", "--lang", "ko", "--strict", root=project)
    assert status.code == 2
    check_result = check(project, "--lang", "ko")
    assert check_result.code == 2
    for catalog, (_now, _hostile, says) in HEADERS.items():
        line = case["lines"][catalog]
        assert f"{catalog}:{line}: {says}" in status.err  # run from the project: relative paths
        assert f"{catalog}:{line}: {says}" in check_result.err
    assert catalog_digests(project) == case["before"]


def test_a_plural_rule_gettext_cannot_compile_is_an_error(tmp_path) -> None:  # noqa: ANN001
    project = copy(tmp_path)
    po = project / GUIDE
    po.write_text(po.read_text(encoding="utf-8").replace(HEADERS[GUIDE][0], SYNTAX), encoding="utf-8")
    result = run_cli("status", "--lang", "ko", root=project)
    assert result.code == 2
    assert f"{GUIDE}:{line_containing(po, 'Plural-Forms')}: invalid header: Plural-Forms expression" in result.err
