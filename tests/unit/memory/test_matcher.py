"""The merge's fuzzy matcher (``memory/matcher.py``); the merge itself: ``test_catalog_merge.py``."""

from __future__ import annotations

from babel_reference import babel_closest
from hypothesis import given, settings
from hypothesis import strategies as st

from docs_i18n.memory import matcher

TEXT = st.text(alphabet="abcde .", max_size=24)


def test_the_closest_candidate_is_chosen_and_none_below_the_cutoff() -> None:
    candidates = ["set the api key", "set the api keys in the proxy", "restart the proxy"]
    assert matcher.closest("set the api keys", candidates) == 0
    assert matcher.closest("completely unrelated words", candidates) is None
    assert matcher.closest("anything", []) is None
    assert matcher.match_key("  The API Key\n") == "the api key"


def test_among_equal_ratios_the_greatest_text_wins_as_in_babel() -> None:
    assert matcher.ratio("abcd", "abce") == matcher.ratio("abcd", "abcf")
    assert matcher.closest("abcd", ["abce", "abcf", "abcg"]) == 2


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(TEXT, max_size=10, unique=True), st.sampled_from([0.0, 0.3, 0.6, 0.7, 0.8, 1.0]))
def test_the_choice_is_babels_and_the_bound_holds(key: str, candidates: list[str], cutoff: float) -> None:
    for candidate in candidates:  # the Indel similarity bounds difflib's ratio from above
        assert matcher.bound(key, candidate) >= matcher.ratio(key, candidate) - 1e-9
    assert matcher.closest(key, candidates, cutoff) == babel_closest(key, candidates, cutoff)


ENGLISH = st.lists(
    st.sampled_from(["the", "proxy", "key", "model", "sets", "a", "new", "route", "API", "cost", "each", "request"]),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(ENGLISH, st.lists(ENGLISH, max_size=12, unique=True))
def test_on_sentences_the_choice_is_babels(key: str, candidates: list[str]) -> None:
    assert matcher.closest(key, candidates) == babel_closest(key, candidates, matcher.CUTOFF)
