"""Writing page catalogs the way sphinx-intl writes them.

``make update-po`` (sphinx-intl) reads and writes catalogs with Babel at width
76. Catalogs changed here go through the same Babel calls, so a later
``make update-po`` has nothing of ours to re-wrap: what is written is a fixed
point of Babel's read and write. Header comments are kept (Babel re-wraps a
comment line longer than 76 columns, as sphinx-intl would); the source-hash
record is set with :func:`hash_record.with_record`, already wrapped so Babel leaves
it alone.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from docs_i18n.core import hash_record
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text

WIDTH = 76  # sphinx-intl's default line width


def _read(text: str, path: str | Path) -> Catalog:
    try:
        return read_po(io.BytesIO(text.encode("utf-8")), charset="utf-8")
    except Exception as exc:  # Babel raises several types on malformed input
        raise InputError(path, 0, f"Babel cannot read this catalog: {exc}") from None


def _write(catalog: Catalog) -> str:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH)
    return buffer.getvalue().decode("utf-8")


def new_catalog_text(pot: Path, lang: str) -> str:
    """The catalog sphinx-intl creates for *lang* from the template *pot* (not written)."""
    catalog = _read(read_text(pot), pot)
    catalog.locale = lang
    return _write(catalog)


def updated_text(text: str, path: str | Path, strings: Mapping[str, str], record: str | None = None) -> str:
    """*text* with the msgstr of each msgid in *strings* replaced (and its fuzzy flag dropped).

    The result is Babel's layout at width 76, header comments included, with the
    source-hash record set to *record* when given: a fixed point of Babel's
    read and write, so ``make update-po`` has nothing to re-wrap later.
    """
    catalog = _read(text, path)
    for msgid, msgstr in strings.items():
        message = catalog.get(msgid)
        if message is None:
            raise InputError(path, 0, f"no message {msgid[:60]!r} in this catalog")
        message.string = msgstr
        message.flags.discard("fuzzy")
    written = _write(catalog)
    if record is not None:
        # with_record writes the record where Babel keeps header comments (before the flags)
        written = hash_record.with_record(written, record, path)
    return written
