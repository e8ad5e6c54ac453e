"""Translation memory in ``make update-po`` (``scripts/i18n update``): no translation is lost
when English text moves between pages or changes a little.

Each test builds a tiny tree the way a project has it (English pages, the templates
``make gettext`` writes, complete catalogs in every language, each recording its page's
hash), edits the English as a writer would, runs the update as a user would and reads
what is on disk.
"""

from __future__ import annotations

import io
import json
import math
import shutil
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TRANSLATIONS, Result, copy_project, run_cli, run_make, sphinx_build
from docs_i18n.core import babel_po, hash_record, hashing, pofile

LANGS = ("ko", "ja", "zh_CN")
TEXT = {
    "setup": "Gateway setup",
    "limits": "Spend limits",
    "env": "Set the environment variable before you start the gateway.",
    "proxy": "The proxy forwards every request to the configured provider.",
    "keys": "Virtual keys let you cap what each team spends on models.",
    "logs": "Logs are kept for thirty days unless you change the retention.",
    "restart": "Restart the gateway after you change the configuration file.",
    "overview": "Overview",
}
TRANSLATED = {
    "ko": {
        "setup": "게이트웨이 설정",
        "limits": "지출 한도",
        "env": "게이트웨이를 시작하기 전에 환경 변수를 설정하세요.",
        "proxy": "프록시는 모든 요청을 구성된 제공자에게 전달합니다.",
        "keys": "가상 키를 사용하면 팀별로 모델에 쓰는 비용의 상한을 정할 수 있습니다.",
        "logs": "보존 기간을 바꾸지 않으면 로그는 30일 동안 보관됩니다.",
        "restart": "구성 파일을 변경한 후에는 게이트웨이를 다시 시작하세요.",
        "overview": "개요",
    },
    "ja": {
        "setup": "ゲートウェイの設定",
        "limits": "支出の上限",
        "env": "ゲートウェイを起動する前に環境変数を設定してください。",
        "proxy": "プロキシはすべてのリクエストを設定済みのプロバイダーに転送します。",
        "keys": "仮想キーを使うと、チームごとのモデルへの支出に上限を設けられます。",
        "logs": "保存期間を変更しない限り、ログは 30 日間保存されます。",
        "restart": "設定ファイルを変更したら、ゲートウェイを再起動してください。",
        "overview": "概要",
    },
    "zh_CN": {
        "setup": "网关设置",
        "limits": "支出限额",
        "env": "启动网关之前，请先设置环境变量。",
        "proxy": "代理会将每个请求转发给已配置的提供方。",
        "keys": "虚拟密钥可用于限制每个团队在模型上的支出。",
        "logs": "除非更改保留期限，日志默认保留三十天。",
        "restart": "修改配置文件后，请重启网关。",
        "overview": "概述",
    },
}
MARK = "x-i18n-memory:"


class Tree:
    """English pages, their templates and catalogs in every language, in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.source, self.pot, self.locale = root / "source", root / "_build" / "gettext", root / "locale"
        self.pages: dict[str, list[str]] = {}

    def page(self, name: str, *texts: str) -> None:
        """Write the English page *name* with these texts (a title, then paragraphs)."""
        self.pages[name] = list(texts)
        path = self.source / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {texts[0]}\n\n" + "".join(f"{t}\n\n" for t in texts[1:]), encoding="utf-8")

    def delete(self, name: str) -> None:
        del self.pages[name]
        (self.source / f"{name}.md").unlink()

    def translate(self, name: str, *, fuzzy: tuple[str, ...] = (), strings: dict | None = None) -> None:
        """Write complete catalogs of *name* in every language, recording today's English hash."""
        for lang in LANGS:
            table = {TEXT[k]: TRANSLATED[lang][k] for k in TEXT} | (strings or {}).get(lang, {})
            catalog = self._catalog(name, lang)
            for number, english in enumerate(self.pages[name], start=1):
                flags = {"fuzzy"} if english in fuzzy else set()
                catalog.add(english, table[english], locations=[(f"../../source/{name}.md", number)], flags=flags)
            self._write(self.po(lang, name), catalog)

    def po(self, lang: str, name: str) -> Path:
        return self.locale / lang / "LC_MESSAGES" / f"{name}.po"

    def _catalog(self, name: str, lang: str | None) -> Catalog:
        record = hashing.source_hash(self.source / f"{name}.md") if lang else None
        comment = f"# Translation of source/{name}.md.\n#" + (f"\n{hash_record.record_lines(record)}" if record else "")
        return Catalog(locale=lang, header_comment=comment, project="OpenClaw", fuzzy=False)

    @staticmethod
    def _write(path: Path, catalog: Catalog) -> None:
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=76)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(buffer.getvalue())

    def templates(self) -> None:
        """What ``make gettext`` writes: one template per English page, nothing else."""
        if self.pot.exists():
            shutil.rmtree(self.pot)
        for name, texts in self.pages.items():
            catalog = self._catalog(name, None)
            for number, english in enumerate(texts, start=1):
                catalog.add(english, locations=[(f"../../source/{name}.md", number)])
            self._write(self.pot / f"{name}.pot", catalog)

    def update(self, *args: str) -> Result:
        return run_cli(
            "update",
            "--pot",
            self.pot,
            "--locale",
            self.locale,
            *(a for lang in LANGS for a in ("--lang", lang)),
            *args,
        )

    def entry(self, lang: str, name: str, english: str) -> pofile.Entry | None:
        return next((e for e in pofile.read(self.po(lang, name)).messages() if e.msgid == english), None)

    def status(self) -> dict:
        result = run_cli("status", "--format", "json", "--source", self.source, "--locale", self.locale)
        assert result.code == 0, result.err
        return {(p["lang"], p["page"]): p for p in json.loads(result.out)["pages"]}

    def snapshot(self) -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in sorted(self.locale.rglob("*")) if p.is_file()}


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    """Two translated pages: gateway (setup, env, proxy, keys) and limits (limits, logs, restart)."""
    tree = Tree(tmp_path)
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["proxy"], TEXT["keys"])
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["restart"])
    for name in tree.pages:
        tree.translate(name)
    tree.templates()
    return tree


def assert_filled_exact(tree: Tree, name: str, key: str) -> None:
    for lang in LANGS:
        entry = tree.entry(lang, name, TEXT[key])
        assert entry is not None and entry.state == "translated", f"{lang}: {entry}"
        assert entry.msgstr == [TRANSLATED[lang][key]]
        assert any(c.startswith(f"{MARK} exact ") for c in entry.translator_comments), entry.translator_comments


# -- the four edits -------------------------------------------------------------------------


def test_moved_paragraph_keeps_its_translation_in_every_language(tree: Tree) -> None:
    """The issue's case: a paragraph moved to another page is translated there, not English."""
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["keys"])
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"], TEXT["restart"])
    tree.templates()
    result = tree.update()
    assert result.code == 0, result.err
    assert_filled_exact(tree, "guide/limits", "proxy")
    for lang in LANGS:
        gone = pofile.read(tree.po(lang, "guide/gateway"))
        assert [e.msgid for e in gone.entries if e.obsolete] == [TEXT["proxy"]]  # as sphinx-intl keeps it
    assert "Update: " in result.out and "(from memory: 1 exact, 0 fuzzy)" in result.out
    status = tree.status()
    for lang in LANGS:
        page = status[(lang, "guide/limits.md")]
        assert page["state"] == "stale", "a filled page stays stale until it is reviewed and stamped"
        assert page["memory"] == {"exact": 1, "fuzzy": 0}
        assert status[(lang, "guide/gateway.md")]["memory"] == {"exact": 0, "fuzzy": 0}


def test_split_page_new_catalog_is_filled(tree: Tree) -> None:
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"])
    tree.page("guide/gateway-keys", TEXT["overview"], TEXT["proxy"], TEXT["keys"])
    tree.templates()
    result = tree.update()
    assert result.code == 0, result.err
    assert "Create: " in result.out
    assert_filled_exact(tree, "guide/gateway-keys", "proxy")
    assert_filled_exact(tree, "guide/gateway-keys", "keys")
    for lang in LANGS:
        title = tree.entry(lang, "guide/gateway-keys", TEXT["overview"])
        assert title is not None and title.state == "untranslated", "nothing in memory: stays untranslated"
    status = tree.status()
    for lang in LANGS:
        page = status[(lang, "guide/gateway-keys.md")]
        assert page["state"] == "unknown" and page["memory"] == {"exact": 2, "fuzzy": 0}
    text = run_cli("status", "--lang", "ko", "--source", tree.source, "--locale", tree.locale).out
    assert "2 filled from memory (2 exact, 0 fuzzy): review them before stamping" in text


def test_merged_page_is_filled_and_the_orphan_left_alone(tree: Tree) -> None:
    orphan = {lang: tree.po(lang, "guide/limits").read_bytes() for lang in LANGS}
    tree.page("guide/gateway", *tree.pages["guide/gateway"], TEXT["limits"], TEXT["logs"], TEXT["restart"])
    tree.delete("guide/limits")
    tree.templates()
    result = tree.update()
    assert result.code == 0, result.err
    for key in ("limits", "logs", "restart"):
        assert_filled_exact(tree, "guide/gateway", key)
    for lang in LANGS:
        assert tree.po(lang, "guide/limits").read_bytes() == orphan[lang], "no template: sphinx-intl leaves it too"


def test_reworded_sentence_moved_to_another_page_gets_a_fuzzy_suggestion(tree: Tree) -> None:
    reworded = TEXT["proxy"].replace("every request", "each request")
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["keys"])
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], reworded, TEXT["restart"])
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        entry = tree.entry(lang, "guide/limits", reworded)
        assert entry is not None and entry.fuzzy and entry.msgstr == [TRANSLATED[lang]["proxy"]]
        marks = [c for c in entry.translator_comments if c.startswith("x-i18n-memory")]
        assert marks[0].startswith(f"{MARK} fuzzy ")
        percent = math.floor(100 * SequenceMatcher(None, reworded, TEXT["proxy"], autojunk=False).ratio())
        assert marks[1] == f"x-i18n-memory-from: guide/gateway.po, {percent}% similar"
        text = tree.po(lang, "guide/limits").read_text(encoding="utf-8")
        assert f'#| msgid "{TEXT["proxy"]}"\n' in text, "PO editors show the English that changed"
        assert babel_po.read(text, "x")[reworded].previous_id == [TEXT["proxy"]]
    assert {p["memory"]["fuzzy"] for (_, page), p in tree.status().items() if page == "guide/limits.md"} == {1}


def test_reworded_in_place_keeps_the_merge_guess_and_shows_the_old_english(tree: Tree) -> None:
    reworded = TEXT["logs"].replace("thirty", "ninety")
    tree.page("guide/limits", TEXT["limits"], reworded, TEXT["restart"])
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        entry = tree.entry(lang, "guide/limits", reworded)
        assert entry is not None and entry.fuzzy and entry.msgstr == [TRANSLATED[lang]["logs"]]
        assert not any(c.startswith(MARK) for c in entry.translator_comments), "sphinx-intl's own guess, not memory"
        assert f'#| msgid "{TEXT["logs"]}"' in tree.po(lang, "guide/limits").read_text(encoding="utf-8")


def test_unrelated_new_sentence_stays_untranslated(tree: Tree) -> None:
    new = "Dashboards chart the latency of every upstream model per hour."
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["restart"], new)
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        entry = tree.entry(lang, "guide/limits", new)
        assert entry is not None and entry.state == "untranslated"


# -- what memory chooses --------------------------------------------------------------------


def test_two_translations_of_one_english_fill_fuzzy_and_say_which(tree: Tree) -> None:
    """Chosen by rule (live before obsolete, then most used, then catalog path), named in the comment."""
    other = {lang: {TEXT["keys"]: TRANSLATED[lang]["keys"].rstrip("。.") + "!"} for lang in LANGS}
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["keys"], TEXT["restart"])
    tree.translate("guide/limits", strings=other)
    tree.page("guide/budgets", TEXT["overview"], TEXT["keys"])
    tree.templates()
    snapshot = tree.snapshot()
    outputs = []
    for _ in range(2):  # the same choice every time
        for path, data in snapshot.items():
            path.write_bytes(data)
        for lang in LANGS:
            tree.po(lang, "guide/budgets").unlink(missing_ok=True)
        assert tree.update().code == 0
        outputs.append([tree.po(lang, "guide/budgets").read_bytes() for lang in LANGS])
    assert outputs[0] == outputs[1]
    for lang in LANGS:
        entry = tree.entry(lang, "guide/budgets", TEXT["keys"])
        assert entry is not None and entry.fuzzy, "two translations: a translator chooses"
        assert entry.msgstr == [TRANSLATED[lang]["keys"]], "guide/gateway.po sorts first"
        assert "x-i18n-memory-from: guide/gateway.po; 2 translations remembered, also guide/limits.po" in " ".join(
            entry.translator_comments
        )


def test_fuzzy_memory_entries_are_never_used_as_exact(tree: Tree) -> None:
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["restart"])
    tree.translate("guide/limits", fuzzy=(TEXT["restart"],))
    tree.page("guide/ops", TEXT["overview"], TEXT["restart"])
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        entry = tree.entry(lang, "guide/ops", TEXT["restart"])
        assert entry is not None and entry.fuzzy and entry.msgstr == [TRANSLATED[lang]["restart"]]
        assert "x-i18n-memory-from: guide/limits.po (fuzzy)" in entry.translator_comments


def test_obsolete_fuzzy_entries_stay_fuzzy(tree: Tree) -> None:
    """An unreviewed guess that goes obsolete keeps its fuzzy flag (Babel alone drops it), so memory
    never takes it for a translation."""
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["restart"])
    tree.translate("guide/limits", fuzzy=(TEXT["restart"],))
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"])
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        text = tree.po(lang, "guide/limits").read_text(encoding="utf-8")
        assert f'#, fuzzy\n#~ msgid "{TEXT["restart"]}"' in text
    tree.page("guide/ops", TEXT["overview"], TEXT["restart"])
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        entry = tree.entry(lang, "guide/ops", TEXT["restart"])
        assert entry is not None and entry.fuzzy
        assert "x-i18n-memory-from: guide/limits.po (obsolete entry, fuzzy)" in entry.translator_comments


def test_compendium_fills_what_no_catalog_remembers(tree: Tree) -> None:
    new = "Dashboards chart the latency of every upstream model per hour."
    for lang in LANGS:
        compendium = Catalog(locale=lang, fuzzy=False)
        compendium.add(new, f"[{lang}] dashboards")
        Tree._write(tree.locale / lang / "compendium.po", compendium)
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["restart"], new)
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        entry = tree.entry(lang, "guide/limits", new)
        assert entry is not None and entry.state == "translated" and entry.msgstr == [f"[{lang}] dashboards"]
        assert "x-i18n-memory-from: compendium.po" in entry.translator_comments


# -- what memory never does -----------------------------------------------------------------


def test_translators_work_is_untouched(tree: Tree) -> None:
    """A translated message and a fuzzy one in a catalog that changes keep their text and flags,
    even where memory knows another translation; the record survives."""
    mine = {lang: {TEXT["env"]: "TRANSLATOR'S OWN " + lang, TEXT["keys"]: "PENDING " + lang} for lang in LANGS}
    tree.translate("guide/gateway", fuzzy=(TEXT["keys"],), strings=mine)
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["restart"], TEXT["env"], TEXT["keys"])
    tree.translate("guide/limits")
    records = {lang: hash_record.recorded_hash(pofile.read(tree.po(lang, "guide/gateway"))) for lang in LANGS}
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["keys"], TEXT["overview"])
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        env = tree.entry(lang, "guide/gateway", TEXT["env"])
        keys = tree.entry(lang, "guide/gateway", TEXT["keys"])
        assert env is not None and env.msgstr == [f"TRANSLATOR'S OWN {lang}"] and not env.fuzzy
        assert keys is not None and keys.msgstr == [f"PENDING {lang}"] and keys.fuzzy
        assert not any(c.startswith(MARK) for c in env.translator_comments + keys.translator_comments)
        assert hash_record.recorded_hash(pofile.read(tree.po(lang, "guide/gateway"))) == records[lang]


def test_unreadable_catalog_stops_the_update_and_nothing_is_written(tree: Tree) -> None:
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["keys"])
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"], TEXT["restart"])
    tree.templates()
    broken = tree.po("ja", "guide/gateway")
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "dangling\n', encoding="utf-8")
    before = tree.snapshot()
    result = tree.update()
    assert result.code == 2
    line = len(broken.read_text(encoding="utf-8").splitlines())
    assert f"{broken}:{line}: " in result.err and "nothing written" in result.err
    assert tree.snapshot() == before


def test_the_source_language_is_not_updated(tree: Tree) -> None:
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"], TEXT["restart"])
    tree.templates()
    before = tree.snapshot()
    result = run_cli("update", "--pot", tree.pot, "--locale", tree.locale, "--lang", "en")
    assert result.code == 2 and "'en' is the source language" in result.err
    assert tree.snapshot() == before and not (tree.locale / "en").exists()


@pytest.mark.parametrize("lang", ["../ko", "k o", "1"])
def test_a_language_that_is_not_a_code_is_refused_before_anything_is_read(tree: Tree, lang: str) -> None:
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"], TEXT["restart"])
    tree.templates()
    before = tree.snapshot()
    result = run_cli("update", "--pot", tree.pot, "--locale", tree.locale, "--lang", lang)
    assert result.code == 2 and "Traceback" not in result.err
    assert f"argument --lang: {lang!r}" in result.err
    assert tree.snapshot() == before


def test_a_catalog_linked_outside_its_language_folder_is_not_written(tree: Tree, tmp_path: Path) -> None:
    """A symbolic link among the catalogs is not read, and cannot lead the update's writes out of locale/<lang>/."""
    outside = tmp_path / "elsewhere.po"
    target = tree.po("ko", "guide/limits")
    outside.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(outside)
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"], TEXT["restart"])
    tree.templates()
    before, outside_before = tree.snapshot(), outside.read_bytes()
    result = tree.update()
    assert result.code == 2, result.out
    assert f"{target}:0: a symbolic link, not read" in result.err and "nothing written" in result.err
    assert tree.snapshot() == before and outside.read_bytes() == outside_before


def test_second_update_changes_nothing(tree: Tree) -> None:
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["keys"])
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"].replace("every", "each"), TEXT["restart"])
    tree.templates()
    assert tree.update().code == 0
    before = tree.snapshot()
    again = tree.update()
    assert again.code == 0 and "Update:" not in again.out and "Create:" not in again.out
    assert tree.snapshot() == before


def test_progress_goes_to_stderr_only_when_asked_or_on_a_terminal(tree: Tree) -> None:
    tree.page("guide/new", TEXT["overview"], TEXT["proxy"])
    tree.templates()
    quiet = tree.update()  # stderr is a pipe here, not a terminal
    assert quiet.code == 0 and quiet.err == ""
    tree.page("guide/other", TEXT["keys"])
    tree.templates()
    shown = tree.update("--progress")
    files = len(LANGS) * 3 + 4  # the catalogs of three pages in each language, and four templates
    assert shown.code == 0, shown.err
    lines = shown.err.splitlines()
    assert f"update: read [##########] {files}/{files} files" in lines
    assert "update: merged [##########] 1/1 templates" in lines  # only the new page's template changed
    assert shown.out.count("Create:") == len(LANGS)


def test_no_memory_is_sphinx_intl_update(tree: Tree) -> None:
    """Without memory the catalogs are sphinx-intl's, byte for byte, but for the ``#|`` lines it drops."""
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["keys"].replace("cap", "limit"))
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"], TEXT["restart"])
    tree.page("guide/new", TEXT["overview"], TEXT["proxy"])
    tree.templates()
    stock = Tree(tree.root / "stock")
    shutil.copytree(tree.locale, stock.locale)
    langs = [a for lang in LANGS for a in ("-l", lang)]
    subprocess.run(  # from the tree's folder: sphinx-intl reads a conf.py in the working directory
        [sys.executable, "-m", "sphinx_intl", "update", "-p", tree.pot, "-d", stock.locale, *langs],
        check=True,
        capture_output=True,
        cwd=tree.root,
    )
    assert tree.update("--no-memory").code == 0
    ours = {p.relative_to(tree.locale): p.read_text(encoding="utf-8") for p in tree.locale.rglob("*.po")}
    theirs = {p.relative_to(stock.locale): p.read_text(encoding="utf-8") for p in stock.locale.rglob("*.po")}
    assert ours.keys() == theirs.keys()
    for name, text in ours.items():
        assert "\n".join(x for x in text.split("\n") if not x.startswith("#| ")) == theirs[name], name


# -- the catalog on a round trip ------------------------------------------------------------


def test_fills_survive_msgmerge_and_babel(tree: Tree, tmp_path: Path) -> None:
    tree.page("guide/gateway", TEXT["setup"], TEXT["env"], TEXT["keys"])
    tree.page("guide/limits", TEXT["limits"], TEXT["logs"], TEXT["proxy"].replace("every", "each"), TEXT["restart"])
    tree.page("guide/new", TEXT["overview"], TEXT["keys"])
    tree.templates()
    assert tree.update().code == 0
    for lang in LANGS:
        for name in ("guide/limits", "guide/new"):
            po = tree.po(lang, name)
            text = po.read_text(encoding="utf-8")
            assert babel_po.write(babel_po.read(text, po)) == text, "a fixed point of the update's read and write"
            subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)
            merged = tmp_path / "merged.po"
            pot = tree.pot / f"{name}.pot"
            subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(merged), str(po), str(pot)], check=True)
            after = merged.read_text(encoding="utf-8")
            for line in text.splitlines():
                if line.startswith(("# x-i18n-memory", "#| msgid")):
                    assert line in after, f"{lang} {name}: msgmerge dropped {line!r}"


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    previous=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120), max_size=3),
    obsolete_fuzzy=st.booleans(),
)
def test_previous_msgids_and_obsolete_flags_survive_the_update_writer(
    previous: list[str], obsolete_fuzzy: bool
) -> None:
    """What Babel alone loses (``#|`` lines, flags of obsolete entries) is written and read back."""
    catalog = Catalog(locale="ko", fuzzy=False)
    for number, text in enumerate(previous):
        catalog.add(f"message {number}", "번역", flags={"fuzzy"}, previous_id=[text])
    catalog.add("plain", "평문")
    catalog.obsolete["gone"] = catalog["plain"].clone()
    catalog.obsolete["gone"].id = "gone"
    catalog.obsolete["gone"].flags = {"fuzzy"} if obsolete_fuzzy else set()
    text = babel_po.write(catalog)
    again = babel_po.read(text, "x")
    assert [m.previous_id for m in again if m.id and m.id != "plain"] == [[t] for t in previous]
    assert again.obsolete["gone"].fuzzy == obsolete_fuzzy
    assert babel_po.write(again) == text
    counts = pofile.parse(text).counts()  # the strict reader agrees
    assert (counts["fuzzy"], counts["obsolete"]) == (len(previous), 1)
    if not previous and not obsolete_fuzzy:
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=76)
        assert text == buffer.getvalue().decode("utf-8"), "nothing extra: Babel's own output"


# -- the project, as a maintainer runs it ------------------------------------------------------


def test_make_update_po_keeps_a_moved_paragraph_translated(tmp_path: Path) -> None:
    """The issue's reproduction on the real pages: the reader of the new page sees the translation."""
    project = copy_project(tmp_path / "project")
    litellm, concepts = (
        project / "source" / "providers" / "litellm.md",
        project / "source" / "concepts" / "model-providers.md",
    )
    paragraph = next(
        p for p in litellm.read_text(encoding="utf-8").split("\n\n") if p.startswith("[LiteLLM](https://litellm.ai)")
    )
    litellm.write_text(litellm.read_text(encoding="utf-8").replace(paragraph + "\n\n", ""), encoding="utf-8")
    text = concepts.read_text(encoding="utf-8")
    concepts.write_text(
        text.replace("## Defining a provider", paragraph + "\n\n## Defining a provider"), encoding="utf-8"
    )
    result = run_make(project, "update-po")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in TRANSLATIONS:
        po = project / "locale" / lang / "LC_MESSAGES" / "concepts" / "model-providers.po"
        entry = next(e for e in pofile.read(po).messages() if e.msgid.startswith("[LiteLLM](https://litellm.ai)"))
        assert entry.state == "translated"
    status = json.loads(run_cli("status", "--format", "json", root=project).out)
    filled = {p["lang"]: p["memory"] for p in status["pages"] if p["page"] == "concepts/model-providers.md"}
    assert filled == dict.fromkeys(TRANSLATIONS, {"exact": 1, "fuzzy": 0})
    out = tmp_path / "html"
    assert sphinx_build(project, "ko", out).code == 0
    html = (out / "ko" / "concepts" / "model-providers.html").read_text(encoding="utf-8")
    assert "오픈 소스 LLM" in html and "is an open-source LLM gateway" not in html
