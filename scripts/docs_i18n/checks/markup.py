"""What a message contains, as far as the translation checks care.

:func:`analyse` parses a text with MyST's own Markdown parser (markdown-it with
MyST's plugins), so code spans, roles, links, raw HTML and emphasis are found
exactly as the build finds them; directive fences, dangerous URL schemes,
placeholders and reference labels are also matched in the text itself. Theme UI
strings are analysed in ``html`` mode: they are HTML for a template, not Markdown.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docs_i18n.checks import plain_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MARKDOWN = "markdown"
HTML = "html"

_TAG_RE = re.compile(
    r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)[^<>]*>?"  # open or closing tag
    r"|!--(?:[^-]|-(?!->))*(?:-->|$)"  # comment
    r"|![A-Za-z\[][^<>]*>?"  # declaration, CDATA
    r"|\?[^<>]*>?)"  # processing instruction
)
# A fence is matched from the start of its run of markers only: trying every position
# inside a long run of backticks or colons would take quadratic time.
_DIRECTIVE_RE = re.compile(r"(?:(?<!`)`{3,}+|(?<!~)~{3,}+|(?<!:):{3,}+)[ \t]*+\{([^{}\s]+)\}")
_SCHEME_RE = re.compile(r"(?<![A-Za-z0-9+.-])(javascript|vbscript)[\s\x00]*:", re.IGNORECASE)
_SUBSTITUTION_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_PLACEHOLDER_RE = re.compile(
    r"\$\{[A-Za-z_][A-Za-z0-9_]*\}"  # ${VAR}
    r"|\$[A-Z_][A-Z0-9_]*(?![A-Za-z0-9_])"  # $VAR
    r"|%\([^()\s]+\)[#0+-]*\d*(?:\.\d+)?[sdiouxXeEfFgGcr]"  # %(name)s
    r"|%\d+\$[sd]|%[sdif]"  # %1$s, %s
    r"|(?<!\{)\{(?:[A-Za-z_][A-Za-z0-9_.]*|\d*)\}(?!\})"  # {name}, {0}, {}
)
_LABEL_RE = re.compile(r"\]\[([^\[\]]+)\]")
_EXPLICIT_TARGET_RE = re.compile(r"^(.+?)\s*(?<!\x00)<([^<]*?)>$", re.DOTALL)  # as Sphinx splits titles
_STRAY_RE = re.compile(r"\*+|(?<![^\W_])_+|_+(?![^\W_])")
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# Characters that end an HTML attribute value, a tag or a script string when a template
# puts a UI string in one (Sphinx's templates do not escape it).
BREAKOUT = frozenset("\"'<>`\\")
# Characters a script needs in running text: zero-width non-joiner and joiner (Persian, Indic scripts).
SCRIPT_JOINERS = frozenset("\u200c\u200d")
# Directional marks, text in right-to-left languages (a neutral's direction, next to a Latin word or
# a number): left-to-right mark, right-to-left mark, Arabic letter mark. Not embeddings, overrides or
# isolates (U+202A-U+202E, U+2066-U+2069), which reorder what follows them.
RTL_MARKS = frozenset("\u200e\u200f\u061c")


def is_invisible(char: str) -> bool:
    """A control, format (bidi, zero-width, soft hyphen, tag) or line/paragraph separator character.

    Tab and newline are text.
    """
    return char not in "\t\n" and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def invisible(text: str) -> Counter[str]:
    """The invisible characters of *text* (:func:`is_invisible`), counted."""
    if text.isprintable():  # none: every invisible character is unprintable (Python's Cc, Cf, Zl, Zp)
        return Counter()
    return Counter(char for char in text if not char.isprintable() and is_invisible(char))


@dataclass
class Markup:
    """What a text contains, as far as the checks care."""

    code: Counter[str] = field(default_factory=Counter)
    roles: Counter[tuple[str, str]] = field(default_factory=Counter)  # (name, target or content)
    role_targets: Counter[tuple[str, str | None]] = field(default_factory=Counter)  # (name, explicit target)
    substitutions: Counter[str] = field(default_factory=Counter)
    links: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    schemes: Counter[str] = field(default_factory=Counter)
    placeholders: Counter[str] = field(default_factory=Counter)
    strong: int = 0
    emphasis: int = 0
    stray: int = 0
    tags: Counter[str] = field(default_factory=Counter)
    spelled_tags: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)  # html mode: character references
    breakout: Counter[str] = field(default_factory=Counter)  # html mode: BREAKOUT characters outside tags
    invisible_prose: Counter[str] = field(default_factory=Counter)  # outside code spans and URLs
    invisible_code: Counter[str] = field(default_factory=Counter)  # inside code spans and URLs
    text_marks: Counter[str] = field(default_factory=Counter)  # RTL_MARKS in running text (no code, URL, attribute)
    directives: Counter[str] = field(default_factory=Counter)
    front_matter: int = 0  # a leading front-matter block (``---`` ... ``---``), which configures MyST
    hard_breaks: int = 0
    prose: str = ""  # the running text: no code, URLs, roles or HTML


@functools.cache
def markdown_parser() -> MarkdownIt:
    """MyST's Markdown parser with its default configuration."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    return create_md_parser(MdParserConfig(), RendererHTML)


def split_tags(text: str) -> list[tuple[bool, str]]:
    """*text* cut into ``(is_tag, part)`` pieces, as the ``html`` check finds tags."""
    parts: list[tuple[bool, str]] = []
    position = 0
    for match in _TAG_RE.finditer(text):
        if match.start() > position:
            parts.append((False, text[position : match.start()]))
        parts.append((True, match.group(0)))
        position = match.end()
    if position < len(text):
        parts.append((False, text[position:]))
    return parts


def _tags(text: str) -> list[str]:
    return [" ".join(m.group(0).split()) for m in _TAG_RE.finditer(text)]


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


# text -> what markdown-it's parse of it gave: its tokens and the environment it filled (references)
Parses = dict[str, tuple[list["Token"], dict[str, Any]]]


def analyse(text: str, mode: str = MARKDOWN, md: MarkdownIt | None = None, parses: Parses | None = None) -> Markup:
    """Analyse *text* as MyST Markdown (or, in ``html`` mode, as template HTML).

    *parses*, when given, receives the tokens and environment of the parse of *text* (when it was
    parsed: plain text and HTML are not), for the build to render what was analysed."""
    markup = Markup()
    if mode == HTML:
        markup.tags.update(_tags(text))
        decoded = html.unescape(text)
        markup.spelled_tags.update(_tags(decoded))
        markup.spelled_tags.subtract(markup.tags)
        outside_tags = _TAG_RE.sub(" ", text)
        markup.entities.update(m.group(0) for m in _ENTITY_RE.finditer(outside_tags))
        markup.breakout.update(char for char in outside_tags if char in BREAKOUT)
        markup.prose = html.unescape(outside_tags)
    else:
        env: dict[str, Any] = {}
        prose: list[str] = []
        parser = md or markdown_parser()
        if plain_text.is_plain(text) and plain_text.verified(parser):  # a paragraph of one text token
            _text(text, markup, prose)
            prose.append("\n")
        else:
            tokens = parser.parse(text, env)
            _walk(tokens, markup, prose)
            if parses is not None:
                parses[text] = (tokens, env)
        markup.prose = "".join(prose)
        for label, ref in (env.get("references") or {}).items():
            markup.labels[_label(label)] += 1
            markup.links[str(ref.get("href", ""))] += 1
        markup.labels.update(_label(m.group(1)) for m in _LABEL_RE.finditer(markup.prose))
        markup.directives.update(m.group(1) for m in _DIRECTIVE_RE.finditer(text))
    if markup.spelled_tags:
        markup.spelled_tags = +markup.spelled_tags
    readable_urls = [(md or markdown_parser()).normalizeLinkText(url) for url in markup.links.elements()]
    code_and_urls = [*markup.code.elements(), *readable_urls]  # URLs as written: no punycode, no %-escapes
    for part in code_and_urls:
        markup.invisible_code.update(invisible(part))
    markup.invisible_prose = invisible(text)
    if markup.invisible_code:
        markup.invisible_prose -= markup.invisible_code
    markup.schemes.update(m.group(1).lower() for m in _SCHEME_RE.finditer(html.unescape(text)))
    markup.substitutions.update(m.group(1) for m in _SUBSTITUTION_RE.finditer(markup.prose))
    markup.placeholders.update(m.group(0) for m in _PLACEHOLDER_RE.finditer(_SUBSTITUTION_RE.sub(" ", markup.prose)))
    return markup


def _text(content: str, markup: Markup, prose: list[str], attribute: bool = False) -> None:
    """Collect a text token's *content* (*attribute*: an image's ``alt``)."""
    prose.append(content)
    if not attribute and not RTL_MARKS.isdisjoint(content):
        markup.text_marks.update(char for char in content if char in RTL_MARKS)
    if "<" in content:  # a tag starts with one
        markup.spelled_tags.update(_tags(content))
    markup.stray += len(_STRAY_RE.findall(content))


def _walk(tokens: Iterable[Token], markup: Markup, prose: list[str], attribute: bool = False) -> None:
    """Collect *tokens*' markup; *attribute*: their text becomes an attribute (an image's ``alt``)."""
    for token in tokens:
        kind = token.type
        if kind == "text":
            _text(token.content, markup, prose, attribute)
        elif kind in ("softbreak", "hardbreak"):
            prose.append(" ")
            markup.hard_breaks += kind == "hardbreak"
        elif kind == "code_inline":
            markup.code[token.content] += 1
        elif kind == "myst_role":
            name = str(token.meta.get("name", ""))
            match = _EXPLICIT_TARGET_RE.match(token.content)
            markup.roles[(name, match.group(2) if match else token.content)] += 1
            markup.role_targets[(name, match.group(2) if match else None)] += 1
        elif kind == "link_open":
            markup.links[str(token.attrGet("href") or "")] += 1
        elif kind == "image":
            markup.links[str(token.attrGet("src") or "")] += 1
        elif kind in ("html_inline", "html_block"):
            markup.tags.update(_tags(token.content) or [" ".join(token.content.split())])
        elif kind == "strong_open":
            markup.strong += 1
        elif kind == "em_open":
            markup.emphasis += 1
        elif kind == "substitution_inline" or kind == "substitution_block":
            markup.substitutions[token.content.strip()] += 1
        elif kind == "front_matter":
            markup.front_matter += 1
        elif kind in ("paragraph_close", "heading_close", "list_item_close"):
            prose.append("\n")
        if token.children and kind != "myst_role":
            _walk(token.children, markup, prose, attribute or kind == "image")
