"""What each page rendered (``sphinx_ext/rendered.py``): a 1-page project read in-process."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

from docs_i18n.sphinx_ext import rendered
from tests.unit.sphinx_ext.conftest import read_in

BODY = "The proxy reports what each request costs."


def test_a_translated_page_records_its_messages_and_those_shown_translated(sphinx_project: Path) -> None:
    env, texts = read_in(sphinx_project, "ko")
    page = rendered.record(env, "index")
    assert page is not None and page.language == "ko"
    assert page.messages == ("Costs", BODY)
    assert page.translated == frozenset({"Costs", BODY}) and page.refused == frozenset()
    assert rendered.records(env) == {"index": page}
    assert rendered.record(env, "no-such-page") is None


def test_a_message_left_empty_is_shown_in_english(sphinx_project: Path) -> None:
    catalog = sphinx_project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    catalog.write_text(catalog.read_text("utf-8").replace('msgstr "비용"', 'msgstr ""'), "utf-8")
    page = rendered.record(read_in(sphinx_project, "ko")[0], "index")
    assert page is not None and page.translated == frozenset({BODY})


def test_a_substitution_definition_s_text_is_not_a_message() -> None:
    definition = nodes.substitution_definition()
    inner = nodes.Text("x")
    definition += inner
    assert rendered.in_substitution_definition(inner)
    assert not rendered.in_substitution_definition(nodes.paragraph())
