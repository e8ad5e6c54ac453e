"""Benchmark ``scripts/i18n translate``: messages per second at ``--jobs`` 1, 4 and 16, and the
tool's own overhead per message against a plain loop of ``openai`` calls to the same endpoint.

The endpoint: the real LiteLLM proxy with the project's test model
(``tests/litellm_proxy.py``, ``tests/mt_test_model.py``) when it is installed (``python
tests/litellm_proxy.py install``; ``--endpoint proxy`` requires it), else the
in-process fake of the tests (``--endpoint fake``). The model answers after
``--latency`` seconds (default 0.05 s: a short reply from a fast model), so that
concurrency has something to overlap.

The tree: a copy of the project with every page catalog of the languages benchmarked
(``--lang``, default ko, ja and zh_CN) emptied (N messages). Each run starts from those
empty catalogs and an empty cache:

- ``translate --jobs J`` for J in 1, 4, 16, timed end to end as a user runs it (process
  start, plan, requests, the build's review of every reply, atomic writes);
- the same command once more with every reply in the cache: the tool's fixed cost
  (everything but the requests);
- a plain loop: the same N requests (the same messages, ``prompt.messages``) with the
  ``openai`` client, one after another, nothing else.

Reported: wall time and messages per second of each run, its asking phase (from the
first request to the last reply, as the tool reports it: ``asking took S s``) in
messages per second, and the tool's overhead per message at ``--jobs 1``: (asking -
plain loop) / N, what it adds to each request (thread pool, cache commit, progress).

Usage: ``python -m benchmarks.bench_translate [--endpoint auto|proxy|fake] [--latency S] [--lang L]``.
Exit codes: 0 measured; 2 a run failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import openai

from benchmarks import bench_build

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import litellm_proxy  # noqa: E402 - the tests' helpers
from docs_i18n.core import babel_po  # noqa: E402
from docs_i18n.mt import plan, prompt  # noqa: E402
from mt_fake_endpoint import Behaviour, FakeEndpoint  # noqa: E402

JOBS = (1, 4, 16)
LANGS = ("ko", "ja", "zh_CN")  # the default --lang: three scripts, 165 messages
KEY = litellm_proxy.MASTER_KEY  # the proxy's key (the fake takes any)


def empty_tree(dest: Path, langs: Sequence[str]) -> int:
    """A copy of the project with every page catalog of *langs* emptied; the messages."""
    shutil.copytree(ROOT, dest, ignore=bench_build.copy_ignored())
    count = 0
    for path in sorted(p for lang in langs for p in (dest / "locale" / lang).rglob("*.po")):
        if path.name == "sphinx.po":
            continue
        catalog = babel_po.read(path.read_text("utf-8"), path)
        for message in catalog:
            if message.id:
                message.string = ""
                count += 1
        path.write_text(babel_po.write(catalog), "utf-8")
    return count


def run_tool(
    tree: Path, base_url: str, model: str, jobs: int, build: Path, langs: Sequence[str]
) -> tuple[float, float]:
    """``scripts/i18n translate --jobs J`` on *tree*: seconds end to end, and asking (as it reports)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(tree / "scripts" / "i18n"), "translate", "--base-url", base_url, "--model", model,
         "--jobs", str(jobs), "--build", str(build), *(a for lang in langs for a in ("--lang", lang))],
        cwd=tree, capture_output=True, text=True, env=dict(os.environ, I18N_MT_API_KEY=KEY),
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"translate --jobs {jobs} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    asking = re.search(r"^asking took ([0-9.]+) s$", result.stdout, re.MULTILINE)
    assert asking is not None, result.stdout
    return seconds, float(asking.group(1))


def plain_loop(tree: Path, base_url: str, model: str, langs: Sequence[str]) -> tuple[float, int]:
    """The same requests with the ``openai`` client, one after another; seconds and requests."""
    jobs, errors = plan.plan(tree / "source", tree / "locale", list(langs), None)
    assert not errors, errors
    client = openai.OpenAI(base_url=base_url, api_key=KEY, max_retries=0, timeout=60)
    start = time.perf_counter()
    for job in jobs:
        client.chat.completions.create(model=model, messages=prompt.messages(job), temperature=0)  # type: ignore[arg-type]
    return time.perf_counter() - start, len(jobs)


def measure(
    tree: Path, pristine: Path, base_url: str, model: str, count: int, work: Path, langs: Sequence[str]
) -> None:
    def restore() -> None:
        shutil.rmtree(tree / "locale")
        shutil.copytree(pristine / "locale", tree / "locale")

    rows = []
    for jobs in JOBS:
        restore()
        rows.append((f"translate --jobs {jobs}", *run_tool(tree, base_url, model, jobs, work / f"build-{jobs}", langs)))
    restore()
    cached, _ = run_tool(tree, base_url, model, 1, work / "build-1", langs)  # every reply in that cache
    restore()
    plain, sent = plain_loop(tree, base_url, model, langs)
    assert sent == count, (sent, count)
    print(f"{count} messages; a run answered from the cache (plan, review, writes): {cached:.2f} s")
    print(f"{'run':<22} {'wall s':>8} {'msg/s':>8} {'asking s':>9} {'msg/s':>8}")
    for name, seconds, asking in rows:
        print(f"{name:<22} {seconds:>8.2f} {count / seconds:>8.1f} {asking:>9.2f} {count / asking:>8.1f}")
    print(f"{'plain openai loop':<22} {plain:>8.2f} {count / plain:>8.1f} {plain:>9.2f} {count / plain:>8.1f}")
    overhead = (rows[0][2] - plain) / count
    print(f"the tool's overhead per message at --jobs 1, asking against the plain loop: {overhead * 1000:+.1f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", choices=("auto", "proxy", "fake"), default="auto")
    parser.add_argument("--latency", type=float, default=0.05, help="the model's reply time, seconds (0.05)")
    parser.add_argument(
        "--lang", action="append", help=f"a language to translate (repeatable; default {' '.join(LANGS)})"
    )
    args = parser.parse_args(argv)
    langs = args.lang or list(LANGS)
    use_proxy = args.endpoint == "proxy" or (args.endpoint == "auto" and litellm_proxy.installed())
    with tempfile.TemporaryDirectory(prefix="bench-translate-") as tmp:
        work = Path(tmp)
        pristine, tree = work / "pristine", work / "tree"
        count = empty_tree(pristine, langs)
        shutil.copytree(pristine, tree)
        control = work / "control.json"
        control.write_text(json.dumps({"hang": args.latency}))
        try:
            if use_proxy:
                if not litellm_proxy.installed():
                    print("the LiteLLM proxy is not installed: python tests/litellm_proxy.py install", file=sys.stderr)
                    return 2
                server = litellm_proxy.Proxy(work / "proxy", control)
                server.start()
                print(
                    f"endpoint: LiteLLM proxy {litellm_proxy.VERSION} on loopback (started in "
                    f"{server.startup_seconds:.1f} s), test model answering after {args.latency:g} s"
                )
                try:
                    measure(tree, pristine, server.base_url, litellm_proxy.MODEL, count, work, langs)
                finally:
                    server.stop()
            else:
                with FakeEndpoint(Behaviour(hang=args.latency)) as fake:
                    print(f"endpoint: in-process fake on loopback, answering after {args.latency:g} s")
                    measure(tree, pristine, fake.base_url, "test-translator", count, work, langs)
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
