"""The wire: OpenAI's chat completions API through the ``openai`` package, one message a request.

Any OpenAI-compatible endpoint works (a LiteLLM proxy, OpenAI, vLLM, Ollama). The key
comes from ``I18N_MT_API_KEY`` and is sent as a bearer token; it is never printed,
logged or written, and every error text shown is scrubbed of it. 429 and 5xx replies
and refused connections are retried with exponential backoff and jitter, waiting what
``Retry-After`` (or ``retry-after-ms``) asks when the endpoint says; a request that
gets no reply within the timeout stops the run (a hung endpoint would hold it for
the timeout once per message and attempt); what was received is still written.
"""

from __future__ import annotations

import email.utils
import os
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import openai

KEY_VARIABLE = "I18N_MT_API_KEY"
COST_HEADER = "x-litellm-response-cost"
MAX_WAIT = 120.0  # seconds: the longest Retry-After honoured as it is
NO_KEY = "no-key"  # sent when I18N_MT_API_KEY is not set (a proxy without keys accepts anything)


class EndpointError(Exception):
    """A request that failed for good; *fatal*: every other request would fail the same way."""

    def __init__(self, message: str, *, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


class Stopped(Exception):
    """Not sent: an earlier request failed for good (a fatal :class:`EndpointError`), or the run was interrupted."""


@dataclass(frozen=True)
class Reply:
    """The model's reply to one request."""

    content: str
    prompt_tokens: int
    completion_tokens: int
    cost: float | None  # what the endpoint says it cost (LiteLLM's x-litellm-response-cost)
    retries: int


def host(base_url: str) -> str:
    """The endpoint's host (and port) as provenance names it: no scheme, path, user or password."""
    parts = urlsplit(base_url)
    name = parts.hostname or base_url
    return f"{name}:{parts.port}" if parts.port else name


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the endpoint asks to wait (``retry-after-ms``, ``Retry-After`` in seconds or as a date)."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def backoff(attempt: int, base: float = 0.5, cap: float = 20.0) -> float:
    """Exponential backoff with jitter: about 0.5, 1, 2, 4 ... seconds, at most *cap*."""
    return float(min(cap, base * 2**attempt) * (1 + random.random() / 4))


class Client:
    """Chat completions at *base_url* with *model*: :meth:`translate` one message."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        timeout: float,
        retries: int,
        key: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self.retries = retries
        self.timeout = timeout
        self._key = key if key is not None else os.environ.get(KEY_VARIABLE, "")
        self._sleep = sleep
        self.stopped = threading.Event()  # set on a fatal error or by the caller: nothing more is sent
        # max_retries=0: the retries are ours (counted, and never on a timeout)
        self._client = openai.OpenAI(base_url=base_url, api_key=self._key or NO_KEY, timeout=timeout, max_retries=0)

    def scrub(self, text: str) -> str:
        """*text* without the key (an endpoint may echo it in an error)."""
        return text.replace(self._key, "[I18N_MT_API_KEY]") if self._key else text

    def translate(self, messages: list[dict[str, str]]) -> Reply:
        """Send one request; raise :class:`EndpointError` when it fails for good, :class:`Stopped` when
        the run stopped before it was sent."""
        try:
            return self._translate(messages)
        except EndpointError as exc:
            if exc.fatal:
                self.stopped.set()
            raise

    def _translate(self, messages: list[dict[str, str]]) -> Reply:
        attempt = 0
        while True:
            if self.stopped.is_set():
                raise Stopped
            try:
                raw = self._client.chat.completions.with_raw_response.create(
                    model=self.model,
                    messages=messages,  # type: ignore[arg-type]
                    temperature=0,
                )
                completion = raw.parse()
            except openai.APITimeoutError:
                raise EndpointError(f"no reply within {self.timeout:g} s (--timeout)", fatal=True) from None
            except openai.APIConnectionError as exc:
                if attempt < self.retries:
                    self._sleep(backoff(attempt))
                    attempt += 1
                    continue
                raise EndpointError(self.scrub(f"cannot connect: {exc}"), fatal=True) from None
            except openai.APIStatusError as exc:
                status = exc.status_code
                if (status == 429 or status >= 500) and attempt < self.retries:
                    wait = retry_after(exc.response.headers)
                    self._sleep(min(MAX_WAIT, wait) if wait is not None else backoff(attempt))
                    attempt += 1
                    continue
                if status in (401, 403):
                    raise EndpointError(
                        f"HTTP {status}: the endpoint refused the key (set {KEY_VARIABLE})", fatal=True
                    ) from None
                fatal = status == 404  # a wrong model or base URL: every request would fail
                raise EndpointError(self.scrub(f"HTTP {status}: {_short(exc)}"), fatal=fatal) from None
            break
        choice = completion.choices[0] if completion.choices else None
        content = choice.message.content if choice is not None else None
        usage = completion.usage
        cost = raw.headers.get(COST_HEADER)
        try:
            spent = float(cost) if cost is not None else None
        except ValueError:
            spent = None
        return Reply(
            content=content or "",
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            cost=spent,
            retries=attempt,
        )


def _short(exc: openai.APIStatusError) -> str:
    message = str(getattr(exc, "message", "") or exc)
    return message if len(message) <= 300 else message[:297] + "..."
