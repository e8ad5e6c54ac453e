"""The fast readers status uses agree exactly with the full parsers, on any input."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from docs_i18n.core import frontmatter, pofile
from docs_i18n.core.errors import InputError

CATALOGS = [
    p.read_bytes().decode("utf-8", "replace") for p in sorted([*ROOT.glob("locale/**/*.po"), *FIXTURES.glob("**/*.po")])
]
PAGES = [p.read_bytes().decode("utf-8", "replace") for p in sorted(FIXTURES.glob("**/*.md"))]
PIECES = ['"', "\\", "\n", "\r", "\x1e", "#", "#, fuzzy\n", "#~ ", "msgid ", 'msgstr ""\n', "msgctxt ", ":", "---\n"]
PIECES += [" ", "\t", "x", "#, c-format, fuzzy\n", 'msgstr " "\n', '#~ msgid "a"\n']
FM_PIECES = ["---\n", "\r\n", "\r", "x-i18n:\n", "  source_hash: ", "a" * 64, "1" * 64, "'", '"', ": ", "#"]
FM_PIECES += ["  - ", "\n", "-", "{"]
SETTINGS = settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def mutate(base: str, edits: list[tuple[int, int, str]]) -> str:
    text = base
    for position, length, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + length % 4 :]
    return text


def full_stats(text: str) -> object:
    try:
        catalog = pofile.parse(text)
    except InputError as exc:
        return ("error", str(exc))
    return (catalog.counts(), catalog.header_comments)


def fast_stats(text: str) -> object:
    try:
        result = pofile.stats(text)
    except InputError as exc:
        return ("error", str(exc))
    return (result.counts, result.header_comments)


def full_messages(text: str) -> object:
    try:
        result = pofile._messages_from_parse(text, "<po>")
    except InputError as exc:
        return ("error", str(exc))
    return (result.messages, list(result.messages), result.blank, result.counts, result.header_comments)


def fast_messages(text: str) -> object:
    try:
        result = pofile.messages(text)
    except InputError as exc:
        return ("error", str(exc))
    return (result.messages, list(result.messages), result.blank, result.counts, result.header_comments)


def full_record(text: str) -> object:
    try:
        return frontmatter.split(text).source_hash
    except InputError as exc:
        return ("error", str(exc))


def fast_record(text: str) -> object:
    try:
        return frontmatter.record_from_text(text)
    except InputError as exc:
        return ("error", str(exc))


def test_unmutated_inputs_take_the_fast_path_and_agree() -> None:
    assert len(CATALOGS) >= 12 and len(PAGES) >= 5
    for text in CATALOGS:
        assert fast_stats(text) == full_stats(text)
        assert fast_messages(text) == full_messages(text)
    templates = [p for p in sorted((ROOT / "_build" / "gettext").rglob("*.pot"))]
    for path in templates:  # the gettext builder's templates, when make gettext ran
        text = path.read_text(encoding="utf-8")
        assert fast_messages(text) == full_messages(text), path
    for text in PAGES:
        assert fast_record(text) == full_record(text)


@SETTINGS
@given(
    st.sampled_from(CATALOGS),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 3), st.sampled_from(PIECES)), max_size=6),
)
def test_catalog_statistics_agree_with_the_parser(base: str, edits: list[tuple[int, int, str]]) -> None:
    text = mutate(base, edits)
    assert fast_stats(text) == full_stats(text)


def test_a_record_separator_in_the_header_is_text_on_both_paths() -> None:
    """Found by the property test below: the fast path cut the header at U+001E (``splitlines``) and
    read ``charset=\x1eTF-8`` as no charset, where the parser refuses charset 'TF-8'."""
    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=\x1eTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    assert fast_messages(text) == full_messages(text)
    assert fast_stats(text) == full_stats(text)
    assert full_messages(text)[0] == "error"


@SETTINGS
@given(
    st.sampled_from(CATALOGS),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 3), st.sampled_from(PIECES)), max_size=6),
)
def test_catalog_messages_agree_with_the_parser(base: str, edits: list[tuple[int, int, str]]) -> None:
    text = mutate(base, edits)
    assert fast_messages(text) == full_messages(text)


@SETTINGS
@given(
    st.sampled_from(PAGES),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3), st.sampled_from(FM_PIECES)), max_size=5),
)
def test_page_record_agrees_with_the_yaml_reader(base: str, edits: list[tuple[int, int, str]]) -> None:
    text = mutate(base, edits)
    assert fast_record(text) == full_record(text)


@SETTINGS
@given(st.lists(st.sampled_from([*"ab1:-#'\" \n", "x-i18n:\n", "  source_hash: ", "---\n"]), max_size=40).map("".join))
def test_page_record_agrees_on_random_front_matter(body: str) -> None:
    text = "---\n" + body + "\n---\n# T\n"
    assert fast_record(text) == full_record(text)


def file_record(text: str) -> object:
    """The record read off a file of *text*, as status reads it (the head of the file alone)."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder, "p.md")
        page.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            return frontmatter.read_record(page)
        except InputError as exc:
            return ("error", exc.message)


def text_record(text: str) -> object:
    try:
        return frontmatter.split(text).source_hash
    except InputError as exc:
        return ("error", exc.message)


FENCES = ["---\n", "---", "--- \n", "---\r\n", "----\n", "\n---\n", "\n---", "\ufeff", "a" * 5000]


@SETTINGS
@given(
    st.sampled_from(PAGES),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3), st.sampled_from([*FM_PIECES, *FENCES])), max_size=5),
)
def test_the_record_read_off_a_file_head_agrees_with_the_yaml_reader(
    base: str, edits: list[tuple[int, int, str]]
) -> None:
    """Reading only up to the closing fence (its usual and unusual shapes) gives the whole text's record."""
    text = mutate(base, edits)
    assert file_record(text) == text_record(text)


def test_read_record_reads_files(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("---\nx-i18n:\n  source_hash: " + "ab" * 32 + "\n---\n", encoding="utf-8")
    assert frontmatter.read_record(page) == "ab" * 32


# -- Generated front-matter of real-world shape: every indentation and quoting style ---------
# OpenClaw writes its records with 4-space indentation and unquoted hashes; other tools
# write 2 spaces, quote values, reorder keys, add comments or CRLF line ends. Each
# variant must take the fast path and agree with PyYAML.

WORDS = [
    "LiteLLM",
    "OpenClaw",
    "proxy",
    "모델",
    "라우팅",
    "プロキシ",
    "代理",
    "cost",
    "tracking",
    "v2",
    "(beta)",
    "a-b",
]
HASHES = ["0" * 64, "ab" * 32, "0123456789abcdef" * 4, "AB" * 32, "1" * 64, "abc123", "deadbeef" * 7, ""]


@st.composite
def quoted(draw: st.DrawFn, text: str, plain_ok: bool = True) -> str:
    """*text* as a YAML scalar in a drawn style: plain, single- or double-quoted."""
    styles = ["single", "double", *(["plain"] if plain_ok else [])]
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def front_matter(draw: st.DrawFn) -> tuple[str, str]:
    """``(page text, recorded hash)``: OpenClaw-shaped front-matter in a drawn layout."""
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
    record = draw(st.sampled_from(HASHES[:-1]))
    x_keys = {
        "generated_at": draw(quoted("2026-07-12T01:07:55Z", plain_ok=False)),
        "model": draw(quoted("gpt-5.6")),
        "postprocess_version": draw(quoted("locale-links-v1")),
        "provider": draw(quoted("openai")),
        "source_hash": draw(quoted(record, plain_ok=not record.isdigit())),
        "source_path": draw(quoted("providers/litellm.md")),
        "workflow": draw(st.sampled_from(["16", "15", '"16"'])),
    }
    x_order = draw(st.permutations(list(x_keys)))
    indent = " " * draw(st.integers(1, 8))
    x_block = [f"{indent}{key}: {x_keys[key]}" for key in x_order]
    if draw(st.booleans()):
        x_block.insert(draw(st.integers(0, len(x_block))), f"{indent}# written by the pipeline")
    item_indent = " " * draw(st.integers(0, 8))
    items = [f"{item_indent}- {draw(quoted(draw(words)))}" for _ in range(draw(st.integers(1, 3)))]
    blocks = {
        "read_when": ["read_when:", *items],
        "summary": [f"summary: {draw(quoted(draw(words)))}"],
        "title": [f"title: {draw(quoted(draw(words)))}"],
        "x-i18n": ["x-i18n:" + draw(st.sampled_from(["", "  ", " # record"])), *x_block],
    }
    lines = ["---"]
    for key in draw(st.permutations(list(blocks))):
        lines.extend(blocks[key])
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# note", "  "])))
    lines += ["---", "", "## Quick start", ""]
    return newline.join(lines), record


@settings(max_examples=400, derandomize=True, deadline=None)
@given(front_matter())
def test_every_layout_of_the_record_takes_the_fast_path(generated: tuple[str, str]) -> None:
    text, record = generated
    assert frontmatter._simple_front_matter(text) is not None, text
    assert fast_record(text) == full_record(text) == record


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    front_matter(), st.lists(st.tuples(st.integers(0, 600), st.integers(0, 3), st.sampled_from(FM_PIECES)), max_size=4)
)
def test_mutated_layouts_agree_with_the_yaml_reader(
    generated: tuple[str, str], edits: list[tuple[int, int, str]]
) -> None:
    text = mutate(generated[0], edits)
    assert fast_record(text) == full_record(text)


def test_only_the_front_matter_is_read(tmp_path: Path) -> None:
    record = "ab" * 32
    page = tmp_path / "p.md"
    long_summary = "모델 " * 3000  # front-matter longer than the first block read
    page.write_bytes(f"---\nsummary: {long_summary}\nx-i18n:\n    source_hash: {record}\n---\n".encode() + b"\xff body")
    assert frontmatter.read_record(page) == record  # the body is not status's to decode
    page.write_bytes(b"---\nsummary: \xff\nx-i18n:\n    source_hash: " + record.encode() + b"\n---\n")
    with pytest.raises(InputError, match="not valid UTF-8") as caught:
        frontmatter.read_record(page)
    assert caught.value.line == 2
    page.write_bytes(b"---\nx-i18n:\n    source_hash: " + record.encode() + b"\n" + b"more: text\n" * 2000)
    with pytest.raises(InputError, match="never closed"):
        frontmatter.read_record(page)
    page.write_bytes(b"# No front-matter\n" + b"\xff" * 10)
    assert frontmatter.read_record(page) is None
