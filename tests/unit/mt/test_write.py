"""Suggestions written into a catalog (``mt/write.py``)."""

from __future__ import annotations

from docs_i18n.core import pofile
from docs_i18n.mt import write

RECORD = "ab" * 32
CATALOG = (
    f"# x-i18n-source-hash: {RECORD}\n"
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Costs"\nmsgstr ""\n\n'
    '#, fuzzy\nmsgid "Limits"\nmsgstr "옛 한도"\n\n'
    'msgid "Keys"\nmsgstr "키"\n'
)
PROVENANCE = ("test-model", "localhost:4000", "2026-12-03", "1")


def states(text: str) -> dict[str, tuple[str, str, list[str]]]:
    return {
        e.msgid: (e.state, e.msgstr[0], e.translator_comments)
        for e in pofile.parse(text, "ko/index.po").messages()
        if e.msgid
    }


def test_a_suggestion_is_written_fuzzy_with_its_mark() -> None:
    suggestions = [write.Suggestion("Costs", "", "비용"), write.Suggestion("Limits", "옛 한도", "한도")]
    text, written = write.apply(CATALOG, "ko/index.po", suggestions, "suggestion", PROVENANCE)
    assert written == 2
    found = states(text)
    assert found["Costs"][:2] == ("fuzzy", "비용")
    assert found["Costs"][2] == [
        "x-i18n-mt: suggestion abababababab 2026-12-03 prompt-v1",
        "x-i18n-mt-model: test-model",
        "x-i18n-mt-endpoint: localhost:4000",
    ]
    assert found["Limits"][:2] == ("fuzzy", "한도")
    assert found["Keys"] == ("translated", "키", [])


def test_accepted_is_translated_and_review_carries_no_mark() -> None:
    accepted, _ = write.apply(CATALOG, "p.po", [write.Suggestion("Costs", "", "비용")], "accepted", PROVENANCE)
    assert states(accepted)["Costs"][:2] == ("translated", "비용")
    assert states(accepted)["Costs"][2][0].startswith("x-i18n-mt: accepted ")
    review, _ = write.apply(CATALOG, "p.po", [write.Suggestion("Costs", "", "비용")], "review")
    assert states(review)["Costs"] == ("translated", "비용", [])


def test_a_message_changed_since_it_was_sent_is_left_as_it_is() -> None:
    suggestions = [
        write.Suggestion("Limits", "another old text", "한도"),  # a translator edited it meanwhile
        write.Suggestion("Keys", "", "열쇠"),  # translated: never touched
        write.Suggestion("Gone", "", "없음"),
    ]
    text, written = write.apply(CATALOG, "ko/index.po", suggestions, "suggestion", PROVENANCE)
    assert written == 0
    assert states(text) == states(CATALOG)
