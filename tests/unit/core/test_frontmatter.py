"""Front-matter of Markdown pages (``core/frontmatter.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.core import frontmatter
from docs_i18n.core.errors import InputError

HASH = "1" * 64


def test_split_reads_the_yaml_and_where_the_body_starts() -> None:
    matter = frontmatter.split("\ufeff---\ntitle: Costs\nx-i18n:\n  source_hash: abc\n---\n# Costs\n", "p.md")
    assert matter.data["title"] == "Costs" and matter.source_hash == "abc"
    assert (matter.body, matter.body_line) == ("# Costs\n", 6)
    assert frontmatter.split("# No front-matter\n").data == {}


def test_an_all_digit_hash_reads_back_as_text() -> None:
    assert frontmatter.split(f"---\nx-i18n:\n  source_hash: {HASH}\n---\n").source_hash == HASH


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("---\ntitle: a\n", "p.md:1: front-matter opened with '---' is never closed"),
        ("---\ntitle: [a\n---\n", "p.md:3: malformed YAML front-matter"),
        ("---\n- a\n---\n", "p.md:2: front-matter must be a mapping"),
    ],
)
def test_bad_front_matter_is_path_and_line(text: str, where: str) -> None:
    with pytest.raises(InputError) as raised:
        frontmatter.split(text, "p.md")
    assert str(raised.value).startswith(where)


def test_setting_the_source_hash_changes_only_that_value() -> None:
    text = "---\ntitle: 'Costs'  # kept\nx-i18n:\n  source_hash: old\n  model: m\n---\nBody\n"
    assert frontmatter.with_source_hash(text, HASH) == text.replace("old", HASH)
    added = frontmatter.with_source_hash("---\ntitle: Costs\n---\nBody\n", HASH)
    assert frontmatter.split(added).source_hash == HASH and added.endswith("---\nBody\n")
