"""The build guarantee: a translation cannot add markup, script, code or a link target.

Threat model: maintainers and ``conf.py`` are trusted; translators, catalogs and
imported pages are not. Nothing a catalog says may add markup, script, attributes,
URLs or code to the output, with or without ``-W``.

Sphinx's ``Locale`` transform (priority 20) replaces each translatable node with
its msgstr parsed as MyST, so a msgstr could bring raw HTML, a directive or
another link target. These layers stop that:

1. :class:`GuardCatalog` (priority 19) reads the page's catalogs (``.po``) itself,
   whole or not at all: a catalog with a syntax error, an invalid header or a
   duplicate is refused (the page is shown in English, with a warning), and the
   compiled ``.mo`` is never used, stale or not. Each message of the page is
   compared with the guarded checks of :func:`docs_i18n.checks.rules.guard_findings`:
   raw HTML and entity-spelled tags, directives, ``javascript:`` URLs, link, label,
   role and code span changes, invisible characters. ``Locale`` then gets a
   translator with exactly the accepted messages
   (:class:`~docs_i18n.sphinx_ext.compat.FixedTranslations`): a refused message
   keeps its English. The warning names the catalog line
   (``locale/ko/LC_MESSAGES/providers/litellm.po:42: WARNING: ...``), which fails
   the ``-W`` builds of the Makefile.
2. :class:`VerifyTranslated` (priority 21) compares what ``Locale`` built for
   every other translated node with the English node: raw nodes, link,
   cross-reference, image and target destinations, and any node type beyond
   inline formatting. A difference restores the English node, with the same
   kind of warning.
3. The theme UI catalog (``sphinx.po``) is inserted by templates unescaped, in
   text, attributes and scripts: at ``builder-inited`` it is read, checked and
   escaped by :mod:`docs_i18n.checks.ui_messages`, and the theme's translator is
   replaced by one holding only what passed, then Sphinx's own translations.

The maintainers may allow other code spans or link targets for one message in
``i18n-exemptions.toml`` (:mod:`docs_i18n.checks.exemptions`); a catalog cannot.

Falling back to English with a warning, rather than stopping at the first one,
reports every refused message in one run and keeps a non-strict preview build
safe. A page with a refused message or catalog is re-read by every build until
its catalog is fixed, and a page depends on its ``.po`` (not only on the ``.mo``
Sphinx watches), so an incremental build repeats the warning instead of
forgetting it. Literal blocks and images (``gettext_additional_targets``) are not
checked.
"""

from __future__ import annotations

import gettext
import os
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docutils import nodes
from markdown_it.renderer import RendererHTML
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.i18n import parse_noqa
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages

from docs_i18n.checks import exemptions, ui_messages
from docs_i18n.checks.markup import Parses
from docs_i18n.checks.rules import Finding, guard_findings
from docs_i18n.core import locale_tree, pages, project
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.publish import ui_strings
from docs_i18n.sphinx_ext import compat, locale_dirs, parsing, tree_shape, ui_catalog

logger = logging.getLogger(__name__)

# document -> (msgid -> catalog line, [(node, msgid, English children, what the maintainers allow)], msgid -> msgstr
# given to Locale), from priority 19 to 21
_Pending = tuple[nodes.Element, str, list[nodes.Node], tree_shape.Allowed | None]
_pending: weakref.WeakKeyDictionary[nodes.document, tuple[dict[str, tuple[str, int]], list[_Pending], dict[str, str]]]
_pending = weakref.WeakKeyDictionary()


def _germanic(n: int) -> int:
    return int(n != 1)


def _page_messages(
    paths: list[Path], folders: list[Path], use_fuzzy: bool
) -> tuple[dict[str, str], dict[str, tuple[str, int]]]:
    """The translations of a page's catalogs (the first catalog winning, as Sphinx merges them)
    and the catalog line of each; :class:`InputError` when one cannot be read whole, or is not
    read (a link, a special file: :mod:`docs_i18n.core.locale_tree`, below its catalogs' folder)."""
    messages: dict[str, str] = {}
    lines: dict[str, tuple[str, int]] = {}
    for path, folder in reversed(list(zip(paths, folders, strict=True))):
        if not os.path.lexists(path):
            continue
        for entry in locale_tree.read_catalog(path, folder).messages():
            used = entry.state == "translated" or (use_fuzzy and entry.state == "fuzzy")
            if entry.msgctxt is None and entry.msgid_plural is None and entry.msgid and used:
                messages[entry.msgid] = entry.msgstr[0]
                lines[entry.msgid] = (shown_path(path), entry.line)
    return messages, lines


def _warn_input(exc: InputError, outcome: str, what: str = "catalog refused: ") -> None:
    logger.warning(
        "%s%s; %s",
        what,
        exc.message,
        outcome,
        location=f"{shown_path(exc.path)}:{exc.line}",
        type="i18n",
        subtype="guard",
    )


def _maintainer_exemptions(env: BuildEnvironment) -> exemptions.Exemptions:
    return getattr(env, "i18n_exemptions", None) or exemptions.Exemptions()


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


def _note_refused(env: BuildEnvironment, docname: str, reasons: Mapping[str, str] | None = None) -> None:
    """Remember that *docname* has refused translations, and which messages (the page shows them in
    English), each with the reason the warning gave (:func:`refusals`)."""
    refused = getattr(env, "i18n_guard_refused", None)
    if refused is None:
        refused = env.i18n_guard_refused = set()  # type: ignore[attr-defined]
    refused.add(docname)
    messages = getattr(env, "i18n_guard_refused_messages", None)  # read by .rendered
    if messages is None:
        messages = env.i18n_guard_refused_messages = {}  # type: ignore[attr-defined]
    messages.setdefault(docname, {}).update(reasons or {})


def refusals(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    """What the guard refused in this build: docname -> {msgid: reason} (a page whose catalog was
    refused whole is listed with no message)."""
    messages = getattr(env, "i18n_guard_refused_messages", {})
    return {docname: dict(messages.get(docname, {})) for docname in getattr(env, "i18n_guard_refused", set())}


def _reason(findings: list[Finding]) -> str:
    return "; ".join(f"[{finding.check}] {finding.message}" for finding in findings)


class GuardCatalog(SphinxTransform):
    """Give ``Locale`` only the page's translations that add no markup, code or link target."""

    default_priority = 19

    def apply(self, **kwargs: Any) -> None:
        if not self.config.language or getattr(self.env, "i18n_builder_name", None) == "gettext":
            return
        docname = self.env.current_document.docname
        domain = docname_to_domain(docname, self.config.gettext_compact)
        dirs = locale_dirs.catalog_dirs(self.config, self.env.srcdir)
        paths = [pages.catalog_path(d, self.config.language, domain) for d in dirs]
        maintainers = _maintainer_exemptions(self.env)
        for path in [*paths, maintainers.path]:
            if path and os.path.isfile(path):
                self.env.note_dependency(str(path))  # Sphinx itself watches only the compiled .mo
        try:
            messages, lines = _page_messages(paths, dirs, self.config.gettext_allow_fuzzy_translations)
        except InputError as exc:
            _warn_input(exc, "the page is shown in English")
            _note_refused(self.env, docname)
            messages, lines = {}, {}
        config = compat.myst_config(self.env)
        md = parsing.parser(config, RendererHTML)
        parses: Parses = {}  # the translations' parses, for Locale to render (parsing.offer_parses)
        accepted: dict[str, str] = {}
        refused: dict[str, list[Finding]] = {}
        pending: list[_Pending] = []
        for node, msg in extract_messages(self.document):
            if msg not in messages or msg in refused:
                continue
            if isinstance(node, (*LITERAL_TYPE_NODES, nodes.image)):  # gettext_additional_targets
                if messages[msg] == msg:
                    accepted[msg] = messages[msg]
                else:  # code, raw output, math and image paths are the English's, whatever the catalog says
                    refused[msg] = [Finding("code-spans", f"{node.tagname} is not translated: code and paths stay")]
                continue
            text, _ = parse_noqa(messages[msg])
            if not text.strip() or text == msg:
                accepted[msg] = messages[msg]
                continue
            allowed = maintainers.allowed(self.config.language, domain, msg)
            if msg not in accepted:
                findings = guard_findings(msg, text, md=md, allowed=allowed, lang=self.config.language, parses=parses)
                if findings:
                    refused[msg] = findings
                    continue
                accepted[msg] = messages[msg]
            if not isinstance(node, (nodes.meta, addnodes.translatable)):
                children = [child.deepcopy() for child in node.children]
                exempt = tree_shape.Allowed(
                    frozenset(allowed.get("links", ())), frozenset(allowed.get("code-spans", ()))
                )
                pending.append((node, msg, children, tree_shape.widen(exempt, children)))
        for msg, findings in refused.items():
            _warn(lines.get(msg, (shown_path(paths[0]), 0)), msg, findings, "the English is used")
        if refused:
            _note_refused(self.env, docname, {msg: _reason(findings) for msg, findings in refused.items()})
        # Only the checked messages of this page: nothing else of the catalogs reaches Locale.
        compat.set_page_translator(domain, compat.FixedTranslations(accepted, _germanic, None))
        parsing.offer_parses(docname, config, parses)
        _pending[self.document] = (lines, pending, accepted)


def _in_docinfo(node: nodes.Node) -> bool:
    """In the field list that becomes the document's docinfo (docutils' ``DocInfo`` rule: the first
    child after titles and comments): MyST's front-matter fields, which Sphinx removes from the page
    into its metadata. They are never translated: the page's front-matter texts are, as ``meta`` nodes."""
    top = node
    while top.parent is not None and not isinstance(top.parent, nodes.document):
        top = top.parent
    document = top.parent
    if not isinstance(top, nodes.field_list) or document is None:
        return False
    index = document.first_child_not_matching_class(nodes.PreBibliographic)
    return index is not None and document[index] is top


class VerifyTranslated(SphinxTransform):
    """Restore the English node when ``Locale`` built a translation with other markup or links."""

    default_priority = 21

    def apply(self, **kwargs: Any) -> None:
        lines, pending, accepted = _pending.pop(self.document, ({}, [], {}))
        docname = self.env.current_document.docname
        for node, msg, children, allowed in pending:
            if not node.get("translated"):
                reasons = (
                    parsing.fragment_refusals(docname, parse_noqa(accepted.get(msg, ""))[0]) if msg in accepted else []
                )
                if reasons:  # the parser refused part of it: Locale kept the English
                    finding = Finding(
                        "markup", "; ".join(dict.fromkeys(r.removeprefix("translated text refused: ") for r in reasons))
                    )
                    _warn(lines.get(msg, ("<unknown catalog>", 0)), msg, [finding], "the English is used")
                    _note_refused(self.env, docname, {msg: _reason([finding])})
                continue
            if _in_docinfo(node):
                node.children = []
                node.extend(children)
                continue
            found = tree_shape.differences(children, node.children, allowed)
            if not found:
                continue
            detail = "; ".join(found)
            finding = Finding("markup", f"the translated text is not the English tree with other text: {detail}")
            _warn(lines.get(msg, ("<unknown catalog>", 0)), msg, [finding], "the English is used")
            node.children = []
            node.extend(children)
            node["translated"] = False
            _note_refused(self.env, docname, {msg: _reason([finding])})
        parsing.forget_fragments(docname)


def record_builder(app: Sphinx) -> None:
    """Remember the builder's name: the transforms skip the gettext builder (it extracts English)."""
    app.env.i18n_builder_name = app.builder.name  # type: ignore[attr-defined]


def _sphinx_translations(language: str) -> gettext.NullTranslations | None:
    """Sphinx's own theme translations (the system's, then Sphinx's package), as Sphinx finds them."""
    from sphinx import package_dir

    chain = None
    for folder in (None, Path(package_dir, "locale")):
        try:
            found = gettext.translation("sphinx", localedir=folder, languages=[language])
        except OSError:
            continue
        if chain is None:
            chain = found
        else:
            chain.add_fallback(found)
    return chain


def guard_ui_catalog(app: Sphinx) -> None:
    """Give the theme only the UI translations that pass the checks, escaped (:mod:`.ui_messages`)."""
    if not app.config.language or app.builder.name == "gettext":
        return
    plurals = ui_strings.plural_lookup(project.templates_dir(app.confdir, app.config.templates_path))
    messages: dict[ui_messages.Key, str] = {}
    scripts: dict[str, str | list[str]] = {}
    plural = _germanic
    for path, folder in reversed(ui_catalog.ui_catalog_files(app)):  # the first folder wins, as Sphinx merges them
        if not os.path.lexists(path):
            continue
        try:
            ui = ui_messages.load(path, plurals, within=folder, use_fuzzy=app.config.gettext_allow_fuzzy_translations)
        except InputError as exc:
            _warn_input(exc, "the theme shows Sphinx's own translations or the English")
            continue
        for refusal in ui.refused:
            where = (shown_path(path), refusal.line)
            _warn(where, refusal.msgid, [refusal.finding], "the theme shows Sphinx's own translation or the English")
        messages |= ui.messages
        scripts |= ui.scripts
        plural = ui.plural
    ui_catalog.remember_scripts(app, scripts)
    compat.set_ui_translator(app, compat.FixedTranslations(messages, plural, _sphinx_translations(app.config.language)))


def load_exemptions(app: Sphinx) -> None:
    """Read the maintainers' ``i18n-exemptions.toml`` for the page guard (malformed: warned, none applied)."""
    try:
        found = exemptions.load(app.confdir)
    except InputError as exc:
        _warn_input(exc, "no exemption is applied", what="")
        found = exemptions.Exemptions()
    app.env.i18n_exemptions = found  # type: ignore[attr-defined]


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read the pages with refused translations, so the warning is repeated."""
    refused: set[str] = getattr(env, "i18n_guard_refused", set())
    return sorted(d for d in refused if d in env.found_docs and d not in removed)


def on_env_purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "i18n_guard_refused", set()).discard(docname)
    getattr(env, "i18n_guard_refused_messages", {}).pop(docname, None)


def on_env_merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    theirs = getattr(other, "i18n_guard_refused_messages", {})
    for docname in getattr(other, "i18n_guard_refused", set()):
        _note_refused(env, docname, theirs.get(docname, {}))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(GuardCatalog)
    app.add_transform(VerifyTranslated)
    app.connect("builder-inited", record_builder)
    app.connect("builder-inited", load_exemptions)
    app.connect("builder-inited", guard_ui_catalog)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    return {}
