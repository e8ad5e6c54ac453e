"""Language codes and names: one definition used by every tool and the build.

A *catalog language* is the code Sphinx and gettext use (``ko``, ``ja``,
``zh_CN``); a folder of translated Markdown pages may use a BCP 47 tag instead
(``ja-JP``, ``zh-CN``), mapped with :func:`catalog_language`.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from docs_i18n.core import upstream
from docs_i18n.core.errors import InputError

_LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:[-_](?:[A-Z][a-z]{3}|[A-Za-z]{2}|\d{3}))?(?:[-_][A-Za-z]{2})?$")


def source_folder_error(locale_dir: str | Path, source: str) -> InputError | None:
    """The error for a folder of the source language under *locale_dir*, or ``None``.

    The source language's pages are the English originals: catalogs for it are not a
    translation, and Sphinx would apply them to the English pages.
    """
    folder = Path(locale_dir) / source
    if not folder.is_dir():
        return None
    return InputError(
        folder,
        0,
        f"{source!r} is the source language (conf.py): its folder of catalogs is not a translation, "
        "and Sphinx would apply it to the English pages; remove it",
    )


def source_guard(
    locale_dir: str | Path, source: str, wanted: list[str], where: str | Path = "--lang"
) -> tuple[list[str], InputError | None]:
    """The source-language guard every command applies: *wanted* without *source*, and the error.

    A folder of the source language under *locale_dir* is an error whichever languages are
    named (:func:`source_folder_error`); so is naming the source language (at *where*).
    Commands that report (``status``, ``check``) collect the error and go on with the rest;
    commands that write (``stamp``, ``export``, ``import``, ``update``) stop on it.
    """
    error = source_folder_error(locale_dir, source)
    if error is None and source in wanted:
        error = InputError(where, 0, f"{source!r} is the source language (conf.py): its pages are not a translation")
    return [lang for lang in wanted if lang != source], error


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


def check_code(code: str) -> str:
    """*code* itself when it is a language code Babel knows (``ko``, ``ja-JP``, ``zh_CN``).

    A code names folders (``locale/<code>/``, ``<root>/<code>/``), so every command
    checks it before reading anything: letters, digits, ``-`` and ``_`` only, in the
    shape of a locale, and known to Babel. Raises :class:`ValueError` saying why not.
    """
    if not looks_like_locale(code):
        raise ValueError(f"{code!r} is not a language code Babel knows; use a code such as ko, ja, zh_CN or ja-JP")
    return code


@functools.cache
def _sphinx_locales() -> frozenset[str]:
    sphinx = upstream.package_dir("sphinx")
    base = sphinx / "locale" if sphinx else None
    return frozenset(p.name for p in base.iterdir() if p.is_dir()) if base and base.is_dir() else frozenset()


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


# How a tree of translated pages names its language folders: by catalog code (zh_CN/), or as
# OpenClaw's docs tree does, by BCP 47 tag (zh-CN/), Japanese with its region (ja-JP/).
FOLDER_LAYOUTS = ("catalog", "openclaw")
_OPENCLAW_FOLDERS = {"ja": "ja-JP"}


def openclaw_folder(lang: str) -> str:
    """The folder OpenClaw's docs tree uses for a catalog language: ``ja`` -> ``ja-JP``,
    ``zh_CN`` -> ``zh-CN``, ``ko`` -> ``ko``."""
    return _OPENCLAW_FOLDERS.get(lang, bcp47(lang))


def bcp47(lang: str) -> str:
    """The BCP 47 tag of a catalog language: ``zh_CN`` -> ``zh-CN``."""
    return lang.replace("_", "-")


def direction(lang: str) -> str:
    """The HTML ``dir`` of a language's text, from Babel's CLDR data: ``ltr`` or ``rtl`` (``ar``, ``he``)."""
    from babel import Locale

    return "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"


@functools.cache
def is_right_to_left(lang: str) -> bool:
    """Whether *lang* is written right to left (:func:`direction`: ``ar``, ``fa``, ``he``, ``ur``, ``ps``...);
    False for a code Babel does not know."""
    from babel import UnknownLocaleError

    try:
        return direction(lang.replace("-", "_")) == "rtl"
    except (ValueError, UnknownLocaleError):
        return False


@functools.cache
def display_name(lang: str) -> str:
    """A language named in itself, from Babel's CLDR data: ``ko`` -> ``한국어``.

    Script-qualified names are preferred (``zh_CN`` -> ``简体中文``), then regional ones
    (``pt_BR`` -> ``Português (Brasil)``), then the language's (``fa`` -> ``فارسی``).
    """
    from babel import Locale

    locale = Locale.parse(lang)
    names = locale.languages
    keys = [f"{locale.language}_{locale.script}"] if locale.script else []
    if locale.territory:
        keys.append(f"{locale.language}_{locale.territory}")
    for key in keys:
        if key in names:
            return _capitalised(names[key])
    display = locale.get_display_name()
    if locale.territory and display:
        return _capitalised(display)  # CLDR's "português (Brasil)"
    if locale.language in names:
        return _capitalised(names[locale.language])
    return str(display or lang)


def _capitalised(name: object) -> str:
    text = str(name)
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def likely_script(lang: str) -> str:
    """The script a language is written in, from CLDR's likely subtags (Babel).

    ``zh_CN`` -> ``Hans``, ``zh_TW`` -> ``Hant``, ``ko`` -> ``Kore``; an explicit script
    wins (``zh_Hant`` -> ``Hant``); ``""`` when CLDR does not know the language.
    """
    from babel.core import get_global, parse_locale

    language, territory, script = parse_locale(lang.replace("-", "_"))[:3]
    if script:
        return script
    likely = get_global("likely_subtags")
    for key in (f"{language}_{territory}" if territory else "", language):
        if key in likely:
            return parse_locale(likely[key])[2] or ""
    return ""


def region_scripts(language: str) -> dict[str, str]:
    """A language's likely script (key ``""``) and every region where CLDR gives it another.

    ``zh`` -> ``{"": "Hans", "TW": "Hant", "HK": "Hant", ...}``: a reader's ``zh-TW``
    reads Traditional Chinese, not the Simplified of ``zh`` or ``zh-SG``.
    """
    from babel.core import get_global, parse_locale

    default = likely_script(language)
    found = {"": default}
    for key, value in get_global("likely_subtags").items():
        parts = key.split("_")
        if len(parts) == 2 and parts[0] == language and (len(parts[1]) == 2 or parts[1].isdigit()):
            script = parse_locale(value)[2] or ""
            if script and script != default:
                found[parts[1]] = script
    return found
