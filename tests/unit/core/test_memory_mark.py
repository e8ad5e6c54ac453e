"""The mark of a translation-memory fill (``core/memory_mark.py``)."""

from __future__ import annotations

from docs_i18n.core import memory_mark

RECORD = "0123456789abcdef" * 4
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_mark_reads_back() -> None:
    mark, source = memory_mark.comments("fuzzy", RECORD, "guide.po, 85% similar")
    assert mark == "x-i18n-memory: fuzzy 0123456789ab" and source == "x-i18n-memory-from: guide.po, 85% similar"
    assert memory_mark.parse(mark) == ("fuzzy", "0123456789ab")
    assert memory_mark.is_mark_comment(source) and not memory_mark.is_mark_comment("a translator's note")
    assert memory_mark.parse("x-i18n-memory: maybe 0123") is None


def test_only_fills_under_the_current_record_count() -> None:
    text = HEADER + "".join(
        f'# {line}\nmsgid "{msgid}"\nmsgstr "x"\n\n'
        for msgid, line in (
            ("a", "x-i18n-memory: exact 0123456789ab"),
            ("b", "x-i18n-memory: fuzzy 0123456789ab"),
            ("c", "x-i18n-memory: exact ffffffffffff"),  # filled under an older record
        )
    )
    assert memory_mark.count(text, "x.po", RECORD) == {"exact": 1, "fuzzy": 1}
    assert memory_mark.count(text, "x.po", "e" * 64) is None
