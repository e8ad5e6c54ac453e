"""The strict ``.po`` parser (``core/po/parse.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.core.po import parse

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_entries_comments_and_escapes() -> None:
    text = HEADER + '# translator\n#. extracted\n#: a.md:3\n#, fuzzy\nmsgid "Say \\"hi\\"\\n"\nmsgstr "안녕\\t"\n'
    catalog = parse.parse(text, "x.po")
    (entry,) = catalog.entries
    assert (entry.msgid, entry.msgstr, entry.line) == ('Say "hi"\n', ["안녕\t"], 9)
    assert (entry.translator_comments, entry.extracted_comments, entry.locations) == (
        ["translator"],
        ["extracted"],
        ["a.md:3"],
    )
    assert entry.fuzzy


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (HEADER + 'msgid "a"\nmsgstr "b\\q"\n', "x.po:6: invalid escape sequence '\\q'"),
        (HEADER + 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', "x.po:8:"),
        (HEADER + 'msgstr "b"\n', "x.po:5: msgstr before msgid"),
    ],
)
def test_errors_are_path_and_line(text: str, where: str) -> None:
    with pytest.raises(InputError) as raised:
        parse.parse(text, "x.po")
    assert str(raised.value).startswith(where)


def test_unescape_resolves_octal_and_hex() -> None:
    assert parse.unescape("\\101\\x42", "x.po", 1) == "AB"


def test_read_reads_strict_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(HEADER.encode() + b'msgid "a"\nmsgstr "\xff"\n')
    with pytest.raises(InputError, match=r"x\.po:6:"):
        parse.read(path)
