"""The theme UI catalog (``sphinx.po``) as the site may use it: read whole, checked, escaped.

Sphinx's templates insert a UI string unescaped (``{{ _("Languages") }}``), in text and
in attribute values (``aria-label``, ``title``, ``placeholder``, ``<link title>``), and
Sphinx's scripts insert some of them as HTML (``sphinx_highlight.js``). A translation
is therefore used only when

- the catalog was read whole: a syntax error, an invalid header or a duplicate refuses
  every message of it (:class:`~docs_i18n.core.errors.InputError`), never some;
- each of its forms passes the guarded checks against the English **singular** (or,
  for a plural message, against its English plural): the same tags, no character
  reference and none of ``" ' < > ` \\`` that the English lacks, no ``javascript:``
  URL, no control, bidi or zero-width character (:func:`entry_findings`);
- a plural entry answers a plural message of the templates or Sphinx, with the English
  plural as its ``msgid_plural``: ``gettext()`` also serves plural entries to singular
  lookups, so a plural entry for a singular message is refused;
- where the English has ``%(name)s`` placeholders (the template formats it with ``%``),
  the translation is a valid format with the same names (else the page would not render).

What is used is then escaped for HTML text and quoted attributes (:func:`escape_html`:
the English's tags are kept, the text between them escaped) for templates and Python
code, and kept as checked text for ``translations.js`` (JSON). The build
(:mod:`docs_i18n.sphinx_ext.guard`), ``translations.js``
(:mod:`docs_i18n.sphinx_ext.ui_catalog`), ``404.html`` (:mod:`docs_i18n.publish.notfound`)
and ``check`` all read the catalog through :func:`load`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import markupsafe

from docs_i18n.checks.markup import HTML, split_tags
from docs_i18n.checks.rules import Finding, guard_findings
from docs_i18n.core import locale_tree, pofile

Key = str | tuple[str, int]  # gettext's catalog keys: msgid (msgctxt\x04msgid) or (msgid, form)
_FORMAT_RE = re.compile(r"%(?:\(([^()]*)\))?[#0 +-]*(?:\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")


@dataclass(frozen=True)
class Refused:
    """A translation the site does not use, and why."""

    line: int
    msgid: str
    finding: Finding


@dataclass
class UiCatalog:
    """The usable translations of one UI catalog."""

    path: str
    messages: dict[Key, str] = field(default_factory=dict)  # escaped HTML, keyed as gettext keys them
    scripts: dict[str, str | list[str]] = field(default_factory=dict)  # checked text by msgid, for translations.js
    refused: list[Refused] = field(default_factory=list)
    nplurals: int = 2
    plural_forms: str | None = None  # the header's Plural-Forms value (validated)

    def plural(self, n: int) -> int:
        """The form for the count *n*, by the catalog's ``Plural-Forms`` (gettext's default without one)."""
        if self.plural_forms is None:
            return int(n != 1)
        return pofile.plural_forms(self.plural_forms)[1](n)


def escape_html(text: str) -> str:
    """*text* with its tags kept and the text between them escaped for HTML text and quoted attributes.

    Character references are decoded first, so nothing is escaped twice; backslash and
    backtick are escaped too, for a template that puts the string in a script.
    """
    return "".join(part if is_tag else _escape_text(part) for is_tag, part in split_tags(text))


def _escape_text(text: str) -> str:
    return str(markupsafe.escape(html.unescape(text))).replace("\\", "&#92;").replace("`", "&#96;")


def format_findings(english: str, text: str) -> list[Finding]:
    """A template formats a string with ``%(name)s`` placeholders with ``%``: the translation must be a valid
    format with the same names."""
    if "%(" not in english:
        return []
    names = {m.group(1) for m in _FORMAT_RE.finditer(english) if m.group(1) is not None}
    found = [m.group(1) for m in _FORMAT_RE.finditer(text) if m.group(0) != "%%"]
    stray = _FORMAT_RE.sub("", text).count("%")
    problems = []
    if stray or None in found:
        problems.append("a '%' that is not a %(name)s placeholder (write '%%' for a percent sign)")
    if set(found) - {None} != names:
        problems.append(f"placeholders differ from the English: {', '.join(sorted(f'%({n})s' for n in names))}")
    return [Finding("format", f"{p}; the template could not format it") for p in problems]


def entry_findings(entry: pofile.Entry, plurals: Callable[[], Mapping[str, str]]) -> list[Finding]:
    """Why the site refuses *entry* (none: it is used).

    *plurals* gives the plural messages of the templates and Sphinx, ``{singular: plural}``.
    """
    if entry.msgid_plural is None:
        return guard_findings(entry.msgid, entry.msgstr[0], mode=HTML) + format_findings(entry.msgid, entry.msgstr[0])
    english_plural = plurals().get(entry.msgid)
    if english_plural is None:
        return [
            Finding(
                "plural",
                "a plural entry for a message the templates translate in the singular "
                "(gettext would serve one of its forms): remove msgid_plural and the msgstr[N] lines",
            )
        ]
    if entry.msgid_plural != english_plural:
        return [Finding("plural", f"msgid_plural is not the English plural {english_plural!r}")]
    found: list[Finding] = []
    for index, text in enumerate(entry.msgstr):
        as_singular = guard_findings(entry.msgid, text, mode=HTML) + format_findings(entry.msgid, text)
        if as_singular and guard_findings(english_plural, text, mode=HTML) + format_findings(english_plural, text):
            found += [Finding(f.check, f"msgstr[{index}]: {f.message}") for f in as_singular]
    return found


def _considered(entry: pofile.Entry, use_fuzzy: bool) -> bool:
    """Whether gettext could serve something of *entry*: a form is not empty, and it is not a fuzzy one left out."""
    if entry.msgid == "" or not any(entry.msgstr):
        return False
    return use_fuzzy or not entry.fuzzy


def load(
    path: str | Path, plurals: Callable[[], Mapping[str, str]], *, within: str | Path, use_fuzzy: bool = False
) -> UiCatalog:
    """The translations of the UI catalog at *path*, below the catalogs' folder *within*, that the site may use.

    Raises :class:`~docs_i18n.core.errors.InputError` when the catalog cannot be read
    whole, or is not read (a link, a special file: :mod:`docs_i18n.core.locale_tree`):
    the caller then uses none of it.
    """
    return from_catalog(locale_tree.read_catalog(path, within), plurals, use_fuzzy=use_fuzzy)


def from_catalog(
    catalog: pofile.Catalog, plurals: Callable[[], Mapping[str, str]], *, use_fuzzy: bool = False
) -> UiCatalog:
    """:func:`load` for a catalog already read."""
    fields = pofile.header_fields(catalog.header.msgstr[0]) if catalog.header else {}
    result = UiCatalog(path=catalog.path, plural_forms=fields.get("plural-forms"))
    if result.plural_forms is not None:
        result.nplurals = pofile.plural_forms(result.plural_forms)[0]
    for entry in catalog.messages():
        if not _considered(entry, use_fuzzy):
            continue
        findings = entry_findings(entry, plurals)
        if not findings and not all(entry.msgstr):
            findings = [Finding("plural", "a plural form is empty: a plural entry is used only with every form")]
        if findings:
            result.refused += [Refused(entry.line, entry.msgid, finding) for finding in findings]
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            result.messages[key] = escape_html(entry.msgstr[0])
        else:
            result.messages.update({(key, i): escape_html(text) for i, text in enumerate(entry.msgstr)})
        if entry.msgctxt is None:
            result.scripts[entry.msgid] = entry.msgstr[0] if entry.msgid_plural is None else list(entry.msgstr)
    return result
