"""What a language's catalogs remember (``memory/store.py``)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from docs_i18n.memory.store import MAX_SCORED, MIN_SHARED_WORDS, Memory, Source, similarity, words


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


def brute_near(memory: Memory, keys: list[str], english: str) -> str | None:
    """The near look-up as documented, by brute force: the keys sharing half of the English's distinct
    words, of a length that allows the threshold, at most MAX_SCORED of them (most shared words first,
    then by text), the best difflib ratio at the threshold or above."""
    query = words(english)
    need = math.ceil(len(query) * MIN_SHARED_WORDS)
    size, t = len(english), memory.threshold
    fitting = [k for k in keys if size * t / (2 - t) <= len(k) <= size * (2 - t) / t]
    shared = sorted((-len(query & words(k)), k) for k in fitting if query and len(query & words(k)) >= need)
    scored = [(similarity(k, english), k) for _, k in shared[:MAX_SCORED]]
    passing = [(-score, k) for score, k in scored if score >= t]
    return min(passing)[1] if passing else None


SENTENCES = st.lists(
    st.sampled_from(["the", "proxy", "key", "model", "sets", "a", "new", "route", "cost", "each", "request", "x"]),
    min_size=1,
    max_size=10,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=80, unique=True), SENTENCES)
def test_the_near_look_up_is_the_documented_one(keys: list[str], english: str) -> None:
    memory = Memory()
    for key in keys:
        memory.add(key, Source(f"번역 {key}", "a.po", "live", False))
    memory.prepare()
    found = memory.near(english)
    assert (found.english if found else None) == brute_near(memory, keys, english)
