"""Translation status: which translation of which page is current, and why not.

A translation is *current* when the source hash it records equals the hash of
today's English file, *stale* when it differs, *unknown* when there is no record
or the record is not a complete hash, *missing* when there is no translation and
*orphan* when the English page is gone. Two layouts are read:

- gettext catalogs: English pages under ``source/``, catalogs under
  ``locale/<lang>/LC_MESSAGES/<page>.po`` (the record is a header comment);
- Markdown pages: English pages under ``ROOT``, translations under
  ``ROOT/<lang>/<page>.md`` (the record is ``x-i18n.source_hash``).

For catalogs, the message counts are those a reader sees (:mod:`.coverage`): the
messages each page renders (from the ``.pot`` templates of ``make gettext``,
:mod:`.templates`), translated or shown in English. A stale translation whose page
renders every message translated changed *outside its text* (a code block, a URL,
the toctree): readers are not warned, and the maintainer reviews the change and stamps.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from docs_i18n.core import hashing, memory_mark
from docs_i18n.core.errors import InputError
from docs_i18n.status import coverage


class PageState(StrEnum):
    """The state of a translation against today's English page (the one list: add a state here)."""

    CURRENT = "current"  # the recorded source hash is today's English hash
    STALE = "stale"  # the English page changed since
    UNKNOWN = "unknown"  # no valid record, or an unreadable catalog
    MISSING = "missing"  # no translation of the page
    ORPHAN = "orphan"  # a translation of an English page that is gone


class ReaderState(StrEnum):
    """What a reader of the translated page gets (:attr:`PageStatus.reader_state`)."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    OUTDATED = "outdated"
    UNKNOWN = "unknown"
    UNTRANSLATED = "untranslated"


STATES = tuple(PageState)
COUNT_KEYS = ("translated", "fuzzy", "untranslated", "obsolete")
_JSON_FIELDS = ("lang", "page", "state", "reason", "translation", "source_hash", "recorded_hash")
READER_STATES = tuple(ReaderState)
# How the counts were made: the messages the page renders (from the templates, or the
# build's own record of them), or only the catalog's messages (no templates to read).
MEASURED = ("templates", "build", "catalog")
STALE_REASON = "the English page changed since this translation was completed"
CHANGED_OUTSIDE_TEXT = (
    "the English page changed outside its text (code, links, the toctree): every message it renders is translated"
)


@dataclass
class PageStatus:
    """The state of one (language, page) translation."""

    lang: str
    page: str  # the English page, relative to the source root: providers/litellm.md
    state: PageState
    reason: str
    translation: str | None = None  # the catalog or translated page, if any
    source_hash: str | None = None  # today's English hash (None for orphans)
    recorded_hash: str | None = None  # as recorded, even when malformed
    translated: int | None = None  # message counts: catalogs only (see `measured`)
    fuzzy: int | None = None
    untranslated: int | None = None
    obsolete: int | None = None  # the catalog's obsolete entries (never rendered)
    # translation memory: messages `update` filled since the catalog's record was set (catalogs only)
    memory: dict[str, int] | None = None
    # translated messages `translate --accept` wrote, not reviewed, under the catalog's record (catalogs only)
    machine: int = 0
    refused: int = 0  # refused by the build's guard: the build only
    measured: str | None = None  # one of MEASURED, when there are counts
    # msgid -> its catalog state as a reader sees it, when the report was asked for them
    catalog_states: dict[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def counts(self) -> dict[str, int] | None:
        if self.translated is None:
            return None
        return {key: getattr(self, key) for key in COUNT_KEYS}

    @property
    def machine_translated(self) -> bool:
        """Some of the page's translation is a machine's, not reviewed: readers are told."""
        return self.machine > 0 and self.state != PageState.ORPHAN

    @property
    def english(self) -> int | None:
        """Messages shown in English (fuzzy, untranslated, refused), when counted."""
        if self.translated is None:
            return None
        return (self.fuzzy or 0) + (self.untranslated or 0) + self.refused

    @property
    def percent_translated(self) -> float | None:
        """Share of the counted messages shown translated (fuzzy ones are not)."""
        if self.translated is None:
            return None
        return coverage.percent(self.translated, self.translated + (self.english or 0))

    @property
    def reader_state(self) -> ReaderState | None:
        """What a reader of the translated page gets (one of :data:`READER_STATES`; None for orphans).

        ``untranslated``: nothing on the page is translated (no catalog, or no message
        translated). ``outdated``: stale, and some messages are shown in English (or the
        count is unknown). ``unknown``: no valid record. ``partial``: some messages are
        shown in English. ``complete``: everything is translated, and the record is
        current, or the English page changed only outside its text.
        """
        if self.state == PageState.ORPHAN:
            return None
        english = self.english
        if self.state == PageState.MISSING or (english is not None and self.translated == 0 and english > 0):
            return ReaderState.UNTRANSLATED
        if self.state == PageState.STALE and (english is None or english > 0):
            return ReaderState.OUTDATED
        if self.state == PageState.UNKNOWN:
            return ReaderState.UNKNOWN
        return ReaderState.PARTIAL if english else ReaderState.COMPLETE

    def with_coverage(self, found: coverage.Coverage, measured: str) -> PageStatus:
        """A copy counting the messages the page renders, with the stale reason that follows."""
        reason = self.reason
        if self.state == PageState.STALE:
            reason = (
                CHANGED_OUTSIDE_TEXT
                if found.english == 0
                else f"{STALE_REASON}; {found.english} of {found.total} messages are shown in English"
            )
        return dataclasses.replace(
            self,
            reason=reason,
            translated=found.translated,
            fuzzy=found.fuzzy,
            untranslated=found.untranslated,
            refused=found.refused,
            obsolete=self.obsolete or 0,
            measured=measured,
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {key: getattr(self, key) for key in _JSON_FIELDS}
        if self.translated is not None:
            data.update({key: getattr(self, key) for key in COUNT_KEYS})
            data["english"] = self.english
            data["percent_translated"] = self.percent_translated
            data["memory"] = self.memory or dict.fromkeys(memory_mark.KINDS, 0)
            data["machine_translated"] = self.machine
            data["measured"] = self.measured
        data["reader_state"] = self.reader_state
        return data


@dataclass
class Report:
    """Status of every (language, page) in a tree, plus the inputs that could not be read."""

    kind: str  # "catalogs" or "markdown"
    languages: list[str]
    pages: list[PageStatus] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)  # FIFOs, sockets, devices: skipped
    ui: dict[str, dict[str, int]] = field(default_factory=dict)  # theme UI catalog counts per language
    scope: list[PageStatus] | None = None  # what summaries count, when narrower filters dropped pages
    notices: list[str] = field(default_factory=list)  # how the counts were made, when not from templates

    def summary(self, lang: str) -> dict[str, object]:
        """Per-language totals: pages per state and per reader state, and message counts."""
        return self._summary(lang, [p for p in (self.pages if self.scope is None else self.scope) if p.lang == lang])

    def summaries(self) -> dict[str, dict[str, object]]:
        """:meth:`summary` of every language of the report, the pages read in one pass."""
        rows: dict[str, list[PageStatus]] = {lang: [] for lang in self.languages}
        for page in self.pages if self.scope is None else self.scope:
            if page.lang in rows:
                rows[page.lang].append(page)
        return {lang: self._summary(lang, found) for lang, found in rows.items()}

    def _summary(self, lang: str, rows: list[PageStatus]) -> dict[str, object]:
        by_state: dict[str, int] = dict.fromkeys(STATES, 0)
        for page in rows:
            by_state[page.state] += 1
        out: dict[str, object] = {"pages": len(rows) - by_state[PageState.ORPHAN]}
        out.update(by_state)
        if self.kind == "catalogs":
            live = [p for p in rows if p.counts is not None and p.state != PageState.ORPHAN]
            totals = {key: sum(getattr(p, key) for p in live) for key in (*COUNT_KEYS, "refused")}
            english = totals["fuzzy"] + totals["untranslated"] + totals.pop("refused")
            out.update(totals)
            out["english"] = english
            out["percent_translated"] = coverage.percent(totals["translated"], totals["translated"] + english)
            out["reader_states"] = {shown: sum(1 for p in rows if p.reader_state == shown) for shown in READER_STATES}
            out["machine_translated"] = sum(1 for p in rows if p.machine_translated)
            if lang in self.ui:
                out["ui"] = self.ui[lang]
        return out

    def with_coverage(self, found: Callable[[PageStatus], tuple[coverage.Coverage, str] | None]) -> Report:
        """A copy whose pages count what *found* says each page renders (None: as they are)."""
        pages_now = []
        for page in self.pages:
            result = found(page) if page.state != PageState.ORPHAN else None
            pages_now.append(page if result is None else page.with_coverage(*result))
        return dataclasses.replace(self, pages=pages_now, scope=None)

    def filtered(self, langs: Iterable[str] | None = None, states: Iterable[str] | None = None) -> Report:
        """A copy keeping only the given languages and states."""
        keep_langs = set(langs) if langs else None
        keep_states = set(states) if states else None
        return Report(
            kind=self.kind,
            languages=[lang for lang in self.languages if keep_langs is None or lang in keep_langs],
            pages=[
                p
                for p in self.pages
                if (keep_langs is None or p.lang in keep_langs) and (keep_states is None or p.state in keep_states)
            ],
            errors=self.errors,
            warnings=self.warnings,
            ui={k: v for k, v in self.ui.items() if keep_langs is None or k in keep_langs},
            scope=[p for p in self.pages if keep_langs is None or p.lang in keep_langs],
            notices=self.notices,
        )

    @property
    def all_current(self) -> bool:
        return all(p.state == PageState.CURRENT for p in self.pages)


def judge(recorded: object, today: str) -> tuple[PageState, str]:
    """The state and reason for a recorded hash against today's English hash."""
    if recorded is None:
        return PageState.UNKNOWN, "no source hash recorded"
    if not isinstance(recorded, str):
        return PageState.UNKNOWN, f"recorded source hash is not a string ({type(recorded).__name__})"
    if recorded == "":
        return PageState.UNKNOWN, "recorded source hash is empty"
    if not hashing.is_valid_hash(recorded):
        if hashing.is_valid_hash(recorded.lower()):
            return PageState.UNKNOWN, "recorded source hash is not lowercase hex"
        if all(c in "0123456789abcdefABCDEF" for c in recorded) and len(recorded) < 64:
            return PageState.UNKNOWN, f"recorded source hash is truncated ({len(recorded)} of 64 hex digits)"
        return PageState.UNKNOWN, "recorded source hash is not a 64-digit hex SHA-256"
    if recorded == today:
        return PageState.CURRENT, "recorded hash matches today's English page"
    return PageState.STALE, STALE_REASON
