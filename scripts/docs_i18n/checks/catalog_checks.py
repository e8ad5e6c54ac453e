"""Checking whole catalogs: every translated message, its exemptions, every language.

A message is exempted from a check by a translator comment naming it::

    # i18n-check-ignore: glossary -- "cost tracking" is a verb phrase here
    msgid "..."

Exemptions are listed in the report. The checks the build enforces
(:data:`.rules.GUARDED`) cannot be exempted by a translator: the finding stays. Only
the maintainers' file (:mod:`.exemptions`) can allow other code spans or link targets
for a message. The theme UI catalog's guarded findings are the build's own
(:func:`.ui_messages.from_catalog`): the same rules, plural entries included.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.checks import exemptions, glossary, ui_messages
from docs_i18n.checks.markup import HTML, MARKDOWN
from docs_i18n.checks.rules import CHECKS, GUARDED, Finding, compare
from docs_i18n.core import languages, locale_tree, pages, pofile
from docs_i18n.core.errors import InputError

EXEMPTION_KEY = "i18n-check-ignore"
_EXEMPTION_RE = re.compile(rf"^{EXEMPTION_KEY}:\s*(?P<names>.*?)(?:\s+--\s*(?P<reason>.*?))?\s*$")


@dataclass(frozen=True)
class Problem:
    """A finding in a catalog: ``path:line: [check] message`` (line of the msgid)."""

    path: str
    line: int
    check: str
    message: str


@dataclass(frozen=True)
class Exemption:
    """An exemption and what it did: a translator comment ``# i18n-check-ignore: CHECK[, CHECK] -- reason``
    (at its message), or an entry of the maintainers' file (at its table)."""

    path: str
    line: int
    check: str
    reason: str
    status: str  # "applied", "unused" or "refused" (a guarded check, in a translator comment)


@dataclass
class Report:
    """The result of checking catalogs."""

    findings: list[Problem] = field(default_factory=list)
    exemptions: list[Exemption] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    # none: special files under the catalogs' folder are errors (kept for the JSON format's `warnings`)
    warnings: list[InputError] = field(default_factory=list)
    catalogs: int = 0
    messages: int = 0


def exemptions_of(comments: Iterable[str]) -> list[tuple[str, str]]:
    """``(check, reason)`` for every check named in exemption comments."""
    found = []
    for comment in comments:
        match = _EXEMPTION_RE.match(comment.strip())
        if match:
            reason = match.group("reason") or ""
            found += [(name, reason) for name in re.split(r"[\s,]+", match.group("names")) if name]
    return found


def _no_plurals() -> Mapping[str, str]:
    return {}


def check_catalog(
    catalog: pofile.Catalog,
    *,
    mode: str = MARKDOWN,
    terms: glossary.Glossary | None = None,
    maintainers: exemptions.Exemptions | None = None,
    lang: str = "",
    name: str = "",
    plurals: Callable[[], Mapping[str, str]] = _no_plurals,
) -> Report:
    """Check every translated message of *catalog* (fuzzy ones are not used by the build).

    *maintainers* holds the maintainers' exemptions, looked up by *lang* and the
    catalog's *name* (``providers/litellm``). In ``html`` mode (the theme UI catalog)
    the guarded findings are the build's (:mod:`.ui_messages`, with *plurals*).
    """
    report = Report(catalogs=1)
    refused_ui: dict[int, list[Finding]] = {}
    if mode == HTML:
        for refusal in ui_messages.from_catalog(catalog, plurals).refused:
            refused_ui.setdefault(refusal.line, []).append(refusal.finding)
    unguarded = [check for check in CHECKS if check not in GUARDED]
    for entry in catalog.messages():
        found = list(refused_ui.get(entry.line, []))
        if entry.state != "translated":
            report.findings += [Problem(catalog.path, entry.line, f.check, f.message) for f in found]
            continue
        report.messages += 1
        granted = maintainers.matching(lang, name, entry.msgid) if maintainers else []
        allowed = maintainers.allowed(lang, name, entry.msgid) if maintainers else {}
        checks = unguarded if mode == HTML else CHECKS
        if entry.msgid_plural is None:
            found += compare(
                entry.msgid, entry.msgstr[0], mode=mode, glossary=terms, checks=checks, allowed=allowed, lang=lang
            )
        else:  # a form may stand for the singular or the plural (one form only, in ko, ja, zh)
            for text in entry.msgstr:
                as_plural = compare(entry.msgid_plural, text, mode=mode, glossary=terms, checks=checks, lang=lang)
                if as_plural and compare(entry.msgid, text, mode=mode, glossary=terms, checks=checks, lang=lang):
                    found += as_plural
        for each in granted:
            plain = compare(entry.msgid, entry.msgstr[0], mode=mode, checks=[each.check], lang=lang)
            status = "applied" if plain else "unused"
            where = maintainers.path if maintainers and maintainers.path else exemptions.FILE_NAME
            report.exemptions.append(Exemption(where, each.line, each.check, each.reason, status))
        fired = {f.check for f in found}
        exempt: set[str] = set()
        refused: set[str] = set()
        for check, reason in exemptions_of(entry.translator_comments):
            if check not in CHECKS:
                report.findings.append(Problem(catalog.path, entry.line, "exemption", f"unknown check {check!r}"))
                continue
            status = "refused" if check in GUARDED else "applied" if check in fired else "unused"
            report.exemptions.append(Exemption(catalog.path, entry.line, check, reason, status))
            (exempt if status == "applied" else refused if status == "refused" else set()).add(check)
        for finding in found:
            if finding.check in exempt:
                continue
            note = " (cannot be exempted: the build refuses it)" if finding.check in refused else ""
            report.findings.append(Problem(catalog.path, entry.line, finding.check, finding.message + note))
    return report


def catalog_mode(path: Path, messages_dir: Path) -> str:
    """``html`` for the theme UI catalog (template strings), ``markdown`` for page catalogs."""
    return HTML if path.relative_to(messages_dir).as_posix() == f"{pages.UI_DOMAIN}.po" else MARKDOWN


def check_locale(
    locale_dir: str | Path,
    langs: Iterable[str] | None = None,
    *,
    maintainers: exemptions.Exemptions | None = None,
    plurals: Callable[[], Mapping[str, str]] = _no_plurals,
    source_language: str | None = None,
) -> Report:
    """Check every catalog under ``<locale_dir>/<lang>/LC_MESSAGES/`` with the language's glossary.

    Unreadable catalogs and glossaries, what the catalogs' folder refuses (links, special
    files, names: :mod:`docs_i18n.core.locale_tree`) and a folder of *source_language* are
    collected in ``errors``; the rest is still checked. *maintainers* and *plurals* are as
    for :func:`check_catalog`.
    """
    locale_dir = Path(locale_dir)
    if not locale_dir.is_dir():
        raise InputError(locale_dir, 0, "no such folder; name the catalogs' folder with --locale")
    report = Report()
    tree = locale_tree.scan(locale_dir)
    wanted = list(langs or tree.languages())
    if source_language:
        wanted, source_error = languages.source_guard(locale_dir, source_language, wanted)
        if source_error is not None:
            report.errors.append(source_error)
    report.errors += tree.errors(wanted)
    for lang in wanted:
        messages_dir = locale_dir / lang / locale_tree.MESSAGES_DIR
        if str(messages_dir) not in tree.folders:
            if tree.refusal(messages_dir) is None:
                report.errors.append(InputError(messages_dir, 0, f"no catalogs for language {lang!r}"))
            continue
        try:
            lang_glossary = glossary.load(locale_dir, lang)
        except InputError as exc:
            report.errors.append(exc)
            lang_glossary = None
        for path in tree.catalogs(lang):
            try:
                catalog = locale_tree.read_catalog(path, locale_dir)
            except InputError as exc:
                report.errors.append(exc)
                continue
            part = check_catalog(
                catalog,
                mode=catalog_mode(path, messages_dir),
                terms=lang_glossary,
                maintainers=maintainers,
                lang=lang,
                name=path.relative_to(messages_dir).with_suffix("").as_posix(),
                plurals=plurals,
            )
            report.findings += part.findings
            report.exemptions += part.exemptions
            report.catalogs += 1
            report.messages += part.messages
    return report
