"""A parsed catalog (``core/po/model.py``): counted as ``msgfmt --statistics`` counts."""

from __future__ import annotations

from docs_i18n.core.po.model import Catalog, Entry


def test_states_and_counts() -> None:
    entries = [
        Entry(msgid="Costs", msgstr=["비용"]),
        Entry(msgid="Limits", msgstr=["한도"], flags={"fuzzy"}),
        Entry(msgid="Keys", msgstr=[""], flags={"fuzzy"}),  # empty: untranslated, fuzzy or not
        Entry(msgid="Old", msgstr=["옛"], obsolete=True),
    ]
    catalog = Catalog("x.po", Entry(msgid="", msgstr=["Content-Type: text/plain; charset=UTF-8\n"]), entries)
    assert [e.state for e in entries[:3]] == ["translated", "fuzzy", "untranslated"]
    assert catalog.counts() == {"translated": 1, "fuzzy": 1, "untranslated": 1, "obsolete": 1}
    assert [e.msgid for e in catalog.messages()] == ["Costs", "Limits", "Keys"]
    assert catalog.header is not None and catalog.header.is_header and not entries[0].is_header
