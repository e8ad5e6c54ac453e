"""Search in every language: the guide's title and five key terms of each translation find the guide.

The site's search runs in node (``benchmarks/search_eval.js``: Sphinx's own searchtools.js
on the built index of each language, with that language's ``language_data.js``).
The terms are listed in ``benchmarks/queries/guide_terms.tsv``; each must be in the
translated guide's catalog, so the list cannot drift from what the guide says.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from benchmarks import search_eval
from conftest import ROOT, TRANSLATIONS
from docs_i18n.core import pofile

GUIDE = "providers/litellm"
BIGRAMS = {"ja", "zh_CN", "zh_TW", "th"}  # languages whose words are searched as character bigrams
CATALOG = Path("LC_MESSAGES") / "providers" / "litellm.po"
HARAKAT = re.compile("[\u064b-\u0652]")  # Arabic readers type words without them (تتبّع as تتبع)
TERMS_FILE = ROOT / "benchmarks" / "queries" / "guide_terms.tsv"


def read_terms(path: Path) -> dict[str, list[str]]:
    """``lang -> terms`` of the terms file (``lang<TAB>term`` lines, ``#`` comments)."""
    terms: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, term = line.split("\t")
            terms.setdefault(lang, []).append(term)
    return terms


TERMS = read_terms(TERMS_FILE)


def english_title() -> str:
    """The guide's title: its first level-one heading."""
    text = (ROOT / "source" / f"{GUIDE}.md").read_text(encoding="utf-8")
    match = re.search(r"^# (.+)$", text, re.M)
    assert match, "the guide has no title"
    return match.group(1).strip()


def catalog(lang: str) -> dict[str, str]:
    """The translated guide's messages: ``msgid -> msgstr``."""
    entries = pofile.read(ROOT / "locale" / lang / CATALOG).messages()
    return {e.msgid: e.msgstr[0] for e in entries if e.msgstr and e.msgstr[0]}


def translated_title(lang: str) -> str:
    title = catalog(lang).get(english_title())
    assert title, f"{lang}: the guide's title is not translated"
    return title


@pytest.fixture(scope="session")
def node() -> str:
    try:
        return search_eval.node_binary()
    except search_eval.NodeError as exc:
        pytest.skip(str(exc))
        raise


def test_every_translated_language_has_five_terms() -> None:
    assert sorted(TERMS) == sorted(TRANSLATIONS)
    for lang, terms in TERMS.items():
        assert len(terms) == 5 and len(set(terms)) == 5, lang


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_terms_are_words_of_the_translated_guide(lang: str) -> None:
    text = unicodedata.normalize("NFC", HARAKAT.sub("", "\n".join(catalog(lang).values()))).casefold()
    for term in TERMS[lang]:
        folded = unicodedata.normalize("NFC", term).casefold()
        assert folded in text, f"{lang}: {term!r} is not in the translated guide"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_title_and_key_terms_find_the_guide(node: str, built_site: Path, lang: str) -> None:
    queries = [translated_title(lang), *TERMS[lang]]
    found = search_eval.search(built_site / lang, queries)
    missed = [(f.query, f.terms, f.pages) for f in found if GUIDE not in f.pages]
    assert not missed, f"{lang}: {missed}"
    if lang not in BIGRAMS:
        # a word is searched whole: a combining mark (Devanagari's vowel signs) does not cut it
        cut = [(f.query, f.terms) for f in found if len(f.terms) != len(f.query.split())]
        assert not cut, f"{lang}: {cut}"
