"""Page identity and language codes: one definition used by every tool and the build.

A page is named by its English file's path relative to the source root, with
forward slashes (``providers/litellm.md``). Its Sphinx docname drops the suffix
(``providers/litellm``); its catalog is ``<locale>/<lang>/LC_MESSAGES/<docname>.po``.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path

PAGE_SUFFIXES = (".md", ".mdx")
UI_DOMAIN = "sphinx"  # catalog of theme UI strings, not a page
_LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:[-_](?:[A-Z][a-z]{3}|[A-Za-z]{2}|\d{3}))?(?:[-_][A-Za-z]{2})?$")


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


def catalog_languages(locale_dir: str | Path) -> list[str]:
    """Languages with a ``LC_MESSAGES`` folder under *locale_dir*, sorted."""
    locale_dir = Path(locale_dir)
    if not locale_dir.is_dir():
        return []
    return sorted(p.name for p in locale_dir.iterdir() if not p.name.startswith(".") and (p / "LC_MESSAGES").is_dir())


def catalogs_of(locale_dir: str | Path, lang: str) -> list[Path]:
    """Every ``.po`` file of *lang*, pages and the UI catalog alike, sorted."""
    folder = Path(locale_dir) / lang / "LC_MESSAGES"
    return sorted(folder.rglob("*.po")) if folder.is_dir() else []


def walk_pages(root: str | Path, skip_dirs: frozenset[str] = frozenset()) -> Iterator[str]:
    """Yield page ids of the Markdown files under *root*, sorted.

    Hidden entries, folders starting with ``_`` (``_static``, ``_templates``),
    symbolic links, special files and the top-level folders named in *skip_dirs*
    are not pages.
    """
    found: list[str] = []
    _walk(os.fspath(root), "", skip_dirs, found)
    return iter(sorted(found))


def _walk(folder: str, prefix: str, skip_dirs: frozenset[str], found: list[str]) -> None:
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
                _walk(entry.path, f"{prefix}{name}/", skip_dirs, found)
        elif name.endswith(PAGE_SUFFIXES) and entry.is_file(follow_symlinks=False):  # no links, pipes, devices
            found.append(prefix + name)


def looks_like_locale(name: str) -> bool:
    """True for folder names that are locale codes: ``ko``, ``ja-JP``, ``zh-CN``, ``pt_BR``."""
    if not _LOCALE_RE.match(name):
        return False
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(name.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


@functools.cache
def _sphinx_locales() -> frozenset[str]:
    spec = importlib.util.find_spec("sphinx")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    base = Path(next(iter(spec.submodule_search_locations))) / "locale"
    return frozenset(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else frozenset()


def catalog_language(code: str) -> str:
    """Map a folder code to the catalog language: ``ja-JP`` -> ``ja``, ``zh-CN`` -> ``zh_CN``.

    A region is kept when Sphinx keeps it (``zh_CN``, ``pt_BR``), dropped otherwise.
    """
    code = code.replace("-", "_")
    if "_" not in code:
        return code
    known = _sphinx_locales()
    if code in known:
        return code
    language = code.split("_", 1)[0]
    return language if language in known or not known else code


def bcp47(lang: str) -> str:
    """The BCP 47 tag of a catalog language: ``zh_CN`` -> ``zh-CN``."""
    return lang.replace("_", "-")


def display_name(lang: str) -> str:
    """A language named in itself, from Babel's CLDR data: ``ko`` -> ``한국어``.

    Script-qualified names are preferred (``zh_CN`` -> ``简体中文``).
    """
    from babel import Locale

    locale = Locale.parse(lang)
    names = locale.languages
    keys = [f"{locale.language}_{locale.script}"] if locale.script else []
    keys.append(locale.language)
    for key in keys:
        if key in names:
            name = names[key]
            return name[:1].upper() + name[1:] if name[:1].islower() else name
    return locale.get_display_name() or lang
