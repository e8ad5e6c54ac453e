"""The catalogs' folder, read without following a link (``core/locale_tree.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import locale_tree
from docs_i18n.core.errors import InputError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def test_languages_catalogs_and_a_refused_link(tmp_path: Path) -> None:
    messages = tmp_path / "ko" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "index.po").write_text(HEADER, encoding="utf-8")
    (tmp_path / "secret.po").write_text(HEADER, encoding="utf-8")
    (messages / "linked.po").symlink_to(tmp_path / "secret.po")
    (tmp_path / "notes").mkdir()
    tree = locale_tree.scan(tmp_path)
    assert tree.languages() == ["ko"]
    assert tree.catalogs("ko") == [messages / "index.po"]
    assert [Path(path).name for path in tree.refused] == ["linked.po"]
    assert tree.refusal(messages / "linked.po") is not None
    with pytest.raises(InputError):
        locale_tree.read_catalog(messages / "linked.po", tmp_path)
    assert locale_tree.read_catalog(messages / "index.po", tmp_path).entries == []
