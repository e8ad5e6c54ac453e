"""Replies remembered in ``_build/``: a rerun with nothing new sends no request.

One SQLite file; a reply is keyed by the SHA-256 of (English text, context,
language, model, prompt version), the context being the whole system message
(:func:`docs_i18n.mt.prompt.system_message`). Each reply is committed as it
arrives, so an interrupted run (Ctrl-C, or the process killed) keeps every reply it
received. Replies are kept whatever the review said: a refused one is refused again
for free. The key is never stored.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "mt-cache.sqlite3"


def key(english: str, context: str, lang: str, model: str, prompt_version: str) -> str:
    """The cache key of one request."""
    fields = json.dumps([english, context, lang, model, prompt_version], ensure_ascii=False)
    return hashlib.sha256(fields.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Cached:
    """A reply remembered."""

    content: str
    prompt_tokens: int
    completion_tokens: int


class Cache:
    """The replies of earlier runs (:func:`key` -> content and token counts)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        if read_only:  # --dry-run writes nothing, not even an empty cache
            if path.is_file():
                self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS replies (key TEXT PRIMARY KEY, content TEXT NOT NULL,"
            " prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, model TEXT NOT NULL,"
            " lang TEXT NOT NULL, received TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        self._db.commit()

    def get(self, cache_key: str) -> Cached | None:
        if self._db is None:
            return None
        row = self._db.execute(
            "SELECT content, prompt_tokens, completion_tokens FROM replies WHERE key = ?", (cache_key,)
        ).fetchone()
        return Cached(*row) if row else None

    def put(self, cache_key: str, reply: Cached, model: str, lang: str) -> None:
        """Remember *reply*, committed at once."""
        assert self._db is not None, "a read-only cache"
        self._db.execute(
            "INSERT OR REPLACE INTO replies (key, content, prompt_tokens, completion_tokens, model, lang)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (cache_key, reply.content, reply.prompt_tokens, reply.completion_tokens, model, lang),
        )
        self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
