"""One parse for a translated message that ``Locale`` parses twice.

Sphinx's ``Locale`` transform parses every translated message twice: once in its first
pass (which keeps the result only for a section title) and again in its second, each
time into a new document with the same source (the page, the node's line) and the
same settings. The guarded parser (:mod:`.parsing`) keeps what a *clean* parse of a
message built and gives a copy to the next parse of the same text, for the same
document source, with the same parser (the same English page and configuration).

A parse is clean, and kept, only when it left nothing but what is copied: no
refusal, no message from docutils' reporter or Sphinx's logging (a warning is given
each time the text is parsed, as before), no change to the document besides its
children (no id, name, target, footnote or pending transform), and one paragraph
of :data:`KEPT` nodes (text, emphasis, strong emphasis and code spans). Anything
else is parsed again, as Sphinx would. The copy is the very tree that parse built, so
the guard (:mod:`.guard`, :mod:`.tree_shape`) sees the same nodes either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docutils import nodes

from docs_i18n.sphinx_ext import compat

# The node types a kept parse may hold: none of them registers anything with the document.
KEPT = (nodes.paragraph, nodes.Text, nodes.emphasis, nodes.strong, nodes.literal)
# Document attributes a parse changes on every document, whatever the text.
_EVERY_PARSE = frozenset({"children", "current_source", "current_line", "myst_slugs"})

# MyST defines these substitutions in every document it renders (the text's word count and reading
# time): the message's document is dropped once ``Locale`` took its paragraph, and they with it.
_WORD_COUNT = frozenset({"wordcount-words", "wordcount-minutes"})

_SIZED = (dict, list, set, tuple)

Parsed = tuple[nodes.Node, ...]


def _state(document: nodes.document) -> dict[str, Any]:
    """What of *document* besides its children a parse could change (sizes of its registries)."""
    state: dict[str, Any] = {}
    for key, value in vars(document).items():
        if key in _EVERY_PARSE:
            continue
        if key in ("substitution_defs", "substitution_names"):
            state[key] = sorted(set(value) - _WORD_COUNT)
            continue
        state[key] = len(value) if isinstance(value, _SIZED) else id(value)
    state["#attributes"] = repr(sorted(document.attributes.items()))
    state["#transforms"] = len(getattr(document.transformer, "transforms", ()))
    return state


class Watch:
    """Watch one parse into *document*: :meth:`clean` says whether what it built may be kept."""

    def __init__(self, document: nodes.document) -> None:
        self._document = document
        self._before = _state(document)
        self._messages: list[nodes.system_message] = []
        self._logged = compat.logged_records()
        document.reporter.attach_observer(self._messages.append)

    def clean(self, refused: Iterable[str]) -> bool:
        """True when the parse refused nothing, reported and logged nothing, changed nothing of the
        document but its children, and built one paragraph of :data:`KEPT` nodes."""
        document = self._document
        document.reporter.detach_observer(self._messages.append)
        if list(refused) or self._messages or compat.logged_records() != self._logged:
            return False
        if getattr(document, "myst_slugs", None) or _state(document) != self._before:
            return False
        if len(document.children) != 1 or not isinstance(document[0], nodes.paragraph):
            return False
        return all(isinstance(node, KEPT) for node in document.findall(include_self=False))


def keep(document: nodes.document) -> Parsed:
    """A copy of what the parse built into *document*."""
    return tuple(child.deepcopy() for child in document.children)


def replay(parsed: Parsed, document: nodes.document) -> None:
    """Give *document* a copy of a kept parse, as if the text had been parsed into it."""
    for node in parsed:
        copy = node.deepcopy()
        for each in copy.findall():
            each.document = document
        document += copy
