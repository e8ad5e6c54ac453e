"""Export catalogs as translated MyST pages with an ``x-i18n`` front-matter block.

For each page and language: the English file, with

- the front-matter's ``summary`` and ``read_when`` texts replaced by their
  translations (English where the catalog has none), every other key kept;
- ``x-i18n.source_hash`` set to the hash the catalog *records* (not today's
  English hash: an out-of-date translation exports as out of date; a catalog
  without a valid record exports without one);
- ``x-i18n.untranslated``: digests of the body messages left in English
  (untranslated or fuzzy; the build shows English for those too), so that
  importing the page back leaves them untranslated instead of recording the
  English text as their translation;
- in the body, each message replaced by its msgstr, in place: headings keep
  their ``#``, list items their bullets, table cells their pipes, and code
  blocks (and everything else that is not a message) stay byte for byte.

Importing an exported page with :mod:`.importer` changes nothing: export
then import is the identity on catalogs.

A page that already exists where the export writes (a tree of OpenClaw's pages,
say) is *updated in place* instead: it is aligned with the English page like an
import, and only the messages whose catalog translation differs from the page's
text are rewritten; every other byte stays, front-matter included (its keys,
their order, quoting and indentation, and the ``x-i18n`` keys the project does not
own: ``generated_at``, ``model``, ``provider``, ``source_path``, ``workflow``...).
``x-i18n.source_hash`` is set to the catalog's record in place. So a page imported
and exported again is byte for byte the same, except where a translation changed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docs_i18n.core import frontmatter, hash_record, hashing, languages, locale_tree, pages, pofile
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.core.textio import read_text
from docs_i18n.markdown.align import align
from docs_i18n.markdown.importer import MARKER_KEY, message_digest, normalise
from docs_i18n.markdown.splitting import Block, SplitPage, Splitter

SCALAR_FIELDS = ("title", "summary")  # one text each; read_when is a list of texts

SEARCH_LINES = 40  # how far past MyST's line a message's text may start (multi-line constructs)
_KEY_RE = re.compile(r"^(?P<key>[^\s:#][^:]*):")


@dataclass
class Exported:
    """One exported page (not yet written), or why it was skipped."""

    lang: str
    page: str
    out_path: Path
    catalog_path: Path
    text: str | None = None  # None: skipped
    messages: int = 0
    translated: int = 0
    record: str | None = None
    notes: list[str] = field(default_factory=list)
    updated: bool = False  # an existing page updated in place (not rendered from the English page)
    error: InputError | None = None  # the existing page could not be updated: nothing is written
    refused: set[str] = field(default_factory=set)  # translations the build refuses: exported in English
    warnings: list[InputError] = field(default_factory=list)  # an updated page's code and raw blocks that differ


def translations(catalog: pofile.Catalog) -> dict[str, str]:
    """msgid -> msgstr for the messages the build translates (translated, not fuzzy)."""
    return {
        e.msgid: e.msgstr[0]
        for e in catalog.messages()
        if e.state == "translated" and e.msgctxt is None and e.msgid_plural is None
    }


def language_folder(out_dir: Path, lang: str, layout: str) -> str:
    """The folder of *lang* under *out_dir*: the catalog code (``zh_CN``) for the ``catalog``
    layout; for ``openclaw``, a folder already there for that language, else OpenClaw's name."""
    if layout == "catalog":
        return lang
    if Path(out_dir).is_dir():
        for folder in sorted(p.name for p in Path(out_dir).iterdir() if p.is_dir()):
            if languages.looks_like_locale(folder) and languages.catalog_language(folder) == lang:
                return folder
    return languages.openclaw_folder(lang)


def export_pages(
    source_dir: Path,
    locale_dir: Path,
    confdir: Path,
    out_dir: Path,
    langs: Iterable[str],
    page_ids: Iterable[str],
    layout: str = "catalog",
    replace: bool = False,
    shown_in_english: Callable[[str, str, str], str | None] | None = None,
    *,
    splitter: Splitter,
) -> list[Exported]:
    """Render every (language, page); one Sphinx run (*splitter*) reads the English pages, one per
    language the existing pages to update (none when *replace*: every page is rendered anew).

    *shown_in_english* says why the build shows a translated message in English
    (``(lang, docname, msgid) -> reason``, ``None`` when it shows the translation; from
    :mod:`docs_i18n.sphinx_ext.verdicts`): those translations are exported in English, as the
    build shows them, listed in ``x-i18n.untranslated`` and in the notes.
    """
    page_ids = list(page_ids)
    english = splitter.split_english(source_dir, confdir, page_ids)
    results = []
    for lang in langs:
        folder = Path(out_dir) / language_folder(Path(out_dir), lang, layout)
        existing = {} if replace else {page: folder / page for page in page_ids if (folder / page).is_file()}
        current = splitter.split_translated(source_dir, confdir, existing) if existing else {}
        for page in page_ids:
            catalog_path = pages.catalog_path(locale_dir, lang, page)
            result = Exported(lang, page, folder / page, catalog_path)
            if not os.path.lexists(catalog_path):
                result.notes.append(f"no catalog {catalog_path}; skipped (run `make update-po` to create it)")
                results.append(result)
                continue
            catalog = locale_tree.read_catalog(catalog_path, locale_dir)
            record = hash_record.recorded_hash(catalog)
            if record is not None and not hashing.is_valid_hash(record):
                result.notes.append(
                    f"{catalog_path}: the recorded source hash {record[:70]!r} is not a complete SHA-256; "
                    "exported without x-i18n.source_hash"
                )
                record = None
            elif record is None:
                result.notes.append(f"{catalog_path}: no source-hash record; exported without x-i18n.source_hash")
            result.record = record
            strings = translations(catalog)
            for entry in catalog.messages():
                reason = shown_in_english(lang, pages.docname(page), entry.msgid) if shown_in_english else None
                if reason is not None and strings.pop(entry.msgid, None) is not None:
                    result.notes.append(
                        f"{shown_path(catalog_path)}:{entry.line}: the build shows this message in English "
                        f"({reason}); exported in English"
                    )
                    result.refused.add(entry.msgid)
            try:
                if page in current:
                    rendered = update_page(
                        existing[page], english[page], current[page], strings, record, result.refused
                    )
                    result.updated = True
                else:
                    rendered = render_page(Path(source_dir) / page, english[page], strings, record)
            except InputError as exc:
                result.error = exc
                results.append(result)
                continue
            result.text, result.messages, result.translated = rendered.text, rendered.messages, rendered.translated
            result.notes.extend(rendered.notes)
            result.warnings.extend(rendered.warnings)
            results.append(result)
    return results


@dataclass
class Rendered:
    """A translated page's text and what went into it."""

    text: str
    messages: int  # distinct messages of the page
    translated: int  # of which translated
    notes: list[str] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)  # from the alignment: blocks kept as the page has them


def render_page(english_path: Path, split: SplitPage, strings: dict[str, str], record: str | None) -> Rendered:
    """The translated page: *split* is the English page's blocks, *strings* msgid -> msgstr."""
    text = read_text(english_path)
    matter = frontmatter.split(text, english_path)
    lines = text.split("\n")
    edits: list[tuple[int, int, int, int, str]] = []
    untranslated: list[str] = []
    notes: list[str] = []
    cursor = (matter.body_line - 1, 0)
    tables: dict[int, list[Block]] = {}
    for block in split.body:
        if block.verbatim:
            continue
        msgstr = strings.get(block.text)
        if msgstr is None:
            untranslated.append(message_digest(block.text))
            continue
        if block.nested or block.kind == "meta":
            continue  # the enclosing message carries it / no place in the page
        if block.cell is not None:
            tables.setdefault(block.cell[0], []).append(block)
            continue
        toc = block.kind == "toctree caption"
        edit = _locate(lines, block, (max(block.line - 1, 0), 0) if toc else cursor)
        if edit is None:
            untranslated.append(message_digest(block.text))
            notes.append(
                f"{english_path}:{block.line}: cannot find this {block.kind}'s text in the page; left in English"
            )
            continue
        if not toc:
            cursor = (edit[2], edit[3])
        edits.append((*edit, _one_line(msgstr)))
    for table_line, cells in tables.items():
        for block in cells:
            edit = _cell_edit(lines, table_line, block)
            if edit is None:
                untranslated.append(message_digest(block.text))
                notes.append(f"{english_path}:{table_line}: cannot find a cell of this table; left in English")
                continue
            new = re.sub(r"(?<!\\)\|", r"\\|", _one_line(strings[block.text]))  # a pipe would end the cell
            edits.append((*edit, new))
    for sl, sc, el, ec, new in sorted(edits, reverse=True):
        lines[sl : el + 1] = [lines[sl][:sc] + new + lines[el][ec:]]
    body = "\n".join(lines[matter.body_line - 1 :])
    head = _front_matter(english_path, matter, split, strings, record, list(dict.fromkeys(untranslated)))
    messages = list(dict.fromkeys(b.text for b in split.messages()))
    return Rendered(head + body, len(messages), sum(1 for m in messages if m in strings), notes)


def _one_line(msgstr: str) -> str:
    return " ".join(part.strip() for part in msgstr.split("\n")).strip()


def _locate(lines: list[str], block: Block, cursor: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """``(start line, start col, end line, end col)`` of *block*'s text in *lines* (0-based), at or
    after *cursor* and MyST's line for it; ``None`` when it is not there."""
    raw = [line.strip() for line in block.raw.strip("\n").split("\n")]
    start = max(block.line - 1, cursor[0])
    for sl in range(start, min(start + SEARCH_LINES, len(lines))):
        sc = lines[sl].find(raw[0], cursor[1] if sl == cursor[0] else 0)
        if sc < 0:
            continue
        el = sl + len(raw) - 1
        if el >= len(lines) or not all(raw[i] in lines[sl + i] for i in range(1, len(raw))):
            continue
        ec = (sc if el == sl else lines[el].find(raw[-1])) + len(raw[-1])
        return sl, sc, el, ec
    return None


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """Content spans of a GitHub-style table row's cells (escaped pipes do not split)."""
    pipes = [i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\")]
    bounds = [-1, *pipes, len(line)]
    spans = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        segment = line[left + 1 : right]
        if not segment.strip() and (left == -1 or right == len(line)):
            continue  # outside the leading or trailing pipe
        start = left + 1 + (len(segment) - len(segment.lstrip()))
        spans.append((start, start + len(segment.strip())))
    return spans


def _cell_edit(lines: list[str], table_line: int, block: Block) -> tuple[int, int, int, int] | None:
    """Where a table cell's text is: MyST's cell lines are not reliable, its row and column are."""
    _, row, column = block.cell or (0, 0, 0)
    index = table_line - 1 + (row if row == 0 else row + 1)  # the delimiter row follows the header
    spans = _cell_spans(lines[index]) if 0 <= index < len(lines) else []
    if column >= len(spans):
        return None
    start, end = spans[column]
    if lines[index][start:end].replace("\\|", "|") != block.raw:
        return None
    return index, start, index, end


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _front_matter(
    path: Path,
    matter: frontmatter.FrontMatter,
    split: SplitPage,
    strings: dict[str, str],
    record: str | None,
    untranslated: list[str],
) -> str:
    """The exported page's front-matter, fences included."""
    values: dict[str, list[str]] = {}
    for block in split.front:
        values.setdefault(block.field or "", []).append(strings.get(block.text, block.text))
    english = {key: [b.text for b in split.front if b.field == key] for key in values}
    replaced = {key for key in values if values[key] != english[key]}
    out: list[str] = []
    raw = matter.raw.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    index = 0
    while index < len(raw):
        match = _KEY_RE.match(raw[index])
        end = index + 1
        if match:
            while end < len(raw) and (raw[end][:1] in (" ", "\t", "-") or not raw[end].strip()):
                end += 1
        key = match.group("key").strip() if match else None
        if key == "x-i18n":
            pass  # replaced below
        elif key in replaced and key in SCALAR_FIELDS:
            out.append(f"{key}: {_quote(values[key][0])}")
        elif key in replaced:
            out.append(f"{key}:")
            out.extend(f"  - {_quote(value)}" for value in values[key])
        else:
            out.extend(raw[index:end])
        index = end
    x_i18n: list[str] = []
    if record:
        x_i18n.append(f"  source_hash: {record}")
    if untranslated:
        x_i18n.append(f"  {MARKER_KEY}: {json.dumps(untranslated)}")
    if x_i18n:
        out.extend(["x-i18n:", *x_i18n])
    if not out:
        return ""
    head = "---\n" + "\n".join(out) + "\n---\n"
    _check_front_matter(path, head, matter, values, record, untranslated)
    return head


def _check_front_matter(
    path: Path,
    head: str,
    matter: frontmatter.FrontMatter,
    values: dict[str, list[str]],
    record: str | None,
    untranslated: list[str],
) -> None:
    """The written front-matter must read back as intended; refuse to write a page that would not."""
    written = frontmatter.split(head, path)
    expected = {key: value for key, value in matter.data.items() if key != "x-i18n"}
    for key, texts in values.items():
        expected[key] = texts[0] if key in SCALAR_FIELDS else texts
    got = dict(written.data)
    block = got.pop("x-i18n", None) or {}
    got_fields = {key: got.get(key) for key in values}
    normal = {
        key: (value.strip() if isinstance(value, str) else [v.strip() for v in value])
        for key, value in got_fields.items()
        if value is not None
    }
    exp = {
        key: (expected[key].strip() if isinstance(expected[key], str) else [v.strip() for v in expected[key]])
        for key in values
    }
    others_ok = all(got.get(k) == v for k, v in expected.items() if k not in values)
    ok = (
        normal == exp and others_ok and block.get("source_hash") == record and block.get(MARKER_KEY, []) == untranslated
    )
    if not ok:
        raise InputError(path, 1, "could not write the translated front-matter so that it reads back the same")


def update_page(
    path: Path,
    english: SplitPage,
    current: SplitPage,
    strings: dict[str, str],
    record: str | None,
    refused: Collection[str] = (),
) -> Rendered:
    """The existing translated page at *path* with only the messages whose translation changed
    rewritten, and ``x-i18n.source_hash`` set to *record*; every other byte as it was.

    A message in *refused* (the build shows it in English) is written in English and listed as
    untranslated, whatever the page had there. The code and raw blocks that differ from the
    English page are the page's own, kept as they are, and reported (:attr:`Rendered.warnings`)."""
    text = read_text(path)
    alignment = align(english, current)
    pairs = alignment.pairs
    lines = text.split("\n")
    edits: list[tuple[int, int, int, int, str]] = []
    notes: list[str] = []
    fields: list[tuple[str, int, str]] = []
    untranslated: list[str] = []
    index_of: dict[str, int] = {}
    for a, b in pairs:
        msgstr = strings.get(a.text)
        if a.field is not None:
            index = index_of.get(a.field, 0)
            index_of[a.field] = index + 1
            if msgstr is None and a.text in refused and b.text != a.text:
                msgstr = a.text  # the build shows the English: so does the page
            if msgstr is not None and msgstr != b.text and normalise(msgstr) != b.text:
                fields.append((a.field, index, msgstr))
            continue
        if msgstr is None and a.text in refused and b.text != a.text and not b.nested:
            msgstr = a.text  # the build shows the English: so does the page
        if msgstr is None or a.text in refused:
            if b.text == a.text or a.text in refused:
                untranslated.append(message_digest(a.text))  # English in the page, and in the catalog
            if msgstr is None or msgstr == b.text:
                continue
        if msgstr == b.text or normalise(msgstr) == b.text or b.nested:
            continue
        if b.cell is not None:
            edit = _cell_edit(lines, b.cell[0], b)
            new = re.sub(r"(?<!\\)\|", r"\\|", _one_line(msgstr))
        else:
            edit = _locate(lines, b, (max(b.line - 1, 0), 0))
            new = _one_line(msgstr)
        if edit is None:
            notes.append(f"{path}:{b.line}: cannot find this {b.kind}'s text in the page; kept the page's text")
            continue
        edits.append((*edit, new))
    for sl, sc, el, ec, new in sorted(edits, reverse=True):
        lines[sl : el + 1] = [lines[sl][:sc] + new + lines[el][ec:]]
    updated = "\n".join(lines)
    before = frontmatter.split(updated, path)
    for key, index, value in fields:
        updated = frontmatter.with_value(updated, key, value, None if key in SCALAR_FIELDS else index, path)
    found = before.data.get("x-i18n")
    block: dict[str, Any] = found if isinstance(found, dict) else {}
    if record is not None and before.source_hash != record:
        updated = frontmatter.with_x_i18n(updated, "source_hash", record, path)
    marker = list(dict.fromkeys(untranslated))
    if (marker or MARKER_KEY in block) and block.get(MARKER_KEY) != marker:
        updated = frontmatter.with_x_i18n(updated, MARKER_KEY, json.dumps(marker), path)
    _check_update(path, before, frontmatter.split(updated, path), fields, record, marker)
    messages = list(dict.fromkeys(a.text for a, _ in pairs))
    return Rendered(updated, len(messages), sum(1 for m in messages if m in strings), notes, alignment.warnings)


def _check_update(
    path: Path,
    before: frontmatter.FrontMatter,
    after: frontmatter.FrontMatter,
    fields: list[tuple[str, int, str]],
    record: str | None,
    marker: list[str],
) -> None:
    """The updated front-matter must read back as the old one with only the intended changes."""
    expected = {key: (list(value) if isinstance(value, list) else value) for key, value in before.data.items()}
    for key, index, value in fields:
        if key in SCALAR_FIELDS:
            expected[key] = value
        else:
            expected[key][index] = value
    block = dict(expected.get("x-i18n") or {})
    if record is not None:
        block["source_hash"] = record
    if marker or MARKER_KEY in block:
        block[MARKER_KEY] = marker
    if block:
        expected["x-i18n"] = block
    got = dict(after.data)
    if got.get("x-i18n") is not None and "source_hash" in got["x-i18n"]:
        got["x-i18n"] = {**got["x-i18n"], "source_hash": after.source_hash}
    if got != expected:
        raise InputError(
            path, 1, "could not update the front-matter so that it reads back as intended; nothing written"
        )
