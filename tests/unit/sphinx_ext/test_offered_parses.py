"""``Locale`` renders the guard's parse of a translation (``parsing.offer_parses``): it builds what a
parse of its own builds, or it parses again.

The texts are not written from the rule: the hostile MyST grammar's translations (front-matter,
every extension's syntax, directives, HTML, lookalikes), any text Hypothesis makes of syntax
characters, and a build of a tiny project compared with one that shares nothing.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from docutils import frontend, nodes, utils
from docutils.parsers.rst import Parser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from docs_i18n.checks import markup
from docs_i18n.checks.markup import Parses
from docs_i18n.sphinx_ext import inprocess, parsing
from tests.myst_grammar import EXTENSIONS, Grammar
from tests.unit.conftest import project_myst_config

SOURCE = "/site/source/guide.md:12:<translated>"
SETTINGS = frontend.get_default_settings(Parser)
SETTINGS.env = None  # no Sphinx environment: what needs one fails the same way both times
ROLES = frozenset({"code", "kbd", "ref", "doc"})


def configs() -> dict[str, MdParserConfig]:
    """The project's configuration, and one with every extension but substitutions (which translated
    text never gets: a configuration with them is never shared, see below)."""
    project = project_myst_config()
    every = set(EXTENSIONS) - {"substitution"}
    return {
        "project": project,
        "every-extension": MdParserConfig(**{**project.as_dict(), "enable_extensions": every}),
    }


CONFIGS = configs()
PARSERS = {
    name: (create_md_parser(config, RendererHTML), parsing.fragment_markdown(config, ROLES))
    for name, config in CONFIGS.items()
}


def rendered(fragment: Any, text: str, parsed: tuple[list[Any], dict[str, Any]] | None) -> str:
    """What the fragment parser's renderer builds of *text* (given *parsed*: of those tokens), or the
    error it stops with."""
    document = utils.new_document(SOURCE, SETTINGS)
    fragment.options["document"] = document
    try:
        if parsed is None:
            fragment.render(text)
        else:
            fragment.renderer.render(parsed[0], fragment.options, parsed[1])
    except Exception as exc:  # noqa: BLE001 - compared, not hidden
        return f"{type(exc).__name__}: {exc}"
    refused = fragment.renderer.i18n_refused
    return document.pformat() + "\n".join(refused)


def assert_shared_parse_is_own_parse(text: str, name: str) -> bool:
    """The guard's parse of *text* (as :func:`markup.analyse` keeps it), rendered, builds what the
    fragment parser's own parse builds; whether the guard parsed it (plain text is not parsed)."""
    guard_md, fragment = PARSERS[name]
    parses: Parses = {}
    markup.analyse(text, md=guard_md, parses=parses)
    if text not in parses:
        return False
    tokens, env = parses[text]
    if any(token.type == "front_matter" for token in tokens):
        return False  # never shared (parsing._offered_parse)
    assert rendered(fragment, text, (tokens, env)) == rendered(fragment, text, None)
    return True


@pytest.mark.parametrize("name", CONFIGS)
def test_hostile_translations_render_the_same_from_the_guard_s_parse(name: str, tmp_path: Path) -> None:
    grammar = Grammar(random.Random(2026), tmp_path / "outside", tmp_path / "sentinels")
    english = "The proxy reports what each request costs, with `litellm --config` and a [link](https://example.org)."
    shared = sum(assert_shared_parse_is_own_parse(grammar.msgstr(english), name) for _ in range(400))
    assert shared > 200  # most hostile texts are parsed and compared (the rest start with front-matter)


SYNTAX = st.sampled_from(
    list("*_`[]()<>{}!#:-+=|~$^&\\\n \t>1.)%@\"'")
    + [
        "---",
        "```",
        ":::",
        "{note}",
        "{code}`x`",
        "{eval-rst}",
        "$$",
        "[^1]",
        "]: ",
        "](",
        "<b>",
        "&amp;",
        "http://a.b",
    ]
    + ["프록시", "設定", "代理", "الوكيل", "\u200b", "\u202e", "\u00a0"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SYNTAX, max_size=25).map("".join), st.sampled_from(sorted(CONFIGS)))
def test_any_text_renders_the_same_from_the_guard_s_parse(text: str, name: str) -> None:
    assert_shared_parse_is_own_parse(text, name)


PAGE = "# Costs\n\nThe proxy reports what each request costs, see `litellm --config`.\n"
ENGLISH = ["Costs", "The proxy reports what each request costs, see `litellm --config`."]
TRANSLATIONS = ["비용", "프록시는 요청마다 드는 비용을 알려 줍니다. `litellm --config` 를 보세요."]


def write_project(project: Path, page: str) -> None:
    (project / "source" / "index.md").write_text(page, "utf-8")
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    entries = "".join(f'\nmsgid "{en}"\nmsgstr "{tr}"\n' for en, tr in zip(ENGLISH, TRANSLATIONS, strict=True))
    (project / "locale" / "ko" / "LC_MESSAGES" / "index.po").write_text(header + entries, "utf-8")


def read_trees(project: Path, monkeypatch: pytest.MonkeyPatch, share: bool) -> tuple[dict[str, str], int]:
    """Each page's doctree as the Korean build reads it, and how many parses the build shared."""
    given: list[int] = []
    offered = parsing._offered_parse

    def counted(*args: Any) -> Any:
        found = offered(*args)
        given.append(found is not None)
        return found

    monkeypatch.setattr(parsing, "_offered_parse", counted)
    if not share:
        monkeypatch.setattr(parsing, "offer_parses", lambda *args: None)
    trees: dict[str, str] = {}

    def keep(app: Any, doctree: nodes.document, docname: str) -> None:
        trees[docname] = doctree.pformat()

    with inprocess.sphinx_app(project / "source", project, "dummy", {"language": "ko"}) as app:
        inprocess.build(app, project, keep)
    monkeypatch.undo()
    return trees, sum(given)


@pytest.mark.parametrize(
    ("front_matter", "shares"),
    [
        ("", True),
        ("---\nsummary: Costs\n---\n", True),  # front-matter without MyST settings: the same rules
        ("---\nmyst:\n  enable_extensions: [dollarmath]\n---\n", False),  # the page's own rules: parsed again
    ],
)
def test_a_build_reads_the_same_pages_sharing_or_not(
    sphinx_project: Path, monkeypatch: pytest.MonkeyPatch, front_matter: str, shares: bool
) -> None:
    write_project(sphinx_project, front_matter + PAGE)
    shared_trees, shared = read_trees(sphinx_project, monkeypatch, share=True)
    own_trees, none = read_trees(sphinx_project, monkeypatch, share=False)
    assert shared_trees == own_trees
    assert TRANSLATIONS[1].split(" `")[0] in shared_trees["index"]  # the translation is what was read
    assert none == 0
    assert (shared > 0) is shares


def test_a_configuration_with_substitutions_is_never_shared(
    sphinx_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = sphinx_project / "conf.py"
    conf.write_text(conf.read_text("utf-8") + 'myst_enable_extensions = ["substitution"]\n', "utf-8")
    write_project(sphinx_project, PAGE)
    _, shared = read_trees(sphinx_project, monkeypatch, share=True)
    assert shared == 0  # the guard's parser has substitutions; the translations' parser never does


def test_a_parse_with_front_matter_or_given_once_is_not_given_again() -> None:
    config = project_myst_config()
    guard_md, fragment = PARSERS["project"]
    fragments = parsing._Fragments(config, "", fragment, plain=False)
    parses: Parses = {}
    for text in ("---\nmyst: {}\n---\nx", "*x*"):
        markup.analyse(text, md=guard_md, parses=parses)
    parsing.offer_parses("guide", config, parses)
    try:
        assert parsing._offered_parse("guide", fragments, "---\nmyst: {}\n---\nx") is None
        assert parsing._offered_parse("guide", fragments, "*x*") is not None
        assert parsing._offered_parse("guide", fragments, "*x*") is None  # a renderer may change its tokens
    finally:
        parsing.forget_fragments("guide")
    assert parsing._offered_parse("guide", fragments, "*x*") is None
