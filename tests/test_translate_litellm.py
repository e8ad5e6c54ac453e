"""``scripts/i18n translate`` end to end through a real LiteLLM proxy on loopback.

The proxy (tests/litellm_proxy.py: pinned, in its own cached virtual environment)
serves the deterministic test model of tests/mt_test_model.py through LiteLLM's
custom-provider hook. Where LiteLLM cannot be installed the tests skip, saying why;
in CI (CI=true) they fail instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import litellm_proxy
from conftest import copy_project
from mt_util import HOSTILE, HOSTILE_MARKS, PAGE, all_bytes, blank, states

STARTUP_BUDGET = 90.0  # seconds: the proxy starts in about 6 on an idle machine, 25 on a busy one (make test -n auto)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory):
    try:
        litellm_proxy.install()
    except (OSError, subprocess.SubprocessError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"LiteLLM proxy could not be installed in CI: {exc}")
        pytest.skip(f"LiteLLM proxy {litellm_proxy.REQUIREMENT} could not be installed here ({exc}); CI runs this")
    base = tmp_path_factory.mktemp("litellm")
    control = base / "control.json"
    control.write_text(json.dumps({"rate_limit": 3}))  # the proxy's first three calls answer 429
    server = litellm_proxy.Proxy(base / "proxy", control)
    server.start()
    print(f"LiteLLM proxy {litellm_proxy.VERSION} started in {server.startup_seconds:.1f} s")
    assert server.startup_seconds < STARTUP_BUDGET, f"the proxy took {server.startup_seconds:.1f} s to start"
    yield server
    server.stop()


def translate(project: Path, proxy: litellm_proxy.Proxy, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, I18N_MT_API_KEY=litellm_proxy.MASTER_KEY)
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "i18n"), "translate", "--base-url", proxy.base_url,
         "--model", litellm_proxy.MODEL, "--lang", "ko", *args],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def steer(proxy: litellm_proxy.Proxy, **control: object) -> None:
    proxy.control.write_text(json.dumps(control, ensure_ascii=False))


def test_through_litellm_fuzzy_with_provenance_hostile_refused_429s_retried_then_cached(proxy, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    count = blank(project)
    empty = (project / PAGE).read_bytes()
    steer(proxy, rate_limit=3, replies=HOSTILE)
    try:
        first = translate(project, proxy, "--jobs", "4")
    finally:
        steer(proxy)
    assert first.returncode == 1, first.stderr + proxy.log_tail()  # 1: some suggestions refused
    entries = states(project / PAGE)
    entry = entries["Create a dedicated key for OpenClaw with spend limits:"]
    assert entry.state == "fuzzy" and entry.msgstr[0] == "ko: Create a dedicated key for OpenClaw with spend limits:"
    assert entry.translator_comments[1] == f"x-i18n-mt-model: {litellm_proxy.MODEL}"
    assert entry.translator_comments[2] == f"x-i18n-mt-endpoint: 127.0.0.1:{proxy.port}"
    assert "3 retried" in first.stdout, first.stdout
    assert "cost not reported" not in first.stdout  # LiteLLM's x-litellm-response-cost
    # the hostile replies: refused, reported at their line, and nothing of them in the catalog
    text = (project / PAGE).read_text("utf-8")
    for mark in HOSTILE_MARKS:
        assert mark not in text
    for english in HOSTILE:
        assert entries[english].state == "untranslated"
        assert f"{PAGE.as_posix()}:{entries[english].line}: suggestion refused: " in first.stderr
    assert {e.msgid for e in entries.values() if e.state == "fuzzy"} == set(entries) - set(HOSTILE)
    written = count - len(HOSTILE)
    assert f"{written} message(s) written as fuzzy suggestions, {len(HOSTILE)} refused, 0 failed" in first.stdout
    # the same empty catalog again: every reply from the cache, not one request
    filled = (project / PAGE).read_bytes()
    (project / PAGE).write_bytes(empty)
    second = translate(project, proxy)
    assert second.returncode == 1, second.stderr
    assert f"0 request(s) sent, {count} answered from the cache" in second.stdout
    assert (project / PAGE).read_bytes() == filled
    for result in (first, second):
        assert litellm_proxy.MASTER_KEY not in result.stdout + result.stderr
    for folder in ("locale", "_build"):
        assert litellm_proxy.MASTER_KEY.encode() not in all_bytes(project / folder)


def test_through_litellm_a_hung_model_times_out_and_nothing_changes(proxy, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    blank(project)
    before = all_bytes(project / "locale")
    steer(proxy, hang=6)
    try:
        result = translate(project, proxy, "--timeout", "1", "--jobs", "2")
    finally:
        steer(proxy)
    assert result.returncode == 3, result.stderr
    assert "no reply within 1 s" in result.stderr
    assert all_bytes(project / "locale") == before
