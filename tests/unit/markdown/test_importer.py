"""Translated pages imported into catalogs (``markdown/importer.py``), with a splitter given here
(the commands give Sphinx's: :mod:`docs_i18n.sphinx_ext.splitter`), so no Sphinx runs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from docs_i18n.core import frontmatter, hashing
from docs_i18n.core.errors import InputError
from docs_i18n.markdown import importer
from docs_i18n.markdown.splitting import Block, SplitPage

ENGLISH = "# Costs\n\nThe proxy reports what each request costs.\n"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def blocks(path: Path) -> SplitPage:
    """A page's heading and paragraphs, one block each (what Sphinx's extraction gives for these pages)."""
    body = [part for part in frontmatter.split(path.read_text("utf-8"), path).body.split("\n\n") if part.strip()]
    found = []
    for index, part in enumerate(body):
        kind = "heading" if part.startswith("#") else "paragraph"
        found.append(Block(kind, part.lstrip("# ").strip(), 1 + index * 2, (kind,)))
    return SplitPage(path, path.name, body=found)


class Splitter:
    def __init__(self) -> None:
        self.runs = 0

    def split_english(self, source_dir: Path, confdir: Path, page_ids: Iterable[str]) -> dict[str, SplitPage]:
        self.runs += 1
        return {page: blocks(source_dir / page) for page in page_ids}

    def split_translated(
        self, source_dir: Path, confdir: Path, translated: Mapping[str, Path], english: Mapping[str, Path] | None = None
    ) -> dict[str, SplitPage]:
        self.runs += 1
        return {page: blocks(path) for page, path in translated.items()}


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path, Path]:
    source, locale, pages = tmp_path / "source", tmp_path / "locale", tmp_path / "docs"
    source.mkdir()
    (source / "index.md").write_text(ENGLISH, encoding="utf-8")
    catalog = locale / "ko" / "LC_MESSAGES" / "index.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        HEADER + 'msgid "Costs"\nmsgstr "비용"\n\nmsgid "The proxy reports what each request costs."\nmsgstr ""\n',
        encoding="utf-8",
    )
    return source, locale, pages


def translated(pages: Path, text: str, record: str | None) -> importer.Job:
    path = pages / "ko" / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    matter = f"---\nx-i18n:\n  source_hash: {record}\n---\n" if record else ""
    path.write_text(matter + text, encoding="utf-8")
    return importer.Job("ko", "index.md", path)


def test_a_page_fills_its_catalog_and_records_its_hash(tree) -> None:
    source, locale, pages = tree
    record = hashing.hash_bytes(ENGLISH.encode("utf-8"))
    job = translated(pages, "# 비용\n\n프록시는 요청마다 드는 비용을 알려 줍니다.\n", record)
    splitter = Splitter()
    seen: list[importer.Outcome] = []
    (outcome,) = importer.plan_all([job], source, locale, source, source, report=seen.append, splitter=splitter)
    assert outcome.error is None and seen == [outcome] and splitter.runs == 2
    plan = outcome.plan
    assert plan is not None
    assert (plan.count("same"), plan.count("new"), plan.count("differs")) == (1, 1, 0)
    assert (plan.record_before, plan.record_after) == (None, record)
    text = (plan.data or b"").decode("utf-8")
    assert 'msgstr "프록시는 요청마다 드는 비용을 알려 줍니다."' in text and record in text
    assert (locale / "ko" / "LC_MESSAGES" / "index.po").read_text("utf-8").count("프록시") == 0  # nothing written


def test_a_translation_that_differs_is_kept_unless_overwrite(tree) -> None:
    source, locale, pages = tree
    job = translated(pages, "# 요금\n\n프록시\n", hashing.hash_bytes(ENGLISH.encode("utf-8")))
    (kept,) = importer.plan_all([job], source, locale, source, source, splitter=Splitter())
    assert kept.plan is not None and kept.plan.count("differs") == 1 and kept.plan.data is None
    (replaced,) = importer.plan_all([job], source, locale, source, source, overwrite=True, splitter=Splitter())
    assert (
        replaced.plan is not None
        and replaced.plan.count("replace") == 1
        and b"\xec\x9a\x94\xea\xb8\x88" in (replaced.plan.data or b"")
    )


def test_a_page_without_a_hash_is_refused_unless_without_hash(tree) -> None:
    source, locale, pages = tree
    job = translated(pages, "# 비용\n\n프록시\n", None)
    splitter = Splitter()
    (refused,) = importer.plan_all([job], source, locale, source, source, splitter=splitter)
    assert refused.error is not None and refused.error.line == 1
    assert "no x-i18n block in the front-matter" in refused.error.message and splitter.runs == 0
    (noted,) = importer.plan_all([job], source, locale, source, source, without_hash=True, splitter=Splitter())
    assert noted.plan is not None and noted.plan.notes == [
        "no x-i18n block in the front-matter; the catalog's record is left as it is"
    ]


def test_a_page_with_no_english_page_is_an_error(tree) -> None:
    source, locale, pages = tree
    job = importer.Job("ko", "gone.md", pages / "ko" / "gone.md")
    (outcome,) = importer.plan_all([job], source, locale, source, source, splitter=Splitter())
    assert outcome.error is not None and "no English page" in outcome.error.message


def test_markers_digests_and_msgstr_normalising() -> None:
    assert importer.message_digest("Costs") == hashing.hash_bytes(b"Costs")[:12]
    assert importer.normalise("one\\\ntwo\nthree  ") == "one two three"
    matter = frontmatter.split("---\nx-i18n:\n  untranslated: notalist\n---\n", "p.md")
    with pytest.raises(InputError, match="must be a list of digests"):
        importer.untranslated_marker(matter, Path("p.md"))
    short = frontmatter.split("---\nx-i18n:\n  source_hash: abc\n---\n", "p.md")
    with pytest.raises(InputError, match="is not a complete SHA-256") as raised:
        importer.page_hash(short, Path("p.md"), without_hash=False)
    assert raised.value.line == 3
