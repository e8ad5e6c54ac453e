"""Translation checks: compare a message's English text (msgid) with its translation.

The rules are pure functions of the two texts. Both are analysed
(:func:`.markup.analyse`, with the Markdown parser MyST uses), then each check
compares the two analyses; :func:`compare` runs them and returns
:class:`Finding` objects named by their check:

``code-spans``     the same inline code spans on both sides
``roles``          the same MyST roles with the same targets (the explicit ``<target>``,
                   else the whole content)
``substitutions``  the same ``{{ name }}`` substitutions
``links``          the same link and image targets, reference labels and definitions,
                   and no ``javascript:``/``vbscript:`` URL that the English lacks
``placeholders``   the same ``${VAR}``, ``$VAR``, ``{name}``, ``%s``/``%(name)s`` in the text
``emphasis``       as many strong and emphasis spans, and no marker left unparsed
``html``           the same raw HTML tags; no entity or escape that spells a tag the
                   English lacks; in theme UI strings (``html`` mode) also no character
                   reference and none of ``" ' < > ` \\`` outside tags that the English lacks
``directives``     no directive (```` ```{raw} ````, ``{eval-rst}``, ``{include}``...) the
                   English lacks
``front-matter``   no leading front-matter block (``---`` lines around YAML): MyST would read
                   it as configuration for the text's own parse
``glossary``       the language's glossary (:mod:`.glossary`)
``whitespace``     the same leading and trailing whitespace, paragraph breaks, hard
                   line breaks and carriage returns
``characters``     no control, bidi, zero-width or other invisible character the English
                   lacks: none inside code spans and URLs, and in running text only the
                   zero-width (non-)joiners a script needs (U+200C, U+200D) and, in a
                   right-to-left language, the directional marks (U+200E, U+200F, U+061C;
                   not in an image's text, a link title or HTML)

Each check is one :class:`Check` record in :data:`REGISTRY` (its name, function, whether the
build enforces it and whether the maintainers may exempt it): adding a check is one edit.
:data:`GUARDED` checks are the ones the build enforces too
(:mod:`.sphinx_ext.guard`, with :func:`guard_findings`): a translator cannot exempt
them; only the maintainers' exemptions file can, for ``code-spans`` and ``links``
(:mod:`.exemptions`). Checking whole catalogs is :mod:`.catalog_checks`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docs_i18n.checks.markup import MARKDOWN, SCRIPT_JOINERS, Markup, Parses, analyse
from docs_i18n.core import languages

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from docs_i18n.checks.glossary import Glossary

_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\r?\n")


@dataclass(frozen=True)
class Finding:
    """One problem with a translation."""

    check: str
    message: str


def _diff(what: str, english: Counter[Any], translation: Counter[Any]) -> list[str]:
    missing, added = english - translation, translation - english
    if not missing and not added:
        return []
    parts = []
    if missing:
        parts.append(f"missing {', '.join(_fmt(k) for k in sorted(missing, key=str))}")
    if added:
        parts.append(f"added {', '.join(_fmt(k) for k in sorted(added, key=str))}")
    return [f"{what} differ from the English: {'; '.join(parts)}"]


def _fmt(item: object) -> str:
    if isinstance(item, tuple):
        name, target = item
        return f"{{{name}}}" + (f" -> {target!r}" if target is not None else "")
    return repr(item)


def _allowing(english: Counter[Any], translation: Counter[Any], allowed: Collection[str] | None) -> Counter[Any]:
    """The English as an exemption widens it: the translation may use *allowed* values and
    drop English ones (``None``: no exemption)."""
    if allowed is None:
        return english
    return translation if all(value in allowed for value in translation - english) else english


def check_code_spans(en: Markup, tr: Markup, allowed: Collection[str] | None = None) -> list[str]:
    return _diff("inline code spans", _allowing(en.code, tr.code, allowed), tr.code)


def check_roles(en: Markup, tr: Markup) -> list[str]:
    return _diff("roles and their targets", en.roles, tr.roles)


def check_substitutions(en: Markup, tr: Markup) -> list[str]:
    return _diff("substitutions", en.substitutions, tr.substitutions)


def check_links(en: Markup, tr: Markup, allowed: Collection[str] | None = None) -> list[str]:
    found = _diff("link targets", _allowing(en.links, tr.links, allowed), tr.links)
    found += _diff("reference labels", en.labels, tr.labels)
    for scheme in tr.schemes - en.schemes:
        found.append(f"adds a {scheme}: URL that the English does not have")
    return found


def check_placeholders(en: Markup, tr: Markup) -> list[str]:
    return _diff("placeholders", en.placeholders, tr.placeholders)


def check_emphasis(en: Markup, tr: Markup) -> list[str]:
    found = []
    if (en.strong, en.emphasis) != (tr.strong, tr.emphasis):
        found.append(
            f"emphasis differs: the English has {en.strong} strong and {en.emphasis} emphasised spans, "
            f"the translation {tr.strong} and {tr.emphasis}"
        )
    if tr.stray > en.stray:
        found.append(
            f"{tr.stray - en.stray} '*' or '_' marker(s) left unparsed (shown as-is): a marker next to "
            "punctuation such as 「」 or （） does not open or close; move it or add a space"
        )
    return found


def check_html(en: Markup, tr: Markup) -> list[str]:
    found = []
    added, missing = tr.tags - en.tags, en.tags - tr.tags
    if added:
        found.append(f"adds raw HTML that the English does not have: {', '.join(sorted(added))}")
    if missing:
        found.append(f"drops raw HTML that the English has: {', '.join(sorted(missing))}")
    spelled = tr.spelled_tags - en.spelled_tags
    if spelled:
        found.append(f"spells HTML tags with entities or escapes: {', '.join(sorted(spelled))}")
    entities = tr.entities - en.entities
    if entities:
        found.append(f"adds character references that the English does not have: {', '.join(sorted(entities))}")
    breakout = tr.breakout - en.breakout
    if breakout:
        found.append(
            f"adds {', '.join(repr(c) for c in sorted(breakout))}, which the English does not have: a theme string "
            "may stand in an HTML attribute or a script; use typographic quotes such as “ ” ‘ ’ 「 」"
        )
    return found


def check_directives(en: Markup, tr: Markup) -> list[str]:
    added = tr.directives - en.directives
    return [f"adds a directive that the English does not have: {{{name}}}" for name in sorted(added)]


def check_front_matter(en: Markup, tr: Markup) -> list[str]:
    if tr.front_matter > en.front_matter:
        return [
            "starts with a front-matter block (a '---' line, YAML, a '---' line), which would configure the "
            "Markdown parser; a translation is text: remove the block"
        ]
    return []


def check_whitespace(en_text: str, tr_text: str, en: Markup, tr: Markup) -> list[str]:
    found = []
    for side, en_ws, tr_ws in (
        ("leading", en_text[: len(en_text) - len(en_text.lstrip())], tr_text[: len(tr_text) - len(tr_text.lstrip())]),
        ("trailing", en_text[len(en_text.rstrip()) :], tr_text[len(tr_text.rstrip()) :]),
    ):
        if en_ws != tr_ws:
            found.append(f"{side} whitespace differs: the English has {en_ws!r}, the translation {tr_ws!r}")
    breaks = len(_PARAGRAPH_BREAK_RE.findall(en_text.strip())), len(_PARAGRAPH_BREAK_RE.findall(tr_text.strip()))
    if breaks[0] != breaks[1]:
        found.append(
            f"paragraph breaks (blank lines) differ: {breaks[0]} in the English, {breaks[1]} in the translation; "
            "the build keeps only the first paragraph of a translation"
        )
    if en.hard_breaks != tr.hard_breaks:
        found.append(f"hard line breaks differ: {en.hard_breaks} in the English, {tr.hard_breaks} in the translation")
    if en_text.count("\r") != tr_text.count("\r"):
        found.append("carriage returns (\\r) differ: use \\n line ends only")
    return found


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, unicodedata.category(char))}"


def check_characters(en: Markup, tr: Markup, lang: str | None = None) -> list[str]:
    """Invisible characters the English lacks; *lang*: the translation's language (a right-to-left
    language may add directional marks to its running text, :data:`.markup.RTL_MARKS`)."""
    found = []
    in_code = tr.invisible_code - en.invisible_code
    if in_code:
        found.append(f"invisible characters inside code spans or URLs: {', '.join(map(_name, sorted(in_code)))}")
    in_prose = Counter({c: n for c, n in (tr.invisible_prose - en.invisible_prose).items() if c not in SCRIPT_JOINERS})
    if lang and tr.text_marks and languages.is_right_to_left(lang):
        in_prose = in_prose - tr.text_marks  # marks in running text are text there
    if in_prose:
        found.append(
            f"control, bidi or zero-width characters that the English does not have: "
            f"{', '.join(map(_name, sorted(in_prose)))}"
        )
    return found


@dataclass(frozen=True)
class Pair:
    """What a check compares: the English message and its translation, analysed, and what a
    check may use besides (the language's glossary, the maintainers' exemptions, the language)."""

    msgid: str
    msgstr: str
    en: Markup
    tr: Markup
    glossary: Glossary | None = None
    allowed: Mapping[str, Collection[str]] = field(default_factory=dict)  # exemptible check -> allowed values
    lang: str | None = None


@dataclass(frozen=True)
class Check:
    """One named check: adding a check is adding one of these to :data:`REGISTRY`."""

    name: str
    run: Callable[[Pair], list[str]]  # the problems found, as messages
    guard: int | None = None  # the build enforces it too: its place in the guard's findings (None: not)
    exemptible: bool = False  # the maintainers' exemptions file may allow other values (the only way)
    guard_run: Callable[[Pair], list[str]] | None = None  # how the build runs it, when it differs from `run`

    @property
    def guarded(self) -> bool:
        return self.guard is not None


def _glossary(pair: Pair) -> list[str]:
    return pair.glossary.findings(pair.en.prose, pair.tr.prose) if pair.glossary is not None else []


def _guard_roles(pair: Pair) -> list[str]:
    """The build compares roles by name and explicit ``<target>`` only: it checks the resolved
    cross-reference targets of the translated text itself."""
    return _diff("roles and their explicit targets", pair.en.role_targets, pair.tr.role_targets)


# In the order `check` reports them; the guard reports its checks most structural first (`guard`).
REGISTRY: tuple[Check, ...] = (
    Check(
        "code-spans",
        lambda p: check_code_spans(p.en, p.tr, p.allowed.get("code-spans")),
        guard=5,
        exemptible=True,
    ),
    Check("roles", lambda p: check_roles(p.en, p.tr), guard=7, guard_run=_guard_roles),
    Check("substitutions", lambda p: check_substitutions(p.en, p.tr)),
    Check("links", lambda p: check_links(p.en, p.tr, p.allowed.get("links")), guard=4, exemptible=True),
    Check("placeholders", lambda p: check_placeholders(p.en, p.tr)),
    Check("emphasis", lambda p: check_emphasis(p.en, p.tr)),
    Check("html", lambda p: check_html(p.en, p.tr), guard=2),
    Check("directives", lambda p: check_directives(p.en, p.tr), guard=3),
    Check("front-matter", lambda p: check_front_matter(p.en, p.tr), guard=1),
    Check("characters", lambda p: check_characters(p.en, p.tr, p.lang), guard=6),
    Check("glossary", _glossary),
    Check("whitespace", lambda p: check_whitespace(p.msgid, p.msgstr, p.en, p.tr)),
)
BY_NAME = {check.name: check for check in REGISTRY}
CHECKS = tuple(BY_NAME)
GUARDED = tuple(c.name for c in sorted((c for c in REGISTRY if c.guarded), key=lambda c: c.guard or 0))
EXEMPTIBLE = tuple(c.name for c in REGISTRY if c.exemptible)


# English messages (about 2.6 KB each analysed) whose analyses are kept: every message of
# OpenClaw's size (800 pages of about 40), read again in each language
ENGLISH_CACHE_SIZE = 40_000


@functools.lru_cache(maxsize=ENGLISH_CACHE_SIZE)
def english(msgid: str, mode: str = MARKDOWN, md: MarkdownIt | None = None) -> Markup:
    """:func:`.markup.analyse` of an English message, analysed once for every language's catalog.

    The analysis is shared: no check changes a :class:`.markup.Markup` (a test compares each
    shared analysis with a new one after every check has run)."""
    return analyse(msgid, mode, md)


def compare(
    msgid: str,
    msgstr: str,
    *,
    mode: str = MARKDOWN,
    glossary: Glossary | None = None,
    checks: Iterable[str] = CHECKS,
    md: MarkdownIt | None = None,
    allowed: Mapping[str, Collection[str]] | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """Compare a message with its translation; return the findings of *checks*.

    *allowed* maps an :data:`EXEMPTIBLE` check to the values the maintainers let this
    translation use in place of the English ones; *lang* is the translation's language.
    """
    pair = Pair(msgid, msgstr, english(msgid, mode, md), analyse(msgstr, mode, md), glossary, allowed or {}, lang)
    found: list[Finding] = []
    for name in checks:
        if name not in BY_NAME:
            raise ValueError(f"unknown check {name!r}")
        found.extend(Finding(name, message) for message in BY_NAME[name].run(pair))
    return found


def guard_findings(
    msgid: str,
    msgstr: str,
    *,
    mode: str = MARKDOWN,
    md: MarkdownIt | None = None,
    allowed: Mapping[str, Collection[str]] | None = None,
    lang: str | None = None,
    parses: Parses | None = None,
) -> list[Finding]:
    """The findings the build refuses (:data:`GUARDED`, in that order): a front-matter block, raw
    HTML, directives, link, code span and role changes, invisible characters. Each check runs as
    the build runs it (:attr:`Check.guard_run`); *allowed* and *lang* are as for :func:`compare`;
    *parses* receives the parse of *msgstr* (:func:`.markup.analyse`).
    """
    tr = analyse(msgstr, mode, md, parses)
    pair = Pair(msgid, msgstr, english(msgid, mode, md), tr, None, allowed or {}, lang)
    found: list[Finding] = []
    for name in GUARDED:
        check = BY_NAME[name]
        found.extend(Finding(name, message) for message in (check.guard_run or check.run)(pair))
    return found
