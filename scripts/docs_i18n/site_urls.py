"""Where a built page lives: one rule for the build's ``hreflang`` links and the sitemap.

Every language is built into its own folder, so page ``providers/litellm`` in
``ko`` is ``<base>/ko/providers/litellm.html``. The base URL is ``html_baseurl``
(conf.py, or ``make html BASEURL=...``); it must be an absolute ``http(s)`` URL and
always ends with ``/`` here.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from .errors import InputError

PAGE_SUFFIX = ".html"


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


def page_path(lang: str, target: str) -> str:
    """The path of a built page below the site root: ``ko/providers/litellm.html``.

    *target* is the page's output name in its language folder (Sphinx's target
    URI: the docname plus ``.html``).
    """
    return quote(f"{lang}/{target}")


def page_url(base_url: str, lang: str, target: str) -> str:
    """The absolute URL of a built page, from a normalized base URL."""
    return base_url + page_path(lang, target)
