"""One ``translate`` run: plan, ask (bounded concurrency, cached), review, write, summarise.

Replies are committed to the cache as they arrive (:mod:`.cache`); the catalogs are
written at the end of the run, each atomically, with only the replies that passed
the review (:mod:`.review`). An interrupted run (Ctrl-C) stops sending, then reviews
and writes what it received; a killed one leaves every catalog as it was, and the
next run gets its replies from the cache without a request.
"""

from __future__ import annotations

import datetime
import math
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from docs_i18n.core import locale_tree, pofile
from docs_i18n.core.errors import InputError, shown_path
from docs_i18n.core.progress import Progress
from docs_i18n.core.textio import atomic_write, check_inside
from docs_i18n.mt import cache, prompt, review
from docs_i18n.mt.client import Client, EndpointError, Reply, Stopped, host
from docs_i18n.mt.plan import Job, plan
from docs_i18n.mt.write import Suggestion, apply

CHARS_PER_TOKEN = 4  # --dry-run's estimate (English; CJK replies take more)

OK, FINDINGS, INPUT, ENDPOINT, INTERRUPTED = 0, 1, 2, 3, 130


@dataclass
class Options:
    """What the command line chose."""

    source: Path
    locale: Path
    conf: Path
    build: Path  # the cache lives here (_build/)
    langs: list[str]
    pages: list[str] | None
    base_url: str
    model: str
    jobs: int = 4
    timeout: float = 60.0
    retries: int = 5
    accept: bool = False
    dry_run: bool = False
    verdicts: review.Verdicts | None = None  # docs_i18n.sphinx_ext.verdicts.verdicts (required unless dry_run)


@dataclass
class Summary:
    """What a run sent, received and wrote."""

    requests: int = 0
    cached: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = None
    written: int = 0
    refused: int = 0
    failed: int = 0
    asking_seconds: float = 0.0  # from the first request to the last reply

    def lines(self, accept: bool) -> list[str]:
        cost = f"cost {self.cost:.6f}" if self.cost is not None else "cost not reported by the endpoint"
        how = "translated (machine-translated, not reviewed)" if accept else "fuzzy suggestions"
        return [
            f"{self.requests} request(s) sent, {self.cached} answered from the cache, {self.retries} retried; "
            f"{self.prompt_tokens} prompt + {self.completion_tokens} completion tokens; {cost}",
            f"{self.written} message(s) written as {how}, {self.refused} refused, {self.failed} failed",
            f"asking took {self.asking_seconds:.2f} s",
        ]


@dataclass
class _Asked:
    """A message, its request and its cache key."""

    job: Job
    messages: list[dict[str, str]]
    key: str


def _fitted(english: str, reply: str) -> str:
    """The reply with the English's surrounding white space (models add or drop a final new line)."""
    core = reply.strip()
    lead = english[: len(english) - len(english.lstrip())]
    trail = english[len(english.rstrip()) :]
    return f"{lead}{core}{trail}" if core else ""


def translate(opts: Options, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``translate``; return the exit code (output to *out* and *err*: by default sys.stdout and sys.stderr)."""
    out = out or sys.stdout
    err = err or sys.stderr
    jobs, errors = plan(opts.source, opts.locale, opts.langs, opts.pages)
    for error in errors:
        print(error.shown(), file=err)
    if errors:
        print("nothing sent: fix the catalogs above first", file=err)
        return INPUT
    if not jobs:
        print(
            "nothing to translate: every message of the chosen catalogs is translated or holds a suggestion",
            file=out,
        )
        return OK
    asked = []
    for job in jobs:
        messages = prompt.messages(job)
        asked.append(
            _Asked(job, messages, cache.key(job.msgid, messages[0]["content"], job.lang, opts.model, prompt.VERSION))
        )
    store = cache.Cache(opts.build / cache.FILE_NAME, read_only=opts.dry_run)
    try:
        if opts.dry_run:
            return _dry_run(asked, store, opts, out)
        return _ask_review_write(asked, store, opts, out, err)
    finally:
        store.close()


def _dry_run(asked: list[_Asked], store: cache.Cache, opts: Options, out: TextIO) -> int:
    sending = prompt_tokens = completion_tokens = 0
    for item in asked:
        cached = store.get(item.key) is not None
        tokens = math.ceil(sum(len(m["content"]) for m in item.messages) / CHARS_PER_TOKEN)
        note = " (cached)" if cached else ""
        print(f"{item.job.where}: [{item.job.lang}] {_clip(item.job.msgid)} ~{tokens} tokens{note}", file=out)
        if not cached:
            sending += 1
            prompt_tokens += tokens
            completion_tokens += 2 * math.ceil(len(item.job.msgid) / CHARS_PER_TOKEN)
    print(
        f"dry run: {sending} request(s) to {host(opts.base_url)} ({opts.model}), "
        f"{len(asked) - sending} from the cache; about {prompt_tokens} prompt + {completion_tokens} completion "
        f"tokens (at {CHARS_PER_TOKEN} characters a token); "
        "nothing sent, nothing written",
        file=out,
    )
    return OK


def _clip(text: str, width: int = 50) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 3] + "...")


def _ask_review_write(asked: list[_Asked], store: cache.Cache, opts: Options, out: TextIO, err: TextIO) -> int:
    summary = Summary()
    received: dict[int, str] = {}
    failures: list[str] = []
    fatal: str | None = None
    interrupted = False
    progress = Progress(len(asked), err)
    for index, item in enumerate(asked):
        hit = store.get(item.key)
        if hit is not None:
            received[index] = hit.content
            summary.cached += 1
            progress.step("cached")
    to_send = [i for i in range(len(asked)) if i not in received]
    client = Client(opts.base_url, opts.model, timeout=opts.timeout, retries=opts.retries) if to_send else None
    pool = ThreadPoolExecutor(max_workers=max(1, opts.jobs), thread_name_prefix="i18n-mt")
    started = time.perf_counter()
    try:
        futures: dict[Future[Reply], int] = {pool.submit(client.translate, asked[i].messages): i for i in to_send}  # type: ignore[union-attr]
        for future in as_completed(futures):
            index = futures[future]
            item = asked[index]
            try:
                reply = future.result()
            except Stopped:
                continue
            except EndpointError as exc:
                summary.failed += 1
                failures.append(f"{item.job.where}: request failed: {exc}")
                progress.step("failed")
                if exc.fatal and fatal is None:
                    fatal = str(exc)  # nothing more is sent (the client stops); replies in flight are kept
                continue
            summary.requests += 1 + reply.retries
            summary.retries += reply.retries
            summary.prompt_tokens += reply.prompt_tokens
            summary.completion_tokens += reply.completion_tokens
            if reply.cost is not None:
                summary.cost = (summary.cost or 0.0) + reply.cost
            store.put(
                item.key,
                cache.Cached(reply.content, reply.prompt_tokens, reply.completion_tokens),
                opts.model,
                item.job.lang,
            )
            received[index] = reply.content
            progress.step(item.job.lang)
    except KeyboardInterrupt:
        interrupted = True
        if client is not None:
            client.stopped.set()
        print("\ninterrupted: nothing more is sent; what was received is reviewed and written", file=err)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        summary.asking_seconds = time.perf_counter() - started
    for line in failures:
        print(line, file=err)
    if fatal is not None:
        print(f"stopped: {fatal}; what was received is reviewed and written", file=err)
    _review_and_write(asked, received, summary, opts, out, err)
    for line in summary.lines(opts.accept):
        print(line, file=out)
    if interrupted:
        return INTERRUPTED
    if fatal is not None:
        return ENDPOINT
    return FINDINGS if summary.refused or summary.failed else OK


def _review_and_write(
    asked: list[_Asked], received: dict[int, str], summary: Summary, opts: Options, out: TextIO, err: TextIO
) -> None:
    by_lang: dict[str, dict[str, list[tuple[str, Suggestion]]]] = {}
    refused: dict[str, list[tuple[str, str]]] = {}  # catalog -> [(msgid, reason)]
    langs: dict[str, str] = {}  # catalog -> language
    for index, content in sorted(received.items()):
        job = asked[index].job
        langs[str(job.catalog)] = job.lang
        text = _fitted(job.msgid, content)
        if not text:
            refused.setdefault(str(job.catalog), []).append((job.msgid, "the reply is empty"))
            continue
        by_lang.setdefault(job.lang, {}).setdefault(str(job.catalog), []).append(
            (job.page, Suggestion(job.msgid, job.old, text))
        )
    kind = "accepted" if opts.accept else "suggestion"
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    provenance = (opts.model, host(opts.base_url), today, prompt.VERSION)
    passed: dict[str, list[Suggestion]] = {}
    reasons: dict[review.Key, str | None] = {}
    if by_lang:
        assert opts.verdicts is not None, "translate needs the build's verdict"
        reasons = review.review(opts.source, opts.conf, opts.locale, by_lang, opts.verdicts)
    for catalogs in by_lang.values():
        for catalog, items in catalogs.items():
            for _page, suggestion in items:
                reason = reasons.get((catalog, suggestion.msgid))
                if reason:
                    refused.setdefault(catalog, []).append((suggestion.msgid, reason))
                else:
                    passed.setdefault(catalog, []).append(suggestion)
    for catalog in sorted(set(passed) | set(refused)):
        lang = langs[catalog]
        text = locale_tree.read_text(catalog, opts.locale, "catalog")
        if passed.get(catalog):
            try:
                text, written = apply(text, catalog, passed[catalog], kind, provenance)
                check_inside(catalog, Path(opts.locale) / lang)
            except InputError as exc:
                print(exc.shown(), file=err)
                summary.failed += len(passed[catalog])
                continue
            atomic_write(catalog, text)
            summary.written += written
            page = Path(catalog).relative_to(Path(opts.locale) / lang / "LC_MESSAGES").with_suffix("").as_posix()
            print(f"[{lang}] {page}: {written} message(s) written", file=out)
        # the lines of the catalog as it is now on disk
        lines = {entry.msgid: entry.line for entry in pofile.parse(text, catalog).messages()}
        for msgid, reason in refused.get(catalog, []):
            summary.refused += 1
            print(f"{shown_path(catalog)}:{lines.get(msgid, 0)}: suggestion refused: {reason}", file=err)
