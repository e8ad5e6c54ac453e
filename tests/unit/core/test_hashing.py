"""The source-hash rule (``core/hashing.py``): SHA-256 of the raw bytes, nothing normalised."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from docs_i18n.core import hashing
from docs_i18n.core.errors import InputError


def test_the_hash_is_of_the_raw_bytes_front_matter_and_line_ends_included(tmp_path: Path) -> None:
    page = tmp_path / "index.md"
    page.write_bytes(b"---\ntitle: Costs\n---\n# Costs\r\n")
    assert hashing.source_hash(page) == hashlib.sha256(b"---\ntitle: Costs\n---\n# Costs\r\n").hexdigest()
    assert hashing.hash_bytes(b"# Costs\n") != hashing.hash_bytes(b"# Costs\r\n")


def test_a_missing_page_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        hashing.source_hash(tmp_path / "gone.md")
    assert raised.value.path == str(tmp_path / "gone.md")


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        (hashlib.sha256(b"x").hexdigest(), True),
        (hashlib.sha256(b"x").hexdigest().upper(), False),
        (hashlib.sha256(b"x").hexdigest()[:63], False),
        (hashlib.sha256(b"x").hexdigest() + "\n", False),
        (None, False),
        (123, False),
    ],
)
def test_only_a_complete_lowercase_hash_is_valid(value: object, valid: bool) -> None:
    assert hashing.is_valid_hash(value) is valid
