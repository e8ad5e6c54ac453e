"""The allow-list of the build guarantee: a translation is the English tree with other text.

A translated node is accepted only if what ``Locale`` built for it has the same
shape as the English node: the same node types in the same nesting, each with the
same attributes (ids, classes, names, ``refuri``, ``refid``, ``reftarget``,
``language``, any other), and the same text where text is code (inline code, raw
output, math). Only text may differ (text nodes, and the attributes that are text
for a reader: an image's ``alt``, a link's ``title``), the order of the nodes
inside one parent (a language puts a link or a code span where its word order needs it),
and plain emphasis and strong emphasis, which are styling of the text: a translation
may drop them (Korean and Japanese seldom use italics; CommonMark does not close
``**`` before a CJK character, so ``**標籤：**文字`` shows its asterisks) or add them.

:func:`shape` is a node's shape; :func:`differences` says, in a reader's words, how
two lists of children differ. Link targets and code spans the maintainers allow for
a message (``i18n-exemptions.toml``) compare equal to the English ones they replace.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes

# Nodes whose text is code or markup, compared like an attribute.
VERBATIM = (nodes.literal, nodes.raw, nodes.math, nodes.literal_block, nodes.math_block, nodes.doctest_block)
# Set by Locale and by this project's transforms on nodes they translated or checked: not content;
# and attributes that are text for a reader (an image's alt text, a link's title), which the HTML
# writer escapes as any attribute value.
IGNORED_ATTRIBUTES = frozenset({"translated", "rawtext", "alt", "title", "explanation"})
# Attributes that hold a destination: an exemption may allow another one.
DESTINATIONS = ("refuri", "reftarget", "refid", "uri")
_WILDCARD = "<allowed by i18n-exemptions.toml>"

Shape = tuple[Any, ...]


@dataclass(frozen=True)
class Allowed:
    """What the maintainers let one message use in place of the English (``i18n-exemptions.toml``)."""

    links: frozenset[str] = field(default_factory=frozenset)
    code: frozenset[str] = field(default_factory=frozenset)


def _value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_value(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _value(v)) for k, v in value.items()))
    return value if isinstance(value, str | int | float | bool | type(None)) else repr(value)


def shape(node: nodes.Node, allowed: Allowed | None = None) -> Shape:
    """The node's type, attributes, verbatim text, and its children's shapes in any order; text aside."""
    if isinstance(node, nodes.Text):
        return ("#text",)
    assert isinstance(node, nodes.Element)
    attributes = []
    for key, value in sorted(node.attributes.items()):
        if key in IGNORED_ATTRIBUTES or value in ([], None, ""):
            continue
        if allowed and allowed.links and key in DESTINATIONS and value in allowed.links:
            value = _WILDCARD
        attributes.append((key, _value(value)))
    verbatim = None
    if isinstance(node, VERBATIM):
        verbatim = node.astext()
        if allowed and allowed.code and isinstance(node, nodes.literal) and verbatim in allowed.code:
            verbatim = _WILDCARD
    return (node.tagname, tuple(attributes), verbatim, children_shape(node.children, allowed))


STYLING = (nodes.emphasis, nodes.strong)  # compared as their content: a translation may drop or add them


def _compared(children: Iterable[nodes.Node]) -> Iterable[nodes.Element]:
    """*children* as compared: text left out, plain emphasis and strong replaced by their content."""
    for child in children:
        if isinstance(child, nodes.Text):
            continue
        if isinstance(child, STYLING) and not any(child.get(key) for key in ("ids", "classes", "names")):
            yield from _compared(child.children)
        else:
            yield child


def children_shape(children: Iterable[nodes.Node], allowed: Allowed | None = None) -> tuple[tuple[Shape, int], ...]:
    """The shapes of *children* as a multiset (text, emphasis and strong aside), in a canonical order."""
    counted = Counter(shape(child, allowed) for child in _compared(children))
    return tuple(sorted(counted.items(), key=repr))


def widen(english: Allowed | None, english_children: Iterable[nodes.Node]) -> Allowed | None:
    """The exemption as both sides compare it: the English values it replaces count as allowed too."""
    if english is None or not (english.links or english.code):
        return None
    links, code = set(english.links), set(english.code)
    for child in english_children:
        if not isinstance(child, nodes.Element):
            continue
        for node in child.findall(nodes.Element):
            if english.links:
                links.update(str(node[key]) for key in DESTINATIONS if isinstance(node.get(key), str) and node[key])
            if english.code and isinstance(node, nodes.literal):
                code.add(node.astext())
    return Allowed(frozenset(links), frozenset(code))


def differences(english: Iterable[nodes.Node], translated: Iterable[nodes.Node], allowed: Allowed | None) -> list[str]:
    """How the translated children differ from the English ones, beyond text; empty when they match."""
    english_shapes = Counter(shape(child, allowed) for child in _compared(english))
    translated_shapes = Counter(shape(child, allowed) for child in _compared(translated))
    if english_shapes == translated_shapes:
        return []
    added = sorted((translated_shapes - english_shapes).elements(), key=repr)
    missing = sorted((english_shapes - translated_shapes).elements(), key=repr)
    found = []
    for new in list(added):
        old = next((item for item in missing if item[0] == new[0]), None)
        if old is not None:  # the same kind of node, changed: name what changed
            added.remove(new)
            missing.remove(old)
            found.append(f"changes {new[0]}: {_changes(old, new)}")
    found += [f"adds {describe(item)}" for item in added]
    found += [f"drops {describe(item)}" for item in missing]
    return found


def _changes(old: Shape, new: Shape) -> str:
    """What differs between two shapes of the same node type."""
    before, after = dict(old[1]), dict(new[1])
    parts = [
        f"{key} {before.get(key)!r} -> {after.get(key)!r}"
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    ]
    if old[2] != new[2]:
        parts.append(f"text {old[2]!r} -> {new[2]!r}")
    if old[3] != new[3]:
        parts.append("its content differs beyond text")
    return ", ".join(parts)


def describe(item: Shape, depth: int = 0) -> str:
    """A shape in a reader's words: ``reference refuri='https://...' containing literal '...'``."""
    tagname, attributes, verbatim, children = item
    parts = [tagname]
    parts += [f"{key}={value!r}" for key, value in attributes]
    if verbatim is not None:
        parts.append(repr(verbatim if len(verbatim) <= 60 else verbatim[:57] + "..."))
    text = " ".join(parts)
    inner = [describe(child, depth + 1) for child, _ in children if child != ("#text",)]
    if inner and depth < 2:
        text += " containing " + ", ".join(inner)
    return text
