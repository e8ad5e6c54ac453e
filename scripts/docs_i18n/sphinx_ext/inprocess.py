"""Sphinx run in this process over a source tree, for the Markdown tools and the guard's verdicts."""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from docs_i18n.core.errors import InputError
from docs_i18n.sphinx_ext import compat

_TOOL_RUN = "_docs_i18n_tool_run"  # on the app: made by sphinx_app


@contextlib.contextmanager
def sphinx_app(
    srcdir: Path,
    confdir: Path,
    builder: str,
    overrides: dict[str, Any],
    outdir: Path | None = None,
    warning: IO[str] | None = None,
) -> Iterator[Sphinx]:
    """A Sphinx application for *srcdir* with the project's ``conf.py`` and *overrides*, writing
    only to *outdir* (default: a temporary folder); Sphinx's errors become :class:`InputError` at
    ``conf.py``; its warnings go to *warning* (default: nowhere)."""
    if not (confdir / "conf.py").is_file():
        raise InputError(confdir / "conf.py", 0, "no Sphinx configuration here; pass --conf DIR")
    with (
        tempfile.TemporaryDirectory(prefix="i18n-sphinx-") as tmp,
        patch_docutils(confdir),
        docutils_namespace(),
        compat.fresh_translators(),
    ):
        try:
            app = Sphinx(
                str(srcdir),
                str(confdir),
                str(outdir or Path(tmp) / "out"),
                str(Path(tmp) / "doctrees"),
                builder,
                confoverrides=overrides,
                status=None,
                warning=warning or io.StringIO(),
                freshenv=True,
            )
        except SphinxError as exc:
            raise InputError(confdir / "conf.py", 0, f"Sphinx failed: {exc}") from None
        setattr(app, _TOOL_RUN, True)
        yield app


def is_tool_run(app: Sphinx) -> bool:
    """Whether *app* is a tool's run of :func:`sphinx_app` (not ``make``'s): its output is thrown
    away, so what only ``make`` publishes (the theme's ``sphinx.pot``) is not made."""
    return bool(getattr(app, _TOOL_RUN, False))


def build(app: Sphinx, confdir: Path, on_doctree: Callable[[Sphinx, Any, str], None] | None = None) -> None:
    """Read every page (and write, for builders that write) with *on_doctree* at ``doctree-resolved``."""
    if on_doctree is not None:
        app.connect("doctree-resolved", on_doctree)
    try:
        app.build(force_all=True)
    except SphinxError as exc:
        raise InputError(confdir / "conf.py", 0, f"Sphinx failed: {exc}") from None
