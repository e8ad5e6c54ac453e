"""Per-language glossaries (``checks/glossary.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.checks import glossary
from docs_i18n.core.errors import InputError

TEXT = "# terms\nkeep: OpenClaw\nterm: virtual key = 가상 키 | 가상키\n"


def test_keep_and_term_rules() -> None:
    rules = glossary.parse(TEXT, "ko/glossary")
    assert rules.findings("OpenClaw uses virtual keys", "OpenClaw는 가상 키를 씁니다") == []
    assert rules.findings("OpenClaw uses virtual keys", "오픈클로는 가상키를 씁니다") == [
        "'OpenClaw' must stay untranslated (glossary line 2)"
    ]
    assert rules.findings("Virtual Key", "키") == [
        "'virtual key' must be translated as '가상 키' or '가상키' (glossary line 3)"
    ]
    assert rules.findings("OpenClaw-compatible", "호환") == ["'OpenClaw' must stay untranslated (glossary line 2)"]
    assert rules.findings("MyOpenClaw", "호환") == []  # a whole word: not inside another


@pytest.mark.parametrize("line", ["term: virtual key", "maybe: x", "term: = 가상 키"])
def test_a_bad_line_is_named_by_its_number(line: str) -> None:
    with pytest.raises(InputError, match=r"ko/glossary:2:"):
        glossary.parse(f"# terms\n{line}\n", "ko/glossary")


def test_line_numbers_count_line_ends_only() -> None:
    """A line separator or form feed inside a line is text: the bad line is still line 3."""
    with pytest.raises(InputError, match=r"ko/glossary:3:"):
        glossary.parse("# terms\u2028and notes\fhere\nkeep: OpenClaw\nterm: virtual key\n", "ko/glossary")
