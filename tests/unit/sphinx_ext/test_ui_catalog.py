"""The theme's UI catalog in the build (``sphinx_ext/ui_catalog.py``): the script translations."""

from __future__ import annotations

import json

import pytest

from docs_i18n.sphinx_ext import ui_catalog


@pytest.mark.parametrize(
    ("rule", "shown"),
    [("(n != 1)", "Number((n != 1))"), ("n > 1", "Number(n > 1)"), ("(n==1 ? 0 : 1)", "(n==1 ? 0 : 1)"), ("0", "0")],
)
def test_a_plural_rule_indexes_the_forms_in_javascript(rule: str, shown: str) -> None:
    assert ui_catalog.numeric_rule(rule) == shown


def test_the_script_translations_are_sphinx_s_then_the_accepted_ones_escaped() -> None:
    script = ui_catalog.scripts_js("ko", {"Search Results": "<b>검색</b> 결과", "Not a script string": "x"})
    assert script.startswith("Documentation.addTranslations(") and script.endswith(");\n")
    data = json.loads(script.removeprefix("Documentation.addTranslations(").removesuffix(");\n"))
    assert data["messages"]["Search Results"] == "<b>검색</b> 결과"
    assert "Not a script string" not in data["messages"]
    assert "<b>" not in script  # no "<" reaches the page's script element
