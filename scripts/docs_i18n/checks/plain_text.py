"""Messages that are plain text: one line that a verified MyST parser reads as a paragraph of it.

Most translated messages are a sentence with no markup, and parsing each is most of what the
build and the checks spend on it. :func:`is_plain` is the rule that lets them skip the parse; it
is fail-closed:

- the parser must be one whose active rules are all in :data:`VERIFIED_RULES` (those of
  the project's configuration, where the property tests tie the skipped parse to MyST's:
  ``tests/unit/sphinx_ext/test_plain_text.py`` for the build's paragraph,
  ``tests/unit/checks/test_markup.py`` for :func:`.markup.analyse`), with no typographer, no
  linkify and no line breaks as ``<br>``: any MyST extension a page or ``conf.py`` turns on
  adds a rule, and turns the rule off for that parser;
- the text must be one line, without leading or trailing space, made of letters, marks,
  digits, spaces and punctuation or symbols that no rule of that parser reads: of ASCII,
  only letters, digits, space and :data:`INERT_ASCII`, never first a list marker (``-``,
  ``+``, a number and ``.`` or ``)``); beyond ASCII, no space other than U+0020, no control,
  format (invisible), surrogate, private or unassigned character.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# The rules of MyST's parser with the project's configuration (conf.py: no MyST extension), by
# chain: those of translated messages (the build's) and of a whole message (the checks'; it adds
# front_matter). The property tests parse with exactly these.
VERIFIED_RULES: dict[str, frozenset[str]] = {
    "core": frozenset({"normalize", "block", "inline", "text_join", "wordcount"}),
    "block": frozenset(
        {
            "table",
            "code",
            "fence",
            "myst_line_comment",
            "blockquote",
            "myst_block_break",
            "front_matter",  # reads only a text that starts with ``---``: never plain (a list marker first)
            "myst_target",
            "hr",
            "list",
            "footnote_def",
            "reference",
            "html_block",
            "heading",
            "lheading",
            "paragraph",
        }
    ),
    "inline": frozenset(
        {
            "text",
            "newline",
            "escape",
            "myst_role",
            "backticks",
            "emphasis",
            "link",
            "image",
            "footnote_ref",
            "autolink",
            "html_inline",
            "entity",
        }
    ),
    "inline2": frozenset({"balance_pairs", "emphasis", "fragments_join"}),
}
# ASCII punctuation that none of those rules reads inside a line (``-`` not first: a list).
INERT_ASCII = frozenset(" .,;?'\"/-")
_LIST_START = re.compile(r"[0-9]+[.)]|[-+]")
_REFUSED_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"})


def verified(md: MarkdownIt) -> bool:
    """Whether *md* parses plain text as the verified configuration does (its rules are among
    :data:`VERIFIED_RULES`; no typographer, linkify or breaks)."""
    if md.options.get("typographer") or md.options.get("linkify") or md.options.get("breaks"):
        return False
    active = md.get_active_rules()
    return set(active) <= set(VERIFIED_RULES) and all(
        set(rules) <= VERIFIED_RULES[chain] for chain, rules in active.items()
    )


def _inert(char: str) -> bool:
    if char.isascii():
        return char.isalnum() or char in INERT_ASCII
    return unicodedata.category(char) not in _REFUSED_CATEGORIES


def is_plain(text: str) -> bool:
    """Whether *text* is one line of plain text that a verified parser reads as a paragraph of it."""
    if not text or text[0] == " " or text[-1] == " " or _LIST_START.match(text):
        return False
    return all(_inert(char) for char in text)
