"""Run a built site's own search on queries with node, and score the results.

:func:`search` runs ``search_eval.js``: Sphinx's ``searchtools.js`` with the
site's ``language_data.js`` (splitter and stemmer) and ``searchindex.js``, in
node, so the results are those of the site's search page without a browser.
:func:`score` compares them with the pages a :class:`~.search_queries.Query`
expects.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.search_queries import Query

EVAL_JS = Path(__file__).resolve().parent / "search_eval.js"


class NodeError(RuntimeError):
    """node is missing or the search script failed."""


@dataclass(frozen=True)
class Found:
    """What the search page finds for one query."""

    query: str
    terms: tuple[str, ...]  # the query's stems, as searched
    pages: tuple[str, ...]  # docnames, in the page's order


@dataclass(frozen=True)
class Score:
    """Micro-averaged scores over a query set."""

    relevant_found: int  # expected pages found, over all queries
    relevant: int  # expected pages
    returned: int  # pages returned
    complete: int  # queries that found every expected page
    queries: int

    @property
    def recall(self) -> float:
        return self.relevant_found / self.relevant if self.relevant else 0.0

    @property
    def precision(self) -> float:
        return self.relevant_found / self.returned if self.returned else 0.0


def node_binary() -> str:
    """The node executable, or :class:`NodeError`."""
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        raise NodeError("node not found: install Node.js (Debian: apt-get install nodejs)")
    return node


def search(site: Path, queries: Sequence[str]) -> list[Found]:
    """Search the built site *site* (a language's HTML output) for each query."""
    proc = subprocess.run(
        [node_binary(), str(EVAL_JS), str(site)],
        input=json.dumps(list(queries), ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    if proc.returncode != 0:
        raise NodeError(f"{EVAL_JS.name} failed on {site}:\n{proc.stderr.strip()}")
    return [Found(r["query"], tuple(r["terms"]), tuple(r["results"])) for r in json.loads(proc.stdout)]


def score(queries: Sequence[Query], found: Sequence[Found]) -> Score:
    """Recall and precision of *found* against the queries' expected pages."""
    relevant_found = relevant = returned = complete = 0
    for query, result in zip(queries, found, strict=True):
        pages = set(result.pages)
        hits = len(pages & query.expected)
        relevant_found += hits
        relevant += len(query.expected)
        returned += len(pages)
        complete += hits == len(query.expected)
    return Score(relevant_found, relevant, returned, complete, len(queries))
