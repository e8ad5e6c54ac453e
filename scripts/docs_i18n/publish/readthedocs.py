"""Building on Read the Docs, which publishes translations as one project per language.

Each language is its own Read the Docs project (the English one, and one
translation project per other language, linked under the English project's
translations); every project builds this same repository with
``.readthedocs.yaml``, which runs ``scripts/i18n rtd``. The language comes from
the project's settings through the build's environment:

- ``READTHEDOCS_LANGUAGE``: lowercase with a dash since Read the Docs normalised its
  codes in 2023 (``zh-cn``; older projects and its docs say ``zh_CN``); mapped to
  the site's catalog language by :func:`site_language`;
- ``READTHEDOCS_VERSION`` (``latest``) and ``READTHEDOCS_CANONICAL_URL``
  (``https://<host>/<language>/<version>/``): Read the Docs serves each language at
  ``/<language>/<version>/``, so the build is told that layout
  (``i18n_language_path = "{tag}/<version>/"``) and the host's root as its base
  URL; the language switcher, the canonical and ``hreflang`` entries then point at
  the other projects' pages;
- ``READTHEDOCS_OUTPUT``: the HTML goes to ``$READTHEDOCS_OUTPUT/html/``, with the
  site's ``404.html`` (Read the Docs serves a project's own ``404.html``).

Read the Docs makes its own ``sitemap.xml`` and ``robots.txt``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from docs_i18n.core import languages
from docs_i18n.core.errors import InputError
from docs_i18n.publish import site_urls

DEFAULT_VERSION = "latest"


def site_language(code: str, langs: Sequence[str]) -> str:
    """The site language (catalog code) for a host's code: ``zh-cn``, ``zh_CN``, ``zh`` -> ``zh_CN``;
    ``zh-tw``, ``zh-hk`` -> ``zh_TW``; ``ja-jp`` -> ``ja``."""
    key = code.strip().replace("-", "_").lower()
    for lang in langs:
        if lang.lower() == key:
            return lang
    primary = key.split("_")[0]
    candidates = [lang for lang in langs if lang.lower() == primary] or [
        lang for lang in langs if lang.split("_")[0].lower() == primary
    ]
    if len(candidates) > 1:  # zh -> zh_CN, zh-hk -> zh_TW: the one written in the code's script (CLDR)
        script = languages.likely_script(key)
        candidates = [lang for lang in candidates if script and languages.likely_script(lang) == script]
    if len(candidates) == 1:
        return candidates[0]
    raise InputError("READTHEDOCS_LANGUAGE", 0, f"{code!r} is not a language of the site (it has {', '.join(langs)})")


def site_root(canonical_url: str, lang: str, pattern: str) -> str | None:
    """The host's root from a language project's canonical URL (``https://h/ko/latest/`` -> ``https://h/``)."""
    if not canonical_url:
        return None
    url = site_urls.normalize_base_url(canonical_url, "READTHEDOCS_CANONICAL_URL")
    tail = site_urls.language_path(lang, pattern)
    return url.removesuffix(tail) if url.lower().endswith(tail.lower()) else None


@dataclass
class RtdBuild:
    """One Read the Docs build: the language, layout, base URL and where the HTML goes."""

    lang: str
    pattern: str
    base_url: str | None
    out: Path

    def sphinx_command(self, root: Path, python: str = sys.executable) -> list[str]:
        """The ``sphinx-build`` command line: the Makefile's flags, for one language and this layout."""
        return [
            python, "-m", "sphinx", "-T", "-b", "html", "-c", str(root), "-W", "--keep-going", "-n",
            "-D", f"language={self.lang}",
            "-D", f"i18n_language_path={self.pattern}",
            "-D", f"html_baseurl={self.base_url or ''}",
            "-d", str(root / "_build" / "doctrees" / f"rtd-{self.lang}"),
            str(root / "source"), str(self.out),
        ]  # fmt: skip


def from_environment(
    env: Mapping[str, str], langs: Sequence[str], lang: str | None = None, out: Path | None = None
) -> RtdBuild:
    """The build that Read the Docs' environment variables describe (*lang* and *out* override them)."""
    code = lang or env.get("READTHEDOCS_LANGUAGE", "")
    if not code:
        raise InputError("READTHEDOCS_LANGUAGE", 0, "not set: run on Read the Docs, or give --lang")
    if out is None:
        if not env.get("READTHEDOCS_OUTPUT"):
            raise InputError("READTHEDOCS_OUTPUT", 0, "not set: run on Read the Docs, or give --out")
        out = Path(env["READTHEDOCS_OUTPUT"]) / "html"
    chosen = site_language(code, langs)
    version = env.get("READTHEDOCS_VERSION") or DEFAULT_VERSION
    if "/" in version or version in (".", ".."):
        raise InputError("READTHEDOCS_VERSION", 0, f"{version!r} is not a version slug")
    pattern = site_urls.check_language_path("{tag}/" + version + "/", "READTHEDOCS_VERSION")
    root = site_root(env.get("READTHEDOCS_CANONICAL_URL", ""), chosen, pattern)
    return RtdBuild(chosen, pattern, root, Path(out))
