"""The root page of a multi-language build.

A script picks the first of ``navigator.languages`` that the site has (by exact
tag, then by primary language) and falls back to the first language; without
scripts the page is a plain list of links, each language named in itself.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docs_i18n.core import languages
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import atomic_write

_TEMPLATE = """<!DOCTYPE html>
<html lang="{fallback_tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
{icon}{alternates}
<style>
:root {{ color-scheme: light dark; }}
body {{ margin: 0; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }}
main {{ max-width: 28rem; margin: 0 auto; padding: 3rem 1.25rem; }}
h1 {{ margin: 0 0 1.5rem; font-size: 1.6rem; }}
ul {{ list-style: none; margin: 0; padding: 0; }}
li {{ margin: 0 0 .6rem; }}
a {{ display: block; padding: .7rem 1rem; border: 1px solid #d1d9e0; border-radius: 8px;
  font-size: 1.15rem; color: #0969da; text-decoration: none; }}
a:hover, a:focus {{ border-color: #0969da; }}
@media (prefers-color-scheme: dark) {{ a {{ color: #4493f8; border-color: #3d444d; }} }}
</style>
<script>
(function () {{
  var site = {site_json};
  {pick_js}
  var target = pickLanguage(site).dir + "/index.html" + window.location.search + window.location.hash;
  window.location.replace(target);
}})();
</script>
</head>
<body>
<main>
<h1>{title}</h1>
<ul>
{links}
</ul>
</main>
</body>
</html>
"""


# The visitor's language, for the generated pages (this one and the site's 404 page): the
# first of navigator.languages that the site has, by exact tag, then by primary language;
# else the site's first language. *site* is the JSON of site_languages().
PICK_JS = """function pickLanguage(site) {
    var wanted = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]).toLowerCase();
      for (var j = 0; j < site.length; j++) if (site[j].tag === tag) return site[j];
      var primary = tag.split("-")[0];
      for (var k = 0; k < site.length; k++) if (site[k].primary === primary) return site[k];
    }
    return site[0];
  }"""


def site_languages(langs: list[str]) -> list[dict[str, str]]:
    """``dir`` (folder), ``tag`` (lowercase BCP 47) and ``primary`` (language subtag) of each of *langs*."""
    return [
        {"dir": lang, "tag": languages.bcp47(lang).lower(), "primary": lang.split("_")[0].lower()} for lang in langs
    ]


_ICON_RE = re.compile(r'<link\b[^>]*\brel="(?:shortcut )?icon"[^>]*\bhref="([^"]+)"', re.I)


def find_icon(lang_dir: Path) -> str | None:
    """The site's icon (``html_favicon``) relative to a built language: ``_static/favicon.svg``, or None."""
    try:
        head = (Path(lang_dir) / "index.html").read_text(encoding="utf-8", errors="replace")[:16384]
    except OSError:
        return None
    found = _ICON_RE.search(head)
    if not found or "://" in found[1] or found[1].startswith(("/", "data:")):
        return None
    return html.unescape(found[1])


def render_landing(langs: list[str], title: str = "OpenClaw", icon: str | None = None) -> str:
    """The HTML of the root page for the built *langs* (the first is the fallback); *icon* a path below the root."""
    site = site_languages(langs)
    links = "\n".join(
        f'<li><a href="{lang}/index.html" hreflang="{languages.bcp47(lang)}" lang="{languages.bcp47(lang)}">'
        f"{html.escape(languages.display_name(lang))}</a></li>"
        for lang in langs
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{languages.bcp47(lang)}" href="{lang}/index.html">' for lang in langs
    )
    alternates += f'\n<link rel="alternate" hreflang="x-default" href="{langs[0]}/index.html">'
    return _TEMPLATE.format(
        fallback_tag=languages.bcp47(langs[0]),
        title=html.escape(title),
        icon=f'<link rel="icon" href="{html.escape(icon)}">\n' if icon else "",
        alternates=alternates,
        site_json=json.dumps(site),
        pick_js=PICK_JS,
        links=links,
    )


def write_landing(out: Path, langs: list[str]) -> Path:
    """Write ``<out>/index.html`` for those of *langs* built under *out*; return its path."""
    built = [lang for lang in langs if (Path(out) / lang / "index.html").is_file()]
    if not built:
        raise InputError(out, 0, "no built language found (expected <lang>/index.html); run 'make html' first")
    path = Path(out) / "index.html"
    icon = find_icon(Path(out) / built[0])
    atomic_write(path, render_landing(built, icon=f"{built[0]}/{icon}" if icon else None))
    return path
