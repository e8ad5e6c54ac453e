"""The build guarantee: injected translations are refused with ``catalog:line`` and never reach HTML.

One temporary copy of the project gets every injection at once (each in its own
message, each asserted separately); it is built strict, rebuilt, and built
non-strict. The real project (``built_site``) must still build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import copy_project, sphinx_build
from docs_i18n.core import pofile

GUIDE = "locale/ko/LC_MESSAGES/providers/litellm.po"
INDEX = "locale/ko/LC_MESSAGES/index.po"
UI = "locale/ko/LC_MESSAGES/sphinx.po"
ROLE_MSGID = "See {doc}`concepts/model-providers` for the basics."

# (catalog, msgid, injected msgstr, check, what the warning says)
INJECTIONS = {
    "script": (GUIDE, "Quick start", "빠른 시작 <script>alert('script')</script>", "html", "adds raw HTML"),
    "img onerror": (GUIDE, "Via onboarding", "온보딩 <img src=x onerror=alert('img')>", "html", "<img src=x onerror"),
    "javascript link": (
        GUIDE,
        "Manual setup",
        "[수동 설정](javascript:alert('js'))",
        "links",
        "adds a javascript: URL",
    ),
    "changed URL": (
        GUIDE,
        "[LiteLLM Docs](https://docs.litellm.ai)",
        "[LiteLLM 문서](https://evil.example/docs)",
        "links",
        "added 'https://evil.example/docs'",
    ),
    "raw directive": (
        GUIDE,
        "Start LiteLLM Proxy:",
        "LiteLLM 프록시를 시작합니다:\n\n```{raw} html\n<script>alert('raw')</script>\n```",
        "directives",
        "adds a directive that the English does not have: {raw}",
    ),
    "eval-rst block": (
        GUIDE,
        "Point OpenClaw to LiteLLM:",
        "```{eval-rst}\n.. role:: r(raw)\n   :format: html\n\nA :r:`<script>alert('evalrst')</script>` B\n```",
        "directives",
        "{eval-rst}",
    ),
    "front-matter summary": (
        GUIDE,
        "Run OpenClaw through LiteLLM Proxy for unified model access and cost tracking",
        "요약 <script>alert('meta')</script>",
        "html",
        "adds raw HTML",
    ),
    "theme UI string": (UI, "Back to top", "맨 위로<script>alert('ui')</script>", "html", "adds raw HTML"),
    "cross-reference target (doctree check)": (
        INDEX,
        ROLE_MSGID,
        "기본 사항은 {doc}`providers/litellm`을 보세요.",
        "markup",
        "changes pending_xref: reftarget 'concepts/model-providers' -> 'providers/litellm'",
    ),
}
PAYLOADS = ("alert(", "evil.example")


def set_msgstr(po: Path, msgid: str, msgstr: str) -> None:
    with po.open("rb") as handle:
        catalog = read_po(handle)
    if msgid not in catalog:
        catalog.add(msgid)
    catalog[msgid].string = msgstr
    with po.open("wb") as handle:
        write_po(handle, catalog, width=76)


def msgid_line(po: Path, msgid: str) -> int:
    return next(e.line for e in pofile.read(po).messages() if e.msgid == msgid)


def payloads_in(site: Path) -> list[str]:
    return [
        f"{path.name}: {payload}"
        for path in site.rglob("*")
        if path.suffix in (".html", ".js")
        for payload in PAYLOADS
        if payload in path.read_text(encoding="utf-8")
    ]


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("guard") / "project")
    index = project / "source" / "index.md"
    index.write_text(index.read_text().replace("```{toctree}", f"{ROLE_MSGID}\n\n```{{toctree}}"))
    for catalog, msgid, msgstr, _check, _says in INJECTIONS.values():
        set_msgstr(project / catalog, msgid, msgstr)
    return project


@pytest.fixture(scope="module")
def strict_build(injected: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("strict")
    return out, sphinx_build(injected, "ko", out)


def refused_messages(err: str) -> set[str]:
    """The catalog lines of the guard's warnings (one message may be refused for several reasons)."""
    return {line.split(": WARNING:")[0] for line in err.splitlines() if line.endswith("[i18n.guard]")}


def test_injected_build_fails(strict_build) -> None:
    _out, result = strict_build
    assert result.code != 0
    assert len(refused_messages(result.err)) == len(INJECTIONS)


@pytest.mark.parametrize("case", INJECTIONS)
def test_each_injection_is_refused_with_catalog_line(injected: Path, strict_build, case: str) -> None:
    catalog, msgid, _msgstr, check, says = INJECTIONS[case]
    where = f"{injected / catalog}:{msgid_line(injected / catalog, msgid)}: WARNING: translation of "
    lines = [line for line in strict_build[1].err.splitlines() if line.startswith(where)]
    assert lines, f"no warning at {where}\n{strict_build[1].err}"
    assert f"refused: [{check}] " in lines[0] and says in lines[0], lines[0]


def test_no_injection_reaches_the_html(strict_build) -> None:
    out, _result = strict_build
    assert (out / "ko" / "providers" / "litellm.html").is_file()
    assert payloads_in(out / "ko") == []


def test_the_english_text_is_shown_instead(strict_build) -> None:
    html = (strict_build[0] / "ko" / "providers" / "litellm.html").read_text(encoding="utf-8")
    assert "Quick start" in html and "Start LiteLLM Proxy:" in html
    assert 'href="https://docs.litellm.ai"' in html
    assert "빠른 시작" not in html


def test_a_rebuild_repeats_the_warnings(injected: Path, strict_build) -> None:
    out, _first = strict_build
    again = sphinx_build(injected, "ko", out)
    assert again.code != 0
    assert len(refused_messages(again.err)) == len(INJECTIONS)


def test_a_non_strict_build_falls_back_to_english(injected: Path, tmp_path: Path) -> None:
    result = sphinx_build(injected, "ko", tmp_path, strict=False)
    assert result.code == 0, result.err
    assert "[i18n.guard]" in result.err
    assert payloads_in(tmp_path / "ko") == []


def test_the_clean_project_builds_and_keeps_its_translations(built_site: Path) -> None:
    # built_site builds the real catalogs with -W: any guard warning would have failed it
    html = (built_site / "ko" / "providers" / "litellm.html").read_text(encoding="utf-8")
    assert "빠른 시작" in html and 'href="https://docs.litellm.ai"' in html
    assert "<script>alert" not in html
