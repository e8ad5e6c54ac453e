"""The mark of a machine translation (``core/mt_mark.py``): written by ``translate``, counted by ``status``."""

from __future__ import annotations

from docs_i18n.core import mt_mark

RECORD = "269529671c60" + "0" * 52
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def entry(msgid: str, msgstr: str, comments: list[str], fuzzy: bool = False) -> str:
    lines = [f"# {c}" for c in comments] + (["#, fuzzy"] if fuzzy else [])
    return "\n".join([*lines, f'msgid "{msgid}"', f'msgstr "{msgstr}"']) + "\n\n"


def test_the_comments_name_kind_record_date_prompt_model_and_host() -> None:
    written = mt_mark.comments("accepted", RECORD, "test-model", "localhost:4000", "2026-12-03", "1")
    assert written == [
        "x-i18n-mt: accepted 269529671c60 2026-12-03 prompt-v1",
        "x-i18n-mt-model: test-model",
        "x-i18n-mt-endpoint: localhost:4000",
    ]
    assert all(mt_mark.is_mark_comment(c) for c in written)
    assert not mt_mark.is_mark_comment("x-i18n-memory: exact 269529671c60")
    assert mt_mark.parse(written[0]) == ("accepted", "269529671c60")
    assert mt_mark.comments("suggestion", None, "m", "h", "d", "2")[0] == "x-i18n-mt: suggestion - d prompt-v2"


def test_parse_refuses_what_is_not_a_mark() -> None:
    assert mt_mark.parse("x-i18n-mt-model: m") is None
    assert mt_mark.parse("x-i18n-mt: reviewed 269529671c60") is None
    assert mt_mark.parse("x-i18n-mt: accepted") is None
    assert mt_mark.parse("no colon here") is None


def test_only_translated_messages_accepted_under_the_current_record_count() -> None:
    accepted = mt_mark.comments("accepted", RECORD, "m", "h", "2026-12-03", "1")
    older = mt_mark.comments("accepted", "f" * 64, "m", "h", "2026-12-01", "1")
    suggested = mt_mark.comments("suggestion", RECORD, "m", "h", "2026-12-03", "1")
    text = (
        HEADER
        + entry("One", "하나", accepted)
        + entry("Two", "둘", older)
        + entry("Three", "셋", suggested, fuzzy=True)
        + entry("Four", "넷", accepted, fuzzy=True)  # still fuzzy: not shown as translated
        + entry("Five", "다섯", [])
    )
    assert mt_mark.machine_translated(text, "ko/index.po", RECORD) == 1
    assert mt_mark.machine_translated(HEADER + entry("Five", "다섯", []), "ko/index.po", RECORD) == 0
