"""The theme's user-interface strings, for the ``sphinx`` UI catalog.

Sphinx translates theme templates through its ``sphinx`` message domain: its own
catalogs first and a ``sphinx.po`` in the project's ``locale_dirs`` before them.
This module extracts every string the templates in use mark for translation
(the project's overrides, then the theme's files they do not override) and
writes ``sphinx.pot`` beside the page templates, listing only the strings Sphinx
does not already translate in every project language.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from jinja2.ext import babel_extract

from .textio import atomic_write

THEME_PACKAGES = (("furo", "theme/furo"), ("sphinx_basic_ng", "theme/basic-ng"))
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trimmed": "false"}


def template_roots(project_templates: Path) -> list[tuple[Path, Path]]:
    """``(root, file)`` for every template in use: project overrides win."""
    chosen: dict[str, tuple[Path, Path]] = {}
    roots = [project_templates]
    for package, sub in THEME_PACKAGES:
        module = importlib.import_module(package)
        roots.append(Path(module.__file__).parent / sub)
    for root in roots:
        for path in sorted(root.rglob("*.html")):
            chosen.setdefault(path.relative_to(root).as_posix(), (root, path))
    return sorted(chosen.values(), key=lambda item: item[1].as_posix())


def extract(project_templates: Path) -> dict[str, list[tuple[str, int]]]:
    """Every translatable template string with its locations."""
    found: dict[str, list[tuple[str, int]]] = {}
    for root, path in template_roots(project_templates):
        with path.open("rb") as handle:
            for lineno, _func, message, _comments in babel_extract(handle, KEYWORDS, [], JINJA_OPTIONS):
                texts = message if isinstance(message, tuple) else (message,)
                for text in texts:
                    if text and text.strip():
                        label = f"{root.parent.name}/{root.name}/{path.relative_to(root).as_posix()}"
                        found.setdefault(text, []).append((label, lineno))
    return found


def sphinx_translations(lang: str) -> dict[str, str]:
    """Sphinx's own (non-fuzzy) translations of its ``sphinx`` domain for *lang*."""
    import sphinx

    path = Path(sphinx.__file__).parent / "locale" / lang / "LC_MESSAGES" / "sphinx.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def missing_strings(project_templates: Path, langs: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
    """Template strings that Sphinx leaves untranslated in at least one of *langs*."""
    shipped = [sphinx_translations(lang) for lang in langs]
    return {text: where for text, where in extract(project_templates).items() if not all(text in s for s in shipped)}


def write_pot(project_templates: Path, langs: Iterable[str], out: Path) -> Path:
    """Write ``<out>/sphinx.pot`` with the strings the project must translate."""
    catalog = Catalog(project="OpenClaw theme", fuzzy=False)
    for text, where in sorted(missing_strings(project_templates, langs).items()):
        catalog.add(text, locations=where)
    path = Path(out) / "sphinx.pot"
    import io

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, omit_header=False)
    atomic_write(path, buffer.getvalue())
    return path
