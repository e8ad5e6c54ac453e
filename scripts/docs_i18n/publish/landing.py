"""The root page of a multi-language build: the language chooser.

A script sends the reader to their language (:func:`language_js`: the language they
chose earlier with the switcher, else the first of ``navigator.languages`` that the
site has, matched per BCP 47 with the script included, else the first language);
without scripts the page is a plain list of links, each language named in itself.
With a base URL, the page's canonical URL is the site's root and its ``hreflang``
entries are absolute: every language's home page, and ``x-default`` this chooser.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from docs_i18n.core import languages
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import atomic_write
from docs_i18n.publish import site_urls

_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ fallback_tag }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
{% if icon %}
<link rel="icon" href="{{ icon }}">
{% endif %}
{% if canonical %}
<link rel="canonical" href="{{ canonical }}">
{% endif %}
{% for tag, href in alternates %}
<link rel="alternate" hreflang="{{ tag }}" href="{{ href }}">
{% endfor %}
<style>
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --line: #d1d9e0; --accent: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #151b23; --line: #3d444d; --accent: #4493f8; }
}
body { margin: 0; line-height: 1.5; color: var(--fg); background: var(--bg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 28rem; margin: 0 auto; padding: 3rem 1.25rem; }
h1 { margin: 0 0 1.5rem; font-size: 1.6rem; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 .6rem; }
a { display: block; padding: .7rem 1rem; border: 1px solid var(--line); border-radius: 8px;
  font-size: 1.15rem; color: var(--accent); text-decoration: none; }
a:hover, a:focus { border-color: var(--accent); }
</style>
<script>
{{ language_js }}
(function () {
  var site = {{ site_json }};
  var scripts = {{ scripts_json }};
  var root = window.location.pathname.replace(/[^/]*$/, "");
  var target = docsI18n.pick(site, scripts, root).dir + "/index.html" + window.location.search + window.location.hash;
  window.location.replace(target);
})();
</script>
</head>
<body>
<main>
<h1>{{ title }}</h1>
<ul>
{% for link in links %}
<li><a href="{{ link.href }}" hreflang="{{ link.tag }}" lang="{{ link.tag }}" dir="{{ link.dir }}">
{{- link.name }}</a></li>
{% endfor %}
</ul>
</main>
</body>
</html>
"""

# Every value is escaped (autoescape); what is Markup is the project's script and JSON made safe for <script>.
_ENVIRONMENT = jinja2.Environment(
    autoescape=True, keep_trailing_newline=True, trim_blocks=True, undefined=jinja2.StrictUndefined
)
HOME = "index.html"  # each language's home page, below its folder
STATIC_DIR = Path(__file__).resolve().parent / "static"  # served as every built page's _static/ too
LANGUAGE_JS_NAME = "language-choice.js"


def language_js() -> str:
    """The script that picks the reader's language and runs the switcher (``static/language-choice.js``)."""
    return (STATIC_DIR / LANGUAGE_JS_NAME).read_text(encoding="utf-8")


def site_languages(langs: list[str]) -> list[dict[str, str]]:
    """Each of *langs* as :func:`pick <language_js>` reads it, all lowercase.

    ``code`` (catalog language), ``dir`` (folder), ``tag`` (BCP 47), ``language``
    (its language subtag) and ``script`` (the script it is written in, from CLDR).
    """
    return [
        {
            "code": lang,
            "dir": lang,
            "tag": languages.bcp47(lang).lower(),
            "language": lang.split("_")[0].lower(),
            "script": languages.likely_script(lang).lower(),
        }
        for lang in langs
    ]


def script_table(langs: list[str]) -> dict[str, dict[str, str]]:
    """For each language subtag of *langs*: its likely script by region (``""``: no region), lowercase."""
    table: dict[str, dict[str, str]] = {}
    for entry in site_languages(langs):
        scripts = languages.region_scripts(entry["language"])
        table[entry["language"]] = {region.lower(): script.lower() for region, script in scripts.items()}
    return table


def script_json(value: object) -> str:
    """*value* as JSON that is safe inside ``<script>``."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


_ICON_RE = re.compile(r'<link\b[^>]*\brel="(?:shortcut )?icon"[^>]*\bhref="([^"]+)"', re.I)


def find_icon(lang_dir: Path) -> str | None:
    """The site's icon (``html_favicon``) relative to a built language: ``_static/favicon.svg``, or None."""
    try:
        head = (Path(lang_dir) / HOME).read_text(encoding="utf-8", errors="replace")[:16384]
    except OSError:
        return None
    found = _ICON_RE.search(head)
    if not found or "://" in found[1] or found[1].startswith(("/", "data:")):
        return None
    return html.unescape(found[1])


def render_landing(
    langs: list[str], title: str = "OpenClaw", icon: str | None = None, base_url: str | None = None
) -> str:
    """The HTML of the root page for the built *langs* (the first is the fallback).

    *icon* is a path below the root; *base_url* (normalized) makes the canonical URL
    and the ``hreflang`` entries absolute (without it: no canonical, relative entries).
    """

    def home(lang: str) -> str:
        return site_urls.page_url(base_url, lang, HOME) if base_url else site_urls.page_path(lang, HOME)

    chooser = site_urls.x_default_path(HOME, HOME, langs[0])  # this page: the root chooser
    entries = [(languages.bcp47(lang), home(lang)) for lang in langs]
    entries.append(("x-default", base_url + chooser if base_url else chooser or "./"))
    links = [
        {
            "href": f"{lang}/{HOME}",
            "tag": languages.bcp47(lang),
            "dir": languages.direction(lang),
            "name": languages.display_name(lang),
        }
        for lang in langs
    ]
    return _ENVIRONMENT.from_string(_TEMPLATE).render(
        fallback_tag=languages.bcp47(langs[0]),
        title=title,
        icon=icon,
        canonical=base_url,
        alternates=entries,
        language_js=Markup(language_js()),
        site_json=Markup(script_json(site_languages(langs))),
        scripts_json=Markup(script_json(script_table(langs))),
        links=links,
    )


def write_landing(out: Path, langs: list[str], base_url: str | None = None) -> Path:
    """Write ``<out>/index.html`` for those of *langs* built under *out*; return its path.

    *base_url* is normalized (:func:`site_urls.normalize_base_url`) or None.
    """
    built = [lang for lang in langs if (Path(out) / lang / HOME).is_file()]
    if not built:
        raise InputError(out, 0, "no built language found (expected <lang>/index.html); run 'make html' first")
    path = Path(out) / "index.html"
    icon = find_icon(Path(out) / built[0])
    page = render_landing(built, icon=f"{built[0]}/{icon}" if icon else None, base_url=base_url)
    atomic_write(path, page)
    return path
