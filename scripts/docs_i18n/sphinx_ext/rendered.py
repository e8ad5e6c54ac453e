"""What each page renders: its messages, which of them a reader sees translated, and the English ones marked.

Every build records, per page, the messages Sphinx's gettext builder would extract
(:func:`page_messages`) before ``Locale`` translates them (:class:`RecordMessages`,
priority 18), then, once every transform ran (``Locale`` at 20, the guard's check of
what it built at 21), which of them the page shows translated (:func:`measure_rendered`):

- a text node is shown translated when ``Locale`` marked it ``translated``; a node
  the guard restored to English is not;
- a toctree entry, a caption or an image's alt text (``Locale`` sets no mark on them)
  when the page's catalog, as the guard left it, gives a translation.

A message on several nodes is translated when all of them are. The page's headings and
toctrees are kept too (:func:`toctree_entries`): the headings a toctree shows of the pages
it lists count in the coverage of the page that shows them, and a heading shown in English
is marked in the table of contents of its page (``env.tocs``), so every toctree and the
sidebar write it with ``lang``. The record
(:class:`RenderedPage`, ``env.i18n_rendered``) is the one source of the page's
coverage in its own language (:mod:`docs_i18n.status.coverage`); it also gives the
messages every other language's coverage is counted on.

In a translated page with some translated text, each text block shown in English
carries the class ``i18n-fallback``; the HTML translator (:class:`FallbackMarks`) writes
it with ``lang`` and ``dir`` of the source language and a tooltip in the reader's
language (:data:`FALLBACK_TITLE`, from the theme UI catalog). A page with no translated
text is not marked block by block: its whole article is English (:mod:`.state`).

The gettext builder writes :data:`docs_i18n.status.templates.RECORD` beside its
templates, so that ``scripts/i18n status`` knows which English version they come from.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.i18n import parse_noqa
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from docs_i18n.core import hashing, languages
from docs_i18n.publish import ui_strings
from docs_i18n.sphinx_ext import compat
from docs_i18n.status import templates, toctree

logger = logging.getLogger(__name__)

FALLBACK_CLASS = "i18n-fallback"
FIRST_ENGLISH_ID = "i18n-first-english"  # the id of the first English passage of a page's body
FALLBACK_TITLE = ui_strings.FALLBACK_TITLE  # a theme UI string: the tooltip, in the reader's language
_RECORD = "i18n_rendered"  # on the environment: docname -> RenderedPage
_TOCS = "i18n_tocs"  # on the environment: docname -> toctree.PageToc (every builder)
_REFUSED = "i18n_guard_refused_messages"  # on the environment, written by the guard: docname -> msgids

# document -> its (node, message) pairs before Locale, from priority 18 to doctree-read
_pending: weakref.WeakKeyDictionary[nodes.document, list[tuple[nodes.Element, str]]] = weakref.WeakKeyDictionary()
# document -> its headings and toctrees, from priority 18 to doctree-read (every builder)
_pending_toc: weakref.WeakKeyDictionary[nodes.document, toctree.PageToc] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class RenderedPage:
    """One page as built: its messages (in order, once each) and those shown translated."""

    messages: tuple[str, ...]
    translated: frozenset[str]  # empty in the source language
    refused: frozenset[str]  # refused by the guard, so shown in English
    language: str  # the language the page was built in


def in_substitution_definition(node: nodes.Node) -> bool:
    """True inside a substitution definition, whose text the gettext builder does not extract."""
    while node is not None:
        if isinstance(node, nodes.substitution_definition):
            return True
        node = node.parent
    return False


def page_messages(doctree: nodes.Node) -> list[tuple[nodes.Element, str]]:
    """``(node, message)`` for every message of *doctree* the gettext builder extracts."""
    return [(node, msg) for node, msg in extract_messages(doctree) if not in_substitution_definition(node)]


def record(env: BuildEnvironment, docname: str) -> RenderedPage | None:
    """What *docname* rendered when it was last read (None before it is read)."""
    return getattr(env, _RECORD, {}).get(docname)


def records(env: BuildEnvironment) -> dict[str, RenderedPage]:
    """What every page read so far rendered, by docname."""
    return dict(getattr(env, _RECORD, {}))


def _is_gettext(env: BuildEnvironment) -> bool:
    return getattr(env, "i18n_builder_name", None) == "gettext"  # set by the guard at builder-inited


class RecordMessages(SphinxTransform):
    """Remember the page's messages and their nodes, before ``Locale`` translates them."""

    default_priority = 18

    def apply(self, **kwargs: Any) -> None:
        pairs = page_messages(self.document)
        _pending_toc[self.document] = page_toc(self.document, pairs)
        if not _is_gettext(self.env):
            _pending[self.document] = pairs


def page_toc(doctree: nodes.document, pairs: list[tuple[nodes.Element, str]]) -> toctree.PageToc:
    """The page's section headings (their English message) and the toctrees it shows."""
    message_of = {id(node): msg for node, msg in pairs}
    headings = []
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        if title is None or title.parent is not section or id(title) not in message_of:
            continue
        depth = sum(1 for ancestor in _ancestors(section) if isinstance(ancestor, nodes.section))
        headings.append((depth, message_of[id(title)]))
    trees = []
    for node in doctree.findall(addnodes.toctree):
        if node.get("hidden"):
            continue
        entries = tuple(ref for _title, ref in node.get("entries", ()) if ref not in ("self",) and "://" not in ref)
        trees.append(toctree.Toctree(entries, 1 if node.get("titlesonly") else int(node.get("maxdepth", -1) or 0)))
    return toctree.PageToc(tuple(headings), tuple(trees))


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node is not None:
        found.append(node)
        node = node.parent
    return found


def page_tocs(env: BuildEnvironment) -> dict[str, toctree.PageToc]:
    """Every page's headings and toctrees, by docname."""
    return dict(getattr(env, _TOCS, {}))


def toctree_entries(env: BuildEnvironment, docname: str) -> list[tuple[str, str]]:
    """``(listed docname, message)`` of each heading *docname*'s toctrees show (:mod:`docs_i18n.status.toctree`)."""
    return toctree.rendered_entries(getattr(env, _TOCS, {}), docname)


def record_toc(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the page's headings and toctrees (every builder: ``make gettext`` writes what toctrees show)."""
    found = _pending_toc.pop(doctree, None)
    if found is None:
        return
    store = getattr(app.env, _TOCS, None)
    if store is None:
        store = app.env.i18n_tocs = {}  # type: ignore[attr-defined]
    store[app.env.current_document.docname] = found


def measure_rendered(app: Sphinx, doctree: nodes.document) -> None:
    """Record which messages the page shows translated, and mark the English text blocks.

    At ``doctree-read``: after every transform, so a message whose node a later step
    removed (MyST's front-matter fields, dropped with the document's docinfo) is not
    counted, as the gettext builder does not extract it either.
    """
    pairs = _pending.pop(doctree, None)
    if pairs is None:
        return
    env = app.env
    kept = {id(node) for node in doctree.findall(nodes.Element)}
    pairs = [(node, msg) for node, msg in pairs if id(node) in kept]
    docname = env.current_document.docname
    config = app.config
    language = config.language or config.i18n_source_language
    messages = tuple(dict.fromkeys(msg for _, msg in pairs))
    refused = frozenset(getattr(env, _REFUSED, {}).get(docname, ()))
    translated: frozenset[str] = frozenset()
    if language != config.i18n_source_language:
        translated = _translated(docname_to_domain(docname, config.gettext_compact), pairs)
        if translated:
            for node, msg in pairs:
                if msg not in translated and _is_text_block(node):
                    node["classes"].append(FALLBACK_CLASS)
        _mark_toc_entries(env, docname, doctree, pairs, translated)
    store = getattr(env, _RECORD, None)
    if store is None:
        store = env.i18n_rendered = {}  # type: ignore[attr-defined]
    store[docname] = RenderedPage(messages, translated, refused & set(messages), language)


def _mark_toc_entries(
    env: BuildEnvironment,
    docname: str,
    doctree: nodes.document,
    pairs: list[tuple[nodes.Element, str]],
    translated: frozenset[str],
) -> None:
    """Mark the page's headings shown in English in its table of contents (``env.tocs``), which
    every toctree listing the page (another page's, the sidebar's) renders: they get ``lang``."""
    toc = env.tocs.get(docname)
    if toc is None:
        return
    message_of = {id(node): msg for node, msg in pairs}
    first = doctree.next_node(nodes.section)
    for reference in toc.findall(nodes.reference):
        anchor = reference.get("anchorname", "")
        section = first if not anchor else doctree.ids.get(anchor[1:])
        title = section.next_node(nodes.title) if isinstance(section, nodes.section) else None
        message = message_of.get(id(title)) if title is not None else None
        if message is not None and message not in translated and FALLBACK_CLASS not in reference["classes"]:
            reference["classes"].append(FALLBACK_CLASS)


def _translated(domain: str, pairs: list[tuple[nodes.Element, str]]) -> frozenset[str]:
    """The messages shown translated: all their nodes are."""
    catalog = compat.merged_messages(compat.installed_page_translator(domain))
    shown: dict[str, bool] = {}
    for node, msg in pairs:
        if isinstance(node, (addnodes.translatable, nodes.image)):
            text, _ = parse_noqa(catalog.get(msg, "") or "")
            done = bool(text.strip())  # Locale applies any translation to these, and marks none
        else:
            done = bool(node.get("translated"))
        shown[msg] = shown.get(msg, True) and done
    return frozenset(msg for msg, done in shown.items() if done)


def _is_text_block(node: nodes.Element) -> bool:
    """A node written as its own HTML element around its text (not meta, toctree or image)."""
    return isinstance(node, nodes.TextElement) and not isinstance(node, (nodes.meta, addnodes.translatable))


def on_env_purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, _RECORD, {}).pop(docname, None)
    getattr(env, _TOCS, {}).pop(docname, None)


def on_env_merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    store = getattr(env, _RECORD, None)
    if store is None:
        store = env.i18n_rendered = {}  # type: ignore[attr-defined]
    theirs = getattr(other, _RECORD, {})
    store.update({docname: theirs[docname] for docname in docnames if docname in theirs})
    tocs = getattr(env, _TOCS, None)
    if tocs is None:
        tocs = env.i18n_tocs = {}  # type: ignore[attr-defined]
    their_tocs = getattr(other, _TOCS, {})
    tocs.update({docname: their_tocs[docname] for docname in docnames if docname in their_tocs})


# -- the HTML of English text in a translated page ---------------------------------------------


# Code is written left to right in every language: in a right-to-left page, these elements get dir="ltr".
_CODE_NODES = (nodes.literal_block, nodes.literal, nodes.doctest_block, nodes.math_block)


class FallbackMarks:
    """HTML translator mix-in: an element marked ``i18n-fallback`` gets ``lang``, ``dir`` and a tooltip;
    in a right-to-left language, code (blocks and inline) gets ``dir="ltr"``, which also isolates it
    from the prose around it."""

    i18n_fallback_attributes: dict[str, str] = {}
    i18n_code_dir: str = ""

    i18n_first_english_written: bool = False

    def starttag(
        self, node: nodes.Node, tagname: str, suffix: str = "\n", empty: bool = False, **attributes: Any
    ) -> str:
        if isinstance(node, nodes.Element) and FALLBACK_CLASS in node.get("classes", ()):
            for name, value in self.i18n_fallback_attributes.items():
                attributes.setdefault(name, value)
            # the page's first English passage, which the banner links to (not in the sidebar's
            # toctree, rendered as a document of its own)
            document = getattr(self, "document", None)
            source = str(document.get("source", "")) if document is not None else ""
            if not self.i18n_first_english_written and not source.startswith("<"):
                self.i18n_first_english_written = True
                attributes.setdefault("ids", []).append(FIRST_ENGLISH_ID)
        if self.i18n_code_dir and isinstance(node, _CODE_NODES):
            attributes.setdefault("dir", self.i18n_code_dir)
        return str(super().starttag(node, tagname, suffix, empty, **attributes))  # type: ignore[misc]


def install_translator(app: Sphinx) -> None:
    """Write English text blocks with their language, in an HTML build of a translation."""
    source = app.config.i18n_source_language
    if getattr(app.builder, "format", None) != "html" or (app.config.language or source) == source:
        return
    base = app.builder.get_translator_class()
    if issubclass(base, FallbackMarks):
        return
    attributes = {
        "lang": languages.bcp47(source),
        "dir": languages.direction(source),
        "title": app.translator.gettext(FALLBACK_TITLE) if app.translator else FALLBACK_TITLE,
    }
    code_dir = "ltr" if languages.is_right_to_left(app.config.language) else ""
    marked = type(
        f"FallbackMarked{base.__name__}",
        (FallbackMarks, base),
        {"i18n_fallback_attributes": attributes, "i18n_code_dir": code_dir},
    )
    app.set_translator(app.builder.name, marked, override=True)


# -- the templates' record -----------------------------------------------------------------


def write_templates_record(app: Sphinx, exception: BaseException | None) -> None:
    """After ``make gettext``: which English version of each page the templates come from."""
    if exception is not None or app.builder.name != "gettext":
        return
    srcdir = Path(app.srcdir)
    hashes = {}
    page_of = {}
    for docname in sorted(app.env.found_docs):
        path = Path(app.env.doc2path(docname))
        page_of[docname] = path.relative_to(srcdir).as_posix()
        hashes[page_of[docname]] = hashing.source_hash(path)
    shown = {}
    for docname in sorted(app.env.found_docs):
        entries = [[page_of[entry], msg] for entry, msg in toctree_entries(app.env, docname) if entry in page_of]
        if entries:
            shown[page_of[docname]] = entries
    templates.write_record(Path(app.outdir), hashes, shown)


def setup(app: Sphinx) -> None:
    app.add_transform(RecordMessages)
    app.connect("doctree-read", measure_rendered, priority=900)  # after Sphinx's toc collector (500)
    app.connect("doctree-read", record_toc, priority=900)
    app.connect("builder-inited", install_translator, priority=900)  # after the guard cleans the UI catalog
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.connect("build-finished", write_templates_record)
