"""The fast paths (``core/po/fast.py``) give the strict parser's answers."""

from __future__ import annotations

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.core.po import fast, parse

HEADER = '# x-i18n-source-hash: abc\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
CATALOG = (
    HEADER
    + 'msgid "Costs"\nmsgstr "비용"\n\n#, fuzzy\nmsgid "Limits"\nmsgstr "한도"\n\n'
    + 'msgid "Keys"\nmsgstr ""\n\n#~ msgid "Old"\n#~ msgstr "옛"\n'
)


@pytest.mark.parametrize("text", [CATALOG, CATALOG.replace('msgid "Keys"', '  msgid "Keys"')])
def test_stats_agree_with_the_parser(text: str) -> None:
    found = fast.stats(text, "x.po")
    assert found.counts == parse.parse(text, "x.po").counts()
    assert found.header_comments == ["x-i18n-source-hash: abc"]


def test_messages_give_each_state() -> None:
    found = fast.messages(CATALOG, "x.po")
    assert found.messages == {"Costs": "translated", "Limits": "fuzzy", "Keys": "untranslated"}
    assert found.messages == fast._messages_from_parse(CATALOG, "x.po").messages


def test_a_syntax_error_takes_the_parser_and_its_line() -> None:
    with pytest.raises(InputError, match=r"x\.po:7:"):
        fast.stats(CATALOG.replace('msgstr "비용"', 'msgstr "비용'), "x.po")
