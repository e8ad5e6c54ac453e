"""Aligning a translated page with its English page, message by message.

Both pages are split by :mod:`.splitting`. Front-matter fields pair by key
(``title``, ``summary`` with ``summary``, the i-th ``read_when`` item with the
i-th; a field the translated page does not carry is skipped). Body messages pair
in order and must agree in kind and shape (a level-2 heading with a level-2
heading, a list item with a list item at the same depth); the first disagreement
is an :class:`~docs_i18n.core.errors.InputError` naming ``path:line`` in both
files and what each has there.

Code blocks and raw (HTML/MDX) blocks carry no message: a catalog has no place
for them and the build shows the English ones. They are compared on their own,
apart from the messages, so whatever they do (a translated comment, a translated
``<Tab title>``, a block more or less) the page's prose still aligns. Each block
that differs is a warning naming both places and what differs
(:mod:`.components` reads the attributes of Mintlify's components).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text
from docs_i18n.markdown import components
from docs_i18n.markdown.splitting import Block, SplitPage

SNIPPET = 60


def snippet(text: str, width: int = SNIPPET) -> str:
    """*text* on one line, shortened, quoted."""
    flat = " ".join(text.split())
    return '"' + (flat if len(flat) <= width else flat[: width - 1] + "…") + '"'


def _describe(block: Block | None) -> str:
    if block is None:
        return "nothing more (the page ends)"
    article = "an" if block.kind[:1] in "aeiou" else "a"
    return f"{article} {block.kind} {snippet(block.text)}"


def _last_line(path: Path) -> int:
    return max(1, read_text(path).count("\n"))


@dataclass
class Alignment:
    """English messages paired with the translated page's, and the blocks that differ."""

    pairs: list[tuple[Block, Block]] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)  # code and raw blocks that differ


def align(english: SplitPage, translated: SplitPage) -> Alignment:
    """Pair each English message with the translated page's; raise at the first divergence
    of the messages; list the code and raw blocks that differ as warnings."""
    pairs = _align_front(english, translated) + _align_body(english, translated)
    return Alignment(pairs, compare_blocks(english, translated))


def _align_front(english: SplitPage, translated: SplitPage) -> list[tuple[Block, Block]]:
    pairs: list[tuple[Block, Block]] = []
    for key in dict.fromkeys(b.field for b in english.front):
        ours = [b for b in english.front if b.field == key]
        theirs = [b for b in translated.front if b.field == key]
        if not theirs:
            continue  # the page does not carry this field: those messages stay as they are
        if len(ours) != len(theirs):
            raise InputError(
                translated.path,
                theirs[0].line,
                f"front-matter {key} has {len(theirs)} item(s) here but {len(ours)} in the English page "
                f"{english.path}:{ours[0].line}",
            )
        pairs.extend(zip(ours, theirs, strict=True))
    return pairs


def _align_body(english: SplitPage, translated: SplitPage) -> list[tuple[Block, Block]]:
    pairs: list[tuple[Block, Block]] = []
    ours = [block for block in english.body if not block.verbatim]
    theirs = [block for block in translated.body if not block.verbatim]
    for index in range(max(len(ours), len(theirs))):
        a = ours[index] if index < len(ours) else None
        b = theirs[index] if index < len(theirs) else None
        if a is None or b is None or (a.kind, a.shape) != (b.kind, b.shape):
            en_line = a.line if a is not None else _last_line(english.path)
            tr_line = b.line if b is not None else _last_line(translated.path)
            raise InputError(
                translated.path,
                tr_line,
                f"structure differs from the English page: {english.path}:{en_line} has {_describe(a)}, "
                f"this page has {_describe(b)}",
            )
        pairs.append((a, b))
    return pairs


def compare_blocks(english: SplitPage, translated: SplitPage) -> list[InputError]:
    """Code and raw blocks of the translated page that differ from the English page's.

    The blocks pair in order when both pages have as many; otherwise by their kinds
    (:class:`difflib.SequenceMatcher`), and a block on one side only is reported too.
    """
    ours = [block for block in english.body if block.verbatim]
    theirs = [block for block in translated.body if block.verbatim]
    found: list[InputError] = []
    if len(ours) == len(theirs):
        matched = list(zip(ours, theirs, strict=True))
    else:
        matched = []
        matcher = difflib.SequenceMatcher(a=[b.kind for b in ours], b=[b.kind for b in theirs], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                matched.extend(zip(ours[i1:i2], theirs[j1:j2], strict=True))
                continue
            for a in ours[i1:i2]:
                line = theirs[j1].line if j1 < len(theirs) else _last_line(translated.path)
                found.append(
                    InputError(
                        translated.path,
                        line,
                        f"the English page has {_describe(a)} at {english.path}:{a.line} that this page lacks",
                    )
                )
            for b in theirs[j1:j2]:
                found.append(
                    InputError(translated.path, b.line, f"this page has {_describe(b)} that the English page lacks")
                )
    for a, b in matched:
        if a.text != b.text or a.kind != b.kind:
            found.append(_block_divergence(english, translated, a, b))
    return sorted(found, key=lambda warning: warning.line)


def _content_line(path: Path, block: Block) -> int:
    """File line of a literal block's first content line (after a ``` or ~~~ fence)."""
    lines = read_text(path).split("\n")
    opening = lines[block.line - 1].lstrip(" \t>") if 0 < block.line <= len(lines) else ""
    return block.line + 1 if opening.startswith(("```", "~~~")) else block.line


_SHOWN = "the build shows the English block"


def _block_divergence(english: SplitPage, translated: SplitPage, a: Block, b: Block) -> InputError:
    """The warning for a code or raw block that differs from its English block."""
    if a.kind != b.kind:
        return InputError(
            translated.path,
            b.line,
            f"{english.path}:{a.line} has {_describe(a)} where this page has {_describe(b)}; {_SHOWN}",
        )
    if a.kind == "raw block":
        what = "; ".join(components.differences(a.text, b.text))
        return InputError(translated.path, b.line, f"raw block differs from {english.path}:{a.line}: {what}; {_SHOWN}")
    ours, theirs = a.text.split("\n"), b.text.split("\n")
    k = next((i for i, (x, y) in enumerate(zip(ours, theirs, strict=False)) if x != y), min(len(ours), len(theirs)))
    en_text = snippet(ours[k]) if k < len(ours) else "the end of the block"
    tr_text = snippet(theirs[k]) if k < len(theirs) else "the end of the block"
    return InputError(
        translated.path,
        _content_line(translated.path, b) + k,
        f"{a.kind} differs from the English page: {english.path}:{_content_line(english.path, a) + k} has "
        f"{en_text}, this page has {tr_text}; a catalog has no place for code: {_SHOWN}",
    )
