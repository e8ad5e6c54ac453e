"""Class 4: a catalog that cannot be read whole, and compiled catalogs (``.mo``) left behind.

One invalid escape (``\\q``) anywhere in a catalog used to make the checks skip it
while Babel compiled it anyway, so a build without ``-W`` shipped its payload; and
Sphinx keeps using an old ``.mo`` when it cannot compile the ``.po``. A catalog that
cannot be read whole is refused whole (English UI or English page, with a warning at
the line), and no ``.mo`` is ever used: what is built is what the ``.po`` says.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hostile import (
    GUIDE,
    UI,
    attack,
    build,
    catalog_digests,
    check,
    copy,
    elements,
    line_containing,
    payload_hits,
    set_msgstr,
    warned_at,
    written,
)

from conftest import run_cli

PAYLOADS = ("alert(140", "onfocus")
UI_PAYLOAD = '언어" autofocus onfocus="alert(1401)" x="'
PAGE_PAYLOAD = "빠른 시작 <script>alert(1402)</script>"


def break_escape(po: Path, msgid: str) -> int:
    """Put an invalid escape (``\\q``) into *msgid*'s translation; return its line."""
    text = po.read_text(encoding="utf-8")
    start = text.index(f'msgid "{msgid}"')
    end = text.index("\n", text.index("msgstr ", start))
    po.write_text(text[: end - 1] + '\\q"' + text[end:], encoding="utf-8")
    return line_containing(po, '\\q"')


@pytest.fixture(scope="module")
def unreadable(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = copy(tmp_path_factory.mktemp("unreadable"))
    set_msgstr(project / UI, "Languages", UI_PAYLOAD)
    set_msgstr(project / GUIDE, "Quick start", PAGE_PAYLOAD)
    lines = {UI: break_escape(project / UI, "Expand"), GUIDE: break_escape(project / GUIDE, "Via onboarding")}
    return {**attack(project, tmp_path_factory.mktemp("out")), "lines": lines}


def test_the_strict_build_fails_at_the_bad_line(unreadable: dict) -> None:
    assert unreadable["strict"].code != 0
    for catalog, line in unreadable["lines"].items():
        found = warned_at(unreadable["strict"], unreadable["project"] / catalog, line)
        # the guard and the status reader both name path:line (one way of showing paths)
        assert any("catalog refused: invalid escape sequence '\\q'" in w for w in found), unreadable["strict"].err


def test_without_w_the_whole_catalog_is_refused(unreadable: dict) -> None:
    assert unreadable["preview"].code == 0, unreadable["preview"].err
    assert payload_hits(unreadable["site"], PAYLOADS) == []
    pages = written(unreadable["site"])
    guide = pages["providers/litellm.html"]
    # the page catalog is refused whole: not one of its clean translations is used
    assert "빠른 시작" not in guide and "Quick start" in guide and "Start LiteLLM Proxy:" in guide
    # the UI catalog too: English, or Sphinx's own translations
    assert "<span>Back to top</span>" in guide and "맨 위로" not in guide
    navs = [a for tag, a in elements(guide) if tag == "nav" and "i18n-switcher" in (a.get("class") or "").split()]
    assert len(navs) == 2 and all(nav["aria-label"] == "Languages" for nav in navs)  # the header's and the sidebar's


def test_the_page_says_it_is_shown_in_english(unreadable: dict) -> None:
    guide = written(unreadable["site"])["providers/litellm.html"]
    meta = {a.get("name"): a.get("content") for tag, a in elements(guide) if tag == "meta"}
    assert meta["x-i18n-state"] == "unknown" and meta["x-i18n-reader-state"] == "untranslated"
    assert "i18n-banner-untranslated" in guide


def test_check_and_status_report_the_catalog(unreadable: dict) -> None:
    project = unreadable["project"]
    result = check(project, "--lang", "ko")
    assert result.code == 2
    for catalog, line in unreadable["lines"].items():
        assert f"{catalog}:{line}: invalid escape sequence '\\q'" in result.err
    status = run_cli("status", "--lang", "ko", root=project)
    assert status.code == 2
    assert f"{GUIDE}:{unreadable['lines'][GUIDE]}: invalid escape sequence" in status.err  # relative to the project
    assert catalog_digests(project) == unreadable["before"]


def test_an_incremental_build_repeats_the_refusal(tmp_path: Path) -> None:
    project = copy(tmp_path)
    out = tmp_path / "out"
    assert build(project, out, strict=True).code == 0
    set_msgstr(project / GUIDE, "Quick start", PAGE_PAYLOAD)
    text = (project / GUIDE).read_text(encoding="utf-8")  # a line Babel skips: it compiles the rest
    (project / GUIDE).write_text(text.replace('msgid "Via onboarding"', 'garbage\nmsgid "Via onboarding"'), "utf-8")
    again = build(project, out, strict=False)
    assert again.code == 0
    assert "catalog refused: unexpected text 'garbage'" in again.err
    assert payload_hits(out / "ko", PAYLOADS) == []
    assert "빠른 시작" not in written(out / "ko")["providers/litellm.html"]


def compile_mo(po: Path, mo: Path) -> None:
    subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True, capture_output=True)


@pytest.mark.parametrize("catalog", [UI, GUIDE])
def test_a_compiled_catalog_is_never_used(tmp_path: Path, catalog: str) -> None:
    """A hostile ``.mo`` newer than its clean ``.po`` (Sphinx would not recompile it), and one with no ``.po``."""
    project = copy(tmp_path)
    po = project / catalog
    hostile = tmp_path / "hostile.po"
    hostile.write_text(po.read_text(encoding="utf-8"), encoding="utf-8")
    set_msgstr(hostile, "Languages" if catalog == UI else "Quick start", UI_PAYLOAD if catalog == UI else PAGE_PAYLOAD)
    compile_mo(hostile, po.with_suffix(".mo"))
    old = po.stat().st_mtime - 3600
    os.utime(po, (old, old))
    result = build(project, tmp_path / "out", strict=True)
    assert result.code == 0, result.err
    assert payload_hits(tmp_path / "out" / "ko", PAYLOADS) == []
    po.unlink()  # the catalog is gone, its compiled copy is not
    result = build(project, tmp_path / "out2", strict=False)
    assert result.code == 0, result.err
    assert payload_hits(tmp_path / "out2" / "ko", PAYLOADS) == []
