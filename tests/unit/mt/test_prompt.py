"""The request's wording (``mt/prompt.py``)."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.mt import prompt
from docs_i18n.mt.plan import Job


def job(**changes: object) -> Job:
    fields: dict[str, object] = dict(
        lang="ko",
        page="index",
        catalog=Path("locale/ko/LC_MESSAGES/index.po"),
        line=7,
        msgid="Run `make html`.",
        old="",
        previous=None,
        before=("Costs",),
        after=(),
        title="Costs",
        terms=(),
    )
    fields.update(changes)
    return Job(**fields)  # type: ignore[arg-type]


def test_the_last_message_is_exactly_the_english_text() -> None:
    chat = prompt.messages(job())
    assert [m["role"] for m in chat] == ["system", "user"]
    assert chat[-1]["content"] == "Run `make html`."
    system = chat[0]["content"]
    assert "from English into Korean (ko)" in system
    assert "The page's title: Costs" in system
    assert "The English messages before this one:\n> Costs" in system
    assert "after this one" not in system and "Glossary" not in system and "previous translation" not in system


def test_terms_and_a_fuzzy_message_s_old_translation_are_in_the_context() -> None:
    system = prompt.system_message(
        job(terms=("keep \u201cLiteLLM\u201d exactly as written",), old="옛 번역", previous="Run make.")
    )
    assert "Glossary (required):\n- keep \u201cLiteLLM\u201d exactly as written" in system
    assert "Its English: Run make.\nIts translation: 옛 번역" in system
    without_previous = prompt.system_message(job(old="옛 번역"))
    assert "Its English: Run `make html`." in without_previous


def test_a_language_babel_does_not_know_is_named_by_its_code() -> None:
    assert prompt.language_name("zh_CN") == "Chinese (Simplified, China)"
    assert prompt.language_name("xx-not-a-language") == "xx-not-a-language"
