"""Fuzzing the readers every tool relies on, with Hypothesis.

Random and mutated inputs (real pages and catalogs of the project, cut, spliced
and sprinkled with syntax) must give a result or an :class:`InputError` naming
``path:line``: never another exception, never a hang. Covered: the front-matter
reader, the PO reader (``parse`` and the fast ``stats``, which must agree), the
glossary reader, the Markdown analysis of the checks, and the Markdown page
splitter (:mod:`docs_i18n.markdown.splitting`, which runs Sphinx: few examples, many pages
each).

The runs are deterministic (``derandomize=True``, no example database). No
deadline is set, so a slow machine cannot fail a test; a hang is caught by an
alarm of :data:`HANG_SECONDS` around each call instead.
"""

from __future__ import annotations

import contextlib
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from docs_i18n.checks import glossary, rules
from docs_i18n.checks.markup import HTML, MARKDOWN, analyse
from docs_i18n.core import frontmatter, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import decode_utf8
from docs_i18n.sphinx_ext import splitter as splitting

HANG_SECONDS = 20
PAGES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "source").rglob("*.md"))]
PAGES.append((FIXTURES / "seed" / "litellm.ko.md").read_text(encoding="utf-8"))
CATALOGS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "locale").rglob("*.po"))]
MESSAGES = sorted({text for c in CATALOGS for e in pofile.parse(c).entries for text in (e.msgid, e.msgstr[0])})
SYNTAX = [
    *"\n\r\t \\\"'`*_[](){}<>#-|:$%&!~=+.,\x00\ufeff가漢",
    "\n\n",
    "---\n",
    "---",
    "```",
    "```{raw} html\n",
    "```{eval-rst}\n",
    ":::{note}\n",
    "{doc}`x <y>`",
    "**",
    "[a](b)",
    "[a][b]",
    "[b]: http://x\n",
    "<script>",
    "</div>",
    "&lt;",
    "&#60;",
    "<!--",
    "${X}",
    "{{ x }}",
    "msgid ",
    "msgstr ",
    "msgstr[0] ",
    "msgstr[1] ",
    "msgid_plural ",
    "msgctxt ",
    '""',
    '"\\n"',
    "\\x4",
    "\\777",
    "#~ ",
    "#~| ",
    "#, fuzzy\n",
    "#: a.md:1\n",
    "# x-i18n-source-hash: ",
    "#| msgid ",
    "summary: ",
    "read_when:\n  - ",
    "x-i18n:\n  source_hash: ",
    "- ",
    ": ",
    "? ",
    "!!python/object ",
    "*a",
    "&a ",
]
FUZZ = settings(
    max_examples=250, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@contextlib.contextmanager
def no_hang(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail (``TimeoutError``) if the block runs longer than *seconds*: a hang, not slowness."""

    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def result_or_input_error(call: Callable[..., Any], *args: Any) -> Any:
    """*call(args)*'s result, or ``None`` for an :class:`InputError` that names ``path:line``."""
    with no_hang():
        try:
            return call(*args)
        except InputError as error:
            assert error.line >= 0 and str(error).startswith(f"{error.path}:{error.line}: "), str(error)
            assert error.message.strip(), "an empty error message"
            return None


snippets = st.sampled_from(SYNTAX) | st.text(max_size=4)
random_text = st.lists(snippets, max_size=40).map("".join)


@st.composite
def mutations(draw: st.DrawFn, originals: list[str]) -> str:
    """A real text, cut, duplicated, overwritten and sprinkled with syntax."""
    text = draw(st.sampled_from(originals))
    for _ in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 120)))
        operation = draw(st.sampled_from(("insert", "delete", "duplicate", "replace")))
        if operation == "insert":
            text = text[:start] + draw(snippets) + text[start:]
        elif operation == "delete":
            text = text[:start] + text[end:]
        elif operation == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(random_text) + text[end:]
    return text


pages = mutations(PAGES) | random_text
catalogs = mutations(CATALOGS) | random_text
messages = mutations(MESSAGES) | random_text


@FUZZ
@given(pages)
def test_frontmatter_split(text: str) -> None:
    matter = result_or_input_error(frontmatter.split, text, "page.md")
    if matter is not None:
        assert text.endswith(matter.body)
        assert isinstance(matter.data, dict) and matter.body_line >= 1
        with no_hang():
            fields = frontmatter.translatable_fields(matter)
        assert all(f.line >= 1 for f in fields)


@FUZZ
@given(catalogs)
@example("# x-i18n-source-hash: \x1e0")  # found: parse split lines at \x1e (str.splitlines)
@example('msgid "a"\nmsgstr "b\u2028c"\n')  # a line separator inside a string is text
@example("#~ \\")  # found: stats took a malformed obsolete line for a comment
def test_pofile_parse_and_stats_agree(text: str) -> None:
    catalog = result_or_input_error(pofile.parse, text, "page.po")
    stats = result_or_input_error(pofile.stats, text, "page.po") if hasattr(pofile, "stats") else None
    if catalog is None:
        assert stats is None, "stats read a catalog that parse refuses"
        return
    assert all(e.line >= 1 and e.first_line >= 1 for e in catalog.entries)
    last_line = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    assert all(e.line <= last_line for e in catalog.entries), "a line number past the end"
    assert sum(catalog.counts().values()) == len(catalog.entries)
    if hasattr(pofile, "stats"):
        assert stats is not None and stats.counts == catalog.counts()
        assert stats.header_comments == catalog.header_comments


@FUZZ
@given(st.binary(max_size=200) | catalogs.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_pofile_bytes(data: bytes) -> None:
    text = result_or_input_error(decode_utf8, data, "page.po")
    if text is not None:
        result_or_input_error(pofile.parse, text, "page.po")


@FUZZ
@given(random_text | mutations([(ROOT / "locale" / "ko" / "glossary").read_text(encoding="utf-8")]))
def test_glossary_parse(text: str) -> None:
    terms = result_or_input_error(glossary.parse, text, "glossary")
    if terms is not None:
        with no_hang():
            terms.findings(text, text)


@FUZZ
@given(messages, messages, st.sampled_from((MARKDOWN, HTML)))
def test_checks_on_any_message_pair(msgid: str, msgstr: str, mode: str) -> None:
    with no_hang():
        analyse(msgstr, mode)
        found = rules.compare(msgid, msgstr, mode=mode)
        guarded = rules.guard_findings(msgid, msgstr, mode=mode)
    assert {f.check for f in guarded} <= set(rules.GUARDED)
    assert rules.compare(msgid, msgid, mode=mode) == [], "a message differs from itself"
    assert all(f.check in rules.CHECKS for f in found)


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # MyST on Sphinx 9, not ours
@settings(max_examples=6, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(pages, min_size=1, max_size=10))
def test_markdown_splitter(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-split-") as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        (source / "index.md").write_text("# Fuzz\n", encoding="utf-8")
        names = [f"page{i}.md" for i in range(len(texts))]
        for name, text in zip(names, texts, strict=True):
            (source / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        split = result_or_input_error(splitting.split_english, source, ROOT, names)
    if split is not None:
        assert set(split) == set(names)
        assert all(block.line >= 0 for page in split.values() for block in page.front + page.body)
