"""Who configures MyST: ``conf.py`` and the English page, never a translation.

Sphinx parses Markdown with the parser registered for ``.md`` in two places: each
page's source file, and every translated message, which Sphinx's ``Locale``
transform parses as a small document of its own. MyST's own parser reads a leading
front-matter block of *whatever* it parses as configuration for that parse
(``myst: {enable_extensions: [substitution]}`` turns on Jinja), and runs every
directive the text names. :class:`GuardedMystParser`, the project's parser for
``.md``, decides by what it is given:

- **the English page being read** (the document's source is the page's own file):
  MyST as ``conf.py`` and the page's front-matter configure it; a page that starts
  at H2 with a front-matter ``title`` gets it as H1 (:mod:`.page_title`);
- **a translated page standing in for its English page** (the Markdown tools run
  Sphinx over such a page: :func:`standing_in`): the English page's configuration,
  not the translation's front-matter; a directive runs only when the English page
  has the same one (same name, options and, unless its body is prose or code, the
  same arguments and body); only the roles the English page uses;
- **anything else, that is a translated message**: the English page's configuration
  with the front-matter rule switched off, no directive at all (``{eval-rst}``
  included), and only the roles the English page uses.

Substitutions never run on translated text, whatever the configuration: their
Jinja expressions would be the translator's code. A refused directive or role is
an error in the document (a warning at the catalog or page line), never run; the
guard (:mod:`.guard`) then compares what was built with the English.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from markdown_it import MarkdownIt
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig, TopmatterReadError, read_topmatter
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.directives import MarkupError, parse_directive_text  # type: ignore[attr-defined]
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.application import Sphinx

from docs_i18n.checks.markup import Parses
from docs_i18n.sphinx_ext import compat, page_title, plain_text, replay

# Directives whose body is Markdown (parsed by the same guarded renderer) and may differ.
PROSE_BODY = frozenset(
    {
        "admonition",
        "attention",
        "caution",
        "danger",
        "error",
        "hint",
        "important",
        "note",
        "seealso",
        "tip",
        "warning",
        "topic",
        "sidebar",
        "rubric",
        "list-table",
        "table",
        "figure",
    }
)
# Directives whose arguments are a title (inline Markdown, translated with the body).
TITLE_ARGUMENT = frozenset({"admonition", "topic", "sidebar", "rubric", "list-table", "table"})
# Directives whose body is code: it may differ (a translated comment), it is never parsed.
CODE_BODY = frozenset({"code-block", "code", "sourcecode"})
# Options that are text for a reader (a toctree's or a code block's caption, an image's alt text).
TEXT_OPTIONS = frozenset({"caption", "alt"})
UNTRUSTED_EXTENSIONS_OFF = frozenset({"substitution"})

Invocation = tuple[str, tuple[str, ...] | None, tuple[tuple[str, str], ...], str | None]


@dataclass(frozen=True)
class Policy:
    """What translated text may run: directive invocations and role names, both the English page's."""

    directives: frozenset[Invocation] = frozenset()
    roles: frozenset[str] = frozenset()


def invocation(name: str, arguments: Iterable[str], options: Mapping[str, Any], body: Iterable[str]) -> Invocation:
    """A directive's invocation as the policy compares it: what translated text cannot change.

    The name and options (but captions and alt texts) always; the arguments unless they are a
    title; the body unless it is prose or code.
    """
    kept_arguments = None if name in TITLE_ARGUMENT else tuple(arguments)
    kept_body = None if name in PROSE_BODY or name in CODE_BODY else "\n".join(body)
    kept_options = tuple(sorted((str(k), repr(v)) for k, v in options.items() if k not in TEXT_OPTIONS))
    return (name, kept_arguments, kept_options, kept_body)


def _directive_parts(
    name: str, first_line: str, content: str, language_module: Any, document: nodes.document
) -> tuple[Invocation, list[str] | None]:
    """The invocation key of a directive, and its body lines when the body is Markdown."""
    directive_class, _ = directives.directive(name, language_module, document)
    if directive_class is None:
        return (name, (first_line,), (), content), None
    try:
        parsed = parse_directive_text(directive_class, first_line, content)
    except MarkupError:
        return (name, (first_line,), (), content), None
    key = invocation(name, parsed.arguments, parsed.options, parsed.body)
    return key, (parsed.body if name in PROSE_BODY else None)


def english_policy(text: str, config: MdParserConfig, language_module: Any, document: nodes.document) -> Policy:
    """The directives and roles of an English page (trusted), found in its Markdown as MyST parses it."""
    md = parser(config, SphinxRenderer)
    found: set[Invocation] = set()
    roles: set[str] = set()

    def walk(tokens: Iterable[Token]) -> None:
        for token in tokens:
            if token.type == "myst_role":
                roles.add(str(token.meta.get("name", "")))
            if token.type in ("fence", "colon_fence"):
                head = (token.info or "").strip().split(maxsplit=1)
                name = head[0] if head else ""
                if name == "{eval-rst}":
                    found.add(("eval-rst", (), (), token.content))
                elif name.startswith("{") and name.endswith("}"):
                    key, body = _directive_parts(
                        name[1:-1], head[1] if len(head) > 1 else "", token.content, language_module, document
                    )
                    found.add(key)
                    if body is not None:
                        walk(md.parse("\n".join(body) + "\n"))
                    if key[1] is None:  # a title argument is inline Markdown
                        walk(md.parseInline(head[1] if len(head) > 1 else ""))
            if token.children:
                walk(token.children)

    walk(md.parse(text))
    return Policy(frozenset(found), frozenset(roles))


_parsers: dict[tuple[str, type], MarkdownIt] = {}  # (repr(configuration), renderer) -> its parser


def parser(config: MdParserConfig, renderer: type) -> MarkdownIt:
    """``create_md_parser(config, renderer)``, made once per configuration and renderer (making one
    costs more than parsing a page), for parsing alone: what uses it must not change it."""
    key = (repr(config), renderer)
    md = _parsers.get(key)
    if md is None:
        if len(_parsers) > 32:
            _parsers.clear()
        md = _parsers[key] = create_md_parser(config, renderer)
    return md


class GuardedRenderer(SphinxRenderer):
    """MyST's Sphinx renderer for translated text: runs only what the English page runs."""

    def setup_render(self, options: dict[str, Any], env: Any) -> None:
        with compat.document_given("document" in options):
            super().setup_render(options, env)
        self.i18n_policy: Policy = options.get("docs_i18n_policy") or Policy()
        self.i18n_refused: list[str] = []  # what this parse refused, in words

    def _refusal(self, what: str, line: int | None) -> nodes.system_message:
        """The error for refused translated text; also noted for :func:`standing_in`'s caller."""
        message = f"translated text refused: {what}; translated text may run only what its English page runs"
        self.i18n_refused.append(message)
        if _standing_in:  # the Markdown tools collect them (standing_in); a build warns through the reporter
            _refused.append((str(self.document.get("source") or ""), line or 0, message))
        return self.reporter.error(message, line=line)

    def run_directive(
        self,
        name: str,
        first_line: str,
        content: str,
        position: int,
        additional_options: dict[str, str] | None = None,
        *,
        block_text: str | None = None,
    ) -> list[nodes.Element]:
        key, _ = _directive_parts(name, first_line, content, self.language_module_rst, self.document)
        if key not in self.i18n_policy.directives:
            return [self._refusal(f"the directive {{{name}}} is not the English page's (it was not run)", position)]
        return super().run_directive(
            name, first_line, content, position, additional_options=additional_options, block_text=block_text
        )

    def render_restructuredtext(self, token: Any) -> None:
        if ("eval-rst", (), (), token.content) not in self.i18n_policy.directives:
            line = token.map[0] + 1 if token.map else None
            self.current_node.append(self._refusal("an {eval-rst} block that the English page lacks (not run)", line))
            return
        super().render_restructuredtext(token)

    def render_myst_role(self, token: Any) -> None:
        name = str(token.meta.get("name", ""))
        if name not in self.i18n_policy.roles:
            line = token.map[0] + 1 if token.map else None
            self.current_node.append(self._refusal(f"the role {{{name}}}, which the English page does not use", line))
            return
        super().render_myst_role(token)

    def render_substitution(self, token: Any, inline: bool) -> None:
        line = token.map[0] + 1 if token.map else None
        self.current_node.append(self._refusal("a substitution (never evaluated in translated text)", line))


@dataclass(frozen=True)
class _StandIn:
    english: Path  # the English page a translated page stands in for


_refused: list[tuple[str, int, str]] = []  # (source, line, message) of every refusal in this process
_standing_in: dict[str, _StandIn] = {}  # resolved path of a translated page -> its English page
_page_configs: dict[str, MdParserConfig] = {}  # docname -> the configuration its English page was parsed with


class Refusals:
    """What was refused in the translated pages of one :func:`standing_in` block, as it happens."""

    def __init__(self, pages: Iterable[str]) -> None:
        self._pages = frozenset(pages)
        self._start = len(_refused)

    def found(self) -> list[tuple[str, int, str]]:
        """``(source, line, message)`` of each refusal so far."""
        return [r for r in _refused[self._start :] if os.path.realpath(r[0]) in self._pages]


@contextlib.contextmanager
def standing_in(pages: Mapping[str | os.PathLike[str], str | os.PathLike[str]]) -> Iterator[Refusals]:
    """While Sphinx runs in this process, parse each file of *pages* (``{translated file: English
    file}``) as an untrusted translation of its English page."""
    added = {os.path.realpath(path): _StandIn(Path(english)) for path, english in pages.items()}
    _standing_in.update(added)
    refusals = Refusals(added)
    try:
        yield refusals
    finally:
        del _refused[refusals._start :]
        for path in added:
            _standing_in.pop(path, None)


def untrusted_config(config: MdParserConfig) -> MdParserConfig:
    """*config* as translated text is parsed with: no substitutions."""
    return dataclasses.replace(config, enable_extensions=set(config.enable_extensions) - UNTRUSTED_EXTENSIONS_OFF)


def page_config(base: MdParserConfig, text: str) -> MdParserConfig:
    """The configuration of an English page: *base* (``conf.py``'s) with the page's own front-matter."""
    from myst_parser.config.main import merge_file_level

    try:
        topmatter = read_topmatter(text)
    except TopmatterReadError:
        return base
    return merge_file_level(base, topmatter, lambda *args: None) if topmatter else base


@functools.lru_cache(maxsize=256)
def _read_english(path: str, mtime_ns: int, size: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def english_text(path: str | os.PathLike[str]) -> str:
    """An English page's text (cached while the file is unchanged)."""
    info = os.stat(path)
    return _read_english(os.fspath(path), info.st_mtime_ns, info.st_size)


_real_paths: dict[str, str] = {}  # path -> real path, while one page is read (:func:`forget_fragments`)


def _realpath(path: str) -> str:
    """``os.path.realpath(path)``, looked up once while a page is read (``Locale`` parses each of its
    messages twice, in a document whose source is the page's path and the message's line)."""
    found = _real_paths.get(path)
    if found is None:
        if len(_real_paths) > 4096:
            _real_paths.clear()
        found = _real_paths[path] = os.path.realpath(path)
    return found


class GuardedMystParser(MystParser):
    """MyST's parser, configured by ``conf.py`` and English pages only (see the module)."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        source = str(document.get("source") or "")
        page_path = str(env.doc2path(env.docname)) if getattr(env, "docname", None) else ""
        stand_in = _standing_in.get(_realpath(source)) if source and _standing_in else None
        if stand_in is not None:
            english = english_text(stand_in.english)
            untrusted = page_config(compat.myst_config(env), english)
            self._parse_untrusted(inputstring, document, untrusted, english)
        elif source and page_path and (source == page_path or _realpath(source) == _realpath(page_path)):
            self._parse_page(inputstring, document)
        else:
            english = english_text(page_path) if page_path and os.path.isfile(page_path) else ""
            config = _page_configs.get(env.docname)
            if config is None:
                config = _page_configs[env.docname] = page_config(compat.myst_config(env), english)
            self._parse_fragment(inputstring, document, config, english)

    def _parse_page(self, text: str, document: nodes.document) -> None:
        """An English page: MyST's own parse, with the page's title as H1 where it starts at H2."""
        env = document.settings.env
        config = compat.myst_config(env)
        titled = (
            not config.title_to_header
            and page_title.front_matter_title(text) is not None
            and page_title.starts_without_h1(text, config)
        )
        options = {"title_to_header": True} if titled else {}
        with compat.myst_option(env, **options):
            _page_configs[env.docname] = page_config(compat.myst_config(env), text)
            super().parse(text, document)
        if titled:
            page_title.mark_title(document)

    def _parse_untrusted(self, text: str, document: nodes.document, config: MdParserConfig, english: str) -> None:
        """A translated page: the English page's configuration and policy (its front-matter is not read)."""
        config = untrusted_config(config)
        titled = (
            not config.title_to_header
            and page_title.front_matter_title(text) is not None
            and page_title.starts_without_h1(text, config)
        )
        if titled:
            config = dataclasses.replace(config, title_to_header=True)
        md = create_md_parser(config, GuardedRenderer)
        md.options["document"] = document
        md.options["docs_i18n_policy"] = _policy(english, config, document)
        md.render(text)
        if titled:
            page_title.mark_title(document)

    def _parse_fragment(self, text: str, document: nodes.document, config: MdParserConfig, english: str) -> None:
        """A translated message: the English page's configuration without front-matter; no directive."""
        fragments = _fragment_parser(document, config, english)
        text = compat.without_locale_padding(text)
        key = (str(document.get("source") or ""), text)
        if fragments.plain and plain_text.paragraph(text, document):  # no markup to parse
            return
        kept = fragments.kept.get(key)
        if kept is not None:  # Locale's second parse of this message (:mod:`.replay`)
            replay.replay(kept, document)
            return
        md = fragments.md
        watch = replay.Watch(document)
        md.options["document"] = document
        parsed = _offered_parse(document.settings.env.docname, fragments, text)
        if parsed is None:
            md.render(text)
        else:  # the guard's parse of this very text, by a parser of the same rules (offer_parses)
            tokens, md_env = parsed
            md.renderer.render(tokens, md.options, md_env)
        refused = list(md.renderer.i18n_refused)  # type: ignore[attr-defined]
        blocks = [node for node in document.children if not isinstance(node, nodes.system_message)]
        if len(blocks) > 1:  # Locale would show the first block and drop the others without a word
            refused.append(
                f"translated text refused: it is {len(blocks)} blocks ({', '.join(b.tagname for b in blocks)}) "
                "where the English is one"
            )
            del document[:]  # no paragraph: Locale leaves the English node as it is
            document += document.reporter.error(refused[-1])
        if watch.clean(refused):  # Locale's other parse of this text gets a copy
            fragments.kept[key] = replay.keep(document)
        if refused:
            env = document.settings.env
            _fragment_refusals.setdefault(env.docname, []).append((text, refused))


_fragment_refusals: dict[str, list[tuple[str, list[str]]]] = {}  # docname -> [(translated text, refusals)]


def fragment_refusals(docname: str, msgstr: str) -> list[str]:
    """What was refused when the translation *msgstr* of a message of *docname* was parsed (``Locale``
    adds a heading's underline to what it parses: the parsed text starts with *msgstr*)."""
    text = msgstr.strip()
    return [
        reason
        for parsed, reasons in _fragment_refusals.get(docname, [])
        if parsed.startswith(text)
        for reason in reasons
    ]


@dataclass
class _Offered:
    """The guard's parses of one page's translations, and whether they are the fragment parser's."""

    config: MdParserConfig  # what the guard's parser was made from
    parses: Parses
    checked: tuple[_Fragments, bool] | None = None  # the fragment parser compared, and the answer


_offered: dict[str, _Offered] = {}  # docname -> the guard's parses of its translations


def offer_parses(docname: str, config: MdParserConfig, parses: Parses) -> None:
    """The guard's parses of *docname*'s translations (text -> tokens and environment), made by
    ``create_md_parser(config, ...)``: ``Locale``'s parse of the same text renders them instead of
    parsing it again, when the page's fragment parser has the same rules (:func:`_offered_parse`)."""
    _offered[docname] = _Offered(config, parses)


def _offered_parse(docname: str, fragments: _Fragments, text: str) -> tuple[list[Token], dict[str, Any]] | None:
    """The guard's parse of *text*, when it is what *fragments*' parser would make of it.

    Both parsers come from ``create_md_parser``, which builds the rules from the configuration
    alone: the guard's from *config*, the fragment parser's from :func:`untrusted_config` of the
    page's, then without the front-matter rule. With equal configurations they differ only by
    that rule, which matches at the text's first line alone and, when it does not match, leaves
    the parse as it was: a parse without a ``front_matter`` token is the fragment parser's. Each
    parse is given once (a renderer may change the tokens it renders)."""
    offered = _offered.get(docname)
    if offered is None:
        return None
    if offered.checked is None or offered.checked[0] is not fragments:
        offered.checked = (fragments, untrusted_config(fragments.config) == offered.config)
    if not offered.checked[1]:
        return None
    parsed = offered.parses.pop(text, None)
    if parsed is None or any(token.type == "front_matter" for token in parsed[0]):
        return None
    return parsed


def forget_fragments(docname: str) -> None:
    """Drop what was noted while *docname*'s translations were parsed (its transforms are done)."""
    _fragment_refusals.pop(docname, None)
    _fragment_parsers.pop(docname, None)
    _offered.pop(docname, None)
    _real_paths.clear()


@dataclass
class _Fragments:
    """The parser of one page's translated messages, and what its clean parses built (:mod:`.replay`)."""

    config: MdParserConfig  # the English page's configuration and text it was made for
    english: str
    md: MarkdownIt
    plain: bool  # plain text may skip it (:func:`.plain_text.verified`)
    kept: dict[tuple[str, str], replay.Parsed] = dataclasses.field(default_factory=dict)  # (source, text) ->


_fragment_parsers: dict[str, _Fragments] = {}  # docname -> its messages' parser


def _fragment_parser(document: nodes.document, config: MdParserConfig, english: str) -> _Fragments:
    """The parser of a page's translated messages, made once per page (making one costs more than most
    parses): *config* without substitutions and front-matter, its renderer running no directive and only
    the roles the English page uses. Each parse renders with a fresh renderer state."""
    docname = document.settings.env.docname
    cached = _fragment_parsers.get(docname)
    if cached is not None and cached.config is config and cached.english == english:
        return cached
    untrusted = untrusted_config(config)
    key = (repr(untrusted), _policy(english, untrusted, document).roles)
    md = _fragment_markdowns.get(key)
    if md is None:  # pages of the same configuration and roles share one (each parse starts afresh)
        if len(_fragment_markdowns) > 32:
            _fragment_markdowns.clear()
        md = _fragment_markdowns[key] = fragment_markdown(untrusted, key[1])
    fragments = _fragment_parsers[docname] = _Fragments(config, english, md, plain_text.verified(md))
    return fragments


_fragment_markdowns: dict[tuple[str, frozenset[str]], MarkdownIt] = {}  # (configuration, roles) -> parser


def fragment_markdown(config: MdParserConfig, roles: frozenset[str]) -> MarkdownIt:
    """The parser of translated messages: *config* (without substitutions) and no front-matter, its
    renderer running no directive and only *roles*."""
    md = create_md_parser(untrusted_config(config), GuardedRenderer)
    md.disable("front_matter")
    md.options["docs_i18n_policy"] = Policy(frozenset(), roles)
    return md


_policies: dict[tuple[str, str], Policy] = {}


def _policy(english: str, config: MdParserConfig, document: nodes.document) -> Policy:
    """:func:`english_policy` of an English page, computed once per page text and configuration."""
    key = (english, repr(config))
    if key not in _policies:
        if len(_policies) > 64:
            _policies.clear()
        _policies[key] = english_policy(english, config, _language_module(document), document)
    return _policies[key]


def _language_module(document: nodes.document) -> Any:
    from docutils.parsers.rst.languages import get_language

    return get_language(document.settings.language_code, document.reporter)


def setup(app: Sphinx) -> None:
    app.add_source_parser(GuardedMystParser, override=True)
