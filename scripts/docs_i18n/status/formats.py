"""Render a :class:`~docs_i18n.status.states.Report` as text, JSON or Markdown.

The JSON document (``--format json``) is stable; version 1 is (fields may be added)::

    {
      "version": 1,
      "kind": "catalogs" | "markdown",
      "languages": {"<lang>": {"pages": n, "current": n, "stale": n, "unknown": n,
                                "missing": n, "orphan": n,
                                # catalogs only:
                                "translated": n, "fuzzy": n, "untranslated": n,
                                "obsolete": n, "english": n, "percent_translated": x,
                                "reader_states": {"complete": n, "partial": n, "outdated": n,
                                                  "unknown": n, "untranslated": n},
                                "machine_translated": n,   # pages
                                "ui": {"translated": n, ...}}},
      "notices": ["..."],   # how the counts were made, when not from the templates
      "pages": [{"lang", "page", "state", "reason", "translation", "source_hash",
                 "recorded_hash", "reader_state",
                 # catalogs, when counted:
                 "translated", "fuzzy", "untranslated", "obsolete", "english",
                 "percent_translated", "measured",
                 "memory": {"exact": n, "fuzzy": n},   # memory: catalogs only
                 "machine_translated": n}],            # messages: catalogs only
      "errors": [{"path", "line", "message"}]
    }

The counts are those a reader sees (:mod:`docs_i18n.status.coverage`): the messages
each page renders, from the templates of ``make gettext`` (``measured``: ``templates``),
each translated or shown in English (``english`` = fuzzy + untranslated); a page with
no catalog counts all its messages as untranslated. Without templates for a page, its
counts are the catalog's own messages (``measured``: ``catalog``) and ``notices`` says
why. ``obsolete`` always counts the catalog's obsolete entries. ``reader_state`` is what
a reader of the translated page gets (:attr:`~docs_i18n.status.states.PageStatus.reader_state`).
``page`` is the English file relative to the source root (``providers/litellm.md``).
``memory`` counts the live messages ``scripts/i18n update`` filled from translation
memory since the catalog's record was set (see ``docs/translation-memory.md``);
``machine_translated`` the translated messages ``scripts/i18n translate --accept`` wrote
that no one reviewed yet (see ``docs/machine-translation.md``): a language counts the
pages that have any.
The language summaries cover the selected languages, whatever the state filter.
"""

from __future__ import annotations

import functools
from pathlib import Path

from docs_i18n.core.errors import shown_paths
from docs_i18n.status.states import PageState, PageStatus, Report

JSON_VERSION = 1


def next_step(report: Report, page: PageStatus) -> str:
    """What a maintainer does about a translation in its state."""
    lang, state = page.lang, page.state
    markdown = "--markdown ROOT " if report.kind == "markdown" else ""
    stamp = f"scripts/i18n stamp {markdown}--lang {lang} --page {page.page}"
    if state == PageState.STALE:
        if page.english == 0 and page.measured != "catalog":
            return (
                f"review what changed (scripts/i18n status --diff --lang {lang}); "
                f"if the translation still fits, {stamp}"
            )
        if report.kind == "catalogs":
            return f"update the catalog (make update-po), translate the fuzzy and new messages, then {stamp}"
        return f"update the translated page to today's English, then {stamp}"
    if state == PageState.UNKNOWN:
        return f"review the translation against today's English, then {stamp}"
    if state == PageState.MISSING:
        return (
            "create the catalog with make update-po, then translate it"
            if report.kind == "catalogs"
            else (f"translate the page into {lang}/{page.page}")
        )
    if state == PageState.ORPHAN:
        return "the English page is gone: delete this translation, or restore the English page"
    return ""


def memory_text(memory: dict[str, int]) -> str:
    """How many messages translation memory filled: ``3 filled from memory (2 exact, 1 fuzzy)``."""
    return f"{memory['exact'] + memory['fuzzy']} filled from memory ({memory['exact']} exact, {memory['fuzzy']} fuzzy)"


MACHINE_NEXT = "review the machine translation, then delete the x-i18n-mt lines of each message reviewed"


def machine_text(count: int) -> str:
    """``12 messages machine-translated, not reviewed``."""
    return f"{count} message(s) machine-translated, not reviewed"


def _counts_text(summary: dict[str, object]) -> str:
    text = (
        f" · messages: {summary['translated']} translated, {summary['fuzzy']} fuzzy, "
        f"{summary['untranslated']} untranslated, {summary['obsolete']} obsolete ({summary['percent_translated']}%)"
    )
    ui = summary.get("ui")
    if isinstance(ui, dict):
        total = ui["translated"] + ui["fuzzy"] + ui["untranslated"]
        text += f" · theme UI {ui['translated']}/{total}"
    return text


def render_text(report: Report, diffs: dict[tuple[str, str], str] | None = None) -> str:
    """A summary line per language, then a block per page that is not current."""
    lines: list[str] = []
    shown_path = shown_paths()
    summaries = report.summaries()
    for lang in report.languages:
        summary = summaries[lang]
        states = ", ".join(f"{summary[s]} {s}" for s in PageState if summary[s])
        line = f"{lang}: {summary['pages']} pages: {states or 'none'}"
        if report.kind == "catalogs":
            if summary.get("machine_translated"):
                line += f" · {summary['machine_translated']} machine-translated, not reviewed"
            line += _counts_text(summary)
        lines.append(line)
    width = max((len(p.page) for p in report.pages), default=0)
    for page in report.pages:
        if page.state == PageState.CURRENT:
            if page.machine_translated:
                lines.append("")
                lines.append(f"{'machine':<8} {page.lang:<6} {page.page:<{width}}  {shown_path(page.translation)}")
                lines.append(f"         {machine_text(page.machine)}")
                lines.append(f"         next: {MACHINE_NEXT}")
            continue
        lines.append("")
        lines.append(f"{page.state:<8} {page.lang:<6} {page.page:<{width}}  {shown_path(page.translation)}")
        reason = page.reason
        if page.state == PageState.STALE:
            reason += f" (recorded {(page.recorded_hash or '')[:12]}, today {(page.source_hash or '')[:12]})"
        elif page.state == PageState.UNKNOWN and page.recorded_hash:
            reason += f" (recorded {page.recorded_hash!r})"
        lines.append(f"         {reason}")
        if page.counts and page.english:
            lines.append(f"         {page.translated} translated, {page.fuzzy} fuzzy, {page.untranslated} untranslated")
        if page.memory:
            lines.append(f"         {memory_text(page.memory)}: review them before stamping")
        if page.machine_translated:
            lines.append(f"         {machine_text(page.machine)}: review them before stamping")
        lines.append(f"         next: {next_step(report, page)}")
        if diffs and (page.lang, page.page) in diffs:
            lines.extend("         " + d if d else "" for d in diffs[(page.lang, page.page)].rstrip("\n").split("\n"))
    if not any(p.state != PageState.CURRENT for p in report.pages) and report.pages:
        lines.append("all translations are current")
    if report.notices:
        lines.append("")
        lines.extend(f"note: {notice}" for notice in report.notices)
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    """The stable JSON document described in the module docstring (one page per line)."""
    head = {
        "version": JSON_VERSION,
        "kind": report.kind,
        "languages": report.summaries(),
    }
    errors = [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors]
    head["notices"] = report.notices
    import json  # here: the text report does not pay for its import

    dump = functools.partial(json.dumps, ensure_ascii=False)
    rows = ",\n    ".join(dump(p.to_json()) for p in report.pages)
    return (
        "{\n"
        + "".join(f"  {dump(key)}: {dump(value)},\n" for key, value in head.items())
        + f'  "pages": [\n    {rows}\n  ],\n'
        + f'  "errors": {dump(errors)}\n'
        + "}\n"
    )


def render_markdown(report: Report) -> str:
    """A Markdown summary for a pull-request comment."""
    out = ["### Translation status", ""]
    head = "| language | pages | " + " | ".join(PageState) + " |"
    rule = "| --- | ---: |" + " ---: |" * len(PageState)
    if report.kind == "catalogs":
        head += " translated | fuzzy | untranslated | machine-translated |"
        rule += " ---: | ---: | ---: | ---: |"
    out += [head, rule]
    summaries = report.summaries()
    for lang in report.languages:
        s = summaries[lang]
        cells = [lang, *(str(s[key]) for key in ("pages", *PageState))]
        row = "| " + " | ".join(cells) + " |"
        if report.kind == "catalogs":
            row += f" {s['percent_translated']}% | {s['fuzzy']} | {s['untranslated']} | {s['machine_translated']} |"
        out.append(row)
    pending = [p for p in report.pages if p.state != PageState.CURRENT]
    if pending:
        out += ["", "| state | language | page | why | next step |", "| --- | --- | --- | --- | --- |"]
        for p in pending:
            why = p.reason + (f"; {memory_text(p.memory)}" if p.memory else "")
            why += f"; {machine_text(p.machine)}" if p.machine_translated else ""
            cells = [p.state, p.lang, f"`{p.page}`", why, next_step(report, p)]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    else:
        out += ["", "All translations are current."]
    if report.errors:
        out += ["", "**Unreadable inputs:**", ""]
        out += [f"- `{e}`" for e in report.errors]
    if report.notices:
        out += [""] + [f"> **Note:** {notice}" for notice in report.notices]
    return "\n".join(out) + "\n"


def diff_for(page_status: PageStatus, source_file: Path) -> str:
    """What changed in the English page since the recorded hash, from git history."""
    from docs_i18n.status import git_history

    recorded = page_status.recorded_hash or ""
    found = git_history.find_version(source_file, recorded)
    if found is None:
        return f"the English version with hash {recorded[:12]} is not in git history: no diff to show\n"
    commit, old = found
    label = "staged" if commit == "index" else commit[:12]
    return git_history.unified_diff(
        old, source_file.read_bytes(), f"{page_status.page}@{label}", f"{page_status.page}@today"
    )
