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


def test_no_check_changes_the_shared_english_analysis() -> None:
    """Every check and the guard run on the project's catalogs, as translated and with each
    message's translation swapped for another's (findings of every kind); afterwards each shared
    English analysis equals a new one."""
    from pathlib import Path

    from docs_i18n.checks import markup
    from docs_i18n.core import pofile

    root = Path(__file__).resolve().parents[3]
    pairs: list[tuple[str, str, str]] = []
    for path in sorted((root / "locale").glob("*/LC_MESSAGES/**/*.po")):
        mode = markup.HTML if path.name == "sphinx.po" else markup.MARKDOWN
        messages = [e for e in pofile.parse(path.read_text(encoding="utf-8"), path).messages() if e.msgstr[0]]
        others = messages[1:] + messages[:1]
        pairs += [(e.msgid, e.msgstr[0], mode) for e in messages]
        pairs += [(e.msgid, other.msgstr[0], mode) for e, other in zip(messages, others, strict=True)]
    assert len(pairs) > 5000
    rules.english.cache_clear()
    found = 0
    for msgid, msgstr, mode in pairs:
        found += len(rules.compare(msgid, msgstr, mode=mode, lang="ko"))
        found += len(rules.guard_findings(msgid, msgstr, mode=mode, lang="ko"))
    assert found > 1000 and rules.english.cache_info().hits > 0
    for msgid, _, mode in pairs:
        assert rules.english(msgid, mode, None) == markup.analyse(msgid, mode), msgid
