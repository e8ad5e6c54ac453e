"""The search query set: queries with the pages a reader expects them to find.

A tab-separated file (``benchmarks/queries/<lang>.tsv``): ``#`` comment
lines, a header ``query kind expected evidence``, then one query a line:

- ``query``: the text as a reader types it;
- ``kind``: one of :data:`KINDS`;
- ``expected``: the docnames of the relevant pages, comma-separated;
- ``evidence``: what makes a page relevant, matched against a page's prose
  (:meth:`Query.relevant`): ``+`` joins strings that must all occur, ``|``
  separates alternatives. It lets a test check the expectations against the
  built pages, independently of any analyser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import read_text

KINDS = ("noun", "particle", "verb", "phrase", "mixed")
HEADER = ("query", "kind", "expected", "evidence")


@dataclass(frozen=True)
class Query:
    """One query of the set."""

    text: str
    kind: str
    expected: frozenset[str]
    evidence: str
    line: int

    def relevant(self, prose: str) -> bool:
        """True when *prose* holds the evidence (every ``+`` part, any ``|`` alternative)."""
        return all(any(alt in prose for alt in part.split("|")) for part in self.evidence.split("+"))


def parse(text: str, path: str | Path) -> list[Query]:
    """The queries of a query file's *text* (*path* for error messages)."""
    queries: list[Query] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != HEADER:
                raise InputError(path, number, f"expected the header {' '.join(HEADER)!r} (tab-separated)")
            header_seen = True
            continue
        if len(fields) != len(HEADER):
            raise InputError(path, number, f"expected {len(HEADER)} tab-separated fields, found {len(fields)}")
        query, kind, expected, evidence = (field.strip() for field in fields)
        if not query or not expected or not evidence:
            raise InputError(path, number, "empty query, expected pages or evidence")
        if kind not in KINDS:
            raise InputError(path, number, f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        pages = frozenset(page.strip() for page in expected.split(",") if page.strip())
        queries.append(Query(query, kind, pages, evidence, number))
    if not queries:
        raise InputError(path, 1, "no queries")
    return queries


def read(path: str | Path) -> list[Query]:
    """The queries in the file at *path*."""
    return parse(read_text(path), path)
