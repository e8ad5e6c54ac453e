"""Per-language glossaries: ``locale/<lang>/glossary``.

One rule per line; blank lines and lines starting with ``#`` are ignored::

    # terms that stay in English, exactly as written
    keep: OpenClaw
    keep: claude-opus-4-6
    # required translations: when the English has the term (any case, plural
    # too), the translation must contain one of the translations after "="
    term: virtual key = 가상 키
    term: cost tracking = 비용 추적 | 비용을 추적

A ``keep`` term is found in the English as a whole word (``OpenAI-compatible``
counts), case-sensitively; a ``term`` as whole words in any case, with an
optional plural ``s``/``es``. In the
translation both are looked for as plain text (CJK text attaches particles to
words). Code spans, URLs and HTML are not searched: other checks cover them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import locale_tree
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text, split_lines

FILENAME = "glossary"
KINDS = ("keep", "term")


@dataclass(frozen=True)
class Rule:
    """One glossary line."""

    kind: str  # "keep" or "term"
    english: str
    translations: tuple[str, ...]
    line: int
    pattern: re.Pattern[str]


@dataclass
class Glossary:
    """The rules of one language."""

    path: str
    rules: list[Rule] = field(default_factory=list)

    def findings(self, english: str, translation: str) -> list[str]:
        """Messages for every rule that *translation* breaks (the texts are prose)."""
        found = []
        for rule in self.rules:
            if not rule.pattern.search(english):
                continue
            if any(t in translation for t in rule.translations):
                continue
            if rule.kind == "keep":
                found.append(f"{rule.english!r} must stay untranslated (glossary line {rule.line})")
            else:
                wanted = " or ".join(repr(t) for t in rule.translations)
                found.append(f"{rule.english!r} must be translated as {wanted} (glossary line {rule.line})")
        return found


def _pattern(kind: str, english: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in english.split())
    if kind == "keep":
        return re.compile(rf"(?<![\w-]){words}(?!\w)")
    return re.compile(rf"(?<![\w-]){words}(?:e?s)?(?!\w)", re.IGNORECASE)


def parse(text: str, path: str | Path = "<glossary>") -> Glossary:
    """Parse a glossary; raise :class:`InputError` on a malformed line."""
    glossary = Glossary(str(path))
    seen: dict[str, int] = {}
    for number, raw in enumerate(split_lines(text), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, sep, rest = line.partition(":")
        kind = kind.strip()
        if not sep or kind not in KINDS:
            raise InputError(
                path, number, f"expected 'keep: TERM' or 'term: ENGLISH = TRANSLATION', found {line[:40]!r}"
            )
        if kind == "keep":
            english, translations = rest.strip(), tuple[str, ...]((rest.strip(),))
        else:
            english, sep, wanted = rest.partition("=")
            english = english.strip()
            translations = tuple(t.strip() for t in wanted.split("|") if t.strip())
            if not sep or not translations:
                raise InputError(path, number, f"'term:' needs 'ENGLISH = TRANSLATION', found {line[:40]!r}")
        if not english:
            raise InputError(path, number, f"empty term in {line[:40]!r}")
        key = english.casefold() if kind == "term" else english
        if key in seen:
            raise InputError(path, number, f"{english!r} is already defined at line {seen[key]}")
        seen[key] = number
        glossary.rules.append(Rule(kind, english, translations, number, _pattern(kind, english)))
    return glossary


def read(path: str | Path) -> Glossary:
    """Read and parse the glossary at *path*."""
    return parse(read_text(path), path)


def load(locale_dir: str | Path, lang: str) -> Glossary | None:
    """The glossary of *lang* (``<locale_dir>/<lang>/glossary``), or ``None`` when there is none.

    Read as everything under the catalogs' folder is (:mod:`docs_i18n.core.locale_tree`):
    a link or a special file there is an :class:`InputError`, and is not read.
    """
    path = Path(locale_dir) / lang / FILENAME
    if not os.path.lexists(path):
        return None
    return parse(locale_tree.read_text(path, locale_dir, "glossary"), path)
