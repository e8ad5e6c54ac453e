"""YAML front-matter of Markdown pages (``---`` fenced, at the top of the file)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AnyStr, NamedTuple

from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import decode_utf8, read_head, read_text


def _safe_loader() -> Any:
    """PyYAML's safe loader, libyaml's when available (same results, faster). PyYAML is imported
    when a page first needs it: status reads most records without it (below), faster than it imports."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_FENCE_RE = re.compile(r"^---[ \t]*\r?\n")


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
_BOM_BYTES = BOM.encode("utf-8")


def split(text: str, path: str | Path = "<text>") -> FrontMatter:
    """Split *text* into front-matter and body; raise :class:`InputError` on bad YAML.

    A byte order mark before the opening fence is skipped, as Sphinx skips it
    (``source_encoding = "utf-8-sig"``): the front-matter after it is the page's.
    """
    text = text.removeprefix(BOM)
    if not _FENCE_RE.match(text):
        return FrontMatter(body=text)
    start = text.index("\n") + 1
    close = closing_fence(text, start)
    if close is None:
        raise InputError(path, 1, "front-matter opened with '---' is never closed")
    raw = text[start : close[0]]
    body = text[close[1] + 1 :]
    body_line = text.count("\n", 0, close[0]) + 2
    import yaml

    try:
        data = yaml.load(raw, Loader=_safe_loader()) if raw.strip() else {}
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


def closing_fence(text: AnyStr, start: int) -> tuple[int, int] | None:
    """``(start, end)`` of the first line at or after offset *start* (a line start) that closes
    a front-matter: ``---``, then only spaces or tabs and maybe a CR; *end* is where its
    newline is (or the end of *text*)."""
    newline, fence, blanks, cr = ("\n", "---", " \t", "\r") if isinstance(text, str) else (b"\n", b"---", b" \t", b"\r")
    at = start if text.startswith(fence, start) else text.find(newline + fence, start)
    while at != -1:
        if text[at] != fence[0]:
            at += 1  # the match was at the newline before the fence
        end = text.find(newline, at)
        end = len(text) if end == -1 else end
        tail = text[at + 3 : end]
        if not tail.removesuffix(cr).strip(blanks):
            return at, end
        at = text.find(newline + fence, end)
    return None


def read(path: str | Path) -> FrontMatter:
    """Read and split the page at *path*."""
    return split(read_text(path), path)


# -- The record alone, fast --------------------------------------------------------------
# Status reads the record of thousands of pages. Front-matter written in a plain subset
# of YAML is always valid YAML, and its x-i18n.source_hash is read off with regular
# expressions. The subset: top-level `key: value` lines, and `key:` lines followed by a
# block of `- value` items or `key: value` pairs indented by any number of spaces (one
# number per block; OpenClaw writes 4, other tools 2); values are double-quoted strings
# without escapes other than \" and \\, single-quoted strings, plain one-line scalars,
# or flow lists of double-quoted strings; comment and blank lines anywhere; LF or CRLF
# line ends. Anything else (tabs, anchors, multi-line scalars, nested blocks, unusual
# characters) goes through the YAML parser, which also reports errors. A property test
# (tests/test_fast_paths.py) ties the two together on generated front-matter.

# Characters YAML does not read as plain text (tabs, controls, NEL, line and paragraph
# separators, BOM, non-characters) are in no character class of the subset.
_ODD = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"
_KEY = r"[A-Za-z_][A-Za-z0-9_-]*+"
_DQ = rf'"[^"\\{_ODD}]*+(?:\\["\\][^"\\{_ODD}]*+)*+"'
_SQ = rf"'[^'{_ODD}]*+(?:''[^'{_ODD}]*+)*+'"
_PLAIN = rf"""[^ "'#&*!|>%@`{{}}\[\],:?~{_ODD}-][^:{_ODD}]*+(?::(?=[^ {_ODD}])[^:{_ODD}]*+)*+"""  # may end in a comment
_FLOW = rf"\[[ ]*+(?:{_DQ}[ ]*+(?:,[ ]*+{_DQ}[ ]*+)*+)?\]"
_VALUE = rf"(?:{_PLAIN}|{_DQ}|{_SQ}|{_FLOW})"
_END = rf"(?:[ ]+#[^{_ODD}]*+)?[ ]*+\n"  # the rest of a line after a value: spaces, a comment
_FILLER = rf"(?:[ ]*+(?:#[^{_ODD}]*+)?\n)"  # a blank or comment line
_ITEMS = rf"(?P<si>[ ]*+)-[ ]++{_VALUE}{_END}(?:{_FILLER}*+(?P=si)-[ ]++{_VALUE}{_END})*+"
_PAIR = rf"{_KEY}:(?:[ ]++{_VALUE})?{_END}"
_PAIRS = rf"(?P<mi>[ ]++){_PAIR}(?:{_FILLER}*+(?P=mi){_PAIR})*+"
_SIMPLE_RE = re.compile(
    rf"(?:{_KEY}:[ ]++{_VALUE}{_END}|{_KEY}:{_END}(?:{_FILLER}*+(?:{_ITEMS}|{_PAIRS}))?|{_FILLER})*+"
)
_RECORD_RE = re.compile(
    rf"x-i18n:{_END}(?:\n|#[^\n]*+\n|[ ]+[^\n]*+\n)*?[ ]++source_hash:[ ]++"
    rf"""(?:"(?P<dq>[^"\\\n]*+)"|'(?P<sq>(?:[^'\n]|'')*+)'|(?P<plain>[^\s#'"]++)){_END}"""
)
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _simple_front_matter(text: str) -> str | None:
    """The front-matter text (LF line ends) when it is in the plain subset (see above), else ``None``."""
    fence = _FENCE_RE.match(text)
    if fence is None:
        return None
    close = closing_fence(text, fence.end())
    return None if close is None else _plain_subset(text[fence.end() : close[0]])


def _plain_subset(raw: str) -> str | None:
    """*raw* (LF line ends) when it is in the plain subset, else ``None``."""
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n")
        if "\r" in raw:
            return None
    if raw.count("source_hash") > 1 or raw.count("x-i18n") > 1:
        return None
    return raw if _SIMPLE_RE.fullmatch(raw) else None


def read_record(path: str | Path) -> Any:
    """``x-i18n.source_hash`` of the page at *path*, as :attr:`FrontMatter.source_hash` gives it.

    Only the front-matter is read and decoded (a page's record does not depend on its
    body): the first block of the file, more only while the closing ``---`` is not there.
    """
    text = decode_utf8(read_head(path, _end_of_front_matter), path)
    if text.startswith("---\n"):
        if text.endswith("\n---") and len(text) > 7:  # the usual head: it ends with its closing fence
            return _record(_plain_subset(text[4:-3]), text, path)
        last = text.rfind("\n") + 1  # the head ends with its closing fence, when it has one
        if last > 3 and closing_fence(text, last) is not None:
            return _record(_plain_subset(text[4:last]), text, path)
    return record_from_text(text, path)


def _end_of_front_matter(data: bytes) -> int | None:
    """Where the front-matter in *data* ends (after its closing fence); 0 when the page has
    none; ``None`` when more of the file is needed to tell. A byte order mark may come first."""
    if data.startswith(b"---\n"):  # the usual page: its fence closed by a bare `---` line
        at = data.find(b"\n---", 3)
        if at != -1 and data[at + 4 : at + 5] == b"\n":
            return at + 4
    bom = len(_BOM_BYTES) if data.startswith(_BOM_BYTES) else 0
    if not data.startswith(b"---", bom):
        return 0 if len(data) >= bom + 3 or not data else None
    first = data.find(b"\n", bom)
    close = closing_fence(data, first + 1) if first != -1 else None
    return close[1] if close is not None and close[1] < len(data) else None


def record_from_text(text: str, path: str | Path = "<text>") -> Any:
    """``x-i18n.source_hash`` of a page's text: the fast path of :func:`read_record`."""
    return _record(_simple_front_matter(text), text, path)


def _record(raw: str | None, text: str, path: str | Path) -> Any:
    """The record read off *raw* (the plain-subset front-matter of *text*), or YAML's."""
    if raw is not None:
        block = 0 if raw.startswith("x-i18n:") else raw.find("\nx-i18n:") + 1
        if block == 0 and "x-i18n" not in raw:
            return None
        found = _RECORD_RE.match(raw, block) if block or raw.startswith("x-i18n:") else None
        if found is not None and found.group("dq") is not None:
            return found.group("dq")
        if found is not None and found.group("sq") is not None:
            return found.group("sq").replace("''", "'")
        value = found.group("plain") if found is not None else ""
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


_XI18N_RE = re.compile(r"^x-i18n:[ \t]*$", re.MULTILINE)
_CHILD_RE = re.compile(r"^(?P<indent>[ \t]+)[^\s#]", re.MULTILINE)


def with_source_hash(text: str, new_hash: str, path: str | Path = "<text>") -> str:
    """Return *text* with ``x-i18n.source_hash`` set to *new_hash*, other bytes unchanged.

    Replaces the value in place when present; otherwise adds the key to the
    ``x-i18n`` block, the block to the front-matter, or a front-matter to the page
    (after a byte order mark, which stays first).
    """
    updated = with_x_i18n(text, "source_hash", new_hash, path)
    if split(updated, path).source_hash != new_hash:
        raise InputError(path, 1, "could not set x-i18n.source_hash safely (unusual YAML layout); set it by hand")
    return updated


def with_x_i18n(text: str, key: str, value: str, path: str | Path = "<text>") -> str:
    """Return *text* with ``x-i18n.<key>`` set to *value* (YAML text), other bytes unchanged.

    The value is replaced in place when the key is there; otherwise the key is added
    at the top of the ``x-i18n`` block, indented like the block's other keys (two
    spaces, four spaces...), the block is added to the front-matter, or a front-matter
    to the page (after a byte order mark, which stays first). The caller checks that the
    result reads back as intended.
    """
    if text.startswith(BOM):
        return BOM + with_x_i18n(text[len(BOM) :], key, value, path)
    matter = split(text, path)
    newline = "\r\n" if "\r\n" in text[:200] else "\n"
    if not _FENCE_RE.match(text):
        return f"---{newline}x-i18n:{newline}  {key}: {value}{newline}---{newline}" + text
    start = text.index("\n") + 1
    end = start + len(matter.raw)
    block = _XI18N_RE.search(text, start, end)
    if block is None:
        tail = "" if matter.raw.endswith("\n") or not matter.raw else newline
        return text[:end] + f"{tail}x-i18n:{newline}  {key}: {value}{newline}" + text[end:]
    block_end = _block_end(text, block.end(), end)
    child = _CHILD_RE.search(text, block.end(), block_end)
    indent = child.group("indent") if child is not None else "  "
    line = re.compile(rf"^{re.escape(indent)}{re.escape(key)}:[ \t]*(?P<value>[^\r\n]*)$", re.MULTILINE)
    found = line.search(text, block.end(), block_end)
    if found is not None:
        return text[: found.start("value")] + value + text[found.end("value") :]
    return text[: block.end()] + f"{newline}{indent}{key}: {value}" + text[block.end() :]


def yaml_scalar(value: str, like: str = "") -> str:
    """*value* as a one-line YAML scalar, in the style of *like* (a value it replaces) when
    YAML reads that style back as *value*: plain, 'single' or "double" quoted."""
    import json  # here: status reads records without it

    if like.startswith("'"):
        candidate = "'" + value.replace("'", "''") + "'"
    elif like.startswith('"'):
        candidate = json.dumps(value, ensure_ascii=False)
    else:
        candidate = value
    if "\n" not in candidate and _reads_as(candidate, value):
        return candidate
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _reads_as(scalar: str, value: str) -> bool:
    import yaml

    try:
        return bool(yaml.load(f"k: {scalar}\n", Loader=_safe_loader()) == {"k": value})
    except yaml.YAMLError:
        return False


def with_value(text: str, key: str, value: str, index: int | None = None, path: str | Path = "<text>") -> str:
    """Return *text* with the top-level front-matter *key* (or its *index*-th list item) set to
    *value*, written in the old value's style when it reads back the same; other bytes unchanged.

    Raises :class:`InputError` when the key or item is not a one-line value of its own.
    """
    matter = split(text, path)
    start = text.index("\n") + 1
    end = start + len(matter.raw)
    head = re.compile(rf"^{re.escape(key)}:(?P<space>[ \t]*)(?P<value>[^\r\n]*?)[ \t]*\r?$", re.MULTILINE)
    found = head.search(text, start, end)
    if found is None:
        raise InputError(path, 1, f"no front-matter key {key!r} to set")
    if index is None:
        target = found
    else:
        items = re.compile(r"^[ \t]*-[ \t]+(?P<value>[^\r\n]*?)[ \t]*\r?$", re.MULTILINE)
        block_end = _block_end(text, found.end(), end)
        listed = list(items.finditer(text, found.end(), block_end))
        if index >= len(listed):
            raise InputError(path, 1, f"front-matter {key} has no item {index + 1}")
        target = listed[index]
    old = target.group("value")
    updated = text[: target.start("value")] + yaml_scalar(value, old) + text[target.end("value") :]
    return updated


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
