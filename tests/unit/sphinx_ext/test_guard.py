"""The guard on every translation the build uses (``sphinx_ext/guard.py``): a 1-page project read in-process."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.sphinx_ext import guard, rendered
from tests.unit.sphinx_ext.conftest import read_in

BODY = "The proxy reports what each request costs."


def set_body(project: Path, msgstr: str) -> None:
    catalog = project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    text = catalog.read_text("utf-8").replace(
        'msgstr "프록시는 요청마다 드는 비용을 알려 줍니다."', f'msgstr "{msgstr}"'
    )
    catalog.write_text(text, "utf-8")


def test_a_clean_catalog_is_used_and_nothing_is_refused(sphinx_project: Path) -> None:
    env, texts = read_in(sphinx_project, "ko")
    assert guard.refusals(env) == {}


def test_a_translation_that_adds_markup_is_refused_with_its_reason_and_shown_in_english(sphinx_project: Path) -> None:
    set_body(sphinx_project, "프록시는 [비용](https://attacker.test/)을 알려 줍니다.")
    env, texts = read_in(sphinx_project, "ko")
    reasons = guard.refusals(env)["index"]
    assert list(reasons) == [BODY] and reasons[BODY].startswith("[links] ")
    page = rendered.record(env, "index")
    assert page is not None and BODY not in page.translated and "Costs" in page.translated
    assert "attacker.test" not in texts["index"] and BODY in texts["index"]


def test_an_unreadable_catalog_is_refused_whole(sphinx_project: Path) -> None:
    set_body(sphinx_project, 'unterminated\\"\n')
    catalog = sphinx_project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    catalog.write_text(catalog.read_text("utf-8") + 'msgid "x"\nmsgstr "no end\n', "utf-8")
    env, texts = read_in(sphinx_project, "ko")
    assert guard.refusals(env) == {"index": {}}
    page = rendered.record(env, "index")
    assert page is not None and page.translated == frozenset()
