"""Babel's merge with the project's matcher (``memory/catalog_merge.py``), tied to Babel's ``Catalog.update``."""

from __future__ import annotations

import io

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from babel_reference import babel_closest
from hypothesis import given, settings
from hypothesis import strategies as st

from docs_i18n.memory import catalog_merge

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
