"""Catalogs written by the import (``markdown/po_writer.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import babel_po, hash_record, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.markdown import po_writer

POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Costs"\nmsgstr ""\n'


def test_a_new_catalog_is_the_template_in_the_language(tmp_path: Path) -> None:
    (tmp_path / "index.pot").write_text(POT, encoding="utf-8")
    text = po_writer.new_catalog_text(tmp_path / "index.pot", "ko")
    assert '"Language: ko\\n"' in text and pofile.parse(text).counts()["untranslated"] == 1


def test_translations_replace_msgstrs_and_drop_fuzzy_and_the_record_is_set() -> None:
    fuzzy = POT.replace('msgid "Costs"', '#, fuzzy\n#| msgid "Cost"\nmsgid "Costs"').replace(
        'msgstr ""\n', 'msgstr "x"\n'
    )
    written = po_writer.updated_text(fuzzy.replace('msgstr "x"', 'msgstr ""', 1), "x.po", {"Costs": "비용"}, "a" * 64)
    catalog = pofile.parse(written)
    (entry,) = catalog.messages()
    assert (entry.msgstr, entry.fuzzy) == (["비용"], False) and "#|" not in written
    assert hash_record.recorded_hash(catalog) == "a" * 64


@pytest.mark.parametrize("comments", ["", "# The guide's Korean catalog.\n# Translators: see the glossary.\n"])
@pytest.mark.parametrize("record", ["a" * 64, None])
def test_what_is_written_is_a_fixed_point_from_the_first_pass(comments: str, record: str | None) -> None:
    """Written once, a catalog has nothing left for a second pass nor for Babel's read and write
    (``make update-po``), with or without header comments (Babel writes none as an empty line)."""
    written = po_writer.updated_text(comments + POT, "x.po", {"Costs": "비용"}, record)
    assert po_writer.updated_text(written, "x.po", {"Costs": "비용"}, record) == written
    assert babel_po.write(babel_po.read(written, "x.po")) == written
    if record is not None:
        assert hash_record.recorded_hash(pofile.parse(written)) == record


def test_a_message_the_catalog_lacks_is_an_error() -> None:
    with pytest.raises(InputError, match="no message 'Limits' in this catalog"):
        po_writer.updated_text(POT, "x.po", {"Limits": "한도"})
