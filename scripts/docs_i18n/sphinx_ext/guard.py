"""The build guarantee: a translation cannot add markup or move a link.

Sphinx's ``Locale`` transform (priority 20) replaces each translatable node with
its msgstr parsed as MyST, so a msgstr could bring raw HTML, a directive or
another link target. Three layers stop that:

1. :class:`GuardCatalog` (priority 19) takes the very translations ``Locale`` is
   about to use (``sphinx.locale.init`` of the page's domain, merged the same
   way) and compares each message of the page with the guarded checks of
   :func:`docs_i18n.checks.rules.guard_findings`: raw HTML and entity-spelled tags,
   directives, ``javascript:`` URLs, link, label and role target changes. A
   refused translation is blanked for this page: ``Locale`` never parses it and
   the English text is shown. The warning names the catalog line
   (``locale/ko/LC_MESSAGES/providers/litellm.po:42: WARNING: ...``), which fails
   the ``-W`` builds of the Makefile.
2. :class:`VerifyTranslated` (priority 21) compares what ``Locale`` built for
   every other translated node with the English node: raw nodes, link,
   cross-reference, image and target destinations, and any node type beyond
   inline formatting. A difference restores the English node, with the same
   kind of warning.
3. The theme UI catalog (``sphinx.po``) is HTML inserted by templates: at
   ``builder-inited`` each of its translations must have the same tags as its
   English string, or it is removed (the template shows Sphinx's own
   translation or the English) with a warning.

Falling back to English with a warning, rather than stopping at the first one,
reports every refused message in one run and keeps a non-strict preview build
safe. A page with a refused message is re-read by every build until its catalog
is fixed, so an incremental build repeats the warning instead of forgetting it.
Literal blocks and images (``gettext_additional_targets``) are not checked.
"""

from __future__ import annotations

import weakref
from collections import Counter
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
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages

from docs_i18n.checks.markup import HTML
from docs_i18n.checks.rules import Finding, guard_findings
from docs_i18n.core import pages, pofile
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.sphinx_ext import compat, ui_catalog

logger = logging.getLogger(__name__)

_ORIGINAL = "_i18n_guard_original"  # on a sanitised translator: the translator it replaces
_FORMATTING = (
    nodes.Text,
    nodes.emphasis,
    nodes.strong,
    nodes.literal,
    nodes.inline,
    nodes.subscript,
    nodes.superscript,
    nodes.abbreviation,
)
# document -> (its catalogs, [(node, msgid, English signature, English children)]), from 19 to 21
_pending: weakref.WeakKeyDictionary[nodes.document, tuple[list[Path], list[tuple[nodes.Element, str, Counter, list]]]]
_pending = weakref.WeakKeyDictionary()
_parsers: dict[str, Any] = {}


def _markdown(env: BuildEnvironment) -> Any:
    """MyST's parser with the build's MyST configuration."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.parsers.mdit import create_md_parser

    config = compat.myst_config(env)
    key = repr(config)
    if key not in _parsers:
        _parsers[key] = create_md_parser(config, RendererHTML)
    return _parsers[key]


def _read_or_warn(path: Path) -> pofile.Catalog | None:
    """The catalog at *path*, or ``None`` after a warning naming ``path:line``."""
    try:
        return pofile.read(path)
    except InputError as exc:
        logger.warning(exc.message, location=f"{shown_path(exc.path)}:{exc.line}", type="i18n", subtype="guard")
        return None


def _message_lines(paths: list[Path]) -> dict[str, tuple[str, int]]:
    """``msgid -> (catalog, line)`` over the page's catalogs, the first catalog winning."""
    lines: dict[str, tuple[str, int]] = {}
    for path in reversed(paths):
        catalog = _read_or_warn(path) if path.is_file() else None
        if catalog is None:
            continue
        for entry in catalog.messages():
            if entry.msgctxt is None:
                lines[entry.msgid] = (shown_path(path), entry.line)
    return lines


def _warn(where: tuple[str, int], msg: str, findings: list[Finding], outcome: str) -> None:
    for finding in findings:
        logger.warning(
            "translation of %r refused: [%s] %s; %s",
            msg if len(msg) <= 60 else msg[:57] + "...",
            finding.check,
            finding.message,
            outcome,
            location=f"{where[0]}:{where[1]}",
            type="i18n",
            subtype="guard",
        )


def signature(node: nodes.Element) -> Counter:
    """What a node's content does beyond text: raw output, destinations, node types."""
    found: Counter = Counter()
    for child in node.findall(include_self=False):
        if isinstance(child, nodes.raw):
            found[("raw", child.get("format"), child.astext())] += 1
        elif isinstance(child, nodes.reference):
            found[("link", child.get("refuri") or child.get("refid") or child.get("refname"))] += 1
        elif isinstance(child, addnodes.pending_xref):
            found[("xref", child.get("reftype"), child.get("reftarget"))] += 1
        elif isinstance(child, nodes.image):
            found[("image", child.get("uri"))] += 1
        elif isinstance(child, nodes.target):
            found[("target", child.get("refuri") or child.get("refid"))] += 1
        elif not isinstance(child, _FORMATTING):
            found[("node", type(child).__name__)] += 1
    return found


def _note_refused(env: BuildEnvironment, docname: str) -> None:
    refused = getattr(env, "i18n_guard_refused", None)
    if refused is None:
        refused = env.i18n_guard_refused = set()  # type: ignore[attr-defined]
    refused.add(docname)


class GuardCatalog(SphinxTransform):
    """Refuse translations that add markup or change link targets, before ``Locale`` uses them."""

    default_priority = 19

    def apply(self, **kwargs: Any) -> None:
        if not self.config.language or getattr(self.env, "i18n_builder_name", None) == "gettext":
            return
        docname = self.env.current_document.docname
        domain = docname_to_domain(docname, self.config.gettext_compact)
        dirs = [Path(self.env.srcdir, d) for d in self.config.locale_dirs]
        translator, found = compat.page_translator(dirs, self.config.language, domain)
        if not found:
            return
        original = getattr(translator, _ORIGINAL, translator)
        merged = compat.merged_messages(original)
        md = _markdown(self.env)
        refused: dict[str, list[Finding]] = {}
        pending = []
        for node, msg in extract_messages(self.document):
            if isinstance(node, (*LITERAL_TYPE_NODES, nodes.image)):
                continue
            text, _ = parse_noqa(merged.get(msg, "") or "")
            if not text.strip() or text == msg:
                continue
            findings = guard_findings(msg, text, md=md)
            if findings:
                refused[msg] = findings
            elif not isinstance(node, (nodes.meta, addnodes.translatable)):
                pending.append((node, msg, signature(node), [child.deepcopy() for child in node.children]))
        sanitised = original
        paths = [pages.catalog_path(d, self.config.language, domain) for d in dirs]
        if refused:
            sanitised = compat.with_messages_blanked(original, list(refused), _ORIGINAL)
            lines = _message_lines(paths)
            for msg, findings in refused.items():
                _warn(lines.get(msg, (shown_path(paths[0]), 0)), msg, findings, "the English is used")
            _note_refused(self.env, docname)
        compat.set_page_translator(domain, sanitised)
        _pending[self.document] = (paths, pending)


class VerifyTranslated(SphinxTransform):
    """Restore the English node when ``Locale`` built a translation with other markup or links."""

    default_priority = 21

    def apply(self, **kwargs: Any) -> None:
        paths, pending = _pending.pop(self.document, ([], []))
        lines: dict[str, tuple[str, int]] | None = None
        for node, msg, english, children in pending:
            if not node.get("translated"):
                continue
            translated = signature(node)
            if translated == english:
                continue
            if lines is None:
                lines = _message_lines(paths)
            added, missing = translated - english, english - translated
            detail = "; ".join(
                part
                for part in (
                    f"adds {', '.join(map(_describe, added))}" if added else "",
                    f"drops {', '.join(map(_describe, missing))}" if missing else "",
                )
                if part
            )
            finding = Finding("markup", f"the translated text differs from the English in markup or links: {detail}")
            _warn(lines.get(msg, (shown_path(paths[0]), 0)), msg, [finding], "the English is used")
            node.children = []
            node.extend(children)
            node["translated"] = False
            _note_refused(self.env, self.env.current_document.docname)


def _describe(item: tuple) -> str:
    kind, *values = item
    return f"{kind} " + " ".join(repr(v) for v in values)


def record_builder(app: Sphinx) -> None:
    """Remember the builder's name: the transforms skip the gettext builder (it extracts English)."""
    app.env.i18n_builder_name = app.builder.name  # type: ignore[attr-defined]


def guard_ui_catalog(app: Sphinx) -> None:
    """Remove theme UI translations whose HTML differs from the English string."""
    if not app.config.language or app.builder.name == "gettext":
        return
    chain = compat.translator_chain(app.translator)
    use_fuzzy = app.config.gettext_allow_fuzzy_translations
    for path in ui_catalog.ui_catalog_files(app):
        catalog = _read_or_warn(path)
        if catalog is None:
            continue
        for entry in catalog.messages():
            if entry.state != "translated" and not (use_fuzzy and entry.state == "fuzzy"):
                continue
            key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
            pairs = [(key, entry.msgid, entry.msgstr[0])]
            if entry.msgid_plural is not None:
                pairs = [
                    ((key, i), entry.msgid if i == 0 else entry.msgid_plural, s) for i, s in enumerate(entry.msgstr)
                ]
            for catalog_key, english, text in pairs:
                findings = guard_findings(english, text, mode=HTML) if text else []
                if not findings:
                    continue
                _warn((shown_path(path), entry.line), english, findings, "the theme shows the untranslated string")
                compat.remove_message(chain, catalog_key, text)


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read the pages with refused translations, so the warning is repeated."""
    refused = getattr(env, "i18n_guard_refused", set())
    return sorted(d for d in refused if d in env.found_docs and d not in removed)


def on_env_purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "i18n_guard_refused", set()).discard(docname)


def on_env_merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for docname in getattr(other, "i18n_guard_refused", set()):
        _note_refused(env, docname)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(GuardCatalog)
    app.add_transform(VerifyTranslated)
    app.connect("builder-inited", record_builder)
    app.connect("builder-inited", guard_ui_catalog)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    return {}
