"""What a language's catalogs remember (``memory/store.py``)."""

from __future__ import annotations

from docs_i18n.memory.store import Memory, Source


def test_the_same_english_reviewed_once_is_exact() -> None:
    memory = Memory()
    memory.add("Costs", Source("비용", "a.po", "live", False))
    found = memory.lookup("Costs")
    assert found is not None and found.exact and found.source.translation == "비용"


def test_two_translations_of_the_same_english_are_not_exact() -> None:
    memory = Memory()
    memory.add("Costs", Source("비용", "a.po", "live", False))
    memory.add("Costs", Source("요금", "b.po", "live", False))
    found = memory.lookup("Costs")
    assert found is not None and not found.exact
    assert found.source.translation == "비용" and [s.translation for s in found.others] == ["요금"]
    assert found.note() == "a.po; 2 translations remembered, also b.po"


def test_a_similar_english_above_the_threshold_is_a_fuzzy_suggestion() -> None:
    memory = Memory()
    memory.add(
        "Set the proxy key before you start", Source("시작하기 전에 프록시 키를 설정하세요", "a.po", "live", False)
    )
    memory.prepare()
    near = memory.lookup("Set the proxy key before you start it")
    assert near is not None and not near.exact and 0.8 <= near.similarity < 1.0
    assert near.english == "Set the proxy key before you start"
    assert memory.lookup("Something else entirely") is None
