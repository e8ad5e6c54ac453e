"""``make update-po`` over a tree (``memory/update.py``), in-process."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from docs_i18n.core import locale_tree, textio
from docs_i18n.memory import update

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    """Two templates; Korean catalogs: one whose msgids changed, one as its template, one to create."""
    pot, locale = tmp_path / "gettext", tmp_path / "locale"
    write(pot / "costs.pot", HEADER + 'msgid "Costs"\nmsgstr ""\n\nmsgid "Limits per key"\nmsgstr ""\n')
    write(pot / "index.pot", HEADER + 'msgid "Welcome"\nmsgstr ""\n')
    write(pot / "new.pot", HEADER + 'msgid "Costs"\nmsgstr ""\n')
    messages = locale / "ko" / "LC_MESSAGES"
    write(messages / "costs.po", HEADER + 'msgid "Costs"\nmsgstr "비용"\n\nmsgid "Limits"\nmsgstr "한도"\n')
    write(messages / "index.po", HEADER + 'msgid "Welcome"\nmsgstr "환영합니다"\n')
    return pot, locale


def test_each_catalog_and_template_is_read_once(tree: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # the update read every catalog for memory, then each changed catalog and its template again to merge
    reads: Counter[str] = Counter()
    tree_read, plain_read = locale_tree.read_text, textio.read_text

    def counted_tree_read(path, root, what="file"):  # type: ignore[no-untyped-def]
        reads[Path(path).name] += 1
        return tree_read(path, root, what)

    def counted_read(path, what="file"):  # type: ignore[no-untyped-def]
        reads[Path(path).name] += 1
        return plain_read(path, what)

    monkeypatch.setattr(locale_tree, "read_text", counted_tree_read)
    monkeypatch.setattr(update, "read_text", counted_read)
    pot, locale = tree
    report = update.update_tree(pot, locale, ["ko"])
    assert report.errors == []
    statuses = {Path(o.path).name: o.status for o in report.outcomes}
    assert statuses == {"costs.po": "update", "index.po": "notchanged", "new.po": "create"}
    assert reads == {"costs.pot": 1, "index.pot": 1, "new.pot": 1, "costs.po": 1, "index.po": 1}


def test_the_merge_fills_from_memory_what_it_read(tree: tuple[Path, Path]) -> None:
    pot, locale = tree
    update.update_tree(pot, locale, ["ko"])
    created = (locale / "ko" / "LC_MESSAGES" / "new.po").read_text(encoding="utf-8")
    assert 'msgid "Costs"\nmsgstr "비용"' in created  # remembered from costs.po: an exact fill
    merged = (locale / "ko" / "LC_MESSAGES" / "costs.po").read_text(encoding="utf-8")
    assert 'msgid "Costs"\nmsgstr "비용"' in merged  # kept
    assert '#, fuzzy\n#| msgid "Limits"\nmsgid "Limits per key"\nmsgstr "한도"' in merged  # the merge's guess
