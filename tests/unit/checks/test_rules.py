"""The named checks (``checks/rules.py``): one record per check."""

from __future__ import annotations

import pytest

from docs_i18n.checks import rules


def test_the_lists_are_read_off_the_records() -> None:
    assert rules.CHECKS == (
        "code-spans", "roles", "substitutions", "links", "placeholders", "emphasis",
        "html", "directives", "front-matter", "characters", "glossary", "whitespace",
    )  # fmt: skip
    assert rules.GUARDED == ("front-matter", "html", "directives", "links", "code-spans", "characters", "roles")
    assert rules.EXEMPTIBLE == ("code-spans", "links")
    assert set(rules.EXEMPTIBLE) <= set(rules.GUARDED)  # only what the build refuses needs an exemption
    assert len({c.guard for c in rules.REGISTRY if c.guarded}) == len(rules.GUARDED)


def test_the_guard_reports_most_structural_first() -> None:
    found = rules.guard_findings("Use `x` with {doc}`a <x>`", "---\na: b\n---\n`y` {doc}`b <y>` <b>")
    assert [f.check for f in found] == ["front-matter", "html", "code-spans", "roles"]


def test_the_guard_compares_roles_by_their_explicit_target_only() -> None:
    assert rules.guard_findings("See {doc}`the guide <guide>`", "{doc}`안내서 <guide>`") == []
    assert [f.check for f in rules.compare("See {doc}`the guide <guide>`", "{doc}`안내서 <guide>`")] == []
    assert [f.check for f in rules.compare("See {doc}`guide`", "{doc}`안내서`")] == ["roles"]
    assert rules.guard_findings("See {doc}`guide`", "{doc}`안내서`") == []


def test_an_exemption_widens_only_its_check() -> None:
    english, translated = "Run `make html`", "`make html JOBS=1`를 실행하세요"
    assert [f.check for f in rules.compare(english, translated)] == ["code-spans"]
    allowed = {"code-spans": ["make html JOBS=1"]}
    assert rules.compare(english, translated, allowed=allowed) == []
    assert rules.guard_findings(english, translated, allowed=allowed) == []


def test_an_unknown_check_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown check 'spelling'"):
        rules.compare("a", "b", checks=["spelling"])
