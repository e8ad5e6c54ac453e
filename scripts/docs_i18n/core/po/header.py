"""The header of a catalog: what gettext needs to read it (charset, ``Plural-Forms``)."""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Callable

from docs_i18n.core.errors import InputError
from docs_i18n.core.po.model import Catalog

# -- The header: what gettext needs to read the catalog -----------------------------------
# A header gettext cannot use makes it drop the whole catalog (an invalid Plural-Forms)
# or read every message wrongly (another charset): both are input errors here, so that
# status, check and the build refuse the catalog instead of trusting it.

_CHARSET_RE = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)
_PLURAL_FORMS_RE = re.compile(r"^\s*nplurals\s*=\s*(\d{1,3})\s*;\s*plural\s*=\s*([^;]+?)\s*;?\s*$")
_PLURAL_PROBES = (*range(1001), 10_000, 100_000, 1_000_000, 10**9)


def header_fields(header_msgstr: str) -> dict[str, str]:
    """The ``Name: value`` fields of a header's msgstr, names lowercased."""
    fields: dict[str, str] = {}
    for line in header_msgstr.split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip():
            fields.setdefault(name.strip().lower(), value.strip())
    return fields


@functools.lru_cache(maxsize=64)
def plural_forms(value: str) -> tuple[int, Callable[[int], int]]:
    """``(nplurals, plural)`` of a ``Plural-Forms`` value; ``ValueError`` says what is wrong.

    The expression is compiled by Python's ``gettext`` (as the build's translators
    are) and must give a form below ``nplurals`` for every count tried.
    """
    match = _PLURAL_FORMS_RE.match(value)
    if match is None:
        raise ValueError(f"Plural-Forms is not 'nplurals=N; plural=EXPRESSION;': {value[:60]!r}")
    count = int(match.group(1))
    if count < 1:
        raise ValueError("Plural-Forms has nplurals=0; a catalog has at least one form")
    try:
        plural = gettext.c2py(match.group(2))
        forms = {plural(n) for n in _PLURAL_PROBES}
    except (ValueError, ArithmeticError, RecursionError) as exc:
        raise ValueError(f"Plural-Forms expression {match.group(2)[:60]!r} is invalid ({exc})") from None
    wrong = sorted(form for form in forms if not 0 <= form < count)
    if wrong:
        raise ValueError(
            f"Plural-Forms expression {match.group(2)[:60]!r} gives form {wrong[0]}, beyond nplurals={count}"
        )
    return count, plural


def _field_line(text: str, name: str, fallback: int) -> int:
    """The line of the first ``"Name:`` string in *text*, else *fallback*."""
    found = re.search(rf'^\s*(?:msgstr\s*)?"{re.escape(name)}\s*:', text, re.IGNORECASE | re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else fallback


def check_header_fields(fields: dict[str, str], path: str, text: str, line: int) -> int | None:
    """Raise :class:`InputError` for a charset other than UTF-8 or an invalid ``Plural-Forms``;
    return ``nplurals`` when the header gives one."""
    charset = _CHARSET_RE.search(fields.get("content-type", ""))
    if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
        raise InputError(
            path,
            _field_line(text, "Content-Type", line),
            f"the header declares charset {charset.group(1)!r}; catalogs are read as UTF-8: set charset=UTF-8",
        )
    if "plural-forms" not in fields:
        return None
    try:
        count, _plural = plural_forms(fields["plural-forms"])
    except ValueError as exc:
        raise InputError(path, _field_line(text, "Plural-Forms", line), f"invalid header: {exc}") from None
    return count


def check_header(catalog: Catalog, text: str = "") -> None:
    """Raise :class:`InputError` when gettext could not read *catalog* as its header says:
    see :func:`check_header_fields`; translated plural messages also need ``Plural-Forms``
    and as many forms as it names."""
    header = catalog.header
    count = None
    if header is not None:
        count = check_header_fields(header_fields(header.msgstr[0]), catalog.path, text, header.line)
    for entry in catalog.entries:
        if entry.obsolete or entry.msgid_plural is None or not any(entry.msgstr):
            continue  # as msgfmt: untranslated plural forms (a template's) need no Plural-Forms
        if count is None:
            raise InputError(
                catalog.path, entry.line, "a plural message needs a 'Plural-Forms: nplurals=N; plural=...;' header"
            )
        if len(entry.msgstr) != count:
            raise InputError(
                catalog.path, entry.line, f"{len(entry.msgstr)} plural form(s) given; the header's nplurals is {count}"
            )
