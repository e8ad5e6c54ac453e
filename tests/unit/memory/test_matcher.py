"""The merge's fuzzy matcher (``memory/matcher.py``) and Babel's merge with it (``memory/catalog_merge.py``)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from babel.messages.catalog import Catalog, get_close_matches
from babel.messages.pofile import read_po, write_po
from hypothesis import given, settings
from hypothesis import strategies as st

from docs_i18n.memory import catalog_merge, matcher

TEXT = st.text(alphabet="abcde .", max_size=24)


def babel_closest(key: str, candidates: Sequence[str], cutoff: float) -> int | None:
    """Babel's choice (``get_close_matches(..., 1)``), as an index."""
    found = get_close_matches(key, candidates, 1, cutoff)
    return candidates.index(found[0]) if found else None


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


HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
)


def catalog(text: str, locale: str | None = "ko") -> Catalog:
    return read_po(io.BytesIO(text.encode()), locale=locale)


def written(merged: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, merged, width=76, include_previous=True)
    return out.getvalue()


OLD = (
    HEADER
    + """# a translator's note
# a translator's note
#: old.md:1
msgid "Set the API key in the proxy."
msgstr "프록시에 API 키를 설정합니다."

msgctxt "button"
msgid "Open"
msgstr "열기"

#, python-format
msgid "%(n)s file"
msgid_plural "%(n)s files"
msgstr[0] "파일 %(n)s개"

msgid "Costs"
msgstr "비용"

msgid "Gone for good"
msgstr "영영 사라짐"

msgid "Not translated yet"
msgstr ""

#~ msgid "Long obsolete"
#~ msgstr "오래된 항목"
"""
)

TEMPLATE = (
    HEADER
    + """#: new.md:3
#. extracted
msgid "Set the API keys in the proxy."
msgstr ""

msgctxt "button"
msgid "Opens"
msgstr ""

msgid "%(n)s file"
msgstr ""

msgid "Costs"
msgstr ""

msgid "Something else entirely, with no neighbour at all"
msgstr ""

msgid "Not translated yet!"
msgstr ""
"""
)


def test_the_merge_is_babels_catalog_update_byte_for_byte_with_babels_matcher() -> None:
    ours, babels = catalog(OLD), catalog(OLD)
    catalog_merge.update(ours, catalog(TEMPLATE, None), closest=babel_closest)
    babels.update(catalog(TEMPLATE, None))
    assert written(ours) == written(babels)
    assert [str(k) for k in ours.obsolete] == ["Long obsolete", "Gone for good", "Not translated yet"]


def test_the_merge_with_its_own_matcher_keeps_babels_semantics() -> None:
    ours, babels = catalog(OLD), catalog(OLD)
    catalog_merge.update(ours, catalog(TEMPLATE, None))
    babels.update(catalog(TEMPLATE, None))
    assert written(ours) == written(babels)
    key = ours["Set the API keys in the proxy."]
    assert key.fuzzy and key.previous_id == ["Set the API key in the proxy."]
    assert key.string == "프록시에 API 키를 설정합니다."
    assert key.user_comments == ["a translator's note"] and key.locations == [("new.md", 3)]
    opens = ours.get("Opens", context="button")
    assert opens is not None and opens.fuzzy and opens.string == "열기"
    plural = ours["%(n)s file"]
    assert plural.fuzzy and plural.string == "파일 %(n)s개"  # a plural's translation for a singular
    assert not ours["Costs"].fuzzy and ours["Costs"].string == "비용"
    assert ours["Something else entirely, with no neighbour at all"].string == ""
    assert ours["Not translated yet!"].string == ""  # an untranslated old message is no candidate


WORDS = st.sampled_from(["the", "proxy", "key", "model", "sets", "a", "new", "route", "API", "cost"])
MSGIDS = st.lists(st.lists(WORDS, min_size=1, max_size=6).map(" ".join), max_size=8, unique=True)


@settings(max_examples=100, deadline=None)
@given(MSGIDS, MSGIDS, st.data())
def test_the_merge_is_babels_on_any_catalogs_given_babels_matcher(
    old_ids: list[str], new_ids: list[str], data: st.DataObject
) -> None:
    translated = data.draw(st.lists(st.booleans(), min_size=len(old_ids), max_size=len(old_ids)))
    old = HEADER + "".join(
        f'msgid "{m}"\nmsgstr "{"번역 " + m if t else ""}"\n\n' for m, t in zip(old_ids, translated, strict=True)
    )
    template = HEADER + "".join(f'msgid "{m}"\nmsgstr ""\n\n' for m in new_ids)
    ours, babels = catalog(old), catalog(old)
    catalog_merge.update(ours, catalog(template, None), closest=babel_closest)
    babels.update(catalog(template, None))
    assert written(ours) == written(babels)
