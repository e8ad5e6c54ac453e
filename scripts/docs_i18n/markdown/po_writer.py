"""Writing page catalogs the way ``make update-po`` writes them.

Catalogs changed here go through the same Babel read and write as
``scripts/i18n update`` (:mod:`docs_i18n.core.babel_po`, width 76), so a later
``make update-po`` has nothing of ours to re-wrap: what is written is a fixed
point of that read and write. Header comments are kept (Babel re-wraps a
comment line longer than 76 columns, as sphinx-intl would); the source-hash
record is set with :func:`hash_record.with_record`, already wrapped so Babel leaves
it alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from docs_i18n.core import babel_po, hash_record
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text


def new_catalog_text(pot: Path, lang: str) -> str:
    """The catalog sphinx-intl creates for *lang* from the template *pot* (not written)."""
    catalog = babel_po.read(read_text(pot), pot)
    catalog.locale = lang
    return babel_po.write(catalog)


def updated_text(text: str, path: str | Path, strings: Mapping[str, str], record: str | None = None) -> str:
    """*text* with the msgstr of each msgid in *strings* replaced (and its fuzzy flag dropped).

    The result is Babel's layout at width 76, header comments included, with the
    source-hash record set to *record* when given: a fixed point of Babel's
    read and write, so ``make update-po`` has nothing to re-wrap later.
    """
    catalog = babel_po.read(text, path)
    for msgid, msgstr in strings.items():
        message = catalog.get(msgid)
        if message is None:
            raise InputError(path, 0, f"no message {msgid[:60]!r} in this catalog")
        message.string = msgstr
        message.flags.discard("fuzzy")
        message.previous_id = []  # reviewed: the old English no longer applies
    written = babel_po.write(catalog)
    if record is not None:
        # with_record writes the record where Babel keeps header comments (before the flags)
        # then through Babel once more: a catalog without header comments is written with an
        # empty first line, which Babel's next write drops once the record is a header comment
        written = babel_po.write(babel_po.read(hash_record.with_record(written, record, path), path))
    return written
