"""Replies remembered in ``_build/`` (``mt/cache.py``)."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.mt import cache


def test_the_key_changes_with_every_field_of_the_request() -> None:
    base = ("Costs", "system", "ko", "model-a", "1")
    keys = {cache.key(*base)}
    for index, other in enumerate(("Cost", "system2", "ja", "model-b", "2")):
        changed = list(base)
        changed[index] = other
        keys.add(cache.key(*changed))
    assert len(keys) == 6
    assert cache.key(*base) == cache.key(*base)
    assert cache.key("a", "bc", "ko", "m", "1") != cache.key("ab", "c", "ko", "m", "1")  # fields kept apart


def test_a_reply_survives_a_new_connection_and_is_replaced_by_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "_build" / cache.FILE_NAME
    store = cache.Cache(path)
    k = cache.key("Costs", "system", "ko", "m", "1")
    assert store.get(k) is None
    store.put(k, cache.Cached("비용", 10, 2), "m", "ko")
    store.close()
    again = cache.Cache(path)
    assert again.get(k) == cache.Cached("비용", 10, 2)
    again.put(k, cache.Cached("요금", 11, 3), "m", "ko")
    assert again.get(k) == cache.Cached("요금", 11, 3)
    again.close()


def test_a_read_only_cache_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "_build" / cache.FILE_NAME
    store = cache.Cache(path, read_only=True)
    assert store.get(cache.key("Costs", "s", "ko", "m", "1")) is None
    store.close()
    assert not (tmp_path / "_build").exists()
    writer = cache.Cache(path)
    writer.put("k", cache.Cached("x", 1, 1), "m", "ko")
    writer.close()
    reader = cache.Cache(path, read_only=True)
    assert reader.get("k") == cache.Cached("x", 1, 1)
    reader.close()
