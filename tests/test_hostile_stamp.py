"""``stamp`` on real-world files: CRLF catalogs, pages that start with a byte order mark,
and Markdown translations that are empty, left in English or do not follow the English.

Each test reads the file on disk byte for byte after the command, and what ``status``
then says about it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from docs_i18n.core import hash_record, hashing

CATALOGS = FIXTURES / "status" / "catalogs"
MARKDOWN = FIXTURES / "status" / "markdown"
GUIDE = "providers/litellm.md"
BOM = "\ufeff".encode()


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CATALOGS, tmp_path / "catalogs"))


@pytest.fixture
def markdown(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MARKDOWN, tmp_path / "md"))


def stamp(tree: Path, *args: str):
    return run_cli("stamp", "--source", tree / "source", "--locale", tree / "locale", *args)


def catalog_state(tree: Path, lang: str, page: str) -> str:
    result = run_cli("status", "--source", tree / "source", "--locale", tree / "locale", "--format", "json")
    return {(p["lang"], p["page"]): p["state"] for p in json.loads(result.out)["pages"]}[(lang, page)]


def markdown_state(root: Path, lang: str, page: str) -> str:
    result = run_cli("status", "--markdown", root, "--lang", lang, "--format", "json")
    assert result.code == 0, result.err
    return {p["page"]: p["state"] for p in json.loads(result.out)["pages"]}[page]


# -- CRLF catalogs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        "# x-i18n-source-hash: 7188a7c5a428",  # one line, truncated
        "# x-i18n-source-hash:\n# " + "0" * 64,  # as stamp writes it, stale
    ],
)
def test_stamp_replaces_the_record_of_a_crlf_catalog(catalogs: Path, record: str) -> None:
    po = catalogs / "locale" / "ko" / "LC_MESSAGES" / "guide" / "usage.po"
    lf = po.read_text(encoding="utf-8").replace("# x-i18n-source-hash: 7188a7c5a428", record)
    po.write_bytes(lf.replace("\n", "\r\n").encode("utf-8"))
    today = hashing.source_hash(catalogs / "source" / "guide" / "usage.md")

    first = stamp(catalogs, "--lang", "ko", "--page", "guide/usage.md")
    assert first.code == 0, first.err
    expected = lf.replace(record, hash_record.record_lines(today)).replace("\n", "\r\n").encode("utf-8")
    assert po.read_bytes() == expected  # one record, every line still CRLF, nothing else changed
    again = stamp(catalogs, "--lang", "ko", "--page", "guide/usage.md")
    assert again.out == "ko guide/usage.md: unchanged: already current\n"
    assert po.read_bytes() == expected
    assert catalog_state(catalogs, "ko", "guide/usage.md") == "current"


# -- Pages that start with a byte order mark ----------------------------------------------------


def test_stamp_keeps_a_byte_order_mark_first_and_the_front_matter_whole(markdown: Path) -> None:
    page = markdown / "ja-JP" / GUIDE
    text = page.read_bytes()
    page.write_bytes(BOM + text)
    today = hashing.source_hash(markdown / GUIDE)

    result = run_cli("stamp", "--markdown", markdown, "--lang", "ja-JP", "--page", GUIDE)
    assert result.code == 0, result.err
    assert page.read_bytes() == BOM + text.replace(b"source_hash: 269529671c6086", f"source_hash: {today}".encode())
    assert markdown_state(markdown, "ja-JP", GUIDE) == "current"


def test_a_byte_order_mark_page_without_front_matter_gets_one_after_the_mark(tmp_path: Path) -> None:
    root = tmp_path / "md"
    (root / "ko").mkdir(parents=True)
    (root / "page.md").write_text("# Costs\n\nSee the costs.\n", encoding="utf-8")
    translated = root / "ko" / "page.md"
    translated.write_bytes(BOM + "# 비용\r\n\r\n비용을 확인하세요.\r\n".encode())
    today = hashing.source_hash(root / "page.md")

    result = run_cli("stamp", "--markdown", root, "--lang", "ko", "--page", "page.md")
    assert result.code == 0, result.err
    head = f"---\r\nx-i18n:\r\n  source_hash: {today}\r\n---\r\n"
    assert translated.read_bytes() == BOM + (head + "# 비용\r\n\r\n비용을 확인하세요.\r\n").encode()
    assert markdown_state(root, "ko", "page.md") == "current"


# -- Markdown translations the catalog stamp would refuse ------------------------------------------


def refused_unless_forced(root: Path, page: Path, reason: str) -> None:
    """stamp: exit 1, the reason on stdout, the page unchanged; --force stamps it."""
    before = page.read_bytes()
    result = run_cli("stamp", "--markdown", root, "--lang", "ja-JP", "--page", GUIDE)
    assert result.code == 1, result.err
    assert result.out.startswith(f"ja-JP {GUIDE}: refused: {reason}")
    assert result.out.endswith("; translate it, or pass --force to stamp anyway\n")
    assert page.read_bytes() == before
    assert markdown_state(root, "ja-JP", GUIDE) == "unknown"
    forced = run_cli("stamp", "--markdown", root, "--lang", "ja-JP", "--page", GUIDE, "--force")
    assert forced.code == 0, forced.err
    assert "stamped: recorded" in forced.out
    assert markdown_state(root, "ja-JP", GUIDE) == "current"


@pytest.mark.parametrize("body", ["", "\n\n   \n"])
def test_an_empty_translation_is_refused(markdown: Path, body: str) -> None:
    page = markdown / "ja-JP" / GUIDE
    page.write_text("---\nsummary: 요약\nx-i18n:\n  source_hash: 269529671c6086\n---\n" + body, encoding="utf-8")
    refused_unless_forced(markdown, page, "the translated page is empty (nothing after its front-matter)")


def test_a_translation_missing_a_paragraph_is_refused_with_both_lines(markdown: Path) -> None:
    page = markdown / "ja-JP" / GUIDE
    text = page.read_text(encoding="utf-8")
    dropped = "그게 다야. OpenClaw는 이제 LiteLLM을 통해 라우팅됩니다.\n\n"
    assert dropped in text
    page.write_text(text.replace(dropped, ""), encoding="utf-8")
    line = text[: text.index("## 구성")].count("\n") + 1 - 2  # the heading moved up two lines
    refused_unless_forced(
        markdown,
        page,
        f"not aligned with the English page: {page}:{line}: structure differs from the English page: "
        f"{markdown / GUIDE}:",
    )


def test_a_translation_that_marks_messages_left_in_english_is_refused(markdown: Path) -> None:
    page = markdown / "ja-JP" / GUIDE
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "  source_hash: 269529671c6086\n", "  source_hash: 269529671c6086\n  untranslated:\n  - 0123abcd4567\n"
        ),
        encoding="utf-8",
    )
    refused_unless_forced(markdown, page, "1 message(s) left in English (x-i18n.untranslated, written by export)")


def test_one_unreadable_catalog_stops_every_write(catalogs: Path) -> None:
    """Pages are stamped together or not at all: a broken catalog among the targets leaves the others."""
    good = catalogs / "locale" / "ko" / "LC_MESSAGES" / "guide" / "usage.po"  # its record is stale
    broken = catalogs / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    broken.write_bytes(broken.read_bytes() + b'msgid "broken\n')
    before = {p: p.read_bytes() for p in (good, broken)}
    result = stamp(catalogs, "--lang", "ko", "--page", "guide/usage.md", "--page", "index.md", "--force")
    assert result.code == 2, result.out
    line = broken.read_text(encoding="utf-8").count("\n")
    assert f"{broken}:{line}: " in result.err
    assert "stamped" not in result.out
    assert {p: p.read_bytes() for p in before} == before


def test_a_missing_markdown_page_stops_every_write(markdown: Path) -> None:
    english = markdown / "providers" / "litellm.md"
    english.write_bytes(english.read_bytes() + b"\nOne more English sentence.\n")  # the Korean page is stale now
    korean = markdown / "ko" / "providers" / "litellm.md"
    before = korean.read_bytes()
    result = run_cli(
        "stamp", "--markdown", markdown, "--lang", "ko", "--force",
        "--page", "providers/litellm.md", "--page", "concepts/model-providers.md",
    )  # fmt: skip
    assert result.code == 2, result.out
    assert "no translated page to stamp" in result.err
    assert korean.read_bytes() == before
    assert markdown_state(markdown, "ko", "providers/litellm.md") == "stale"
