"""Raw HTML/MDX blocks read as components: tags, attributes and text, compared with the English.

OpenClaw's pages use Mintlify's MDX components (``<Tabs>``, ``<Tab title="...">``,
``<Steps>``, ``<Step title="...">``, ``<Note>``, ``<Tip>``, ``<Warning>``,
``<Card title="..." href="..." icon="...">``, ``<Accordion title="...">`` and their
groups). MyST reads them as raw HTML blocks, which a catalog cannot translate: the
build shows the English block. A translated page usually translates some of their
attribute values and the text between the tags. Reading both blocks with the
standard library's HTML tokenizer tells a translated title apart from changed
markup, so the import can say exactly what differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes of the common components that hold reader-facing text (translators translate them).
TEXT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "tab": frozenset({"title"}),
    "step": frozenset({"title"}),
    "card": frozenset({"title"}),
    "accordion": frozenset({"title", "description"}),
    "note": frozenset({"title"}),
    "tip": frozenset({"title"}),
    "warning": frozenset({"title"}),
    "info": frozenset({"title"}),
    "check": frozenset({"title"}),
    "tabs": frozenset(),
    "steps": frozenset(),
    "cardgroup": frozenset(),
    "accordiongroup": frozenset(),
}
_SNIPPET = 50
_NAME_RE = re.compile(r"<\s*([^\s/>]+)")


@dataclass(frozen=True)
class Token:
    """A start or end tag (with its attributes) or a run of text."""

    kind: str  # "start", "end" or "text"
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()
    text: str = ""


class _Tokenizer(HTMLParser):
    """Tags as written (``Tab``, not the parser's ``tab``), attributes, and texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.written: dict[str, str] = {}  # lowercased tag name -> as the page writes it

    def _name(self, tag: str) -> str:
        found = _NAME_RE.match(self.get_starttag_text() or "")
        if found is not None and found.group(1).lower() == tag:
            self.written[tag] = found.group(1)
        return self.written.get(tag, tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(Token("start", self._name(tag), tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = self._name(tag)
        self.tokens.append(Token("start", name, tuple(attrs)))
        self.tokens.append(Token("end", name))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(Token("end", self.written.get(tag, tag)))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            self.tokens.append(Token("text", text=text))


def tokens(block: str) -> list[Token]:
    """The tags and texts of a raw block, in order (tag names lowercased, text whitespace-squashed)."""
    reader = _Tokenizer()
    reader.feed(block)
    reader.close()
    return reader.tokens


def _quote(text: str | None) -> str:
    flat = "" if text is None else text
    return '"' + (flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…") + '"'


def _tag(token: Token) -> str:
    return f"</{token.tag}>" if token.kind == "end" else f"<{token.tag}>"


def differences(english: str, translated: str) -> list[str]:
    """What differs between two raw blocks, one phrase each; empty when they are the same.

    A block whose tags and non-text attributes match is described attribute by
    attribute ("<Tab> title translated ...") and by its text; otherwise the first
    point where the markup differs is named.
    """
    if english == translated:
        return []
    ours, theirs = tokens(english), tokens(translated)
    tags_ours = [(t.kind, t.tag, tuple(name for name, _ in t.attrs)) for t in ours if t.kind != "text"]
    tags_theirs = [(t.kind, t.tag, tuple(name for name, _ in t.attrs)) for t in theirs if t.kind != "text"]
    if tags_ours != tags_theirs:
        return [_markup_divergence(ours, theirs)]
    found: list[str] = []
    tags_a = [t for t in ours if t.kind != "text"]
    tags_b = [t for t in theirs if t.kind != "text"]
    for a, b in zip(tags_a, tags_b, strict=True):
        text_names = TEXT_ATTRIBUTES.get(a.tag.lower(), frozenset())
        for (name, value_a), (_, value_b) in zip(a.attrs, b.attrs, strict=True):
            if value_a == value_b:
                continue
            if name in text_names:
                found.append(f"<{a.tag}> {name} translated: {_quote(value_a)} -> {_quote(value_b)}")
            else:
                found.append(f"<{a.tag}> {name} changed: {_quote(value_a)} -> {_quote(value_b)} (not a text attribute)")
    texts_a = [t.text for t in ours if t.kind == "text"]
    texts_b = [t.text for t in theirs if t.kind == "text"]
    if texts_a != texts_b:
        changed = sum(1 for x, y in zip(texts_a, texts_b, strict=False) if x != y) + abs(len(texts_a) - len(texts_b))
        first = next((i for i, (x, y) in enumerate(zip(texts_a, texts_b, strict=False)) if x != y), None)
        if first is None:
            first = min(len(texts_a), len(texts_b))
        shown_a = texts_a[first] if first < len(texts_a) else ""
        shown_b = texts_b[first] if first < len(texts_b) else ""
        found.append(f"{changed} text(s) between the tags differ, first {_quote(shown_a)} -> {_quote(shown_b)}")
    if not found:
        found.append("only its layout differs (spaces or line breaks)")
    return found


def _markup_divergence(ours: list[Token], theirs: list[Token]) -> str:
    a = [t for t in ours if t.kind != "text"]
    b = [t for t in theirs if t.kind != "text"]
    for x, y in zip(a, b, strict=False):
        if (x.kind, x.tag) != (y.kind, y.tag):
            return f"markup differs: the English block has {_tag(x)} where this one has {_tag(y)}"
        names_x = [name for name, _ in x.attrs]
        names_y = [name for name, _ in y.attrs]
        if names_x != names_y:
            return (
                f"markup differs: <{x.tag}> has attributes {', '.join(names_x) or 'none'} in English, "
                f"{', '.join(names_y) or 'none'} here"
            )
    if len(a) > len(b):
        return f"markup differs: this block ends before the English block's {_tag(a[len(b)])}"
    return f"markup differs: this block has {_tag(b[len(a)])} after the English block ends"
