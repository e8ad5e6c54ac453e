"""The root page of a multi-language build.

A script picks the first of ``navigator.languages`` that the site has (by exact
tag, then by primary language) and falls back to the first language; without
scripts the page is a plain list of links, each language named in itself.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from . import pages
from .errors import InputError
from .textio import atomic_write

_TEMPLATE = """<!DOCTYPE html>
<html lang="{fallback_tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
{alternates}
<script>
(function () {{
  var site = {site_json};
  var wanted = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || ""];
  function pick() {{
    for (var i = 0; i < wanted.length; i++) {{
      var tag = String(wanted[i]).toLowerCase();
      for (var j = 0; j < site.length; j++) if (site[j].tag === tag) return site[j].dir;
      var primary = tag.split("-")[0];
      for (var k = 0; k < site.length; k++) if (site[k].primary === primary) return site[k].dir;
    }}
    return site[0].dir;
  }}
  var target = pick() + "/index.html" + window.location.search + window.location.hash;
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


def render_landing(langs: list[str], title: str = "OpenClaw") -> str:
    """The HTML of the root page for the built *langs* (the first is the fallback)."""
    site = [{"dir": lang, "tag": pages.bcp47(lang).lower(), "primary": lang.split("_")[0].lower()} for lang in langs]
    links = "\n".join(
        f'<li><a href="{lang}/index.html" hreflang="{pages.bcp47(lang)}" lang="{pages.bcp47(lang)}">'
        f"{html.escape(pages.display_name(lang))}</a></li>"
        for lang in langs
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{pages.bcp47(lang)}" href="{lang}/index.html">' for lang in langs
    )
    alternates += f'\n<link rel="alternate" hreflang="x-default" href="{langs[0]}/index.html">'
    return _TEMPLATE.format(
        fallback_tag=pages.bcp47(langs[0]),
        title=html.escape(title),
        alternates=alternates,
        site_json=json.dumps(site),
        links=links,
    )


def write_landing(out: Path, langs: list[str]) -> Path:
    """Write ``<out>/index.html`` for those of *langs* built under *out*; return its path."""
    built = [lang for lang in langs if (Path(out) / lang / "index.html").is_file()]
    if not built:
        raise InputError(out, 0, "no built language found (expected <lang>/index.html); run 'make html' first")
    path = Path(out) / "index.html"
    atomic_write(path, render_landing(built))
    return path
