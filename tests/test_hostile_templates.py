"""Every template autoescapes: no value a catalog or a file name can influence adds markup.

Each template is rendered twice with the same structure: once with plain values, once
with a hostile value in every field it shows (page ids, catalog paths, titles, language
codes and names, states, percentages, counts, hashes, links, dates). The two renders
must parse (the standard library's HTML parser, as ``tests/hostile.py`` reads pages)
into the same elements with the same attributes, and the hostile value must appear,
escaped: it reached the page as text, not as markup.

- The Sphinx templates of the project (``source/_templates``: the page layout, the banner,
  the switcher, the head entries, the status page; and the theme's pages that extend the
  layout, such as ``genindex.html``) get their values from a small extension that
  replaces the context the project's extension made (``html-page-context``, last).
- The root chooser (``publish/landing.py``) and ``404.html`` (``publish/notfound.py``)
  are rendered by their functions, with Babel's language names and tags replaced.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import copy, elements

from conftest import LANGUAGES
from docs_i18n.core import languages
from docs_i18n.publish import landing, notfound

HOSTILE = "\"'><svg onload=alert(7)><x y='&amp;"  # closes either quote, opens a tag, spells an entity
ESCAPED = "&lt;svg onload=alert(7)&gt;"
PLAIN = "plain"

CONTEXT_EXTENSION = '''
"""Test only: every value the project's templates show, replaced by HOSTILE_VALUE."""
import os


def value():
    return os.environ["HOSTILE_VALUE"]


class Status:
    def __init__(self):
        self.percent_translated = value()
        self.recorded_hash = value()
        self.translated = value()
        self.english = value()


def summary():
    v = value()
    return {"percent_translated": v, "reader_states": {v: v}, v: v, "pages": v}


def on_page_context(app, pagename, templatename, context, doctree):
    v = value()
    context["i18n_page"] = {
        "lang": v, "bcp47": v, "status": Status(), "state": v, "reader_state": "outdated", "partial": True,
        "banner": True, "untranslated": True, "english_href": v, "english_hreflang": v, "english_dir": v,
        "source_hash": v,
    }
    context["i18n_languages"] = [
        {"code": v, "bcp47": v, "name": v, "href": v, "current": current, "state": v, "reader_state": v,
         "mark": mark}
        for current, mark in ((True, "stale"), (False, "missing"), (False, v))
    ]
    context["i18n_alternates"] = [{"hreflang": v, "href": v}]
    context["i18n_robots_meta"] = True
    context["i18n_root_href"] = v
    context["i18n_status_href"] = v
    context["last_updated"] = v
    context["copyright"] = v
    context["show_copyright"] = True
    if "i18n_status" in context:
        context["i18n_status"] = {
            "languages": [{"code": v, "bcp47": v, "name": v, "summary": summary()}],
            "rows": [
                {"page": v, "docname": docname, "title": v,
                 "cells": [{"lang": v, "state": v, "reader_state": v, "percent": v, "href": v}]}
                for docname in ("index", None)
            ],
            "states": [v],
            "reader_states": [v, "partial"],
            "pending": [{"page": v, "lang": v, "state": v, "reason": v, "catalog": v, "next": v}],
        }


def setup(app):
    app.connect("html-page-context", on_page_context, priority=900)
    return {"parallel_read_safe": True}
'''


def shape(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """The elements of a page in order, each with the names of its attributes."""
    return [(tag, tuple(sorted(attrs))) for tag, attrs in elements(html)]


def pages_of(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.html"))}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, dict[str, str]]]:
    """Every page of the English and Korean builds, by value (plain, hostile) and language."""
    tmp = tmp_path_factory.mktemp("templates")
    project = copy(tmp)
    (project / "hostile_context.py").write_text(CONTEXT_EXTENSION, encoding="utf-8")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nimport sys\nsys.path.insert(0, ".")\nextensions.append("hostile_context")\n')
    found: dict[str, dict[str, dict[str, str]]] = {}
    for name, value in (("plain", PLAIN), ("hostile", HOSTILE)):
        for lang in ("en", "ko"):
            out = tmp / name / lang
            cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", ".", "-q", "-E", "-D", f"language={lang}"]
            env = dict(os.environ, HOSTILE_VALUE=value, PYTHONDONTWRITEBYTECODE="1")
            proc = subprocess.run(
                [*cmd, "source", str(out)], cwd=project, capture_output=True, text=True, env=env, timeout=600
            )
            assert proc.returncode == 0, proc.stderr
            found.setdefault(name, {})[lang] = pages_of(out)
    return found


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_sphinx_templates_escape_every_value(rendered: dict, lang: str) -> None:
    plain, hostile = rendered["plain"][lang], rendered["hostile"][lang]
    assert plain.keys() == hostile.keys()
    assert {"index.html", "genindex.html", "search.html", "translation-status.html"} <= plain.keys()
    for name, page in hostile.items():
        assert shape(page) == shape(plain[name]), name
        assert "<svg onload" not in page, name
        assert ESCAPED in page, f"{name}: the hostile value was not rendered"
    status = hostile["translation-status.html"]
    assert status.count(ESCAPED) >= 20  # names, page ids, catalog paths, percentages, states, reasons


def test_the_theme_pages_that_extend_the_layout_keep_its_html(rendered: dict) -> None:
    genindex = rendered["plain"]["en"]["genindex.html"]
    assert 'Made with <a href="https://www.sphinx-doc.org/">Sphinx</a>' in genindex
    assert "<script>\n      document.body.dataset.theme" in genindex


@pytest.fixture
def hostile_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Babel's names and BCP 47 tags of the languages, as if they were hostile."""
    monkeypatch.setattr(languages, "display_name", lambda lang: f"{lang}{HOSTILE}")
    monkeypatch.setattr(languages, "bcp47", lambda lang: f"{lang}{HOSTILE}")


def landing_page(value: str) -> str:
    langs = list(LANGUAGES)
    return landing.render_landing(langs, title=value, icon=value, base_url=f"https://example.org/{value}/")


def not_found_page(value: str, tmp: Path) -> str:
    templates = Path(__file__).resolve().parent.parent / "source" / "_templates"
    return notfound.render_404(templates, tmp, ["en", "ko"], f"https://example.org/{value}/", project=value, icon=value)


def test_the_root_chooser_escapes_every_value(hostile_languages: None) -> None:
    plain, hostile = landing_page(PLAIN), landing_page(HOSTILE)
    assert shape(hostile) == shape(plain)
    assert "<svg onload" not in hostile.split("<script>")[0] + hostile.split("</script>")[1]
    assert ESCAPED in hostile


def test_the_404_page_escapes_every_value(hostile_languages: None, tmp_path: Path) -> None:
    plain, hostile = not_found_page(PLAIN, tmp_path), not_found_page(HOSTILE, tmp_path)
    assert shape(hostile) == shape(plain)
    outside_script = hostile.split("<script>")[0] + hostile.split("</script>")[1]
    assert "<svg onload" not in outside_script and ESCAPED in outside_script
    script = hostile.split("<script>")[1].split("</script>")[0]
    assert "</" not in script.replace("</script", "")  # the JSON cannot close the script
