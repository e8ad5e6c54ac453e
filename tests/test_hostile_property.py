"""Property: no msgstr made of markup characters adds a tag, an attribute or a URL the English lacks.

Translations are drawn from the characters that make markup (``<>"'&``, backticks,
brackets, braces, colons, slashes, equals signs, a backslash, invisible characters)
mixed with words. For each, what a reader would get is rendered the way the site
renders it, and its tags, attribute names and URLs must be those of the English:

- theme UI strings: the guard's verdict and escaping (:mod:`docs_i18n.checks.ui_messages`),
  rendered by Jinja as Sphinx renders its templates (no autoescape), in text, in
  double- and single-quoted attributes, in ``<link title>`` and in a ``{% trans %}``
  block with HTML arguments;
- page messages: the guard's verdict (:func:`docs_i18n.checks.rules.guard_findings`),
  rendered by MyST and docutils' HTML writer;
- the whole build: every message of a page catalog and of the UI catalog replaced by
  such strings (two seeds), built without ``-W``, compared with the clean build.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from docutils import io, nodes
from docutils.core import publish_doctree, publish_parts
from docutils.readers import doctree
from hostile import GUIDE, UI, build, copy, elements, po_string, written
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2.sandbox import SandboxedEnvironment
from myst_parser.parsers.docutils_ import Parser

from conftest import ROOT
from docs_i18n.checks import ui_messages
from docs_i18n.checks.rules import guard_findings
from docs_i18n.core import pofile
from docs_i18n.sphinx_ext import rendered

MARKUP = list("<>\"'&`[](){}:=/\\;#!?") + ["\u202e", "\u200b", "\u200d", "\x00", "\t"]
WORDS = ["언어", "검색", "a", "img", "src", "x", "onerror", "alert(1)", "href", "javascript", "http", "script", " "]
TEMPLATE = """
<nav aria-label="{{ _('Languages') }}"><span title='{{ _('Languages') }}'>{{ _('Languages') }}</span></nav>
<link rel="search" title="{{ _('Search') }}" href="search.html">
<input type="search" name="q" placeholder="{{ _('Search') }}">
<p>{% trans path='copyright.html', copyright='OpenClaw' -%}
<a href="{{ path }}">Copyright</a> &#169; {{ copyright }}{% endtrans %}</p>
<p>{% trans sphinx='<a href="https://www.sphinx-doc.org/">Sphinx</a>' %}Made with {{ sphinx }}{% endtrans %}</p>
"""
UI_MSGIDS = ["Languages", "Search", '<a href="%(path)s">Copyright</a> &#169; %(copyright)s', "Made with %(sphinx)s"]
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")

hostile_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS)), max_size=24).map("".join)


def shape(html: str) -> tuple[list[tuple[str, tuple[str, ...]]], list[str]]:
    """The tags with their attribute names, in order, and the URLs, as a browser's tokenizer reads *html*."""
    found = elements(html)
    tags = [(tag, tuple(sorted(attrs))) for tag, attrs in found]
    urls = [value or "" for _tag, attrs in found for name, value in attrs.items() if name in URL_ATTRIBUTES]
    return tags, urls


def render_ui(messages: dict[str, str]) -> str:
    env = SandboxedEnvironment(extensions=["jinja2.ext.i18n"])  # as Sphinx's templates: no autoescape
    env.install_gettext_callables(lambda m: messages.get(m, m), lambda s, p, n: s if n == 1 else p, newstyle=False)
    return env.from_string(TEMPLATE).render()


def ui_entry(msgid: str, msgstr: str) -> pofile.Entry:
    return pofile.Entry(msgid=msgid, msgstr=[msgstr], line=1)


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(msgid=st.sampled_from(UI_MSGIDS), text=hostile_text)
def test_a_ui_string_adds_no_tag_attribute_or_url(msgid: str, text: str) -> None:
    english = shape(render_ui({}))
    accepted = not ui_messages.entry_findings(ui_entry(msgid, text), dict)
    messages = {msgid: ui_messages.escape_html(text)} if accepted else {}
    assert shape(render_ui(messages)) == english, (msgid, text, accepted)


SETTINGS = {"report_level": 5, "halt_level": 5, "output_encoding": "unicode", "myst_heading_anchors": 0}


def render_page(text: str, english: str) -> str:
    """What Sphinx's ``Locale`` makes of a msgstr: its first node if that is a paragraph, else the English."""
    parsed = publish_doctree(text, parser=Parser(), settings_overrides=SETTINGS)
    if not parsed.children or not isinstance(parsed[0], nodes.paragraph):
        parsed = publish_doctree(english, parser=Parser(), settings_overrides=SETTINGS)
    parsed.children = parsed.children[:1]
    reader = doctree.Reader()
    parts = publish_parts(
        parsed, source_class=io.DocTreeInput, reader=reader, writer="html5", settings_overrides=SETTINGS
    )
    return parts["body"]


PAGE_MSGIDS = [
    "Use the generated key as `LITELLM_API_KEY`.",
    "[LiteLLM Docs](https://docs.litellm.ai)",
    "Quick start",
    "LiteLLM runs on `http://localhost:4000` by default",
]


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(msgid=st.sampled_from(PAGE_MSGIDS), text=hostile_text)
def test_a_page_message_adds_no_tag_attribute_or_url(msgid: str, text: str) -> None:
    if guard_findings(msgid, text):
        return  # refused: the English is shown
    english_tags, english_urls = shape(render_page(msgid, msgid))
    tags, urls = shape(render_page(text, msgid))
    assert set(tags) <= set(english_tags), (msgid, text)
    assert set(urls) <= set(english_urls), (msgid, text)


def scramble(rng: random.Random, english: str) -> str:
    """The English with markup characters and words thrown in, or a string of them."""
    if rng.random() < 0.3:
        return "".join(rng.choice(MARKUP + WORDS) for _ in range(rng.randint(1, 20)))
    chars = list(english)
    for _ in range(rng.randint(1, 4)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(MARKUP + WORDS))
    return "".join(chars)


def scramble_catalog(po: Path, rng: random.Random) -> int:
    """Replace every singular translation of *po* by :func:`scramble`; return how many."""
    lines = []
    for entry in pofile.read(po).messages():
        if entry.msgid_plural is None and entry.msgid:
            lines.append(
                (entry.line, f"msgid {po_string(entry.msgid)}\nmsgstr {po_string(scramble(rng, entry.msgid))}")
            )
    text = po.read_text(encoding="utf-8").split("\n")
    for line, raw in reversed(lines):  # from the end: earlier line numbers stay right
        end = line - 1
        while end < len(text) and text[end].strip():
            end += 1
        text[line - 1 : end] = raw.split("\n")
    po.write_text("\n".join(text).replace("\x00", "\\0"), encoding="utf-8")
    return len(lines)


FALLBACK_MSGID = "Not yet translated: shown in English"  # the tooltip of a block shown in English (UI catalog)
BANNER_ATTRIBUTES = {"class", "role", "aria-label", "aria-hidden", "lang", "data-i18n-state", "data-i18n-reader-state"}


def without_state_marks(html: str, titles: set[str]) -> list[tuple[str, dict[str, str | None]]]:
    """*html* without the marks the project's own templates add about the translation state:
    the banner (elements of class ``i18n-banner*``) and the ``lang``/``dir``/tooltip of a block
    shown in English (class ``i18n-fallback``). Each mark is checked to be exactly the project's
    (the tooltip one of *titles*: the English or its UI translation)."""
    kept = []
    for tag, attrs in elements(html):
        classes = (attrs.get("class") or "").split()
        if any(c.startswith("i18n-banner") for c in classes):
            assert set(attrs) <= BANNER_ATTRIBUTES | {"href", "hreflang", "data-percent"}, attrs
            assert attrs.get("hreflang") in (None, "en") and not (attrs.get("href") or "").startswith(("java", "//"))
            continue
        if "i18n-fallback" in classes:
            assert (attrs.get("lang"), attrs.get("dir")) == ("en", "ltr") and attrs.get("title") in titles, attrs
            attrs = {k: v for k, v in attrs.items() if k not in ("lang", "dir", "title")}
            if "id" in attrs:  # the page's first English passage, which the banner links to
                assert attrs.pop("id") == rendered.FIRST_ENGLISH_ID, attrs
            rest = [c for c in classes if c != "i18n-fallback"]
            attrs = {k: v for k, v in attrs.items() if k != "class"} | ({"class": " ".join(rest)} if rest else {})
        kept.append((tag, attrs))
    return kept


def site_shape(site: Path, ui_catalog: Path) -> tuple[set, set]:
    titles = {FALLBACK_MSGID} | {e.msgstr[0] for e in pofile.read(ui_catalog).messages() if e.msgid == FALLBACK_MSGID}
    tags: set = set()
    urls: set = set()
    for name, text in written(site).items():
        if name.endswith(".html"):
            found = without_state_marks(text, titles)
            tags |= {(tag, tuple(sorted(attrs))) for tag, attrs in found}
            urls |= {value or "" for _tag, attrs in found for key, value in attrs.items() if key in URL_ATTRIBUTES}
    return tags, urls


@pytest.mark.parametrize("seed", [1, 2])
def test_a_scrambled_build_adds_no_tag_attribute_or_url(built_site: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    project = copy(tmp_path)
    scrambled = sum(scramble_catalog(project / catalog, rng) for catalog in (GUIDE, UI))
    result = build(project, tmp_path / "out", strict=False)
    assert result.code == 0, result.err
    refused = {line.split(": WARNING:")[0] for line in result.err.splitlines() if line.endswith("[i18n.guard]")}
    assert 0 < len(refused) < scrambled  # some scrambled strings were refused, others are on the pages
    tags, urls = site_shape(tmp_path / "out" / "ko", project / UI)
    clean_tags, clean_urls = site_shape(built_site / "ko", ROOT / UI)
    assert tags - clean_tags == set()
    assert urls - clean_urls == set()
    assert not [attr for _tag, attrs in tags for attr in attrs if attr.startswith("on")]
