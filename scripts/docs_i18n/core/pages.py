"""Page identity and language codes: one definition used by every tool and the build.

A page is named by its English file's path relative to the source root, with
forward slashes (``providers/litellm.md``). Its Sphinx docname drops the suffix
(``providers/litellm``); its catalog is ``<locale>/<lang>/LC_MESSAGES/<docname>.po``.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from docs_i18n.core.textio import special_kind

PAGE_SUFFIXES = (".md", ".mdx")
UI_DOMAIN = "sphinx"  # catalog of theme UI strings, not a page


def docname(page: str) -> str:
    """``providers/litellm.md`` -> ``providers/litellm``."""
    for suffix in PAGE_SUFFIXES:
        if page.endswith(suffix):
            return page[: -len(suffix)]
    return page


def catalog_path(locale_dir: str | Path, lang: str, page: str) -> Path:
    """Where the catalog of *page* in *lang* lives (``gettext_compact = False``)."""
    return Path(locale_dir) / lang / "LC_MESSAGES" / f"{docname(page)}.po"


def page_id(name: str) -> str:
    """A page as a user may name it: ``providers/litellm.md``, ``source/providers/litellm.md``
    or ``providers/litellm`` all mean ``providers/litellm.md``."""
    name = name.replace("\\", "/").removeprefix("./").removeprefix("source/")
    return name if name.endswith(PAGE_SUFFIXES) else f"{name}.md"


def check_page(name: str) -> str:
    """The page id of *name* when it names a file below the source folder (:func:`page_id`).

    A page names files in every language's folder, so every command checks it before
    reading anything: a relative path of named parts (no ``..``, ``.`` or empty part,
    no leading ``/`` or drive), with no control, format or invalid character
    (:func:`unsafe_characters`). Raises :class:`ValueError` saying why not.
    """
    page = page_id(name)
    parts = page.split("/")
    named = all(p not in ("", ".", "..") for p in parts) and not parts[0].endswith(":")
    if not name.strip() or unsafe_characters(page) or not named:
        raise ValueError(
            f"{name!r} is not a page below the source folder; name it relative to it, without '..',"
            " e.g. providers/litellm.md"
        )
    return page


_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def unsafe_characters(name: str) -> bool:
    """Whether *name* has a character no page or file name shown to a user may have: a control
    (a new line would forge an output line), a format character (bidi overrides reorder what is
    shown), a line or paragraph separator, a private-use character, or a lone surrogate (a name
    that is not valid UTF-8, as Python decodes it)."""
    return any(unicodedata.category(char) in _UNSAFE_CATEGORIES for char in name)


def walk_pages(
    root: str | Path, skip_dirs: frozenset[str] = frozenset(), skipped: list[Path] | None = None
) -> Iterator[str]:
    """Yield page ids of the Markdown files under *root*, sorted.

    Hidden entries, folders starting with ``_`` (``_static``, ``_templates``),
    symbolic links, special files and the top-level folders named in *skip_dirs*
    are not pages; FIFOs, sockets and devices named like pages are added to
    *skipped* for a warning.
    """
    found: list[str] = []
    _walk(os.fspath(root), "", skip_dirs, found, skipped)
    return iter(sorted(found))


def _walk(folder: str, prefix: str, skip_dirs: frozenset[str], found: list[str], skipped: list[Path] | None) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            if not name.startswith("_") and not (not prefix and name in skip_dirs):
                _walk(entry.path, f"{prefix}{name}/", skip_dirs, found, skipped)
        elif name.endswith(PAGE_SUFFIXES):
            if entry.is_file(follow_symlinks=False):  # no links, pipes, devices
                found.append(prefix + name)
            elif (
                skipped is not None
                and not entry.is_symlink()
                and special_kind(entry.stat(follow_symlinks=False).st_mode)
            ):
                skipped.append(Path(entry.path))
