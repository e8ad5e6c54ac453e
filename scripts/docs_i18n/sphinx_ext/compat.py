"""Every use of a Sphinx, MyST or docutils private name or monkeypatch: this module only.

Verified against the versions in :data:`VERIFIED` (pinned in ``requirements.txt``);
``tests/test_compat.py`` fails with a clear message on any other version, so an
upgrade starts by re-checking each function below against the new release.

- gettext translators: Sphinx keeps a page's translator in
  ``sphinx.locale.translators[("general", domain)]`` and ``Locale`` reads the
  messages from its ``_catalog`` and its ``_fallback`` chain (CPython's
  ``gettext.GNUTranslations`` internals). The guard reads and narrows them here.
- MyST's configuration on the build environment (``env.myst_config``), used to
  build the very Markdown parser the build uses, and changed for one page's parse
  (:func:`myst_option`: ``title_to_header`` for a titled page that starts at H2).
- MyST 5.2's ``make_document`` rebuilds docutils' default settings for every
  translated message (a third of a translated build's time); it is replaced by one
  that copies settings built once (:func:`install_myst_settings_cache`).
- Sphinx's shipped minified English stemmer, for the Chinese search page.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

VERIFIED = {"sphinx": "9.0.4", "myst-parser": "5.2.0", "docutils": "0.22.4"}
_MARK = "_docs_i18n_cached_settings"


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


def translator_chain(translator: Any) -> list[Any]:
    """A translator and its fallbacks, in lookup order."""
    found = []
    while translator is not None:
        found.append(translator)
        translator = getattr(translator, "_fallback", None)
    return found


def merged_messages(translator: Any) -> dict[Any, str]:
    """The messages of a translator and its fallbacks, merged as Sphinx's ``Locale`` merges them."""
    merged: dict[Any, str] = {}
    for each in reversed(translator_chain(translator)):
        merged |= getattr(each, "_catalog", None) or {}
    return merged


def with_messages_blanked(translator: Any, msgids: list[str], mark: str) -> Any:
    """A copy of *translator* whose *msgids* translate to nothing; ``getattr(copy, mark)`` is the original."""
    sanitised = copy.copy(translator)
    sanitised._catalog = {**(getattr(translator, "_catalog", None) or {}), **dict.fromkeys(msgids, "")}
    setattr(sanitised, mark, translator)
    return sanitised


def page_translator(locale_dirs: list[Path], language: str, domain: str) -> tuple[Any, bool]:
    """The translator Sphinx uses for *domain* (loaded by Sphinx's own ``sphinx.locale.init``)."""
    from sphinx import locale as sphinx_locale

    return sphinx_locale.init(locale_dirs, language, domain)


def set_page_translator(domain: str, translator: Any) -> None:
    """Make *translator* the one Sphinx's ``Locale`` transform uses for *domain*."""
    from sphinx import locale as sphinx_locale

    sphinx_locale.translators["general", domain] = translator


def remove_message(translators: list[Any], key: Any, text: str) -> None:
    """Remove *key* from every translator in *translators* where it translates to *text*."""
    for each in translators:
        messages = getattr(each, "_catalog", None)
        if messages is not None and messages.get(key) == text:
            del messages[key]


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

    def make_document(source_path: str = "notset", parser_cls: Any = base.RSTParser) -> Any:
        """A new docutils document with a copy of *parser_cls*'s default settings."""
        if parser_cls not in defaults:
            defaults[parser_cls] = base.get_default_settings(parser_cls)
        return base.new_document(source_path, settings=copy.deepcopy(defaults[parser_cls]))

    setattr(make_document, _MARK, True)
    make_document.__wrapped__ = original  # type: ignore[attr-defined]
    base.make_document = make_document
    return True


# -- Sphinx's shipped scripts ------------------------------------------------------------------


def english_stemmer_js() -> str:
    """Sphinx's minified English stemmer (``search/minified-js``), exported as ``Stemmer``."""
    from sphinx import package_dir

    folder = package_dir.joinpath("search", "minified-js")
    parts = [(folder / name).read_text(encoding="utf-8") for name in ("base-stemmer.js", "english-stemmer.js")]
    return "\n".join([*parts, "window.Stemmer = EnglishStemmer;"])
