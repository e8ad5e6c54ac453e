"""``scripts/i18n check``: every check on a failing and a passing fixture, exemptions, errors.

Fixtures (read only) are under ``tests/fixtures/check/``: ``pass/`` and ``fail/``
hold one catalog per check (``<check>.po``; the theme UI catalog ``sphinx.po`` is
checked as HTML), ``exempt/`` the exemption comments, ``broken/`` unreadable inputs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli
from docs_i18n.checks import glossary, rules
from docs_i18n.core import pofile
from docs_i18n.core.errors import InputError

CHECK = FIXTURES / "check"
PER_CHECK = [name for name in rules.CHECKS]


def run_json(tree: str, *args: str) -> tuple[int, dict]:
    result = run_cli("check", "--locale", CHECK / tree, "--format", "json", *args)
    return result.code, json.loads(result.out)


@pytest.fixture(scope="module")
def failing() -> dict:
    code, report = run_json("fail")
    assert code == 1
    return report


def msgid_lines(path: Path) -> list[int]:
    return [entry.line for entry in pofile.read(path).messages()]


def test_every_check_has_a_passing_and_a_failing_fixture() -> None:
    for tree in ("pass", "fail"):
        have = {p.stem for p in (CHECK / tree / "ko" / "LC_MESSAGES").glob("*.po")}
        assert set(PER_CHECK) <= have, f"{tree}: no fixture for {set(PER_CHECK) - have}"


def test_passing_fixtures_have_no_finding() -> None:
    result = run_cli("check", "--locale", CHECK / "pass")
    assert result.code == 0, result.out + result.err
    assert result.out.startswith("0 finding(s), 0 exempted, in 25 translated messages of 14 catalogs")


@pytest.mark.parametrize("check", PER_CHECK)
def test_each_failing_message_is_reported_by_its_check(failing: dict, check: str) -> None:
    path = CHECK / "fail" / "ko" / "LC_MESSAGES" / f"{check}.po"
    shown = path.relative_to(ROOT).as_posix()
    reported = {f["line"] for f in failing["findings"] if f["path"] == shown and f["check"] == check}
    assert reported == set(msgid_lines(path)), f"{check}: messages not reported"


def test_text_report_names_catalog_line_and_check() -> None:
    result = run_cli("check", "--locale", CHECK / "fail", "--lang", "ko")
    assert result.code == 1
    lines = result.out.splitlines()
    assert (
        "tests/fixtures/check/fail/ko/LC_MESSAGES/html.po:9: [html] "
        "adds raw HTML that the English does not have: </script>, <script>"
    ) in lines
    assert (
        "tests/fixtures/check/fail/ko/LC_MESSAGES/links.po:9: [links] link targets differ from the English: "
        "missing 'https://docs.litellm.ai'; added 'https://evil.example'"
    ) in lines
    assert "tests/fixtures/check/fail/ko/LC_MESSAGES/links.po:12: [links] adds a javascript: URL" in " ".join(lines)
    assert "[glossary] 'OpenClaw' must stay untranslated (glossary line 2)" in result.out
    assert "'virtual key' must be translated as '가상 키'" in result.out


def test_theme_ui_catalog_is_checked_as_html(failing: dict) -> None:
    ui = [f for f in failing["findings"] if f["path"].endswith("/sphinx.po")]
    assert {(f["line"], f["check"]) for f in ui} >= {(10, "html"), (13, "html")}
    assert any('<a href="https://evil.example">' in f["message"] for f in ui)


def test_fuzzy_and_untranslated_messages_are_not_checked() -> None:
    code, report = run_json("pass")
    assert code == 0
    assert not [f for f in report["findings"] if f["path"].endswith("skipped.po")]


def test_exemptions_are_applied_listed_and_refused_for_guarded_checks() -> None:
    result = run_cli("check", "--locale", CHECK / "exempt")
    assert result.code == 1
    path = "tests/fixtures/check/exempt/ko/LC_MESSAGES/exempt.po"
    assert f"  {path}:10: [glossary] applied -- the brand is transliterated on purpose" in result.out
    assert f"  {path}:14: [emphasis] unused" in result.out
    assert f"  {path}:18: [html] refused -- trust me" in result.out
    assert f"{path}:18: [html] adds raw HTML" in result.out
    assert "(cannot be exempted: the build refuses it)" in result.out
    assert f"{path}:22: [exemption] unknown check 'spelling'" in result.out
    # code spans are enforced by the build: only the maintainers' i18n-exemptions.toml can allow another one
    assert f"  {path}:26: [code-spans] refused -- the key is spelled out" in result.out
    findings = result.out.split("exemptions:")[0]
    assert "[glossary]" not in findings and f"{path}:26: [code-spans]" in findings
    assert "3 finding(s), 1 exempted" in result.out


def test_json_lists_exemptions() -> None:
    code, report = run_json("exempt")
    assert code == 1
    assert report["version"] == 1 and report["kind"] == "check"
    assert [(e["check"], e["status"]) for e in report["exemptions"]] == [
        ("glossary", "applied"),
        ("emphasis", "unused"),
        ("html", "refused"),
        ("code-spans", "refused"),
        ("whitespace", "unused"),
    ]
    assert report["counts"] == {"catalogs": 1, "messages": 5, "findings": 3}


def test_unreadable_inputs_exit_2_and_the_rest_is_still_checked() -> None:
    result = run_cli("check", "--locale", CHECK / "broken")
    assert result.code == 2
    assert "tests/fixtures/check/broken/ko/LC_MESSAGES/bad.po:2: expected one quoted string" in result.err
    assert "tests/fixtures/check/broken/ja/glossary:3: 'term:' needs 'ENGLISH = TRANSLATION'" in result.err
    assert "tests/fixtures/check/broken/ko/LC_MESSAGES/good.po:9: [html]" in result.out
    assert "of 2 catalogs" in result.out


def test_unknown_language_and_missing_folder_exit_2(tmp_path: Path) -> None:
    result = run_cli("check", "--locale", CHECK / "pass", "--lang", "fr")
    assert result.code == 2 and "no catalogs for language 'fr'" in result.err
    result = run_cli("check", "--locale", CHECK / "pass", "--lang", "xx")
    assert result.code == 2 and "argument --lang: 'xx' is not a language code Babel knows" in result.err
    result = run_cli("check", "--locale", tmp_path / "nowhere")
    assert result.code == 2 and "no such folder" in result.err


def test_the_project_catalogs_pass() -> None:
    result = run_cli("check")
    assert result.code == 0, result.out + result.err
    assert result.out.startswith("0 finding(s)")


# -- The rules, directly ------------------------------------------------------------------


def found(msgid: str, msgstr: str, **kwargs: object) -> set[str]:
    return {f.check for f in rules.compare(msgid, msgstr, **kwargs)}


def test_cjk_emphasis_next_to_punctuation_is_unparsed() -> None:
    assert found("**Virtual keys** here", "**가상 키** 여기") == set()
    assert found("**Virtual keys** here", "**「가상 키」**를 여기") == {"emphasis"}


def test_placeholders_attached_to_cjk_text() -> None:
    assert found("Export $LITELLM_MASTER_KEY first.", "먼저 $LITELLM_MASTER_KEY를 내보내세요.") == set()
    assert found("Use `${NAME}` here", "여기서 `${NAME}`을 쓰세요") == set()


def test_roles_may_change_their_text_but_not_their_target() -> None:
    assert (
        found("See {doc}`Providers <concepts/model-providers>`.", "{doc}`제공자 <concepts/model-providers>`") == set()
    )
    assert found("See {doc}`Providers <concepts/model-providers>`.", "{doc}`제공자 <index>`") == {"roles"}


def test_guard_findings_are_the_dangerous_classes_only() -> None:
    assert rules.guard_findings("Hello `x`", "안녕 `x` **굵게** {x}") == []
    assert {f.check for f in rules.guard_findings("Hello `x`", "안녕 `y`")} == {"code-spans"}
    assert {f.check for f in rules.guard_findings("Hello", "\u202e안녕")} == {"characters"}
    assert {f.check for f in rules.guard_findings("Hello", "안녕 <script>x</script>")} == {"html"}
    assert {f.check for f in rules.guard_findings("Hello", "[안녕](javascript:alert(1))")} == {"links"}
    assert {f.check for f in rules.guard_findings("Hi", "Hi\n\n```{eval-rst}\n.. raw:: html\n```")} == {"directives"}
    assert {f.check for f in rules.guard_findings("Hi {doc}`a <x>`", "{doc}`b <y>`")} == {"roles"}


def test_glossary_format_errors_name_the_line() -> None:
    with pytest.raises(InputError) as error:
        glossary.parse("# terms\nkeep: OpenClaw\nterm: virtual key\n", "g")
    assert str(error.value) == "g:3: 'term:' needs 'ENGLISH = TRANSLATION', found 'term: virtual key'"
    with pytest.raises(InputError, match="g:2: 'OpenClaw' is already defined at line 1"):
        glossary.parse("keep: OpenClaw\nkeep: OpenClaw\n", "g")
    with pytest.raises(InputError, match="g:1: expected 'keep: TERM'"):
        glossary.parse("translate: x = y\n", "g")


def test_glossary_matches_whole_words_and_plurals() -> None:
    terms = glossary.parse("keep: OpenAI\nterm: virtual key = 가상 키\n")
    assert terms.findings("OpenAI-compatible virtual keys", "OpenAI 호환 가상 키") == []
    assert len(terms.findings("Virtual Keys", "버추얼 키")) == 1
    assert terms.findings("a virtualkey, OpenAIX", "") == []
