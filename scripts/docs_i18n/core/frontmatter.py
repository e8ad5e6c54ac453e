"""YAML front-matter of Markdown pages (``---`` fenced, at the top of the file)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same results, faster
_FENCE_RE = re.compile(r"^---[ \t]*\r?\n")
_CLOSE_RE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


@dataclass
class FrontMatter:
    """A page split into its front-matter and its body."""

    data: dict[str, Any] = field(default_factory=dict)
    raw: str = ""  # the YAML text between the fences
    body: str = ""  # everything after the closing fence
    body_line: int = 1  # 1-based line number of the body's first line

    @property
    def source_hash(self) -> Any:
        """The recorded ``x-i18n.source_hash`` (any type, ``None`` when absent).

        An unquoted hash made only of digits reads as a YAML integer; it is given
        back as text when it still has all 64 digits.
        """
        block = self.data.get("x-i18n")
        value = block.get("source_hash") if isinstance(block, dict) else None
        if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) == 64:
            return str(value)
        return value


BOM = "\ufeff"


def split(text: str, path: str | Path = "<text>") -> FrontMatter:
    """Split *text* into front-matter and body; raise :class:`InputError` on bad YAML.

    A byte order mark before the opening fence is skipped, as Sphinx skips it
    (``source_encoding = "utf-8-sig"``): the front-matter after it is the page's.
    """
    text = text.removeprefix(BOM)
    if not _FENCE_RE.match(text):
        return FrontMatter(body=text)
    start = text.index("\n") + 1
    close = _CLOSE_RE.search(text, start)
    if close is None:
        raise InputError(path, 1, "front-matter opened with '---' is never closed")
    raw = text[start : close.start()]
    end = text.find("\n", close.end() - 1)
    body = "" if end == -1 else text[end + 1 :]
    body_line = text.count("\n", 0, close.start()) + 2
    try:
        data = yaml.load(raw, Loader=_SafeLoader) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(path, line, f"malformed YAML front-matter: {problem}") from None
    except RecursionError:
        raise InputError(path, 1, "malformed YAML front-matter: nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, 2, "front-matter must be a mapping of keys to values")
    return FrontMatter(data=data, raw=raw, body=body, body_line=body_line)


def read(path: str | Path) -> FrontMatter:
    """Read and split the page at *path*."""
    return split(read_text(path), path)


# -- The record alone, fast --------------------------------------------------------------
# Status reads the record of thousands of pages. Front-matter written in a plain subset
# of YAML (top-level `key: value` lines, and blocks of two-space indented `- item` or
# `key: value` lines under a `key:` line; quoted or plain scalars without ':' or '#')
# is always valid YAML, and its x-i18n.source_hash is read off with one regular
# expression. Anything else goes through the YAML parser, which reports errors. The
# expression never backtracks into a line it has read (possessive quantifiers), so it
# takes linear time on any text: a plain scalar's trailing blanks are its own.

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_SCALAR = r"""(?:"(?:[^"\\\n]|\\["\\/nt])*"|'(?:[^'\n]|'')*'|[^\s"'#&*!|>%@`{}\[\],:?~-][^\n#:]*+)"""
_CHILDREN = rf"(?:(?:  - {_SCALAR}[ \t]*\n)+|(?:  {_KEY}: {_SCALAR}[ \t]*\n)+)"
_SIMPLE_RE = re.compile(rf"(?:{_KEY}:[ \t]+{_SCALAR}[ \t]*\n|{_KEY}:[ \t]*\n{_CHILDREN}|#[^\n]*\n|[ \t]*\n)*+")
_RECORD_RE = re.compile(r"^x-i18n:[ \t]*\n(?:  [^\n]*\n)*?  source_hash: ([^\s#'\"]+)[ \t]*$", re.MULTILINE)
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _simple_front_matter(text: str) -> str | None:
    """The front-matter text when it is in the plain subset (see above), else ``None``."""
    if not text.startswith("---\n"):
        return None
    close = text.find("\n---\n", 3)
    if close == -1:
        if not text.endswith("\n---"):
            return None
        close = len(text) - 4
    raw = text[4 : close + 1]
    if "---" in raw or "\r" in raw or raw.count("source_hash") > 1 or raw.count("x-i18n") > 1:
        return None
    return raw if _SIMPLE_RE.fullmatch(raw) else None


def read_record(path: str | Path) -> Any:
    """``x-i18n.source_hash`` of the page at *path*, as :attr:`FrontMatter.source_hash` gives it."""
    return record_from_text(read_text(path), path)


def record_from_text(text: str, path: str | Path = "<text>") -> Any:
    """``x-i18n.source_hash`` of a page's text: the fast path of :func:`read_record`."""
    raw = _simple_front_matter(text)
    if raw is not None:
        found = _RECORD_RE.search(raw)
        if found is None and "x-i18n" not in raw:
            return None
        value = found.group(1) if found is not None else ""
        if value and not value.isdigit() and _HEX_DIGITS.issuperset(value):  # YAML reads it as text
            return value
    return split(text, path).source_hash


class FieldText(NamedTuple):
    """One translatable front-matter text and the file line it starts on."""

    key: str
    text: str
    line: int


def translatable_fields(matter: FrontMatter) -> list[FieldText]:
    """The front-matter texts translators translate, in page order.

    ``summary`` is one text; ``read_when`` is a list of texts. Line numbers are
    1-based file lines (the opening ``---`` is line 1).
    """
    texts: list[tuple[str, str]] = []
    summary = matter.data.get("summary")
    if isinstance(summary, str) and summary.strip():
        texts.append(("summary", summary.strip()))
    read_when = matter.data.get("read_when")
    if isinstance(read_when, list):
        texts.extend(("read_when", item.strip()) for item in read_when if isinstance(item, str) and item.strip())
    lines = matter.raw.splitlines()
    out: list[FieldText] = []
    cursor = 0
    for key, text in texts:
        first_words = text.split("\n", 1)[0][:40]
        found = next((i for i in range(cursor, len(lines)) if first_words in lines[i]), None)
        if found is not None:
            cursor = found
        out.append(FieldText(key, text, (found if found is not None else cursor) + 2))
    return out


_HASH_LINE_RE = re.compile(r"^(?P<indent>[ \t]+)source_hash:[ \t]*(?P<value>[^\r\n]*)$", re.MULTILINE)
_XI18N_RE = re.compile(r"^x-i18n:[ \t]*$", re.MULTILINE)


def with_source_hash(text: str, new_hash: str, path: str | Path = "<text>") -> str:
    """Return *text* with ``x-i18n.source_hash`` set to *new_hash*, other bytes unchanged.

    Replaces the value in place when present; otherwise adds the key to the
    ``x-i18n`` block, the block to the front-matter, or a front-matter to the page
    (after a byte order mark, which stays first).
    """
    bom = BOM if text.startswith(BOM) else ""
    text = text[len(bom) :]
    matter = split(text, path)
    newline = "\r\n" if "\r\n" in text[:200] else "\n"
    if not _FENCE_RE.match(text):
        updated = f"---{newline}x-i18n:{newline}  source_hash: {new_hash}{newline}---{newline}" + text
    else:
        start = text.index("\n") + 1
        end = start + len(matter.raw)
        block = _XI18N_RE.search(text, start, end)
        if block is None:
            tail = "" if matter.raw.endswith("\n") or not matter.raw else newline
            insert = f"{tail}x-i18n:{newline}  source_hash: {new_hash}{newline}"
            updated = text[:end] + insert + text[end:]
        else:
            block_end = _block_end(text, block.end(), end)
            line = _HASH_LINE_RE.search(text, block.end(), block_end)
            if line is not None:
                updated = text[: line.start("value")] + new_hash + text[line.end("value") :]
            else:
                updated = text[: block.end()] + f"{newline}  source_hash: {new_hash}" + text[block.end() :]
    if split(updated, path).source_hash != new_hash:
        raise InputError(path, 1, "could not set x-i18n.source_hash safely (unusual YAML layout); set it by hand")
    return bom + updated


def _block_end(text: str, start: int, limit: int) -> int:
    """End of an indented YAML block that starts after *start* (exclusive of *limit*)."""
    offset = start
    while offset < limit:
        nl = text.find("\n", offset)
        if nl == -1 or nl + 1 >= limit:
            return limit
        following = text[nl + 1 : text.find("\n", nl + 1) if text.find("\n", nl + 1) != -1 else limit]
        if following.strip() and not following[:1].isspace():
            return nl + 1
        offset = nl + 1
    return limit
