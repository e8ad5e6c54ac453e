"""A page's title from its front-matter (``sphinx_ext/page_title.py``)."""

from __future__ import annotations

from docutils import nodes
from docutils.utils import new_document
from myst_parser.config.main import MdParserConfig

from docs_i18n.sphinx_ext import page_title


def test_the_front_matter_title_when_it_is_a_non_empty_string() -> None:
    assert page_title.front_matter_title("---\ntitle: Costs\n---\nbody\n") == "Costs"
    assert page_title.front_matter_title("---\ntitle: '  '\n---\n") is None
    assert page_title.front_matter_title("---\ntitle: [1, 2]\n---\n") is None
    assert page_title.front_matter_title("---\ntitle: [unclosed\n---\n") is None
    assert page_title.front_matter_title("# Costs\n") is None


def test_whether_the_first_heading_is_an_h1_as_myst_parses_it() -> None:
    config = MdParserConfig()
    assert not page_title.starts_without_h1("# Costs\n\ntext\n", config)
    assert not page_title.starts_without_h1("Costs\n=====\n", config)
    assert page_title.starts_without_h1("## Costs\n\n# Later\n", config)
    assert page_title.starts_without_h1("```\n# a comment in code\n```\n", config)
    assert page_title.starts_without_h1("plain text\n", config)


def test_the_first_section_title_is_marked() -> None:
    document = new_document("index.md")
    section = nodes.section()
    section += nodes.title(text="Costs")
    document += section
    page_title.mark_title(document)
    assert section[0][page_title.TITLE_MARK] == "title"
    page_title.mark_title(new_document("empty.md"))  # no section: nothing to mark
