"""The source-hash rule: lowercase hex SHA-256 of a file's raw bytes.

Front-matter is included and nothing is normalised, so the hash matches the
``x-i18n.source_hash`` that OpenClaw's translation pipeline records.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from docs_i18n.core.textio import read_bytes

HASH_RE = re.compile(r"[0-9a-f]{64}")


def hash_bytes(data: bytes) -> str:
    """Return the source hash of *data*."""
    return hashlib.sha256(data).hexdigest()


def source_hash(path: str | Path) -> str:
    """Return the source hash of the file at *path* (raw bytes, no normalisation).

    Raises :class:`~docs_i18n.core.errors.InputError` when the file cannot be read.
    """
    return hash_bytes(read_bytes(path, "English page"))


def is_valid_hash(value: object) -> bool:
    """True when *value* is a complete lowercase hex SHA-256 (64 characters)."""
    return isinstance(value, str) and HASH_RE.fullmatch(value) is not None
