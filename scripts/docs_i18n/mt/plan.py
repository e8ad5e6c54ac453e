"""What ``translate`` sends: the empty and fuzzy messages of the chosen catalogs, with their context.

A translated message is never chosen, nor a fuzzy one that already holds a machine
suggestion for today's English (it waits for a reviewer). Only page catalogs are read (not the theme's
``sphinx.po``), and only messages the build translates one by one: no context
(``msgctxt``), no plural forms. Catalogs are read by the rules of the catalogs'
folder (:mod:`docs_i18n.core.locale_tree`: no link followed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docs_i18n.checks import glossary
from docs_i18n.core import babel_po, frontmatter, locale_tree, mt_mark, pages, pofile
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.core.textio import read_text

NEIGHBOURS = 2  # English messages before and after the one to translate, as context
_HEADING_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Job:
    """One message to translate."""

    lang: str
    page: str  # the catalog's name, the page's docname: providers/litellm
    catalog: Path
    line: int  # of the msgid in the catalog
    msgid: str
    old: str  # the message's msgstr now ("" when empty)
    previous: str | None  # the English the old msgstr translated (``#| msgid``), for a fuzzy message
    before: tuple[str, ...]
    after: tuple[str, ...]
    title: str
    terms: tuple[str, ...]  # the glossary's rules this English text falls under, as written

    @property
    def where(self) -> str:
        """``path:line`` of the message."""
        return f"{shown_path(self.catalog)}:{self.line}"


def page_title(source_dir: Path, page: str) -> str:
    """The English page's title: front-matter ``title``, else its first ``#`` heading, else its name."""
    for suffix in pages.PAGE_SUFFIXES:
        path = Path(source_dir) / f"{page}{suffix}"
        if path.is_file():
            matter = frontmatter.split(read_text(path, "page"), path)
            title = matter.data.get("title")
            if isinstance(title, str) and title.strip():
                return title.strip()
            heading = _HEADING_RE.search(matter.body)
            return heading.group(1) if heading else page
    return page


def _terms(rules: glossary.Glossary | None, english: str) -> tuple[str, ...]:
    """The glossary rules *english* falls under, as the prompt states them (the terms verbatim: a
    ``repr`` would spell a joiner the script needs as ``\\u200c``)."""
    if rules is None:
        return ()
    found = []
    for rule in rules.rules:
        if rule.pattern.search(english):
            if rule.kind == "keep":
                found.append(f"keep \u201c{rule.english}\u201d exactly as written")
            else:
                wanted = " or ".join(f"\u201c{t}\u201d" for t in rule.translations)
                found.append(f"translate \u201c{rule.english}\u201d as {wanted}")
    return tuple(found)


def _suggested(entry: pofile.Entry) -> bool:
    """A fuzzy message holding a machine suggestion (``translate`` writes no ``#| msgid``; a merge that
    changes its English adds one, and then it is asked again)."""
    return entry.state == "fuzzy" and any(
        (mark := mt_mark.parse(c)) is not None and mark[0] == "suggestion" for c in entry.translator_comments
    )


def catalog_jobs(
    path: Path, locale_dir: Path, lang: str, page: str, title: str, rules: glossary.Glossary | None
) -> list[Job]:
    """The empty and fuzzy messages of one catalog, each with its neighbours."""
    text = locale_tree.read_text(path, locale_dir, "catalog")
    catalog = pofile.parse(text, path)
    live = [e for e in catalog.messages() if e.msgid and e.msgctxt is None and e.msgid_plural is None]
    previous: dict[str, str] = {}
    if any(e.state == "fuzzy" for e in live):  # Babel's reader keeps the ``#| msgid`` (core.babel_po)
        previous = {
            m.id: m.previous_id[0] for m in babel_po.read(text, path) if isinstance(m.id, str) and m.previous_id
        }
    jobs = []
    for index, entry in enumerate(live):
        if entry.state == "translated" or (_suggested(entry) and entry.msgid not in previous):
            continue  # a suggestion with no `#| msgid` is for today's English: it waits for its reviewer
        jobs.append(
            Job(
                lang=lang,
                page=page,
                catalog=path,
                line=entry.line,
                msgid=entry.msgid,
                old=entry.msgstr[0] if entry.msgstr else "",
                previous=previous.get(entry.msgid) if entry.state == "fuzzy" else None,
                before=tuple(e.msgid for e in live[max(0, index - NEIGHBOURS) : index]),
                after=tuple(e.msgid for e in live[index + 1 : index + 1 + NEIGHBOURS]),
                title=title,
                terms=_terms(rules, entry.msgid),
            )
        )
    return jobs


def plan(
    source_dir: Path, locale_dir: Path, langs: list[str], page_ids: list[str] | None
) -> tuple[list[Job], list[InputError]]:
    """Every message to translate in *langs* (and *page_ids*, when given), and the catalogs that
    could not be read (nothing of those is sent)."""
    tree = locale_tree.scan(locale_dir)
    errors: list[InputError] = list(tree.errors(langs))
    wanted = {pages.docname(p) for p in page_ids} if page_ids else None
    jobs: list[Job] = []
    titles: dict[str, str] = {}
    for lang in langs:
        messages_dir = Path(locale_dir) / lang / locale_tree.MESSAGES_DIR
        try:
            rules = glossary.load(locale_dir, lang)
        except InputError as exc:
            errors.append(exc)
            continue
        for path in tree.catalogs(lang):
            page = Path(path).relative_to(messages_dir).with_suffix("").as_posix()
            if page == pages.UI_DOMAIN or (wanted is not None and page not in wanted):
                continue
            if page not in titles:
                titles[page] = page_title(source_dir, page)
            try:
                jobs += catalog_jobs(Path(path), Path(locale_dir), lang, page, titles[page], rules)
            except InputError as exc:
                errors.append(exc)
    return jobs, errors
