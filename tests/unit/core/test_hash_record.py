"""The source-hash record in a catalog's header (``core/hash_record.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.core import hash_record, hashing, pofile
from docs_i18n.core.errors import InputError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'
TODAY = hashing.hash_bytes(b"# Costs\n")


def test_a_record_is_added_then_replaced_in_place_and_nothing_else_changes() -> None:
    stamped = hash_record.with_record("# Korean translation\n" + HEADER, TODAY)
    assert stamped == f"# Korean translation\n# x-i18n-source-hash:\n# {TODAY}\n" + HEADER
    assert hash_record.recorded_hash(pofile.parse(stamped)) == TODAY
    again = hash_record.with_record(stamped, "f" * 64)
    assert again == stamped.replace(TODAY, "f" * 64)
    assert hash_record.with_record(again, "f" * 64) == again


def test_the_record_may_sit_on_the_key_line() -> None:
    assert hash_record.record_in_comments([f"x-i18n-source-hash: {TODAY}"]) == TODAY
    assert hash_record.record_in_comments(["x-i18n-source-hash:", TODAY]) == TODAY
    assert hash_record.record_in_comments(["another: comment"]) is None


def test_a_catalog_without_a_header_is_refused() -> None:
    with pytest.raises(InputError, match="no header entry"):
        hash_record.with_record('msgid "a"\nmsgstr "b"\n', TODAY, "x.po")
