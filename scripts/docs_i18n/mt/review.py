"""The build's own verdict on the model's replies, before anything is written.

A reply is untrusted like a translator's. The replies of one language are written,
as translated, into a copy of that language's catalogs in a temporary folder; then
they are checked there as ``scripts/i18n check`` checks (every check, the glossary and
the maintainers' exemptions included), and the pages are read as the build reads them
(:func:`docs_i18n.sphinx_ext.verdicts.verdict`: the guarded parser and the tree
comparison). A reply passes only when ``check`` finds nothing and the build shows it
translated; otherwise the reason is kept and it is not written.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docs_i18n.checks import catalog_checks, exemptions, glossary
from docs_i18n.core import locale_tree, pofile
from docs_i18n.core.textio import atomic_write
from docs_i18n.mt.write import Suggestion, apply

Key = tuple[str, str]  # (catalog path, msgid)
# The build's verdict on a language's catalogs: docs_i18n.sphinx_ext.verdicts.verdict, passed in by
# the command (nothing below the Sphinx extension imports it); its result's reason(page, msgid).
Verdict = Callable[[Path, Path, Path, str], Any]


def no_build_verdict(source_dir: Path, conf_dir: Path, locale_dir: Path, lang: str) -> Any:
    """Fail closed: a review without the build's verdict passes nothing."""
    raise RuntimeError("no build verdict to review the replies with (pass sphinx_ext.verdicts.verdict)")


def review(
    source_dir: Path,
    conf_dir: Path,
    locale_dir: Path,
    lang: str,
    suggestions: dict[str, list[tuple[str, Suggestion]]],
    verdict: Verdict,
) -> dict[Key, str | None]:
    """For each suggestion (catalog path -> [(page, suggestion)]), why it is refused, or None when it passes;
    *verdict* is the build's (:func:`docs_i18n.sphinx_ext.verdicts.verdict`)."""

    reasons: dict[Key, str | None] = {}
    maintainers = exemptions.load(conf_dir)
    terms = glossary.load(locale_dir, lang)
    with tempfile.TemporaryDirectory(prefix="i18n-mt-review-") as tmp:
        copy = Path(tmp) / "locale"
        shutil.copytree(Path(locale_dir) / lang, copy / lang, symlinks=True)
        for catalog, items in suggestions.items():
            relative = Path(catalog).relative_to(Path(locale_dir))
            target = copy / relative
            text, _ = apply(
                locale_tree.read_text(catalog, locale_dir, "catalog"), catalog, [s for _, s in items], "review"
            )
            atomic_write(target, text)
            parsed = pofile.parse(text, catalog)
            by_line = {entry.line: entry.msgid for entry in parsed.messages()}
            page = items[0][0]
            found = catalog_checks.check_catalog(parsed, terms=terms, maintainers=maintainers, lang=lang, name=page)
            wanted = {s.msgid for _, s in items}
            for problem in found.findings:
                msgid = by_line.get(problem.line)
                if msgid in wanted:
                    previous = reasons.get((catalog, msgid))
                    shown = f"[{problem.check}] {problem.message}"
                    reasons[(catalog, msgid)] = f"{previous}; {shown}" if previous else shown
        decided = verdict(source_dir, conf_dir, copy, lang)
    for catalog, items in suggestions.items():
        for page, suggestion in items:
            key = (catalog, suggestion.msgid)
            if reasons.get(key):
                continue
            reasons[key] = decided.reason(page, suggestion.msgid)
    return reasons
