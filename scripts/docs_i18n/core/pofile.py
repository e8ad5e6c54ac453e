"""A strict, fast reader for gettext ``.po`` files: one name for the callers of :mod:`docs_i18n.core.po`.

Reads what GNU gettext writes and reports any syntax error as ``path:line``.
Counts follow ``msgfmt --statistics`` exactly: a message is untranslated when its
(first) msgstr is empty, fuzzy when flagged ``fuzzy`` and not empty, translated
otherwise; the header and obsolete (``#~``) entries are not counted. The code lives in
:mod:`docs_i18n.core.po`: the model (:mod:`~docs_i18n.core.po.model`), the parser
(:mod:`~docs_i18n.core.po.parse`), the header (:mod:`~docs_i18n.core.po.header`) and the
fast paths (:mod:`~docs_i18n.core.po.fast`).
"""

from __future__ import annotations

from docs_i18n.core.po.fast import Messages, Stats, messages, read_messages, read_stats, stats
from docs_i18n.core.po.fast import _messages_from_parse as _messages_from_parse  # the fast paths' tests
from docs_i18n.core.po.header import check_header, check_header_fields, header_fields, plural_forms
from docs_i18n.core.po.model import Catalog, Entry
from docs_i18n.core.po.parse import parse, read

__all__ = [
    "Catalog",
    "Entry",
    "Messages",
    "Stats",
    "check_header",
    "check_header_fields",
    "header_fields",
    "messages",
    "parse",
    "plural_forms",
    "read",
    "read_messages",
    "read_stats",
    "stats",
]
