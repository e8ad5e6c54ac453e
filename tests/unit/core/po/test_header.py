"""The header gettext needs (``core/po/header.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.core.po import header, parse


def test_fields_and_plural_forms() -> None:
    fields = header.header_fields(
        "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
    )
    assert fields == {"content-type": "text/plain; charset=UTF-8", "plural-forms": "nplurals=2; plural=(n != 1);"}
    count, plural = header.plural_forms(fields["plural-forms"])
    assert (count, plural(1), plural(2)) == (2, 0, 1)


def test_a_plural_form_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError):
        header.plural_forms("nplurals=1; plural=n;")


def test_a_translated_plural_message_needs_plural_forms() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "one page"\nmsgid_plural "%d pages"\nmsgstr[0] "%d 페이지"\n'
    )
    with pytest.raises(InputError, match=r"x\.po:5: a plural message needs a 'Plural-Forms"):
        parse.parse(text, "x.po")
