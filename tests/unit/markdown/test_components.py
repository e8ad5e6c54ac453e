"""Raw blocks and Mintlify's components (``markdown/components.py``)."""

from __future__ import annotations

from docs_i18n.markdown import components


def test_the_same_block_has_no_difference() -> None:
    assert components.differences('<Tab title="Setup">x</Tab>', '<Tab title="Setup">x</Tab>') == []


def test_a_translated_attribute_and_text_are_named() -> None:
    found = components.differences('<Tab title="Setup">Run it</Tab>', '<Tab title="설정">실행하세요</Tab>')
    assert found and any("title" in phrase for phrase in found)


def test_other_markup_is_named_where_it_first_differs() -> None:
    (found,) = components.differences('<Tab title="Setup">x</Tab>', "<Note>x</Note>")
    assert "Tab" in found and "Note" in found
