"""The maintainers' exemptions from the checks the build enforces (``i18n-exemptions.toml``).

A translation must keep the English's code spans and link targets. Where a language
really needs another one (a localised URL, say), the maintainers allow it here, next
to ``conf.py`` and reviewed like it; a translator's catalog cannot. Each exemption
names one message and the exact values its translation may use in place of the
English ones::

    [[exemption]]
    lang = "ko"
    catalog = "providers/litellm"            # locale/ko/LC_MESSAGES/providers/litellm.po
    msgid = "See the [LiteLLM docs](https://docs.litellm.ai)."
    check = "links"                          # or "code-spans"
    allow = ["https://docs.litellm.ai/ko/"]
    reason = "the Korean edition of the LiteLLM docs"

Only ``code-spans`` and ``links`` (link targets) can be exempted; raw HTML,
directives, roles, ``javascript:`` URLs and invisible characters never are.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.checks.rules import EXEMPTIBLE
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text, split_lines

FILE_NAME = "i18n-exemptions.toml"
_KEYS = {"lang", "catalog", "msgid", "check", "allow", "reason"}


@dataclass(frozen=True)
class Exemption:
    """One message allowed other code spans or link targets."""

    lang: str
    catalog: str
    msgid: str
    check: str
    allow: tuple[str, ...]
    reason: str
    line: int  # of its ``[[exemption]]`` table in the file


@dataclass
class Exemptions:
    """The exemptions of a project (none without the file)."""

    path: str | None = None
    entries: list[Exemption] = field(default_factory=list)

    def allowed(self, lang: str, catalog: str, msgid: str) -> dict[str, frozenset[str]]:
        """``{check: allowed values}`` for one message (empty: no exemption)."""
        found: dict[str, set[str]] = {}
        for each in self.entries:
            if (each.lang, each.catalog, each.msgid) == (lang, catalog, msgid):
                found.setdefault(each.check, set()).update(each.allow)
        return {check: frozenset(values) for check, values in found.items()}

    def matching(self, lang: str, catalog: str, msgid: str) -> list[Exemption]:
        return [e for e in self.entries if (e.lang, e.catalog, e.msgid) == (lang, catalog, msgid)]


def load(root: str | Path) -> Exemptions:
    """The exemptions in ``<root>/i18n-exemptions.toml``; raise :class:`InputError` when it is malformed."""
    path = Path(root) / FILE_NAME
    if not path.exists():
        return Exemptions()
    text = read_text(path, "exemptions file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_of_error(str(exc))
        raise InputError(path, line, f"not valid TOML: {exc}") from None
    unknown = set(data) - {"exemption"}
    if unknown:
        raise InputError(path, 0, f"unknown table(s) {', '.join(sorted(unknown))}; use [[exemption]]")
    lines = [number for number, raw in enumerate(split_lines(text), start=1) if raw.strip() == "[[exemption]]"]
    entries = []
    for index, table in enumerate(data.get("exemption", [])):
        line = lines[index] if index < len(lines) else 0
        entries.append(_exemption(table, path, line))
    return Exemptions(str(path), entries)


def _line_of_error(message: str) -> int:
    marker = "(at line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",", 1)[0]
        if digits.isdigit():
            return int(digits)
    return 0


def _exemption(table: object, path: Path, line: int) -> Exemption:
    if not isinstance(table, dict):
        raise InputError(path, line, "an exemption is a table: [[exemption]]")
    unknown, missing = set(table) - _KEYS, (_KEYS - {"reason"}) - set(table)
    if unknown or missing:
        detail = "; ".join(
            part
            for part in (
                f"unknown key(s) {', '.join(sorted(unknown))}" if unknown else "",
                f"missing {', '.join(sorted(missing))}" if missing else "",
            )
            if part
        )
        raise InputError(path, line, f"exemption: {detail} (keys: {', '.join(sorted(_KEYS))})")
    if table["check"] not in EXEMPTIBLE:
        raise InputError(path, line, f"check {table['check']!r} cannot be exempted; only {', '.join(EXEMPTIBLE)} can")
    allow = table["allow"]
    if not isinstance(allow, list) or not allow or not all(isinstance(v, str) and v for v in allow):
        raise InputError(path, line, "allow is a non-empty list of the code spans or link targets allowed")
    for key in ("lang", "catalog", "msgid", "reason"):
        if not isinstance(table.get(key, ""), str):
            raise InputError(path, line, f"{key} is a string")
    return Exemption(
        table["lang"], table["catalog"], table["msgid"], table["check"], tuple(allow), table.get("reason", ""), line
    )
