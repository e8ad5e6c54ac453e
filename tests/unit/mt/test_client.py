"""The wire (docs_i18n.mt.client), the cache key and the catalog writer, each on its own."""

from __future__ import annotations

import email.utils
from pathlib import Path

import pytest

from docs_i18n.core import babel_po, pofile
from docs_i18n.mt import cache
from docs_i18n.mt.client import Client, EndpointError, backoff, host, retry_after
from docs_i18n.mt.write import Suggestion, apply
from mt_fake_endpoint import Behaviour, FakeEndpoint

MESSAGES = [{"role": "system", "content": "into Korean (ko)."}, {"role": "user", "content": "Hello `x`"}]


def test_retry_after_reads_seconds_milliseconds_and_dates() -> None:
    assert retry_after({"retry-after": "3"}) == 3.0
    assert retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    when = email.utils.formatdate(1_000_030, usegmt=True)
    assert retry_after({"retry-after": when}, now=1_000_000) == pytest.approx(30, abs=1)
    assert retry_after({"retry-after": "soon"}) is None
    assert retry_after({}) is None


def test_backoff_grows_and_is_capped() -> None:
    assert 0.5 <= backoff(0) <= 0.625
    assert 4 <= backoff(3) <= 5
    assert backoff(30) <= 25


def test_host_names_no_user_password_or_path() -> None:
    assert host("https://user:secret@gateway.internal:8443/v1") == "gateway.internal:8443"
    assert host("http://localhost:4000/v1") == "localhost:4000"


def test_429_and_503_are_retried_waiting_what_retry_after_asks() -> None:
    waits: list[float] = []
    with FakeEndpoint(Behaviour(fail_first=2, fail_status=503, retry_after="2")) as fake:
        client = Client(fake.base_url, "m", timeout=5, retries=3, key="k", sleep=waits.append)
        reply = client.translate(MESSAGES)
    assert reply.content == "ko: Hello `x`" and reply.retries == 2 and waits == [2.0, 2.0]
    assert reply.cost == 0.00025 and reply.prompt_tokens > 0


def test_retries_run_out_and_the_error_never_shows_the_key() -> None:
    with FakeEndpoint(Behaviour(fail_first=10, fail_status=429, retry_after=None)) as fake:
        client = Client(fake.base_url, "m", timeout=5, retries=2, key="sk-secret-1", sleep=lambda _: None)
        with pytest.raises(EndpointError) as caught:
            client.translate(MESSAGES)
        assert len(fake.behaviour.requests) == 3
    assert "HTTP 429" in str(caught.value) and not caught.value.fatal
    assert client.scrub("bad key sk-secret-1") == "bad key [I18N_MT_API_KEY]"


def test_the_cache_key_changes_with_every_part() -> None:
    base = ("text", "context", "ko", "model", "1")
    keys = {cache.key(*base)}
    for index in range(len(base)):
        changed = list(base)
        changed[index] += "x"
        keys.add(cache.key(*changed))
    assert len(keys) == 1 + len(base)


def test_cache_keeps_replies_across_connections(tmp_path: Path) -> None:
    store = cache.Cache(tmp_path / "c.sqlite3")
    store.put("k", cache.Cached("안녕", 3, 1), "m", "ko")
    store.close()
    assert cache.Cache(tmp_path / "c.sqlite3", read_only=True).get("k") == cache.Cached("안녕", 3, 1)
    assert cache.Cache(tmp_path / "none.sqlite3", read_only=True).get("k") is None
    assert not (tmp_path / "none.sqlite3").exists()


CATALOG = """# x-i18n-source-hash:
# 269529671c60864972441606c730b5ca327546a45d3b264dbd03204c4401936f
msgid ""
msgstr ""
"Language: ko\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Empty"
msgstr ""

# x-i18n-memory: fuzzy 269529671c60
# x-i18n-memory-from: other.po, 80% similar
#| msgid "Old English"
#, fuzzy
msgid "Guessed"
msgstr "옛 번역"

msgid "Done"
msgstr "완료"
"""


def test_apply_writes_fuzzy_suggestions_with_the_mark_and_leaves_a_translators_work() -> None:
    suggestions = [
        Suggestion("Empty", "", "비어 있음"),
        Suggestion("Guessed", "옛 번역", "추측"),
        Suggestion("Done", "", "덮어쓰기"),  # translated meanwhile: left alone
    ]
    text, written = apply(CATALOG, "t.po", suggestions, "suggestion", ("m", "localhost:4000", "2026-12-03", "1"))
    assert written == 2
    entries = {e.msgid: e for e in pofile.parse(text).messages()}
    assert entries["Done"].msgstr == ["완료"] and entries["Done"].state == "translated"
    guessed = entries["Guessed"]
    assert guessed.state == "fuzzy" and guessed.msgstr == ["추측"]
    assert guessed.translator_comments == [
        "x-i18n-mt: suggestion 269529671c60 2026-12-03 prompt-v1",
        "x-i18n-mt-model: m",
        "x-i18n-mt-endpoint: localhost:4000",
    ]
    assert not [m for m in babel_po.read(text, "t.po") if m.id == "Guessed"][0].previous_id
    accepted, _ = apply(CATALOG, "t.po", suggestions[:1], "accepted", ("m", "h", "2026-12-03", "1"))
    assert {e.msgid: e.state for e in pofile.parse(accepted).messages()}["Empty"] == "translated"


def test_a_suggestion_is_asked_again_only_once_its_english_changed(tmp_path: Path) -> None:
    from docs_i18n.mt.plan import catalog_jobs

    folder = tmp_path / "locale" / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    path = folder / "page.po"
    mark = "# x-i18n-mt: suggestion - 2026-12-03 prompt-v1\n"
    text = CATALOG.replace('msgid "Empty"\nmsgstr ""', f'{mark}#, fuzzy\nmsgid "Empty"\nmsgstr "제안"')
    text = text.replace("# x-i18n-memory: fuzzy 269529671c60\n# x-i18n-memory-from: other.po, 80% similar\n", mark)
    path.write_text(text, "utf-8")
    jobs = catalog_jobs(path, tmp_path / "locale", "ko", "page", "Title", None)
    assert [job.msgid for job in jobs] == ["Guessed"]  # its English changed (#| msgid): asked again
    assert jobs[0].previous == "Old English" and jobs[0].old == "옛 번역"
