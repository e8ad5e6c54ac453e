"""Aligning a translated page with its English page, block by block.

Both pages are split by :mod:`.splitting`. Front-matter fields pair by key
(``summary`` with ``summary``, the i-th ``read_when`` item with the i-th; a
field the translated page does not carry is skipped). Body blocks pair in order
and must agree in kind and shape (a level-2 heading with a level-2 heading, a
list item with a list item at the same depth); code blocks must be identical.
The first disagreement is an :class:`~docs_i18n.core.errors.InputError` naming
``path:line`` in both files and what each has there.
"""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text
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


def align(english: SplitPage, translated: SplitPage) -> list[tuple[Block, Block]]:
    """Pair each English message with the translated page's; raise at the first divergence."""
    return _align_front(english, translated) + _align_body(english, translated)


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
    ours, theirs = english.body, translated.body
    for index in range(max(len(ours), len(theirs))):
        a = ours[index] if index < len(ours) else None
        b = theirs[index] if index < len(theirs) else None
        if a is None or b is None or (a.kind, a.shape, a.verbatim) != (b.kind, b.shape, b.verbatim):
            en_line = a.line if a is not None else _last_line(english.path)
            tr_line = b.line if b is not None else _last_line(translated.path)
            raise InputError(
                translated.path,
                tr_line,
                f"structure differs from the English page: {english.path}:{en_line} has {_describe(a)}, "
                f"this page has {_describe(b)}",
            )
        if a.verbatim:
            if a.text != b.text:
                raise _code_divergence(english, translated, a, b)
            continue
        pairs.append((a, b))
    return pairs


def _content_line(path: Path, block: Block) -> int:
    """File line of a literal block's first content line (after a ``` or ~~~ fence)."""
    lines = read_text(path).split("\n")
    opening = lines[block.line - 1].lstrip(" \t>") if 0 < block.line <= len(lines) else ""
    return block.line + 1 if opening.startswith(("```", "~~~")) else block.line


def _code_divergence(english: SplitPage, translated: SplitPage, a: Block, b: Block) -> InputError:
    ours, theirs = a.text.split("\n"), b.text.split("\n")
    k = next((i for i, (x, y) in enumerate(zip(ours, theirs, strict=False)) if x != y), min(len(ours), len(theirs)))
    en_text = snippet(ours[k]) if k < len(ours) else "the end of the block"
    tr_text = snippet(theirs[k]) if k < len(theirs) else "the end of the block"
    return InputError(
        translated.path,
        _content_line(translated.path, b) + k,
        f"{a.kind} differs from the English page (code must match byte for byte): "
        f"{english.path}:{_content_line(english.path, a) + k} has {en_text}, this page has {tr_text}",
    )
