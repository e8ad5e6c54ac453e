"""Sphinx's own message extraction, run for the Markdown tools (:mod:`.splitter`).

The gettext builder runs over a source tree (the project's ``conf.py`` and
extensions, MyST, every read transform, ``sphinx.util.nodes.extract_messages``)
and each resolved doctree becomes :class:`~docs_i18n.markdown.splitting.Block`
lists: front-matter fields, then the body's messages and literal blocks in
document order. The messages are checked against the builder's own catalog.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages

from docs_i18n.core.errors import InputError
from docs_i18n.markdown.splitting import Block
from docs_i18n.sphinx_ext import inprocess, parsing
from docs_i18n.sphinx_ext.frontmatter_meta import META_NAMES
from docs_i18n.sphinx_ext.page_title import TITLE_MARK
from docs_i18n.sphinx_ext.rendered import in_substitution_definition

FIELD_OF_META = {meta: key for key, meta in META_NAMES.items()}
_ADMONITIONS = (nodes.Admonition,)


def extract_blocks(
    srcdir: Path, confdir: Path, docnames: set[str], stand_ins: Mapping[Path, tuple[Path, Path]] | None = None
) -> dict[str, tuple[list[Block], list[Block]]]:
    """Run Sphinx's gettext builder over *srcdir*; return ``(front-matter, body)`` blocks of *docnames*.

    *stand_ins* maps translated pages copied into *srcdir* to ``(English page, the file the
    user named)``: each is parsed as untrusted text (:func:`.parsing.standing_in`: the English
    page's MyST configuration, only the directives and roles the English page has). Anything
    refused in one is an :class:`InputError` at its line in the user's file.
    """
    found: dict[str, tuple[list[Block], list[Block]]] = {}
    expected: dict[str, list[str]] = {}

    def collect(app: Sphinx, doctree: nodes.document, docname: str) -> None:
        if docname in docnames:
            toc = app.env.tocs[docname]
            found[docname], expected[docname] = _blocks(doctree, toc)

    # No catalogs: pages are read untranslated whatever the configured language.
    overrides = {"locale_dirs": [], "gettext_compact": False}
    with (
        parsing.standing_in({path: english for path, (english, _) in (stand_ins or {}).items()}) as refused,
        inprocess.sphinx_app(srcdir, confdir, "gettext", overrides) as app,
    ):
        inprocess.build(app, confdir, collect)
        shown = {os.path.realpath(path): user for path, (_, user) in (stand_ins or {}).items()}
        for source, line, message in refused.found():
            raise InputError(shown.get(os.path.realpath(source), source), line, message)
        for docname, messages in expected.items():
            catalog = list(app.builder.catalogs[docname].metadata)  # type: ignore[attr-defined]
            if catalog != messages:
                raise InputError(srcdir / docname, 0, "message extraction disagrees with Sphinx's gettext builder")
    return found


def _blocks(doctree: nodes.document, toc: nodes.Node) -> tuple[tuple[list[Block], list[Block]], list[str]]:
    """The blocks of one resolved doctree, and its messages as the gettext builder lists them."""
    order = {id(node): index for index, node in enumerate(doctree.findall())}
    toc_messages = [(node, msg) for toctree in toc.findall(addnodes.toctree) for node, msg in extract_messages(toctree)]
    doc_messages = [
        (node, msg)
        for node, msg in extract_messages(doctree)
        if hasattr(node, "uid") and not in_substitution_definition(node)  # what the builder's catalog keeps
    ]
    expected = list(dict.fromkeys([msg for _, msg in toc_messages] + [msg for _, msg in doc_messages]))
    message_nodes = {id(node) for node, _ in doc_messages}

    front: list[Block] = []
    body: list[tuple[int, int, Block]] = []
    for node, msg in toc_messages:
        body.append((-1, len(body), Block("toctree caption", msg, node.line or 0, ("toctree",), raw=msg)))
    for node, msg in doc_messages:
        if isinstance(node, LITERAL_TYPE_NODES):
            continue  # code translated through gettext_additional_targets: still compared verbatim below
        if isinstance(node, nodes.meta) and node.get("name") in FIELD_OF_META:
            key = FIELD_OF_META[node["name"]]
            front.append(Block(f"front-matter {key}", msg, node.line or 0, ("meta", key), raw=msg, field=key))
            continue
        if isinstance(node, nodes.title) and node.get(TITLE_MARK):
            key = node[TITLE_MARK]  # the page's H1, made from its front-matter title (page_title)
            front.append(Block(f"front-matter {key}", msg, 1, ("meta", key), raw=msg, field=key))
            continue
        shape = _shape(node)
        raw = node.rawsource if isinstance(getattr(node, "rawsource", None), str) else ""
        nested = any(id(parent) in message_nodes for parent in _ancestors(node))
        block = Block(
            _kind(node, shape),
            msg,
            node.line or 0,
            shape,
            raw=raw if raw.strip() and _joined(raw) == msg else msg,
            nested=nested,
            cell=_cell(node),
        )
        body.append((order[id(node)], len(body), block))
    for node in doctree.findall(lambda n: isinstance(n, LITERAL_TYPE_NODES)):
        if any(id(parent) in message_nodes or isinstance(parent, nodes.TextElement) for parent in _ancestors(node)):
            continue  # inline raw (a hard line break) belongs to its paragraph
        shape = _shape(node)
        text = node.rawsource or node.astext()
        language = str(node.get("language", "") or "")
        block = Block(_kind(node, shape), text, node.line or 0, shape, raw=text, verbatim=True, language=language)
        body.append((order[id(node)], len(body), block))
    body.sort(key=lambda item: (item[0], item[1]))
    return (front, [block for _, _, block in body]), expected


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.document):
        found.append(parent)
        parent = parent.parent
    return found


def _shape(node: nodes.Node) -> tuple[str, ...]:
    return tuple(reversed([node.tagname] + [parent.tagname for parent in _ancestors(node)]))


def _joined(raw: str) -> str:
    """Lines joined as Sphinx joins them, without its backslash handling (for a sanity check)."""
    return " ".join(line.rstrip(" \t").removesuffix("\\").rstrip(" \t") for line in raw.split("\n")).strip()


def _kind(node: nodes.Node, shape: tuple[str, ...]) -> str:
    if isinstance(node, nodes.literal_block):
        language = node.get("language")
        return f"code block ({language})" if language and language != "default" else "code block"
    if isinstance(node, LITERAL_TYPE_NODES):
        return {"math_block": "math block", "doctest_block": "doctest block", "raw": "raw block"}.get(
            node.tagname, str(node.tagname)
        )
    if isinstance(node, nodes.title) and isinstance(node.parent, nodes.section):
        return f"heading (level {shape.count('section')})"
    if isinstance(node, nodes.image):
        return "image alt text"
    if isinstance(node, nodes.meta):
        return "meta"
    admonition = next((p for p in _ancestors(node) if isinstance(p, _ADMONITIONS)), None)
    if isinstance(node, nodes.title) and admonition is not None:
        return f"{admonition.tagname} title"
    if "entry" in shape:
        return "table cell"
    if "list_item" in shape:
        return "list item"
    if admonition is not None:
        return f"{admonition.tagname} text"
    if "block_quote" in shape:
        return "quote"
    return str(node.tagname)


def _cell(node: nodes.Node) -> tuple[int, int, int] | None:
    """``(table line, row, column)`` of a node inside a table cell."""
    entry = next((p for p in [node, *_ancestors(node)] if isinstance(p, nodes.entry)), None)
    if entry is None:
        return None
    row = entry.parent
    table = next(p for p in _ancestors(entry) if isinstance(p, nodes.table))
    rows = list(table.findall(nodes.row))
    return (table.line or 0, rows.index(row), row.index(entry))
