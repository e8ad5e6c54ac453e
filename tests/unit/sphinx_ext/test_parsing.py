"""Who configures MyST (``sphinx_ext/parsing.py``): the parts a unit can test, then a translated
message with roles of its own, read by the build in-process."""

from __future__ import annotations

from pathlib import Path

from myst_parser.config.main import MdParserConfig

from docs_i18n.sphinx_ext import guard, parsing
from tests.unit.sphinx_ext.conftest import read_in

BODY = "The proxy reports what each request costs."


def test_an_invocation_keeps_what_a_translation_cannot_change() -> None:
    note = parsing.invocation("note", [], {"class": "tip"}, ["Some prose."])
    assert note == parsing.invocation("note", [], {"class": "tip"}, ["Translated prose."])  # prose body: free
    assert note != parsing.invocation("note", [], {"class": "danger"}, ["Some prose."])  # options: fixed
    raw = parsing.invocation("raw", ["html"], {}, ["<b>x</b>"])
    assert raw != parsing.invocation("raw", ["html"], {}, ["<script>x</script>"])  # a raw body: fixed


def test_translated_text_never_gets_substitutions() -> None:
    config = MdParserConfig(enable_extensions={"substitution", "colon_fence"})
    assert parsing.untrusted_config(config).enable_extensions == {"colon_fence"}


def test_an_english_page_s_front_matter_configures_its_own_parse() -> None:
    base = MdParserConfig()
    own = parsing.page_config(base, "---\nmyst:\n  heading_anchors: 3\n---\n# Costs\n")
    assert own.heading_anchors == 3 and base.heading_anchors == 0
    assert parsing.page_config(base, "---\n: not yaml [\n---\n") is base
    assert parsing.page_config(base, "# no front-matter\n") is base


def test_roles_the_english_page_does_not_use_do_not_run_in_a_translated_message(sphinx_project: Path) -> None:
    catalog = sphinx_project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    text = catalog.read_text("utf-8").replace(
        'msgstr "프록시는 요청마다 드는 비용을 알려 줍니다."', 'msgstr "{eval-rst}`x` 프록시 {sub-ref}`today`"'
    )
    catalog.write_text(text, "utf-8")
    env, texts = read_in(sphinx_project, "ko")
    reason = guard.refusals(env)["index"][BODY]
    assert reason.startswith("[roles] ") and "{eval-rst}" in reason
    assert BODY in texts["index"] and "{eval-rst}" not in texts["index"]
