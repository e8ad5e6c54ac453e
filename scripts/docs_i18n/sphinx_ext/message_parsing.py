"""Faster translated builds: MyST builds docutils' default settings once, not once per message.

Sphinx's ``Locale`` transform parses every translated message on its own, with
MyST (thousands of parses per language). For each parse, MyST 5.2's renderer
evaluates ``options.get("document", make_document())``: the default is built even
though the document to render into is given, and ``make_document`` builds docutils'
default settings from scratch (an ``OptionParser`` of every docutils option). On
the build benchmark's Korean site that was about 40% of the build's time
(``benchmarks/bench_build.py``).

This module makes ``myst_parser.mdit_to_docutils.base.make_document`` take a deep
copy of default settings built once per parser class: the same values, a separate
object for each document, so nothing a document does to its settings reaches
another. If MyST no longer has that function, nothing is changed.
"""

from __future__ import annotations

import copy
from typing import Any

from sphinx.application import Sphinx

_MARK = "_docs_i18n_cached_settings"


def install() -> bool:
    """Replace MyST's ``make_document`` (once); False when MyST has no such function."""
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


def setup(app: Sphinx) -> None:
    install()
