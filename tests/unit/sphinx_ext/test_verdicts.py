"""What the build shows translated (``sphinx_ext/verdicts.py``): a 1-page project read in-process."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.sphinx_ext import verdicts

BODY = "The proxy reports what each request costs."


def test_translations_the_build_shows_and_one_it_refuses(sphinx_project: Path) -> None:
    source, locale = sphinx_project / "source", sphinx_project / "locale"
    shown = verdicts.verdict(source, sphinx_project, locale, "ko")
    assert shown.reason("index", "Costs") is None and shown.reason("index", BODY) is None
    assert shown.reason("index", "A message of no page") == verdicts.NOT_SHOWN
    catalog = locale / "ko" / "LC_MESSAGES" / "index.po"
    text = catalog.read_text("utf-8").replace("프록시는", "<img src=x onerror=alert(1)> 프록시는")
    catalog.write_text(text, "utf-8")
    refused = verdicts.verdict(source, sphinx_project, locale, "ko")
    assert refused.reason("index", "Costs") is None
    reason = refused.reason("index", BODY)
    assert reason is not None and reason != verdicts.NOT_SHOWN and "html" in reason.lower()


def test_a_verdict_s_reason() -> None:
    found = verdicts.Verdict({"index": frozenset({"Costs"})}, {"index": {"Body": "[html] raw HTML"}})
    assert found.reason("index", "Costs") is None
    assert found.reason("index", "Body") == "[html] raw HTML"
    assert found.reason("other", "Costs") == verdicts.NOT_SHOWN


def test_the_verdicts_of_several_languages_are_each_one_s(sphinx_project: Path) -> None:
    """Read in worker processes where there are cores: the same verdicts as one language at a time."""
    source, locale = sphinx_project / "source", sphinx_project / "locale"
    catalog = locale / "ko" / "LC_MESSAGES" / "index.po"
    catalog.write_text(catalog.read_text("utf-8").replace("프록시는", "<b>프록시는</b>"), "utf-8")
    found = verdicts.verdicts(source, sphinx_project, locale, ["ko", "ja"])
    assert list(found) == ["ko", "ja"]
    for lang, verdict in found.items():
        assert verdict == verdicts.verdict(source, sphinx_project, locale, lang)
    assert found["ko"].reason("index", BODY) not in (None, verdicts.NOT_SHOWN)  # refused, as one read says
    assert found["ja"].reason("index", BODY) == verdicts.NOT_SHOWN  # no Japanese catalog
