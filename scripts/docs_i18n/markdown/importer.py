"""Import translated MyST pages into gettext catalogs, message by message.

A translated page (OpenClaw's format: the whole page in the target language,
with ``x-i18n.source_hash`` in its front-matter) and its English page are split
into blocks by :mod:`.splitting`, with Sphinx's own extraction, and aligned
message by message (:mod:`.align`).
The i-th English message (exactly a msgid of the ``.pot``) takes the i-th
translated text as its msgstr.

Rules:

- The messages' structure differs: nothing is written; the error names the first
  divergence as ``path:line`` in both files, with what each side has there.
- A code block or raw (HTML/MDX) block differs from the English (a translated
  comment, a translated ``<Tab title>``): the prose still imports; each such block
  is a warning saying what differs (errors under ``--strict``). A catalog has no
  place for these blocks: the build shows the English ones.
- ``x-i18n.source_hash`` becomes the catalog's record (``# x-i18n-source-hash:``),
  so a page translated from an older English version is imported as stale.
  No hash, or one that is not a complete SHA-256 (truncated, say): an error,
  unless ``without_hash``; then the text is imported and the catalog's record is
  left exactly as it was (a bad hash never becomes the record).
- A front-matter field identical to its English text is not a translation
  (OpenClaw pages keep ``summary`` and ``read_when`` in English): left alone.
  A body text identical to English is a translation (a product name as a
  heading), except for messages the page lists in ``x-i18n.untranslated``
  (:mod:`.exporter` lists the messages it left in English there).
- An existing msgstr that differs is never replaced unless ``overwrite``; the
  differences are listed and nothing is written. Fuzzy msgstrs count as
  existing; a replaced one loses its fuzzy flag.
- A missing catalog is created from the ``.pot`` the way ``sphinx-intl update``
  creates it (``make gettext`` writes the templates).
- OpenClaw's locale links (``/<locale>/path`` in a translation of ``/path``) are written
  as the English target (:mod:`.locale_links`); the plan counts them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import frontmatter, hash_record, hashing, locale_tree, pages, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text
from docs_i18n.markdown import locale_links, po_writer
from docs_i18n.markdown.align import align, snippet
from docs_i18n.markdown.splitting import Block, SplitPage, Splitter

MARKER_KEY = "untranslated"  # x-i18n.untranslated: digests of messages left in English


def message_digest(msgid: str) -> str:
    """Short digest naming a message in ``x-i18n.untranslated``."""
    return hashing.hash_bytes(msgid.encode("utf-8"))[:12]


def normalise(text: str) -> str:
    """A msgstr as Sphinx would extract it from a page: lines joined, line-end backslashes dropped."""
    lines = []
    for line in text.split("\n"):
        stripped = line.rstrip(" \t")
        lines.append(stripped[:-1].rstrip(" \t") if stripped.endswith("\\") else line)
    return " ".join(lines).strip()


@dataclass
class Job:
    """One translated page to import."""

    lang: str  # catalog language: ko, ja, zh_CN
    page: str  # English page id: providers/litellm.md
    path: Path  # the translated file


@dataclass
class Change:
    """What importing one aligned message does."""

    action: str  # new, replace, differs, same, fuzzy (same text, still fuzzy), english (left alone)
    msgid: str
    old: str
    new: str
    english: Block
    translated: Block
    catalog_line: int = 0


@dataclass
class Plan:
    """The import of one page into one catalog."""

    job: Job
    english_path: Path
    catalog_path: Path
    changes: list[Change] = field(default_factory=list)
    create: bool = False
    record_before: str | None = None
    record_after: str | None = None  # None: the record is left as it is
    notes: list[str] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)  # code and raw blocks that differ from the English
    data: bytes | None = None  # the catalog to write (None: nothing to write)
    links_rewritten: int = 0  # OpenClaw locale links written as their English target

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def differences(self) -> list[Change]:
        return [c for c in self.changes if c.action == "differs"]

    @property
    def record_changes(self) -> bool:
        return self.record_after is not None and self.record_after != self.record_before


@dataclass
class Outcome:
    """A job and its plan, or the error that stopped it."""

    job: Job
    plan: Plan | None = None
    error: InputError | None = None


# -- Reading the translated page's x-i18n block ---------------------------------


def _key_line(matter: frontmatter.FrontMatter, key: str) -> int:
    for index, line in enumerate(matter.raw.split("\n")):
        if line.strip().startswith(f"{key}:"):
            return index + 2
    return 1


def page_hash(matter: frontmatter.FrontMatter, path: Path, without_hash: bool) -> tuple[str | None, str | None]:
    """``(hash, None)`` for a valid ``x-i18n.source_hash``; ``(None, note)`` when *without_hash*.

    Raises :class:`InputError` for a missing or malformed hash otherwise.
    """
    value = matter.source_hash
    if hashing.is_valid_hash(value):
        return value, None
    if "x-i18n" not in matter.data:
        line, problem = 1, "no x-i18n block in the front-matter"
    elif value is None:
        line, problem = _key_line(matter, "x-i18n"), "no x-i18n.source_hash in the front-matter"
    else:
        shown = str(value)
        line = _key_line(matter, "source_hash")
        problem = (
            f"x-i18n.source_hash {shown[:70]!r} is not a complete SHA-256 "
            f"(64 lowercase hex digits; this one has {len(shown)} characters)"
        )
    if not without_hash:
        raise InputError(
            path,
            line,
            f"{problem}: cannot tell which English version this page translates; add or fix "
            "x-i18n.source_hash, or pass --without-hash to import the text and leave the catalog's record as it is",
        )
    return None, f"{problem}; the catalog's record is left as it is"


def untranslated_marker(matter: frontmatter.FrontMatter, path: Path) -> set[str]:
    """The digests in ``x-i18n.untranslated`` (messages an export left in English)."""
    block = matter.data.get("x-i18n")
    value = block.get(MARKER_KEY) if isinstance(block, dict) else None
    if value is None:
        return set()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(path, _key_line(matter, MARKER_KEY), f"x-i18n.{MARKER_KEY} must be a list of digests")
    return set(value)


# -- Planning ------------------------------------------------------------------------


def plan_import(
    job: Job,
    english: SplitPage,
    translated: SplitPage,
    matter: frontmatter.FrontMatter,
    locale_dir: Path,
    pot_dir: Path,
    overwrite: bool = False,
    without_hash: bool = False,
) -> Plan:
    """Decide what importing *job* does to its catalog; nothing is written."""
    new_hash, hash_note = page_hash(matter, job.path, without_hash)
    marker = untranslated_marker(matter, job.path)
    alignment = align(english, translated)
    pairs = alignment.pairs
    catalog_path = pages.catalog_path(locale_dir, job.lang, job.page)
    plan = Plan(job, english.path, catalog_path, warnings=alignment.warnings)
    if hash_note:
        plan.notes.append(hash_note)

    source = catalog_path
    if os.path.lexists(catalog_path):
        text = locale_tree.read_text(catalog_path, locale_dir, "catalog")
    else:
        source = pot = Path(pot_dir) / f"{pages.docname(job.page)}.pot"
        if not pot.is_file():
            raise InputError(
                catalog_path,
                0,
                f"no catalog yet, and no template {pot} to create it from; run `make gettext` "
                "(or `make update-po` to create every missing catalog), then import again",
            )
        text = po_writer.new_catalog_text(pot, job.lang)
        plan.create = True
    catalog = pofile.parse(text, catalog_path)
    entries = {e.msgid: e for e in catalog.messages() if e.msgctxt is None and e.msgid_plural is None}
    plan.record_before = hash_record.recorded_hash(catalog)
    plan.record_after = new_hash

    chosen: dict[str, Change] = {}
    for a, original in pairs:
        b = original
        if not a.verbatim:
            linked, rewritten = locale_links.rewrite(original.text, a.text, job.lang)
            if rewritten:
                b = dataclasses.replace(original, text=linked)
                plan.links_rewritten += rewritten
        change = _decide(a, b, entries, marker, overwrite, (english.path, source))
        earlier = chosen.get(a.text)
        if earlier is None or earlier.action == "english":
            chosen[a.text] = change
        elif change.action != "english" and change.new != earlier.new:
            raise InputError(
                job.path,
                b.line,
                f"the English page has {snippet(a.text)} twice ({english.path}:{earlier.english.line} and "
                f"{english.path}:{a.line}), translated differently: {snippet(earlier.new)} at line "
                f"{earlier.translated.line}, {snippet(b.text)} here; a catalog holds one translation per message",
            )
    plan.changes = list(chosen.values())

    strings = {c.msgid: c.new for c in plan.changes if c.action in ("new", "replace")}
    if plan.differences:
        return plan
    if strings or plan.record_changes:
        updated = po_writer.updated_text(
            text, catalog_path, strings, record=plan.record_after if plan.record_changes else None
        )
        if plan.create or updated != text:
            plan.data = updated.encode("utf-8")
    return plan


def _decide(
    a: Block, b: Block, entries: dict[str, pofile.Entry], marker: set[str], overwrite: bool, where: tuple[Path, Path]
) -> Change:
    msgid, new = a.text, b.text
    if new == msgid and (a.field is not None or message_digest(msgid) in marker):
        return Change("english", msgid, "", new, a, b)
    entry = entries.get(msgid)
    if entry is None:
        english_path, catalog_path = where
        raise InputError(
            english_path,
            a.line,
            f"{snippet(msgid)} is not in {catalog_path}, which is older than the English page; "
            "run `make gettext` and `make update-po`, then import again",
        )
    old = entry.msgstr[0] if entry.msgstr else ""
    if old == "":
        action = "new"
    elif old == new or normalise(old) == new:
        action = ("replace" if overwrite else "fuzzy") if entry.fuzzy else "same"
    else:
        action = "replace" if overwrite else "differs"
    return Change(action, msgid, old, new, a, b, entry.line)


def plan_all(
    jobs: Iterable[Job],
    source_dir: Path,
    locale_dir: Path,
    confdir: Path,
    pot_dir: Path,
    overwrite: bool = False,
    without_hash: bool = False,
    report: Callable[[Outcome], None] | None = None,
    *,
    splitter: Splitter,
) -> list[Outcome]:
    """Plan every job (one Sphinx run for the English pages, one per language, by *splitter*).

    *report* is called with each outcome as soon as it is known (progress).
    """
    outcomes = [Outcome(job) for job in jobs]
    tell = report or (lambda outcome: None)
    matters: dict[int, frontmatter.FrontMatter] = {}
    for index, outcome in enumerate(outcomes):
        job = outcome.job
        try:
            source_page = Path(source_dir) / job.page
            if not source_page.is_file():
                raise InputError(
                    job.path,
                    0,
                    f"no English page {source_page}: a translated page's path must be its English page's path",
                )
            matter = frontmatter.split(read_text(job.path), job.path)
            page_hash(matter, job.path, without_hash)
            matters[index] = matter
        except InputError as exc:
            outcome.error = exc
            tell(outcome)
    ready = list(matters)
    if not ready:
        return outcomes
    english = splitter.split_english(source_dir, confdir, sorted({outcomes[i].job.page for i in ready}))
    for lang in dict.fromkeys(outcomes[i].job.lang for i in ready):
        mine = [i for i in ready if outcomes[i].job.lang == lang]
        translated = splitter.split_translated(
            source_dir, confdir, {outcomes[i].job.page: outcomes[i].job.path for i in mine}
        )
        for i in mine:
            job = outcomes[i].job
            try:
                outcomes[i].plan = plan_import(
                    job,
                    english[job.page],
                    translated[job.page],
                    matters[i],
                    locale_dir,
                    pot_dir,
                    overwrite,
                    without_hash,
                )
            except InputError as exc:
                outcomes[i].error = exc
            tell(outcomes[i])
    return outcomes
