"""What a parse of a translated message leaves to be replayed: only a clean paragraph."""

from __future__ import annotations

import pytest
from docutils import frontend, nodes, utils
from docutils.parsers.rst import Parser
from myst_parser.config.main import MdParserConfig

from docs_i18n.sphinx_ext import parsing, replay

SETTINGS = frontend.get_default_settings(Parser)
SETTINGS.env = None  # no Sphinx environment: none of these texts reaches for one
MD = parsing.fragment_markdown(MdParserConfig(heading_anchors=3), frozenset())


def parse(text: str) -> tuple[nodes.document, bool]:
    """*text* parsed as a translated message; whether the parse may be replayed."""
    document = utils.new_document("/site/guide.md:3:<translated>", SETTINGS)
    watch = replay.Watch(document)
    MD.options["document"] = document
    MD.render(text)
    return document, watch.clean(MD.renderer.i18n_refused)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["[ko] Step 1: 설정합니다.", "*강조* 와 **굵게** 와 `code`"])
def test_a_clean_paragraph_is_replayed_as_parsed(text: str) -> None:
    document, clean = parse(text)
    assert clean
    copy = utils.new_document("/site/guide.md:3:<translated>", SETTINGS)
    replay.replay(replay.keep(document), copy)
    assert copy.pformat() == document.pformat()
    assert all(node.document is copy for node in copy.findall(include_self=False))


@pytest.mark.parametrize(
    "text",
    [
        "{eval}`1+1`",  # a role the English page does not use: refused, reported
        "one\n\ntwo",  # two blocks
        "<b>raw</b>",  # raw HTML
        "[link](https://example.org)",  # a reference: not among the kept nodes
        "# Title",  # a section, with an id
        "",
    ],
)
def test_anything_else_is_parsed_again(text: str) -> None:
    assert not parse(text)[1]
