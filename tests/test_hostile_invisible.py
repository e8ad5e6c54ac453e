"""Class 7: invisible characters: bidi controls, NUL and other controls, zero-width characters.

A right-to-left override around a code span shows the reader other code than the
one they copy (Trojan Source); a zero-width character inside a code span or a URL
makes a command or an address that looks right and is not. Controls, bidi and
zero-width characters are refused inside code spans and URLs, and in running text
only the zero-width non-joiner and joiner a script needs (Persian, Indic scripts)
are allowed.
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
    line_of,
    po_string,
    replace_entry,
    set_msgstr,
    warned_at,
    written,
)

KEY = "Use the generated key as `LITELLM_API_KEY`."
HOST = "LiteLLM runs on `http://localhost:4000` by default"
DOCS = "[LiteLLM Docs](https://docs.litellm.ai)"
STOP = "Start LiteLLM Proxy:"
PAGE = {  # msgid -> hostile msgstr (PO text: a NUL needs its octal escape)
    KEY: po_string("생성된 키를 \u202e`LITELLM_API_KEY`\u202c로 사용하세요."),
    HOST: po_string("LiteLLM은 기본적으로 `http://local\u200bhost:4000`에서 실행됩니다."),
    DOCS: po_string("[LiteLLM 문서](https://docs.litellm\u200d.ai)"),
    STOP: '"LiteLLM 프록시를\\0 시작합니다:"',
}
UI_STRINGS = {"Back to top": "\u202e맨 위로", "Languages": "\u2066언어\u2069"}
INVISIBLE = ("\u202e", "\u202c", "\u200b", "\u200d", "\u2066", "\u2069", "\x00")
JOINED = "빠른\u200c시작"  # a zero-width non-joiner in running text is allowed


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = copy(tmp_path_factory.mktemp("invisible"))
    for msgid, msgstr in PAGE.items():
        replace_entry(project / GUIDE, msgid, f"msgid {po_string(msgid)}\nmsgstr {msgstr}")
    set_msgstr(project / GUIDE, "Quick start", JOINED)
    for msgid, msgstr in UI_STRINGS.items():
        set_msgstr(project / UI, msgid, msgstr)
    return attack(project, tmp_path_factory.mktemp("out"))


def reader_files(case: dict) -> dict[str, str]:
    """The pages, the search index and the script translations: what carries translated text."""
    return {
        name: text
        for name, text in written(case["site"]).items()
        if name.endswith(".html") or name in ("searchindex.js", "_static/translations.js")
    }


def test_the_strict_build_fails_naming_each_message(case: dict) -> None:
    assert case["strict"].code != 0
    for catalog, messages in ((GUIDE, PAGE), (UI, UI_STRINGS)):
        po = case["project"] / catalog
        for msgid in messages:
            found = warned_at(case["strict"], po, line_of(po, msgid))
            assert found and "[characters]" in " ".join(found), f"{msgid!r}:\n{case['strict'].err}"


def test_without_w_no_invisible_character_is_written(case: dict) -> None:
    assert case["preview"].code == 0, case["preview"].err
    hits = [(name, f"U+{ord(c):04X}") for name, text in reader_files(case).items() for c in INVISIBLE if c in text]
    assert hits == []
    guide = reader_files(case)["providers/litellm.html"]
    assert "http://localhost:4000</span></code>" in guide and 'href="https://docs.litellm.ai"' in guide


def test_a_joiner_in_running_text_is_kept(case: dict) -> None:
    assert JOINED in reader_files(case)["providers/litellm.html"]
    assert not [w for w in case["strict"].err.splitlines() if "'Quick start'" in w]


def test_check_reports_each_and_no_file_changes(case: dict) -> None:
    result = check(case["project"], "--lang", "ko")
    assert result.code == 1
    for catalog, messages in ((GUIDE, PAGE), (UI, UI_STRINGS)):
        for msgid in messages:
            assert f"{catalog}:{line_of(case['project'] / catalog, msgid)}: [characters]" in result.out, result.out
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in result.out and "U+0000" in result.out
    assert catalog_digests(case["project"]) == case["before"]
