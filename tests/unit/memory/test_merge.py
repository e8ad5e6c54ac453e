"""One catalog merged and filled from memory (``memory/merge.py``)."""

from __future__ import annotations

from docs_i18n.core import pofile
from docs_i18n.memory.merge import update_catalog
from docs_i18n.memory.store import Memory, Source

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
POT = HEADER + 'msgid "Costs"\nmsgstr ""\n\nmsgid "Rate limits"\nmsgstr ""\n'


def memory() -> Memory:
    found = Memory()
    found.add("Rate limits", Source("속도 제한", "guide.po", "live", False))
    found.prepare()
    return found


def test_a_new_catalog_is_filled_exactly_and_marked() -> None:
    outcome = update_catalog(POT, "x.pot", "ko/x.po", "ko", memory(), None)
    assert (outcome.status, outcome.exact, outcome.fuzzy) == ("create", 1, 0)
    assert outcome.text is not None
    (costs, limits) = pofile.parse(outcome.text).messages()
    assert costs.msgstr == [""] and limits.msgstr == ["속도 제한"] and not limits.fuzzy
    assert limits.translator_comments[0].startswith("x-i18n-memory: exact")


def test_a_translators_work_is_never_replaced_and_an_unchanged_catalog_is_not_rewritten() -> None:
    catalog = HEADER + 'msgid "Costs"\nmsgstr "비용"\n\nmsgid "Rate limits"\nmsgstr "요율 한도"\n'
    outcome = update_catalog(POT, "x.pot", "ko/x.po", "ko", memory(), catalog)
    assert (outcome.status, outcome.text) == ("notchanged", None)
    changed = catalog.replace('msgid "Costs"\nmsgstr "비용"\n\n', "")
    outcome = update_catalog(POT, "x.pot", "ko/x.po", "ko", memory(), changed)
    assert (outcome.status, outcome.added, outcome.exact) == ("update", 1, 0)
    assert 'msgid "Rate limits"\nmsgstr "요율 한도"' in (outcome.text or "")
