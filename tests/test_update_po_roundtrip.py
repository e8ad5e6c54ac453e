"""``make gettext && make update-po`` on an unchanged tree loses no translation (issue 20, item 11).

Step 3 of the README's translator workflow on a clean copy of the project must change
nothing but dates and source references: no live message of any catalog may become
obsolete, fuzzy or empty. And every theme string a built page shows in English must be
counted as untranslated by ``status`` (its theme UI figure counts what the pages render).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2.ext import babel_extract

from conftest import copy_project, run_make, sphinx_build
from docs_i18n.core import pofile, upstream
from docs_i18n.publish import ui_strings
from htmlutil import Node, parse, squash

LANG = "ko"
Key = tuple[str | None, str]


def live_messages(catalog: Path) -> dict[Key, tuple[list[str], bool]]:
    """The live (not obsolete) messages of a catalog: (msgctxt, msgid) -> (msgstr, fuzzy)."""
    return {(e.msgctxt, e.msgid): (list(e.msgstr), e.fuzzy) for e in pofile.read(catalog).messages() if not e.obsolete}


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[Path, dict]]:
    """A clean copy after ``make gettext update-po``, and its catalogs' live messages before."""
    project = copy_project(tmp_path_factory.mktemp("update-po") / "project")
    before = {p.relative_to(project): live_messages(p) for p in sorted((project / "locale").rglob("*.po"))}
    assert before
    proc = run_make(project, "gettext", "update-po")
    assert proc.returncode == 0, proc.stderr
    return project, before


def test_update_po_on_an_unchanged_tree_keeps_every_live_message(updated: tuple[Path, dict[Path, dict]]) -> None:
    project, before = updated
    lost = []
    for relative, messages in before.items():
        after = live_messages(project / relative)
        for key, (msgstr, fuzzy) in messages.items():
            if key not in after:
                lost.append(f"{relative}: {key[1]!r} became obsolete")
            elif after[key][1] and not fuzzy:
                lost.append(f"{relative}: {key[1]!r} became fuzzy")
            elif any(msgstr) and not all(after[key][0]):
                lost.append(f"{relative}: {key[1]!r} became empty")
            elif after[key][0] != msgstr:
                lost.append(f"{relative}: {key[1]!r} changed its translation")
    assert not lost, "\n".join(lost)


def theme_messages(project: Path) -> set[str]:
    """Every string any template of the project, the theme or its base theme marks for translation."""
    roots = [project / "source" / "_templates"]
    roots += [upstream.package_dir(package) / sub for package, sub in ui_strings.THEME_PACKAGES]
    found: set[str] = set()
    for root in roots:
        for path in sorted(root.rglob("*.html")):
            with path.open("rb") as handle:
                for _line, _func, message, _comments in babel_extract(
                    handle, ui_strings.KEYWORDS, [], ui_strings.JINJA_OPTIONS
                ):
                    texts = message if isinstance(message, tuple) else (message,)
                    found.update(squash(t) for t in texts if t and "%(" not in t and "{" not in t)
    return found


def shown_strings(node: Node, out: set[str], document: bool) -> set[str]:
    """The texts and labels a reader gets from *node*: text runs and title/aria-label/placeholder/alt,
    leaving out passages marked English (lang="en") and a document's own text ([role=main])."""
    if node.attrs.get("lang") == "en" or node.tag in ("script", "style"):
        return out
    if document and node.attrs.get("role") == "main":
        return out
    for name in ("title", "aria-label", "placeholder", "alt"):
        if node.attrs.get(name):
            out.add(squash(node.attrs[name]))
    for child in node.children:
        if isinstance(child, str):
            out.add(squash(child))
        else:
            shown_strings(child, out, document)
    return out


def test_theme_strings_shown_in_english_are_counted_untranslated(
    updated: tuple[Path, dict[Path, dict]], tmp_path: Path
) -> None:
    project, _ = updated
    result = sphinx_build(project, LANG, tmp_path / "html")
    assert result.code == 0, result.err
    shown: set[str] = set()
    pages = sorted((tmp_path / "html" / LANG).rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        docname = page.relative_to(tmp_path / "html" / LANG).with_suffix("").as_posix()
        shown_strings(parse(page), shown, document=(project / "source" / f"{docname}.md").is_file())
    english = theme_messages(project) & shown
    proc = subprocess.run(
        [sys.executable, "scripts/i18n", "status", "--templates", "_build/gettext", "--lang", LANG, "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    ui = json.loads(proc.stdout)["languages"][LANG]["ui"]
    template = {e.msgid for e in pofile.read(project / "_build" / "gettext" / "sphinx.pot").messages()}
    po = {e.msgid: e for e in pofile.read(project / "locale" / LANG / "LC_MESSAGES" / "sphinx.po").messages()}
    counted = {m for m in template if m not in po or po[m].obsolete or po[m].fuzzy or not all(po[m].msgstr)}
    assert ui["untranslated"] + ui["fuzzy"] == len(counted)
    assert english <= counted, sorted(english - counted)
