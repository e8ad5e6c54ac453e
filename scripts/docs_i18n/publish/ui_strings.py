"""The theme's user-interface strings, for the ``sphinx`` UI catalog.

Sphinx translates theme templates through its ``sphinx`` message domain: its own
catalogs, and before them the project's ``sphinx.po`` in the catalogs' folders
(``i18n_locale_dirs``), which the build reads, checks and installs itself
(:mod:`docs_i18n.checks.ui_messages`; Sphinx's ``locale_dirs`` stays empty).
This module extracts every string the templates in use mark for translation
(the project's overrides, then the theme's files they do not override or extend), the
strings of Sphinx's own scripts (search results) and those the build writes
itself (:data:`EXTENSION_STRINGS`), and writes ``sphinx.pot``
beside the page templates, listing only the strings Sphinx does not already
translate in every project language. Sphinx's HTML writer adds strings of its own to
every page (``title="Link to this heading"`` on each heading's permalink, and the same
for tables, code, images, terms and equations): they are extracted from Sphinx's code
(:data:`SPHINX_MODULES`) into the template too, since Sphinx ships some languages
(Korean, Japanese) without them. A message id is a string, or a
``(singular, plural)`` pair for plural messages.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po, write_po
from jinja2.ext import babel_extract

from docs_i18n.core import upstream
from docs_i18n.core.textio import atomic_write

THEME_PACKAGES = (("furo", "theme/furo"), ("sphinx_basic_ng", "theme/basic-ng"))
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trimmed": "false"}
_JS_STRING = r'"((?:[^"\\\n]|\\.)*)"'
_JS_GETTEXT_RE = re.compile(rf"\b_\(\s*{_JS_STRING}\s*\)")
_JS_NGETTEXT_RE = re.compile(rf"\bngettext\(\s*{_JS_STRING}\s*,\s*{_JS_STRING}\s*,")

MessageId = str | tuple[str, str]

# Strings the build writes into pages itself, not through a template: msgid -> where.
FALLBACK_TITLE = "Not yet translated: shown in English"  # tooltip of English text in a translated page
EXTENSION_STRINGS = {FALLBACK_TITLE: "docs_i18n/sphinx_ext/rendered.py"}
# Sphinx's modules whose _() strings reach the reader in the HTML: the writer's permalink
# titles, the builder's logo text, MathJax's equation permalinks.
SPHINX_MODULES = ("writers/html5.py", "builders/html/__init__.py", "ext/mathjax.py")


# {% extends "!page.html" %}: Sphinx's syntax for the theme's template of the same name
_EXTENDS_THEME_RE = re.compile(r"""\{%-?\s*extends\s+["']!([^"']+)["']""")


def template_roots(project_templates: Path) -> list[tuple[Path, Path]]:
    """``(root, file)`` for every template in use: project overrides win, and a template
    that extends the theme's one of its name (``{% extends "!search.html" %}``) keeps that
    one in use too (its strings render through ``super()`` and the blocks it leaves)."""
    roots = [project_templates]
    for package, sub in THEME_PACKAGES:
        folder = upstream.package_dir(package)
        if folder is None:
            raise ImportError(f"the theme package {package!r} is not installed; run 'make venv'")
        roots.append(folder / sub)
    by_name: dict[str, list[tuple[Path, Path]]] = {}
    for root in roots:
        for path in sorted(root.rglob("*.html")):
            by_name.setdefault(path.relative_to(root).as_posix(), []).append((root, path))
    chosen: list[tuple[Path, Path]] = []
    for name, found in by_name.items():
        for root, path in found:  # the first, then each one the previous extends
            chosen.append((root, path))
            if name not in _EXTENDS_THEME_RE.findall(path.read_text(encoding="utf-8")):
                break
    return sorted(chosen, key=lambda item: item[1].as_posix())


def extract(project_templates: Path) -> dict[MessageId, list[tuple[str, int]]]:
    """Every translatable template and script string with its locations."""
    found: dict[MessageId, list[tuple[str, int]]] = {}
    for label, lineno, message in _template_messages(project_templates):
        for text in message if isinstance(message, tuple) else (message,):
            if text and text.strip():
                found.setdefault(text, []).append((label, lineno))
    for strings in (js_strings(), python_strings()):
        for message, where in strings.items():
            found.setdefault(message, []).extend(where)
    for message, module in EXTENSION_STRINGS.items():
        found.setdefault(message, []).append((module, 0))
    return found


def _template_messages(project_templates: Path, plural_only: bool = False) -> Iterator[tuple[str, int, Any]]:
    """``(label, line, message)`` of each string Babel's Jinja extractor finds in the templates in use;
    *plural_only*: only in templates that can hold a plural (``{% pluralize %}`` or ``ngettext``)."""
    for root, path in template_roots(project_templates):
        data = path.read_bytes()
        if plural_only and b"pluralize" not in data and b"ngettext" not in data:
            continue
        label = f"{root.parent.name}/{root.name}/{path.relative_to(root).as_posix()}"
        for lineno, _func, message, _comments in babel_extract(
            io.BytesIO(data), cast(Any, KEYWORDS), [], JINJA_OPTIONS
        ):
            yield label, lineno, message


def python_strings() -> dict[MessageId, list[tuple[str, int]]]:
    """Strings Sphinx's HTML writer and builder put into pages (``_()`` in :data:`SPHINX_MODULES`)."""
    found: dict[MessageId, list[tuple[str, int]]] = {}
    for module in SPHINX_MODULES:
        path = _sphinx_dir() / module
        with path.open("rb") as handle:
            for lineno, _func, message, _comments in extract_python(handle, {"_": None}, [], {}):
                if isinstance(message, str) and message.strip():
                    found.setdefault(message, []).append((f"sphinx/{module}", lineno))
    return found


def js_strings() -> dict[MessageId, list[tuple[str, int]]]:
    """Strings Sphinx's scripts translate at run time (``_()`` and ``ngettext()``)."""
    static = _sphinx_dir() / "themes" / "basic" / "static"
    found: dict[MessageId, list[tuple[str, int]]] = {}
    for path in sorted(static.glob("*.js")):
        text = path.read_text(encoding="utf-8")
        for match in _JS_GETTEXT_RE.finditer(text):
            found.setdefault(match.group(1), []).append((f"sphinx/{path.name}", text.count("\n", 0, match.start()) + 1))
        for match in _JS_NGETTEXT_RE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.setdefault((match.group(1), match.group(2)), []).append((f"sphinx/{path.name}", line))
    return found


def _sphinx_dir() -> Path:
    folder = upstream.package_dir("sphinx")
    if folder is None:
        raise ImportError("Sphinx is not installed; run 'make venv'")
    return folder


def _complete(value: object) -> bool:
    if isinstance(value, (tuple, list)):
        return bool(value) and all(value)
    return bool(value)


def sphinx_translations(lang: str) -> dict[str, object]:
    """Sphinx's own complete (non-fuzzy, every plural form) translations for *lang*, by msgid."""
    path = _sphinx_dir() / "locale" / lang / "LC_MESSAGES" / "sphinx.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle)
    out: dict[str, object] = {}
    for message in catalog:
        key = cast(str, message.id[0] if isinstance(message.id, tuple) else message.id)
        if key and not message.fuzzy and _complete(message.string):
            out[key] = message.string
    return out


def _key(message: MessageId) -> str:
    return message[0] if isinstance(message, tuple) else message


def missing_strings(project_templates: Path, langs: Iterable[str]) -> dict[MessageId, list[tuple[str, int]]]:
    """Template strings that Sphinx leaves untranslated in at least one of *langs*."""
    shipped = [sphinx_translations(lang) for lang in langs]
    return {
        message: where
        for message, where in extract(project_templates).items()
        if not all(_key(message) in s for s in shipped)
    }


def write_pot(project_templates: Path, langs: Iterable[str], out: Path) -> Path:
    """Write ``<out>/sphinx.pot`` with the strings the project must translate."""
    # English, the source language: its plural rule (Plural-Forms) lets the plural search message be read
    catalog = Catalog(project="OpenClaw theme", fuzzy=False, locale="en")
    for message, where in sorted(missing_strings(project_templates, langs).items(), key=lambda i: _key(i[0])):
        catalog.add(message, locations=where, string=("", "") if isinstance(message, tuple) else "")
    path = Path(out) / "sphinx.pot"
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, omit_header=False)
    atomic_write(path, buffer.getvalue())
    return path


def plural_lookup(project_templates: Path) -> Callable[[], Mapping[str, str]]:
    """:func:`plural_messages`, read once and only when first asked: most catalogs have no plural
    message, and reading the templates and Sphinx's catalog costs more than checking one."""
    return functools.cache(lambda: plural_messages(project_templates))


def plural_messages(project_templates: Path) -> dict[str, str]:
    """``{singular: plural}`` of the plural messages of the templates in use, Sphinx's scripts and Sphinx.

    The same as the plural pairs of :func:`extract` and of Sphinx's ``sphinx.pot``, read for a
    fraction of the time (every translated build asks): only templates that can hold a plural
    (``{% pluralize %}`` or ``ngettext``) go through Babel's extractor, only the plural entries of
    ``sphinx.pot`` through Babel's reader, and neither Python sources (extracted with ``_`` alone) nor the
    extension's strings (singular) (``tests/unit/publish/test_ui_strings.py`` ties this to the full reads)."""
    found: dict[str, str] = {}
    for _label, _lineno, message in _template_messages(project_templates, plural_only=True):
        if isinstance(message, tuple) and message[0] and message[0].strip():
            found.setdefault(message[0], cast(str, message[1]))
    for script_id in js_strings():
        if isinstance(script_id, tuple):
            found.setdefault(script_id[0], script_id[1])
    for entry in read_po(io.BytesIO(_plural_entries(_sphinx_dir() / "locale" / "sphinx.pot"))):
        if isinstance(entry.id, tuple):
            found.setdefault(entry.id[0], entry.id[1])
    return found


def _plural_entries(pot: Path) -> bytes:
    """The header and the entries of *pot* that have a ``msgid_plural`` (blank-line separated)."""
    blocks = re.split(rb"\n[ \t]*\n", pot.read_bytes().replace(b"\r\n", b"\n"))
    return b"\n\n".join(block for n, block in enumerate(blocks) if n == 0 or b"\nmsgid_plural " in block) + b"\n"
