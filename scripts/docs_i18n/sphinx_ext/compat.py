"""Every use of a Sphinx, MyST or docutils private name or monkeypatch: this module only.

Verified against the versions in :data:`VERIFIED` (pinned in ``requirements.txt``);
``tests/test_compat.py`` fails with a clear message on any other version, so an
upgrade starts by re-checking each function below against the new release.

- the template environment of Sphinx's HTML builder (``builder.templates.environment``,
  a Jinja ``SandboxedEnvironment`` without autoescaping): the project's own templates
  are autoescaped (:func:`autoescape_templates`), and their ``_()`` gives the project's
  translations, HTML escaped already, as ``Markup`` (:class:`TemplateTranslations`).
- gettext translators: Sphinx keeps a page's translator in
  ``sphinx.locale.translators[("general", domain)]`` and ``Locale`` reads the
  messages from its ``_catalog`` and its ``_fallback`` chain (CPython's
  ``gettext.GNUTranslations`` internals); the theme's is
  ``translators[("general", "sphinx")]``, also ``app.translator`` and installed in
  the template environment. The guard gives each a :class:`FixedTranslations` made
  from the ``.po`` it checked, so no ``.mo`` (stale or not) is ever used.
  The record of what a page renders reads the translations ``Locale`` used.
- MyST's configuration on the build environment (``env.myst_config``), used to
  build the very Markdown parser the build uses, and changed for one page's parse
  (:func:`myst_option`: ``title_to_header`` for a titled page that starts at H2).
- MyST 5.2's ``make_document`` rebuilds docutils' default settings for every
  translated message (a third of a translated build's time); it is replaced by one
  that copies settings built once (:func:`install_myst_settings_cache`), and builds none
  while the guarded renderer sets up a render with its own document (:func:`document_given`).
- Sphinx's loggers (``sphinx.util.logging.NAMESPACE``), whose records are counted
  (:func:`logged_records`: a parse that logged anything is not replayed, :mod:`.replay`).
- Sphinx's shipped minified English stemmer, for the Chinese search page.
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import dataclasses
import gettext
import logging
from collections.abc import Callable, Collection, Iterator, Mapping
from importlib import metadata
from typing import Any

VERIFIED = {"sphinx": "9.0.4", "myst-parser": "5.2.0", "docutils": "0.22.4"}
_MARK = "_docs_i18n_cached_settings"
_COUNTING = "_docs_i18n_counting"


def version_mismatches() -> list[str]:
    """One line per package whose installed version is not the verified one."""
    found = []
    for package, verified in VERIFIED.items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != verified:
            found.append(f"{package} {installed} is installed; docs_i18n.sphinx_ext.compat is verified with {verified}")
    return found


# -- gettext translators (CPython gettext internals, as sphinx.locale uses them) --------------


class FixedTranslations(gettext.GNUTranslations):
    """A translator with exactly the given messages (keyed as gettext keys them), then *fallback*'s.

    Sphinx's ``sphinx.locale.init`` adds the ``.mo`` files it finds to a translator it
    has cached (``add_fallback``); this one ignores them, so it serves only what the
    guard checked.
    """

    def __init__(
        self, messages: Mapping[Any, str], plural: Callable[[int], int], fallback: gettext.NullTranslations | None
    ) -> None:
        super().__init__()
        self._catalog = dict(messages)
        self.plural = plural
        self._fallback = fallback

    def add_fallback(self, fallback: gettext.NullTranslations) -> None:
        """Ignored: the messages are fixed."""


def merged_messages(translator: Any) -> dict[Any, str]:
    """The messages of a translator and its fallbacks, merged as Sphinx's ``Locale`` merges them."""
    merged: dict[Any, str] = {}
    chain = []
    while translator is not None:
        chain.append(translator)
        translator = getattr(translator, "_fallback", None)
    for each in reversed(chain):
        merged |= getattr(each, "_catalog", None) or {}
    return merged


@contextlib.contextmanager
def fresh_translators() -> Iterator[None]:
    """Sphinx's translators (a module-level cache) emptied for one in-process run and restored after,
    so that a run in another language does not reuse the last one's."""
    from sphinx import locale as sphinx_locale

    saved = dict(sphinx_locale.translators)
    sphinx_locale.translators.clear()
    try:
        yield
    finally:
        sphinx_locale.translators.clear()
        sphinx_locale.translators.update(saved)


def set_page_translator(domain: str, translator: gettext.NullTranslations) -> None:
    """Make *translator* the one Sphinx's ``Locale`` transform uses for *domain*."""
    from sphinx import locale as sphinx_locale

    sphinx_locale.translators["general", domain] = translator


def installed_page_translator(domain: str) -> Any:
    """The translator Sphinx's ``Locale`` used for *domain* (the guard's, when it narrowed it), or None."""
    from sphinx import locale as sphinx_locale

    return sphinx_locale.translators.get(("general", domain))


def set_ui_translator(app: Any, translator: FixedTranslations) -> None:
    """Make *translator* the theme's (``sphinx`` domain): for ``_()`` in Python code, ``app.translator``
    and the templates' ``_()``, ``gettext`` and ``ngettext`` (installed at builder init; there, through
    :class:`TemplateTranslations`)."""
    from sphinx import locale as sphinx_locale

    sphinx_locale.translators["general", "sphinx"] = translator
    app.translator = translator
    environment = _template_environment(app)
    if environment is not None and hasattr(environment, "install_gettext_translations"):
        environment.install_gettext_translations(TemplateTranslations(translator))


class TemplateTranslations:
    """The theme's translator as templates call it.

    The project's own translations (the :class:`FixedTranslations` messages) are HTML
    escaped already (:func:`docs_i18n.checks.ui_messages.escape_html`): they come out as
    :class:`~markupsafe.Markup`, so an autoescaping template does not escape them twice.
    Anything else (Sphinx's own translations, the English) is text, escaped by such a template.
    """

    def __init__(self, translator: FixedTranslations) -> None:
        self._translator = translator
        self._own = translator._catalog

    def _found(self, key: Any, otherwise: Callable[[], str]) -> str:
        from markupsafe import Markup

        found = self._own.get(key)
        return Markup(found) if found is not None else otherwise()

    def gettext(self, message: str) -> str:
        return self._found(message, lambda: self._translator.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._found(
            (singular, self._translator.plural(n)), lambda: self._translator.ngettext(singular, plural, n)
        )

    def pgettext(self, context: str, message: str) -> str:
        return self._found(f"{context}\x04{message}", lambda: self._translator.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._found(
            (f"{context}\x04{singular}", self._translator.plural(n)),
            lambda: self._translator.npgettext(context, singular, plural, n),
        )


def _template_environment(app: Any) -> Any:
    return getattr(getattr(getattr(app, "builder", None), "templates", None), "environment", None)


def autoescape_templates(app: Any, names: Collection[str]) -> bool:
    """Make Sphinx's template environment autoescape the templates called *names* (the project's),
    keeping its choice for the others (the theme's, which insert Sphinx's HTML as it is).

    Jinja decides per template, when it compiles one (on first use, after ``builder-inited``).
    A theme template reached with Sphinx's ``!`` prefix is the theme's. False without a
    template environment (a builder that renders no templates).
    """
    environment = _template_environment(app)
    if environment is None:
        return False
    before = environment.autoescape
    chosen = frozenset(names)

    def autoescape(name: str | None) -> bool:
        if name in chosen:
            return True
        return bool(before(name) if callable(before) else before)

    environment.autoescape = autoescape
    return True


# -- Sphinx's Locale transform ----------------------------------------------------------------

# Sphinx's ``Locale`` appends this to a msgstr that ends with ``::`` before parsing it, for reST's
# literal-block marker; MyST has no such marker, and would read it as a second paragraph.
_LOCALE_LITERAL_PADDING = "\n\n   dummy literal"


def without_locale_padding(text: str) -> str:
    """A msgstr as its translator wrote it, without what ``Locale`` added for reST (Sphinx 9.0)."""
    return text.removesuffix(_LOCALE_LITERAL_PADDING)


# -- MyST -----------------------------------------------------------------------------------


def myst_config(env: Any) -> Any:
    """The build's MyST configuration (MyST keeps it on the environment), or MyST's defaults."""
    from myst_parser.config.main import MdParserConfig

    return getattr(env, "myst_config", None) or MdParserConfig()


@contextlib.contextmanager
def myst_option(env: Any, **options: Any) -> Iterator[None]:
    """MyST's configuration with *options* changed while one page is parsed (MyST reads it
    from ``env.myst_config`` at the start of each parse)."""
    original = myst_config(env)
    env.myst_config = dataclasses.replace(original, **options)
    try:
        yield
    finally:
        env.myst_config = original


_given_document: contextvars.ContextVar[bool] = contextvars.ContextVar("docs_i18n_given_document", default=False)


@contextlib.contextmanager
def document_given(given: bool) -> Iterator[None]:
    """While MyST's renderer sets up a render whose options hold the document (*given*), its
    ``options.get("document", make_document())`` builds no default document it would drop."""
    token = _given_document.set(given)
    try:
        yield
    finally:
        _given_document.reset(token)


def install_myst_settings_cache() -> bool:
    """Replace MyST's ``make_document`` (once); False when MyST has no such function.

    MyST 5.2's renderer evaluates ``options.get("document", make_document())`` for every
    message Sphinx's ``Locale`` parses: the default is built although the document is
    given, and ``make_document`` builds docutils' default settings from scratch. The
    replacement deep-copies settings built once per parser class: the same values, a
    separate object for each document.
    """
    try:
        from myst_parser.mdit_to_docutils import base
    except ImportError:
        return False
    original = getattr(base, "make_document", None)
    if original is None:
        return False
    if getattr(original, _MARK, False):
        return True
    defaults: dict[Any, Any] = {}

    def make_document(source_path: str = "notset", parser_cls: Any = base.RSTParser) -> Any:  # type: ignore[attr-defined]
        """A new docutils document with a copy of *parser_cls*'s default settings (None while
        :func:`document_given`: the caller gives its own and drops this one)."""
        if _given_document.get():
            return None
        if parser_cls not in defaults:
            defaults[parser_cls] = base.get_default_settings(parser_cls)  # type: ignore[attr-defined]
        return base.new_document(source_path, settings=copy.deepcopy(defaults[parser_cls]))  # type: ignore[attr-defined]

    setattr(make_document, _MARK, True)
    make_document.__wrapped__ = original  # type: ignore[attr-defined]
    base.make_document = make_document
    return True


# -- Sphinx's logging -------------------------------------------------------------------------


_logged = [0]  # records made for Sphinx's loggers in this process, since logged_records() was first called


def logged_records() -> int:
    """How many records Sphinx's loggers (``sphinx.*``, where MyST and docutils' reporter log in a
    build) have made so far in this process, counted from the first call.

    Counted where a record is made (the logging module's record factory, wrapped once), not by
    a handler: Sphinx takes its logger's handlers away for a while (``pending_logging``, in the
    processes of a parallel build), never the factory.
    """
    from sphinx.util.logging import NAMESPACE

    factory = logging.getLogRecordFactory()
    if not getattr(factory, _COUNTING, False):
        prefix = NAMESPACE + "."

        def counting(name: str, *args: Any, **kwargs: Any) -> logging.LogRecord:
            if name == NAMESPACE or name.startswith(prefix):
                _logged[0] += 1
            return factory(name, *args, **kwargs)

        setattr(counting, _COUNTING, True)
        logging.setLogRecordFactory(counting)
    return _logged[0]


# -- Sphinx's shipped scripts ------------------------------------------------------------------


def english_stemmer_js() -> str:
    """Sphinx's minified English stemmer (``search/minified-js``), exported as ``Stemmer``."""
    from sphinx import package_dir

    folder = package_dir.joinpath("search", "minified-js")
    parts = [(folder / name).read_text(encoding="utf-8") for name in ("base-stemmer.js", "english-stemmer.js")]
    return "\n".join([*parts, "window.Stemmer = EnglishStemmer;"])
