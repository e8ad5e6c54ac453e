"""The maintainers' exemptions file (``checks/exemptions.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.checks import exemptions
from docs_i18n.core.errors import InputError

ENTRY = """[[exemption]]
lang = "ko"
catalog = "providers/litellm"
msgid = "See the [docs](https://docs.litellm.ai)."
check = "{check}"
allow = ["https://docs.litellm.ai/ko/"]
reason = "the Korean edition"
"""


def test_an_exemption_allows_values_for_one_message(tmp_path: Path) -> None:
    (tmp_path / exemptions.FILE_NAME).write_text(ENTRY.format(check="links"), encoding="utf-8")
    found = exemptions.load(tmp_path)
    msgid = "See the [docs](https://docs.litellm.ai)."
    assert found.allowed("ko", "providers/litellm", msgid) == {"links": frozenset({"https://docs.litellm.ai/ko/"})}
    assert found.allowed("ja", "providers/litellm", msgid) == {}
    assert found.entries[0].line == 1


def test_only_the_exemptible_checks_can_be_exempted(tmp_path: Path) -> None:
    (tmp_path / exemptions.FILE_NAME).write_text(ENTRY.format(check="html"), encoding="utf-8")
    with pytest.raises(InputError, match="check 'html' cannot be exempted; only code-spans, links can"):
        exemptions.load(tmp_path)


def test_no_file_no_exemption(tmp_path: Path) -> None:
    assert exemptions.load(tmp_path).entries == []


def test_an_entry_s_line_counts_line_ends_only(tmp_path: Path) -> None:
    text = "# notes\u2028on two\x85lines\n" + ENTRY.format(check="links").replace('"the Korean', '"the\u2028Korean')
    (tmp_path / exemptions.FILE_NAME).write_text(text, encoding="utf-8")
    assert exemptions.load(tmp_path).entries[0].line == 2
