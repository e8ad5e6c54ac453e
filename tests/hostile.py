"""Shared tools of the adversarial tests (``tests/test_hostile_*.py``).

The threat model: maintainers and ``conf.py`` are trusted; translators, catalogs and
imported pages are not. Each test changes a copy of the project's catalogs as an
attacker would (raw ``.po`` text, so that malformed input stays malformed), builds it
with and without ``-W``, and asserts on what a reader gets: the built HTML and
JavaScript, the warnings (``path:line``), ``check`` and ``status``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from conftest import Result, copy_project, run_cli, sphinx_build
from docs_i18n.core import pofile

UI = "locale/ko/LC_MESSAGES/sphinx.po"
GUIDE = "locale/ko/LC_MESSAGES/providers/litellm.po"


def po_string(text: str) -> str:
    """*text* as a quoted PO string (GNU gettext's escapes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def entry_span(po: Path, msgid: str) -> tuple[int, int]:
    """``(first, end)`` line indexes (0-based, end excluded) of *msgid*'s entry from its msgid line on."""
    entry = next(e for e in pofile.read(po).messages() if e.msgid == msgid and e.msgctxt is None)
    lines = po.read_text(encoding="utf-8").split("\n")
    end = entry.line - 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return entry.line - 1, end


def replace_entry(po: Path, msgid: str, raw: str) -> None:
    """Replace *msgid*'s entry, from its msgid line to the blank line after it, by the PO text *raw*."""
    start, end = entry_span(po, msgid)
    lines = po.read_text(encoding="utf-8").split("\n")
    lines[start:end] = raw.rstrip("\n").split("\n")
    po.write_text("\n".join(lines), encoding="utf-8")


def set_msgstr(po: Path, msgid: str, msgstr: str) -> None:
    """Give *msgid* (present or added) the translation *msgstr*."""
    raw = f"msgid {po_string(msgid)}\nmsgstr {po_string(msgstr)}"
    try:
        replace_entry(po, msgid, raw)
    except StopIteration:
        add_entry(po, raw)


def add_entry(po: Path, raw: str) -> None:
    """Append the PO text *raw* as a new entry."""
    text = po.read_text(encoding="utf-8").rstrip("\n")
    po.write_text(f"{text}\n\n{raw.rstrip()}\n", encoding="utf-8")


def line_of(po: Path, msgid: str) -> int:
    """The line of *msgid*'s msgid keyword (what a warning names)."""
    return entry_span(po, msgid)[0] + 1


def line_containing(po: Path, text: str) -> int:
    """The first line of *po* that contains *text*."""
    return next(n for n, line in enumerate(po.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def catalog_digests(project: Path) -> dict[str, str]:
    """SHA-256 of every catalog and of the exemptions file: what no build and no check may change."""
    files = [*project.glob("locale/**/*.po"), *project.glob("i18n-exemptions.toml")]
    return {str(p.relative_to(project)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def build(project: Path, out: Path, strict: bool, lang: str = "ko") -> Result:
    return sphinx_build(project, lang, out, strict=strict)


def attack(project: Path, out: Path) -> dict:
    """Build the attacked *project* strict (``-W``) and as a preview (no ``-W``) under *out*.

    Keys: ``project``, ``strict`` and ``preview`` (:class:`Result`), ``site`` (the preview's
    Korean folder) and ``before`` (the catalogs' digests before building).
    """
    before = catalog_digests(project)
    return {
        "project": project,
        "strict": build(project, out / "strict", strict=True),
        "preview": build(project, out / "preview", strict=False),
        "site": out / "preview" / "ko",
        "before": before,
    }


def written(site: Path) -> dict[str, str]:
    """Every HTML and JavaScript file of a built language, by path below it."""
    return {
        str(path.relative_to(site)): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*"))
        if path.suffix in (".html", ".js") and path.is_file()
    }


def payload_hits(site: Path, payloads: tuple[str, ...]) -> list[str]:
    """``file: payload`` for every payload found in the built HTML or JavaScript."""
    return [f"{name}: {payload!r}" for name, text in written(site).items() for payload in payloads if payload in text]


def guard_warnings(result: Result) -> list[str]:
    """The guard's warnings (``path:line: WARNING: ...  [i18n.guard]``)."""
    return [line for line in result.err.splitlines() if line.endswith("[i18n.guard]")]


def warned_at(result: Result, path: Path, line: int) -> list[str]:
    """The warnings that name ``path:line``."""
    return [w for w in result.err.splitlines() if w.startswith(f"{path}:{line}: WARNING: ")]


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def event_handlers(site: Path) -> list[str]:
    """``file: <tag on...>`` for every event-handler attribute in the built HTML."""
    return [
        f"{name}: <{tag} {attr}>"
        for name, text in written(site).items()
        if name.endswith(".html")
        for tag, attrs in elements(text)
        for attr in attrs
        if attr.startswith("on")
    ]


def copy(tmp: Path, name: str = "project") -> Path:
    return copy_project(tmp / name)


def check(project: Path, *args: str) -> Result:
    """``scripts/i18n check`` run in *project*, as a user would."""
    return run_cli("check", *args, root=project)


def node_translations(script: Path) -> dict:
    """What ``translations.js`` gives Sphinx's ``Documentation.addTranslations``, evaluated by node."""
    program = (
        "const fs = require('fs'); let got = null;"
        "globalThis.Documentation = {addTranslations: (c) => { got = c; }};"
        f"eval(fs.readFileSync({str(script)!r}, 'utf8'));"
        "process.stdout.write(JSON.stringify(got));"
    )
    proc = subprocess.run(["node", "-e", program], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(proc.stdout)
