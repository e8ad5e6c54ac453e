"""Where a built page lives: one rule for the build's ``hreflang`` links and the sitemap.

Every language is built into its own folder, so page ``providers/litellm`` in
``ko`` is ``<base>/ko/providers/litellm.html``. The base URL is ``html_baseurl``
(conf.py, or ``make html BASEURL=...``); it must be an absolute ``http(s)`` URL and
always ends with ``/`` here.

The language folder is ``{lang}/`` unless a host lays languages out its own way:
``i18n_language_path`` (conf.py) is a pattern with ``{lang}`` (the catalog code,
``zh_CN``) or ``{tag}`` (the lowercase BCP 47 tag, ``zh-cn``), e.g. Read the Docs'
``{tag}/latest/``. Every language has the same depth below the site root.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from docs_i18n.core import languages
from docs_i18n.core.errors import InputError

PAGE_SUFFIX = ".html"
LANGUAGE_PATH = "{lang}/"  # the default layout: <root>/<lang>/<page>.html
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", "example")  # reserved (RFC 2606)


def normalize_base_url(url: str, where: str = "--base-url") -> str:
    """*url* with a trailing slash; :class:`InputError` unless it is an absolute http(s) URL."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(
            where, 0, f"base URL {url!r} is not an absolute http(s) URL (e.g. https://docs.example.org/openclaw/)"
        )
    if parts.query or parts.fragment:
        raise InputError(where, 0, f"base URL {url!r} must not have a query or a fragment")
    return url if url.endswith("/") else url + "/"


def is_placeholder(url: str) -> bool:
    """Whether *url* is on a reserved example domain (``https://docs.example.org/...``): not a real address."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    return any(host == domain or host.endswith("." + domain) for domain in PLACEHOLDER_DOMAINS)


def check_language_path(pattern: str, where: str = "i18n_language_path") -> str:
    """*pattern* if it names the language (``{lang}`` or ``{tag}``) and nothing else; else :class:`InputError`."""
    try:
        one, other = (pattern.format(lang=code, tag=code) for code in ("a", "b"))
    except (KeyError, IndexError, ValueError) as exc:
        raise InputError(where, 0, f"{pattern!r}: use only {{lang}} and {{tag}} ({exc})") from None
    if one == other or one.startswith("/") or ".." in one.split("/"):
        raise InputError(where, 0, f"{pattern!r} must be a relative folder naming the language: {{lang}}/ or {{tag}}/")
    return pattern


def language_path(lang: str, pattern: str = LANGUAGE_PATH) -> str:
    """The folder of *lang* below the site root, ending with ``/``: ``ko/``, ``zh-cn/latest/``."""
    return pattern.format(lang=lang, tag=languages.bcp47(lang).lower()).strip("/") + "/"


def language_depth(pattern: str = LANGUAGE_PATH) -> int:
    """How many folders a language's root is below the site root (1 for ``{lang}/``)."""
    return language_path("xx", pattern).count("/")


def page_path(lang: str, target: str, pattern: str = LANGUAGE_PATH) -> str:
    """The path of a built page below the site root: ``ko/providers/litellm.html``.

    *target* is the page's output name in its language folder (Sphinx's target
    URI: the docname plus ``.html``).
    """
    return quote(language_path(lang, pattern) + target)


def page_url(base_url: str, lang: str, target: str, pattern: str = LANGUAGE_PATH) -> str:
    """The absolute URL of a built page, from a normalized base URL."""
    return base_url + page_path(lang, target, pattern)


CHOOSER_PATH = ""  # the root page that chooses the reader's language (publish/landing.py), below the site root


def x_default_path(target: str, home: str, default_lang: str, pattern: str = LANGUAGE_PATH) -> str:
    """Where page *target*'s ``x-default`` points, below the site root: the one rule for the
    build's ``hreflang`` links, the root chooser and the sitemap.

    The home page (*home*, its output name) points at the root chooser (:data:`CHOOSER_PATH`),
    which only the default layout has (:data:`LANGUAGE_PATH`; a host's own layout, such as Read
    the Docs', has no root page of ours); every other page, and every page of another layout,
    at the page in *default_lang*.
    """
    if target == home and pattern == LANGUAGE_PATH:
        return CHOOSER_PATH
    return page_path(default_lang, target, pattern)
