"""Translated text cannot configure the parser or run code: the build, import and export.

MyST reads a leading front-matter block of whatever it parses as configuration for
that parse, and its substitutions are Jinja expressions: a msgstr or an imported page
that starts with ``myst: {enable_extensions: [substitution]}`` and then says
``{{ cycler.__init__.__globals__.os.system(...) }}`` ran Python during ``make html``
and ``import``. The same front-matter can turn on ``attrs_inline`` (ids and classes
on the page). Here every payload writes a sentinel file if it runs; each test asserts
on the files on disk, the built HTML and the command's output, with and without ``-W``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hostile import GUIDE, attack, check, copy, elements, line_of, set_msgstr, warned_at, written

from conftest import ROOT
from markdown_util import SEED, build_pot, export_cli, import_cli, snapshot

INDEX = "locale/ko/LC_MESSAGES/index.po"
EXPLAIN = (
    "These pages explain how OpenClaw talks to the models it uses: how providers are configured, "
    "and how to run OpenClaw through a gateway such as LiteLLM."
)
# the home page's paragraph on its languages, as the English page has it today
LANGUAGES_NOTE = next(
    line
    for line in (ROOT / "source" / "index.md").read_text(encoding="utf-8").splitlines()
    if line.startswith("The pages are written in English")
)
QUICK = "Quick start"
MANUAL = "Manual setup"


def runs(sentinel: Path) -> str:
    """A Jinja expression that creates *sentinel* when a substitution evaluates it."""
    return "{{ cycler.__init__.__globals__.os.system('touch " + str(sentinel) + "') }}"


def spelled_runs(sentinel: Path) -> str:
    """The same, spelled so that no ``__`` appears in the text (a check that looks for it misses it)."""
    g = "\\x5f\\x5fglobals\\x5f\\x5f"
    i = "\\x5f\\x5finit\\x5f\\x5f"
    return "{{ (cycler|attr('" + i + "')|attr('" + g + "')).os.system('touch " + str(sentinel) + "') }}"


def front_matter(*extensions: str) -> str:
    return "---\nmyst:\n  enable_extensions: [" + ", ".join(extensions) + "]\n---\n"


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("parser")
    sentinels = tmp / "sentinels"
    sentinels.mkdir()
    project = copy(tmp)
    set_msgstr(project / INDEX, EXPLAIN, front_matter("substitution") + "안녕 " + runs(sentinels / "plain"))
    set_msgstr(project / INDEX, LANGUAGES_NOTE, front_matter("substitution") + spelled_runs(sentinels / "spelled"))
    set_msgstr(project / GUIDE, QUICK, front_matter("attrs_inline") + "[빠른 시작]{#searchbox .evil-class}")
    result = attack(project, tmp / "out")
    result["sentinels"] = sentinels
    return result


def test_no_payload_runs_in_either_build(attacked: dict) -> None:
    assert list(attacked["sentinels"].iterdir()) == []
    assert attacked["preview"].code == 0, attacked["preview"].err


def test_the_strict_build_fails_at_each_front_matter_line(attacked: dict) -> None:
    assert attacked["strict"].code != 0
    project = attacked["project"]
    for catalog, msgid in ((INDEX, EXPLAIN), (INDEX, LANGUAGES_NOTE), (GUIDE, QUICK)):
        path = project / catalog
        found = warned_at(attacked["strict"], path, line_of(path, msgid))
        assert found and "[front-matter]" in found[0], attacked["strict"].err


def test_the_preview_shows_the_english_and_no_attribute_the_english_lacks(attacked: dict) -> None:
    site = attacked["site"]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "These pages explain how OpenClaw talks to the models" in index
    assert "cycler" not in index and "os.system" not in index
    guide = (site / "providers" / "litellm.html").read_text(encoding="utf-8")
    ids = [attrs.get("id") for _tag, attrs in elements(guide)]
    assert ids.count("searchbox") <= 1
    assert not [name for name, text in written(site).items() if "evil-class" in text]


def test_check_reports_the_front_matter(attacked: dict) -> None:
    result = check(attacked["project"])
    assert result.code == 1
    assert result.out.count("[front-matter]") == 3, result.out


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A project whose conf.py itself enables substitutions and attributes (trusted: the English may
    use them), with translations that try to use them."""
    tmp = tmp_path_factory.mktemp("configured")
    sentinels = tmp / "sentinels"
    sentinels.mkdir()
    project = copy(tmp)
    conf = project / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + '\nmyst_enable_extensions = ["substitution", "attrs_inline"]\nmyst_substitutions = {"key": "`EVIL`"}\n',
        encoding="utf-8",
    )
    set_msgstr(project / INDEX, EXPLAIN, "안녕 " + runs(sentinels / "configured") + " {{ key }}")
    set_msgstr(project / GUIDE, QUICK, "[빠른 시작]{#searchbox .evil-class}")
    set_msgstr(project / GUIDE, MANUAL, "수동 설정 {download}`../../conf.py`")
    result = attack(project, tmp / "out")
    result["sentinels"] = sentinels
    return result


def test_a_substitution_never_runs_in_translated_text(configured: dict) -> None:
    assert list(configured["sentinels"].iterdir()) == []
    index = (configured["site"] / "index.html").read_text(encoding="utf-8")
    assert "EVIL" not in index  # {{ key }} is text, not the substitution's code span


def test_attributes_the_english_lacks_are_refused_by_the_tree_comparison(configured: dict) -> None:
    project, strict = configured["project"], configured["strict"]
    path = project / GUIDE
    found = warned_at(strict, path, line_of(path, QUICK))
    assert found and "[markup]" in found[0] and "searchbox" in found[0], strict.err
    guide = (configured["site"] / "providers" / "litellm.html").read_text(encoding="utf-8")
    assert [attrs.get("id") for _tag, attrs in elements(guide)].count("searchbox") <= 1
    assert "evil-class" not in guide


def test_a_role_the_english_page_lacks_is_refused(configured: dict) -> None:
    project, strict = configured["project"], configured["strict"]
    path = project / GUIDE
    assert warned_at(strict, path, line_of(path, MANUAL)), strict.err
    assert not (configured["site"] / "_downloads").exists()


def test_without_the_text_checks_the_parser_and_the_tree_comparison_still_hold(
    configured: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard's text checks switched off: the parser runs nothing the English page lacks (no
    front-matter, substitution, directive or role), and the tree comparison shows the English."""
    from docs_i18n.sphinx_ext import guard, inprocess

    monkeypatch.setattr(guard, "guard_findings", lambda *args, **kwargs: [])
    project, sentinels = configured["project"], configured["sentinels"]
    set_msgstr(project / INDEX, LANGUAGES_NOTE, front_matter("substitution") + runs(sentinels / "unchecked"))
    set_msgstr(project / GUIDE, "Via onboarding", "온보딩\n\n```{include} ../../conf.py\n```")
    overrides = {"language": "ko", "gettext_auto_build": False}
    warnings = io.StringIO()
    with inprocess.sphinx_app(project / "source", project, "html", overrides, tmp_path / "out", warnings) as app:
        inprocess.build(app, project)
        refused = guard.refusals(app.env)
    assert list(sentinels.iterdir()) == []
    assert "translated text refused: the directive {include}" in warnings.getvalue()
    assert {MANUAL, QUICK} <= set(refused["providers/litellm"]), refused
    site = written(tmp_path / "out")
    assert not [name for name, text in site.items() if "needs_sphinx" in text or "evil-class" in text]
    assert not (tmp_path / "out" / "_downloads").exists()


# -- import -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def importable(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("import")
    project = copy(tmp)
    build_pot(project)
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-LINE-1\n", encoding="utf-8")
    return {"project": project, "tmp": tmp, "outside": outside, "sentinels": tmp / "sentinels"}


def seed_with(head: str = "", body_extra: str = "") -> str:
    text = SEED.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front, rest = text[4:].split("\n---\n", 1)
    return "---\n" + head + front + "\n---\n" + rest.replace("## 빠른 시작\n", "## 빠른 시작\n\n" + body_extra, 1)


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "write"])
def test_import_never_honours_the_page_s_own_front_matter(importable: dict, dry_run: bool) -> None:
    sentinel = importable["tmp"] / f"sentinel-{dry_run}"
    page = importable["tmp"] / f"front-{dry_run}.ko.md"
    head = "myst:\n  enable_extensions: [substitution]\n"
    page.write_text(seed_with(head, "안녕 " + runs(sentinel) + "\n\n"), encoding="utf-8")
    project = importable["project"]
    args = ["--dry-run"] if dry_run else []
    import_cli(project, page, "--lang", "ko", "--page", "providers/litellm.md", "--overwrite", *args)
    assert not sentinel.exists()


@pytest.mark.parametrize(
    "directive",
    [
        "```{include} OUTSIDE/secret.txt\n```\n",
        "```{literalinclude} OUTSIDE/secret.txt\n```\n",
        "```{eval-rst}\n.. include:: OUTSIDE/secret.txt\n```\n",
        "```{raw} html\n:file: OUTSIDE/secret.txt\n```\n",
        "```{csv-table}\n:file: OUTSIDE/secret.txt\n```\n",
    ],
    ids=["include", "literalinclude", "eval-rst", "raw-file", "csv-table"],
)
def test_import_refuses_a_directive_the_english_page_lacks_without_running_it(importable: dict, directive: str) -> None:
    project = importable["project"]
    page = importable["tmp"] / "directive.ko.md"
    page.write_text(seed_with("", directive.replace("OUTSIDE", str(importable["outside"])) + "\n"), encoding="utf-8")
    before = snapshot(project / "locale")
    result = import_cli(project, page, "--lang", "ko", "--page", "providers/litellm.md", "--overwrite")
    assert result.code == 2, result.out + result.err
    assert re.search(
        rf"{re.escape(str(page))}:\d+: translated text refused: the directive", result.err + result.out
    ) or ("{eval-rst}" in directive and "eval-rst" in result.err), result.err
    assert "SECRET-LINE-1" not in result.out + result.err
    assert snapshot(project / "locale") == before


# -- export -------------------------------------------------------------------------------------

REFUSED = {
    QUICK: "빠른 시작 <script>alert('export')</script>",
    MANUAL: "[수동 설정](javascript:alert('export'))",
    "[LiteLLM Docs](https://docs.litellm.ai)": "[LiteLLM 문서](https://evil.example/docs)",
    "Via onboarding": '온보딩 <Tab title="x" onClick={() => alert("export")}>',
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("export")
    project = copy(tmp)
    build_pot(project)
    for msgid, msgstr in REFUSED.items():
        set_msgstr(project / GUIDE, msgid, msgstr)
    out = tmp / "markdown"
    result = export_cli(project, out, "--lang", "ko", "--page", "providers/litellm.md")
    return {"project": project, "out": out, "result": result, "tmp": tmp}


def test_export_writes_refused_translations_in_english(exported: dict) -> None:
    result = exported["result"]
    assert result.code == 0, result.err
    page = (exported["out"] / "ko" / "providers" / "litellm.md").read_text(encoding="utf-8")
    for payload in ("alert(", "javascript:", "evil.example", "onClick"):
        assert payload not in page
    assert "\n## Quick start\n" in page and "[LiteLLM Docs](https://docs.litellm.ai)" in page
    assert "untranslated:" in page


def test_export_reports_each_refusal_at_its_catalog_line(exported: dict) -> None:
    project, out = exported["project"], exported["result"].out
    path = project / GUIDE
    for msgid in REFUSED:
        line = line_of(path, msgid)
        assert re.search(rf"{re.escape(GUIDE)}:{line}: the build shows this message in English", out), out


def test_export_in_place_to_openclaw_s_tree_puts_the_english_back(exported: dict) -> None:
    project, tmp = exported["project"], exported["tmp"]
    tree = tmp / "openclaw"
    (tree / "ko" / "providers").mkdir(parents=True)
    hostile_page = SEED.read_text(encoding="utf-8").replace(
        "## 빠른 시작\n", "## 빠른 시작 <script>alert('export')</script>\n", 1
    )
    (tree / "ko" / "providers" / "litellm.md").write_text(hostile_page, encoding="utf-8")
    result = export_cli(project, tree, "--lang", "ko", "--page", "providers/litellm.md", "--layout", "openclaw")
    assert result.code == 0, result.err
    page = (tree / "ko" / "providers" / "litellm.md").read_text(encoding="utf-8")
    assert "alert(" not in page and "\n## Quick start\n" in page
