"""``scripts/i18n translate`` end to end, against a small in-process OpenAI-compatible endpoint
(tests/mt_fake_endpoint.py).

Each test runs the command line as a user would, on a copy of the project whose Korean
catalog of providers/litellm.md has lost its translations, and asserts on the catalogs
on disk, stdout and stderr, and what the endpoint received.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import TRANSLATIONS, copy_project
from docs_i18n.core import babel_po
from mt_fake_endpoint import Behaviour, FakeEndpoint
from mt_util import HOSTILE, HOSTILE_MARKS, PAGE, all_bytes, blank, states

KEY = "sk-test-7f3a9c0e1d2b4a68-do-not-print"


def translate(project: Path, endpoint: FakeEndpoint, *args: str):
    full_env = dict(os.environ, I18N_MT_API_KEY=KEY, OPENAI_LOG="debug")  # the client's debug log must stay off
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "i18n"), "translate", "--base-url", endpoint.base_url,
         "--model", "test-translator", *args],
        cwd=project, capture_output=True, text=True, env=full_env, timeout=300,
    )  # fmt: skip


@pytest.fixture
def blanked(tmp_path: Path) -> tuple[Path, int]:
    project = copy_project(tmp_path / "project")
    return project, blank(project)


def test_fills_empty_messages_as_fuzzy_with_provenance_and_a_rerun_sends_nothing(blanked) -> None:
    project, count = blanked
    other = project / "locale/ko/LC_MESSAGES/concepts/model-providers.po"
    before_other = other.read_bytes()
    empty = (project / PAGE).read_bytes()
    with FakeEndpoint() as fake:
        first = translate(project, fake, "--lang", "ko", "--jobs", "4")
        assert first.returncode == 0, first.stderr
        sent = len(fake.behaviour.requests)
        filled = (project / PAGE).read_bytes()
        # the suggestions wait for a reviewer: nothing to send
        second = translate(project, fake, "--lang", "ko")
        assert second.returncode == 0, second.stderr
        assert "nothing to translate" in second.stdout
        # the same messages empty again: every reply comes from the cache in _build/
        (project / PAGE).write_bytes(empty)
        third = translate(project, fake, "--lang", "ko")
        assert third.returncode == 0, third.stderr
        assert len(fake.behaviour.requests) == sent, "a rerun sent requests"
    assert sent == count
    assert (project / PAGE).read_bytes() == filled
    entries = states(project / PAGE)
    assert all(e.state == "fuzzy" for e in entries.values())
    entry = entries["Use the generated key as `LITELLM_API_KEY`."]
    assert entry.msgstr[0] == "ko: Use the generated key as `LITELLM_API_KEY`."
    mark, model, endpoint = entry.translator_comments
    assert re.fullmatch(r"x-i18n-mt: suggestion [0-9a-f]{12} \d{4}-\d\d-\d\d prompt-v1", mark)
    assert model == "x-i18n-mt-model: test-translator"
    assert re.fullmatch(r"x-i18n-mt-endpoint: 127\.0\.0\.1:\d+", endpoint)
    assert other.read_bytes() == before_other, "a catalog with nothing to translate changed"
    assert f"{count} request(s) sent, 0 answered from the cache" in first.stdout
    assert "cost 0.00" in first.stdout and "prompt +" in first.stdout
    assert f"0 request(s) sent, {count} answered from the cache" in third.stdout
    # the request: the last message is exactly the English; the key is a bearer token, and nowhere else
    request = fake.behaviour.requests[0]
    assert request["headers"]["authorization"] == f"Bearer {KEY}"
    english = {r["body"]["messages"][-1]["content"] for r in fake.behaviour.requests}
    assert english == set(entries)
    system = next(
        r["body"]["messages"][0]["content"]
        for r in fake.behaviour.requests
        if r["body"]["messages"][-1]["content"].startswith("Create a dedicated key")
    )
    assert "Korean (ko)" in system and "The page's title: LiteLLM" in system
    for result in (first, second, third):
        assert KEY not in result.stdout + result.stderr
    assert (project / "_build" / "mt-cache.sqlite3").is_file()
    for written in ("locale", "_build"):  # what the command writes (the project copy holds this test file)
        assert KEY.encode() not in all_bytes(project / written)


def test_hostile_replies_are_refused_and_reported_and_never_written(blanked, tmp_path: Path, monkeypatch) -> None:
    project, count = blanked
    steer = tmp_path / "control.json"
    steer.write_text(json.dumps({"replies": HOSTILE}, ensure_ascii=False), "utf-8")
    monkeypatch.setenv("I18N_MT_TEST_CONTROL", str(steer))  # read by the test model, in this process
    with FakeEndpoint() as fake:
        result = translate(project, fake, "--lang", "ko")
    assert result.returncode == 1, result.stderr
    entries = states(project / PAGE)
    text = (project / PAGE).read_text("utf-8")
    for mark in HOSTILE_MARKS:
        assert mark not in text
    for english in HOSTILE:
        entry = entries[english]
        assert entry.state == "untranslated", english
        line = f"{PAGE.as_posix()}:{entry.line}: suggestion refused: "
        assert line in result.stderr, (english, result.stderr)
    refused = [line for line in result.stderr.splitlines() if "suggestion refused" in line]
    assert len(refused) == len(HOSTILE)
    assert "javascript" in result.stderr and "code" in result.stderr and "[glossary]" in result.stderr
    written = [e for e in entries.values() if e.state == "fuzzy"]
    assert len(written) == count - len(HOSTILE)
    assert f"{len(written)} message(s) written as fuzzy suggestions, {len(HOSTILE)} refused" in result.stdout


def test_429_with_retry_after_is_retried_and_the_run_completes(blanked) -> None:
    project, count = blanked
    with FakeEndpoint(Behaviour(fail_first=3, retry_after="1")) as fake:
        result = translate(project, fake, "--lang", "ko", "--jobs", "1")
        assert result.returncode == 0, result.stderr
        assert len(fake.behaviour.requests) == count + 3
    assert "3 retried" in result.stdout
    assert all(e.state == "fuzzy" for e in states(project / PAGE).values())


def test_a_hung_endpoint_times_out_and_no_catalog_changes(blanked) -> None:
    project, _ = blanked
    before = all_bytes(project / "locale")
    with FakeEndpoint(Behaviour(hang=4)) as fake:
        result = translate(project, fake, "--lang", "ko", "--timeout", "1", "--jobs", "2")
    assert result.returncode == 3, result.stderr
    assert "no reply within 1 s" in result.stderr
    assert all_bytes(project / "locale") == before
    assert KEY not in result.stdout + result.stderr


def test_a_refused_key_stops_the_run_without_showing_it(blanked) -> None:
    project, _ = blanked
    with FakeEndpoint(Behaviour(fail_first=1000, fail_status=401)) as fake:
        result = translate(project, fake, "--lang", "ko", "--jobs", "1")
        assert len(fake.behaviour.requests) == 1, "requests went on after the key was refused"
    assert result.returncode == 3
    assert "HTTP 401: the endpoint refused the key (set I18N_MT_API_KEY)" in result.stderr
    assert KEY not in result.stdout + result.stderr


def test_dry_run_sends_and_writes_nothing(blanked) -> None:
    project, count = blanked
    before = all_bytes(project)
    with FakeEndpoint() as fake:
        result = translate(project, fake, "--lang", "ko", "--dry-run")
        assert fake.behaviour.requests == []
    assert result.returncode == 0, result.stderr
    assert f"dry run: {count} request(s) to 127.0.0.1:" in result.stdout
    assert f"{PAGE.as_posix()}:" in result.stdout
    assert all_bytes(project) == before


def test_a_translated_message_is_never_touched(blanked) -> None:
    project, _ = blanked
    path = project / "locale/ko/LC_MESSAGES/concepts/model-providers.po"
    catalog = babel_po.read(path.read_text("utf-8"), path)
    target = next(m for m in catalog if m.id)
    target.string = ""
    path.write_text(babel_po.write(catalog), "utf-8")
    before = {m: e.msgstr[0] for m, e in states(path).items() if e.state == "translated"}
    with FakeEndpoint() as fake:
        result = translate(project, fake, "--lang", "ko", "--page", "concepts/model-providers.md")
        assert [r["body"]["messages"][-1]["content"] for r in fake.behaviour.requests] == [target.id]
    assert result.returncode == 0, result.stderr
    after = states(path)
    assert {m: after[m].msgstr[0] for m in before} == before
    assert after[target.id].state == "fuzzy"


def test_accept_writes_translated_and_readers_are_told_the_page_is_machine_translated(blanked, tmp_path: Path) -> None:
    from conftest import run_cli, sphinx_build
    from htmlutil import parse, squash

    project, count = blanked
    with FakeEndpoint() as fake:
        result = translate(project, fake, "--lang", "ko", "--accept")
    assert result.returncode == 0, result.stderr
    assert f"{count} message(s) written as translated (machine-translated, not reviewed)" in result.stdout
    entries = states(project / PAGE)
    assert all(e.state == "translated" for e in entries.values())
    assert all(e.translator_comments[0].startswith("x-i18n-mt: accepted ") for e in entries.values())
    # status: the page is counted apart, in every format
    status = run_cli("status", "--lang", "ko", "--format", "json", root=project)
    document = json.loads(status.out)
    assert document["languages"]["ko"]["machine_translated"] == 1
    pages = {p["page"]: p for p in document["pages"]}
    assert pages["providers/litellm.md"]["machine_translated"] == count
    assert pages["concepts/model-providers.md"]["machine_translated"] == 0
    text = run_cli("status", "--lang", "ko", root=project).out
    assert "1 machine-translated, not reviewed" in text
    assert f"{count} message(s) machine-translated, not reviewed" in text
    # the built page's banner and the status page
    out = tmp_path / "html"
    build = sphinx_build(project, "ko", out)
    assert build.code == 0, build.err
    page = parse(out / "ko" / "providers" / "litellm.html")
    banner = page.find("aside", cls="i18n-banner")
    assert banner is not None and banner.attrs.get("data-i18n-machine") == "true"
    assert "이 페이지는 기계 번역되었으며 아직 검토되지 않았습니다." in squash(banner.text())
    other = parse(out / "ko" / "concepts" / "model-providers.html").find("aside", cls="i18n-banner")
    assert other is None or other.attrs.get("data-i18n-machine") is None
    status_page = parse(out / "ko" / "translation-status.html")
    marked = [td.attrs["data-lang"] for td in status_page.find_all("td") if td.find("span", cls="i18n-machine")]
    assert marked == ["ko"]
    counts = [squash(td.text()) for td in status_page.find_all("td") if "data-machine-count" in td.attrs]
    assert counts[TRANSLATIONS.index("ko")] == "1"
    legend = squash(status_page.find("dl", cls="i18n-status-legend-machine").text())
    assert "기계가 이 페이지를 번역했으며 아직 아무도 번역을 검토하지 않았습니다." in legend


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_sending_and_writes_what_was_received(blanked) -> None:
    project, count = blanked
    env = dict(os.environ, I18N_MT_API_KEY=KEY)
    with FakeEndpoint(Behaviour(hang=0.2)) as fake:
        command = [sys.executable, str(project / "scripts" / "i18n"), "translate", "--base-url", fake.base_url,
                   "--model", "test-translator", "--lang", "ko", "--jobs", "1"]  # fmt: skip
        process = subprocess.Popen(
            command,
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # Ctrl-C as in a terminal: a run started in the background by a script (CI, `cmd &`)
            # inherits SIGINT ignored, and the command would never see the signal
            preexec_fn=_default_sigint,
        )
        deadline = time.monotonic() + 60
        while len(fake.behaviour.requests) < 6 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        sent = len(fake.behaviour.requests)
    assert process.returncode == 130, err
    assert "interrupted: nothing more is sent" in err
    assert sent < count
    written = [e for e in states(project / PAGE).values() if e.state == "fuzzy"]  # the catalog reads whole
    assert 5 <= len(written) <= sent
    assert f"{len(written)} message(s) written as fuzzy suggestions" in out


def test_make_translate_fills_every_language_with_a_progress_bar_and_a_summary(tmp_path: Path) -> None:
    from conftest import run_make

    project = copy_project(tmp_path / "project")
    relative = Path("LC_MESSAGES/providers/litellm.po")
    count = sum(blank(project, Path("locale", lang) / relative) for lang in TRANSLATIONS)
    with FakeEndpoint() as fake:
        options = f"--base-url {fake.base_url} --model test-translator --jobs 8"
        result = run_make(project, "translate", "PAGE=providers/litellm.md", f"TRANSLATEOPTS={options}")
        assert len(fake.behaviour.requests) == count
    assert result.returncode == 0, result.stderr
    assert f"[##########] {count}/{count} messages" in result.stderr
    assert f"{count} request(s) sent, 0 answered from the cache, 0 retried" in result.stdout
    assert f"{count} message(s) written as fuzzy suggestions, 0 refused, 0 failed" in result.stdout
    for lang in TRANSLATIONS:
        entries = states(project / "locale" / lang / relative)
        assert {e.state for e in entries.values()} == {"fuzzy"}
        assert all(e.msgstr[0].startswith(f"{lang}: ") for e in entries.values())


def test_a_killed_run_changes_no_catalog_and_the_next_run_reuses_its_replies(blanked) -> None:
    project, count = blanked
    empty = (project / PAGE).read_bytes()
    env = dict(os.environ, I18N_MT_API_KEY=KEY)
    with FakeEndpoint(Behaviour(hang=0.2)) as fake:
        command = [sys.executable, str(project / "scripts" / "i18n"), "translate", "--base-url", fake.base_url,
                   "--model", "test-translator", "--lang", "ko", "--jobs", "1"]  # fmt: skip
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while len(fake.behaviour.requests) < 6 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.kill()  # SIGKILL: no handler runs
        process.communicate(timeout=60)
        assert (project / PAGE).read_bytes() == empty
        fake.behaviour.hang = 0.0
        before = len(fake.behaviour.requests)
        result = translate(project, fake, "--lang", "ko")
        resent = len(fake.behaviour.requests) - before
    assert result.returncode == 0, result.stderr
    cached = count - resent
    assert cached >= 5, result.stdout
    assert f"{resent} request(s) sent, {cached} answered from the cache" in result.stdout
    assert all(e.state == "fuzzy" for e in states(project / PAGE).values())
