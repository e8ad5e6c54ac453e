"""The fast readers status uses agree exactly with the full parsers, on any input."""

from __future__ import annotations

from pathlib import Path

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


def test_read_record_reads_files(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("---\nx-i18n:\n  source_hash: " + "ab" * 32 + "\n---\n", encoding="utf-8")
    assert frontmatter.read_record(page) == "ab" * 32
