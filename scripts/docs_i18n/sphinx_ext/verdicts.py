"""What the build shows translated, for tools that write translations outside a build.

``export`` writes a catalog's translations into Markdown pages, and ``translate``
writes a model's suggestions into catalogs: neither may pass on a translation that
the build would show in English. :func:`verdict` reads the pages of one language as
the build reads them (Sphinx's ``dummy`` builder: every transform, the guard
included, nothing written) and returns, per page, the messages shown translated and
the reason each refused one was refused. It is the build's own decision, not a copy
of its rules.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import workers
from docs_i18n.sphinx_ext import guard, inprocess, rendered

NOT_SHOWN = "the build does not show it: Sphinx uses a translation only when it parses as one paragraph or heading"


@dataclass(frozen=True)
class Verdict:
    """What the build of one language does with the catalogs' translations."""

    shown: dict[str, frozenset[str]] = field(default_factory=dict)  # docname -> messages shown translated
    refused: dict[str, dict[str, str]] = field(default_factory=dict)  # docname -> {msgid: the guard's reason}

    def reason(self, docname: str, msgid: str) -> str | None:
        """Why *msgid* of *docname* is shown in English although translated (None: it is shown translated)."""
        if msgid in self.shown.get(docname, frozenset()):
            return None
        return self.refused.get(docname, {}).get(msgid) or NOT_SHOWN


def verdict(source_dir: Path, confdir: Path, locale_dir: Path, lang: str) -> Verdict:
    """Read every page of *source_dir* in *lang* with the catalogs of *locale_dir*, as the build does."""
    overrides = {
        "language": lang,
        "i18n_locale_dirs": [str(Path(locale_dir).resolve())],
        "gettext_compact": False,
    }
    with inprocess.sphinx_app(Path(source_dir), Path(confdir), "dummy", overrides) as app:
        inprocess.build(app, Path(confdir))
        shown = {docname: page.translated for docname, page in rendered.records(app.env).items()}
        return Verdict(shown, guard.refusals(app.env))


def verdicts(source_dir: Path, confdir: Path, locale_dir: Path, langs: Sequence[str]) -> dict[str, Verdict]:
    """:func:`verdict` for each of *langs*, in worker processes when there are several
    (:func:`docs_i18n.core.workers.map_items`: one read of the pages per language, each its own
    Sphinx application); a Sphinx failure is raised as the first language's
    :class:`docs_i18n.core.errors.InputError`."""
    read = functools.partial(verdict, Path(source_dir), Path(confdir), Path(locale_dir))
    return dict(zip(langs, workers.map_items(read, list(langs), min_items=2), strict=True))
