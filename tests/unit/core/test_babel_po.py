"""Catalogs read and written as sphinx-intl does (``core/babel_po.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.core import babel_po
from docs_i18n.core.errors import InputError

TEXT = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#, fuzzy\n#| msgid "Limits"\nmsgid "Limits per key"\nmsgstr "한도"\n'
)


def test_previous_msgids_survive_a_read_and_a_write() -> None:
    catalog = babel_po.read(TEXT, "x.po")
    message = catalog["Limits per key"]
    assert message.previous_id == ["Limits"] and message.fuzzy
    written = babel_po.write(catalog)
    assert '#, fuzzy\n#| msgid "Limits"\nmsgid "Limits per key"\nmsgstr "한도"\n' in written
    assert babel_po.read(written, "x.po")["Limits per key"].previous_id == ["Limits"]


def test_what_babel_cannot_read_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"x\.po:0: Babel cannot read this catalog"):
        babel_po.read('msgid "a"\nmsgstr[x] "b"\n', "x.po")
