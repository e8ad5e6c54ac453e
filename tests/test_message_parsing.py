"""MyST's documents get docutils' default settings from one copy per build (``sphinx_ext/message_parsing.py``)."""

from __future__ import annotations

from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser

from docs_i18n.sphinx_ext import message_parsing


def values(settings) -> dict:  # noqa: ANN001
    """The settings, with the dependency list (an object without equality) as its contents."""
    found = dict(vars(settings))
    found["record_dependencies"] = list(found["record_dependencies"].list)
    return found


def test_documents_get_the_default_settings_each_their_own() -> None:
    assert message_parsing.install()
    assert message_parsing.install()  # a second install keeps the first
    from myst_parser.mdit_to_docutils import base

    assert getattr(base.make_document, "__wrapped__", None) is not None
    first, second = base.make_document("a.md"), base.make_document("b.md")
    defaults = values(get_default_settings(RSTParser))
    assert values(first.settings) == defaults
    assert first.settings is not second.settings
    first.settings.report_level = 5
    first.settings.record_dependencies.add("changed.md")
    assert values(second.settings) == defaults
    assert values(base.make_document("c.md").settings) == defaults
    assert first["source"] == "a.md"
