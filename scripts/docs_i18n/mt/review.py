"""The build's own verdict on the model's replies, before anything is written.

A reply is untrusted like a translator's. The replies of each language are written,
as translated, into a copy of that language's catalogs in a temporary folder; then
they are checked there as ``scripts/i18n check`` checks (every check, the glossary and
the maintainers' exemptions included), and the pages are read as the build reads them
(:func:`docs_i18n.sphinx_ext.verdicts.verdicts`, given by the command: the guarded
parser and the tree comparison; the languages in worker processes). A reply passes only
when ``check`` finds nothing and the build shows it translated; otherwise the reason is
kept and it is not written.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from docs_i18n.checks import catalog_checks, exemptions, glossary
from docs_i18n.core import locale_tree, pofile
from docs_i18n.core.textio import atomic_write
from docs_i18n.mt.write import Suggestion, apply

Key = tuple[str, str]  # (catalog path, msgid)


class Shown(Protocol):
    """What the build shows: :class:`docs_i18n.sphinx_ext.verdicts.Verdict`."""

    def reason(self, docname: str, msgid: str) -> str | None: ...


# (source folder, conf.py's folder, catalogs' folder, languages) -> each language's build verdict:
# docs_i18n.sphinx_ext.verdicts.verdicts, given by the command (only sphinx_ext imports Sphinx)
Verdicts = Callable[[Path, Path, Path, Sequence[str]], Mapping[str, Shown]]
Suggestions = dict[str, list[tuple[str, Suggestion]]]  # catalog path -> [(page, suggestion)]


def review(
    source_dir: Path,
    conf_dir: Path,
    locale_dir: Path,
    suggestions: Mapping[str, Suggestions],
    verdicts: Verdicts,
) -> dict[Key, str | None]:
    """For each suggestion (language -> catalog path -> [(page, suggestion)]), why it is refused,
    or None when it passes."""
    reasons: dict[Key, str | None] = {}
    maintainers = exemptions.load(conf_dir)
    with tempfile.TemporaryDirectory(prefix="i18n-mt-review-") as tmp:
        copy = Path(tmp) / "locale"
        for lang, catalogs in suggestions.items():
            shutil.copytree(Path(locale_dir) / lang, copy / lang, symlinks=True)
            reasons |= _checked(locale_dir, copy, lang, catalogs, maintainers)
        decided = verdicts(source_dir, conf_dir, copy, list(suggestions))
    for lang, catalogs in suggestions.items():
        for catalog, items in catalogs.items():
            for page, suggestion in items:
                key = (catalog, suggestion.msgid)
                if not reasons.get(key):
                    reasons[key] = decided[lang].reason(page, suggestion.msgid)
    return reasons


def _checked(
    locale_dir: Path, copy: Path, lang: str, catalogs: Suggestions, maintainers: exemptions.Exemptions
) -> dict[Key, str | None]:
    """Write *lang*'s suggestions into the catalogs' *copy* and check them there: what ``check``
    finds in each suggestion."""
    reasons: dict[Key, str | None] = {}
    terms = glossary.load(locale_dir, lang)
    for catalog, items in catalogs.items():
        target = copy / Path(catalog).relative_to(Path(locale_dir))
        text, _ = apply(locale_tree.read_text(catalog, locale_dir, "catalog"), catalog, [s for _, s in items], "review")
        atomic_write(target, text)
        parsed = pofile.parse(text, catalog)
        by_line = {entry.line: entry.msgid for entry in parsed.messages()}
        found = catalog_checks.check_catalog(parsed, terms=terms, maintainers=maintainers, lang=lang, name=items[0][0])
        wanted = {s.msgid for _, s in items}
        for problem in found.findings:
            msgid = by_line.get(problem.line)
            if msgid in wanted:
                previous = reasons.get((catalog, msgid))
                shown = f"[{problem.check}] {problem.message}"
                reasons[(catalog, msgid)] = f"{previous}; {shown}" if previous else shown
    return reasons
