"""The messages each page renders, from the ``.pot`` templates of ``make gettext``.

Sphinx's gettext builder writes one template per page (``_build/gettext/<page>.pot``):
the messages the build renders on that page, in any language. The build's extension
also writes :data:`RECORD` beside them: the source hash of every English page the
templates were extracted from. A template is used only when that record matches
today's English page; otherwise ``status`` says it is absent or out of date, and
counts the catalog's own messages instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import pages, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import atomic_write, read_text

# {"version": 1, "pages": {"providers/litellm.md": "<source hash>"},
#  "toctrees": {"index.md": [["providers/litellm.md", "<a heading's msgid>"], ...]}}
RECORD = "docs_i18n-templates.json"
TEMPLATE_SUFFIX = ".pot"


@dataclass
class Templates:
    """Messages per English page (``providers/litellm.md``), and why some pages have none."""

    folder: Path
    messages: dict[str, list[str]] = field(default_factory=dict)
    # page -> (listed page, msgid) of each heading its toctrees show (:mod:`.toctree`)
    toctrees: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def write_record(
    folder: Path, hashes: Mapping[str, str], toctrees: Mapping[str, list[list[str]]] | None = None
) -> Path:
    """Record which English pages (page -> source hash) the templates in *folder* come from, and
    the headings of other pages each page's toctrees show (page -> [[listed page, msgid], ...])."""
    path = Path(folder) / RECORD
    data = {"version": 1, "pages": dict(sorted(hashes.items())), "toctrees": dict(sorted((toctrees or {}).items()))}
    atomic_write(path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
    return path


def _read_record(folder: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]] | None:
    path = folder / RECORD
    if not path.is_file():
        return None
    try:
        data = json.loads(read_text(path, "templates record"))
    except ValueError as exc:
        raise InputError(path, 0, f"not a templates record: {exc}") from None
    found = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        raise InputError(path, 0, "not a templates record: no 'pages' object")
    trees = data.get("toctrees", {})
    if not isinstance(trees, dict) or not all(
        isinstance(entries, list)
        and all(isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e) for e in entries)
        for entries in trees.values()
    ):
        raise InputError(path, 0, "not a templates record: 'toctrees' is not page -> [[page, message], ...]")
    shown = {str(page): [(e[0], e[1]) for e in entries] for page, entries in trees.items()}
    return {str(k): str(v) for k, v in found.items()}, shown


def template_messages(path: str | Path) -> list[str]:
    """The msgids of one ``.pot`` template, in order."""
    return list(pofile.read_messages(path).messages)


def read_templates(folder: Path, hashes: Mapping[str, str], wanted: Iterable[str] | None = None) -> Templates:
    """The messages of each English page whose template matches today's hash (*hashes*: page -> hash).

    Raises :class:`InputError` for an unreadable record or template.
    """
    folder = Path(folder)
    found = Templates(folder)
    shown = folder.as_posix()
    if not folder.is_dir():
        found.notices.append(
            f"{shown}: no message templates: the percentages count each catalog's own messages, "
            "not the messages the pages render; run 'make gettext' first"
        )
        return found
    read = _read_record(folder)
    if read is None:
        found.notices.append(
            f"{shown}: the templates do not record which English pages they come from; "
            "run 'make gettext' to extract them again"
        )
        return found
    record, trees = read
    outdated = []
    for page in wanted if wanted is not None else hashes:
        template = folder / (pages.docname(page) + TEMPLATE_SUFFIX)
        if record.get(page) != hashes.get(page) or not template.is_file():
            outdated.append(page)
            continue
        listed = trees.get(page, [])
        if not all(record.get(entry) == hashes.get(entry) for entry, _ in listed):
            outdated.append(page)  # a page its toctrees list changed since
            continue
        found.messages[page] = template_messages(template)
        found.toctrees[page] = listed
    if outdated:
        names = ", ".join(outdated[:5]) + (f" and {len(outdated) - 5} more" if len(outdated) > 5 else "")
        found.notices.append(
            f"{shown}: the templates are older than the English page ({names}): those pages' percentages "
            "count the catalog's own messages; run 'make gettext' first"
        )
    return found
