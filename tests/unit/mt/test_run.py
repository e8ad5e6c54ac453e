"""The run of ``translate`` (``mt/run.py``): replies from the cache, so no endpoint is needed."""

from __future__ import annotations

import io
from pathlib import Path

from docs_i18n.core import pofile
from docs_i18n.mt import cache, prompt, run
from docs_i18n.mt.plan import plan

BODY = "The proxy reports what each request costs."
MODEL = "test-model"


class Passing:
    def reason(self, docname: str, msgid: str) -> str | None:
        return None


def options(source: Path, locale: Path, build: Path, **changes: object) -> run.Options:
    fields: dict[str, object] = dict(
        source=source, locale=locale, conf=source, build=build, langs=["ko"], pages=None,
        base_url="http://localhost:4000/v1", model=MODEL,
        verdicts=lambda source, conf, copy, langs: {lang: Passing() for lang in langs},
    )  # fmt: skip
    fields.update(changes)
    return run.Options(**fields)  # type: ignore[arg-type]


def remember(source: Path, locale: Path, build: Path, replies: dict[str, str]) -> None:
    """The cache as an earlier run left it, for the messages in *replies*."""
    jobs, _ = plan(source, locale, ["ko"], None)
    store = cache.Cache(build / cache.FILE_NAME)
    for job in jobs:
        if job.msgid in replies:
            key = cache.key(job.msgid, prompt.system_message(job), "ko", MODEL, prompt.VERSION)
            store.put(key, cache.Cached(replies[job.msgid], 5, 5), MODEL, "ko")
    store.close()


def test_a_dry_run_lists_what_would_be_sent_and_writes_nothing(mt_tree, tmp_path: Path) -> None:
    source, locale, catalog = mt_tree
    before = catalog.read_bytes()
    out = io.StringIO()
    assert run.translate(options(source, locale, tmp_path / "_build", dry_run=True), out, io.StringIO()) == run.OK
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{catalog}:8: [ko] 'The proxy reports") and lines[0].endswith(" tokens")
    assert lines[-1].startswith("dry run: 2 request(s) to localhost:4000 (test-model), 0 from the cache;")
    assert catalog.read_bytes() == before and not (tmp_path / "_build").exists()


def test_cached_replies_are_reviewed_and_written_fuzzy(mt_tree, tmp_path: Path) -> None:
    source, locale, catalog = mt_tree
    build = tmp_path / "_build"
    remember(source, locale, build, {BODY: "프록시는 요청마다 드는 비용을 알려 줍니다.\n", "Run `make html`.": "  "})
    out, err = io.StringIO(), io.StringIO()
    assert run.translate(options(source, locale, build), out, err) == run.FINDINGS  # the empty reply is refused
    entries = {e.msgid: e for e in pofile.parse(catalog.read_text(encoding="utf-8"), catalog).messages()}
    assert (entries[BODY].state, entries[BODY].msgstr[0]) == ("fuzzy", "프록시는 요청마다 드는 비용을 알려 줍니다.")
    assert entries[BODY].translator_comments[0].startswith("x-i18n-mt: suggestion - ")
    assert entries["Run `make html`."].msgstr[0] == "make를 실행하세요."  # unchanged
    assert "[ko] index: 1 message(s) written" in out.getvalue()
    assert "0 request(s) sent, 2 answered from the cache" in out.getvalue()
    assert ": suggestion refused: the reply is empty" in err.getvalue()


def test_nothing_to_translate_sends_nothing(mt_tree, tmp_path: Path) -> None:
    source, locale, catalog = mt_tree
    catalog.write_text('msgid ""\nmsgstr ""\n\nmsgid "Costs"\nmsgstr "비용"\n', encoding="utf-8")
    out = io.StringIO()
    assert run.translate(options(source, locale, tmp_path / "_build"), out, io.StringIO()) == run.OK
    assert out.getvalue().startswith("nothing to translate")
