"""A deterministic test model: served by the in-process fake endpoint and by LiteLLM's custom-provider hook.

It "translates" by keeping the English (markup, code spans and links intact), putting
the glossary's required terms in (read from the system message, as a model would),
and prefixing the language code: ``ko: ...``. A test steers it through a JSON file
named by ``I18N_MT_TEST_CONTROL``, read at every call: ``replies`` (``{english:
reply}``: hostile replies), ``rate_limit`` (the first N calls of the process are
refused with a rate-limit error: 429) and ``hang`` (seconds to wait before replying).

For LiteLLM's proxy, ``config.yaml`` names ``mt_test_model.handler`` in
``custom_provider_map`` (the proxy imports this file from the config's folder).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import threading
import time
from typing import Any

_TERM_RE = re.compile(r"^- translate \u201c(?P<en>[^\u201d]+)\u201d as \u201c(?P<tr>[^\u201d]+)\u201d", re.MULTILINE)
_LANG_RE = re.compile(r"into .+? \((?P<code>[A-Za-z_]+)\)\.")
_lock = threading.Lock()
_calls = 0


def control() -> dict[str, Any]:
    """The test's instructions (``I18N_MT_TEST_CONTROL``), or none."""
    path = os.environ.get("I18N_MT_TEST_CONTROL")
    if not path or not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def reply(messages: list[dict[str, Any]]) -> str:
    """The test model's reply to a chat: the last user message, 'translated'."""
    system = next((str(m["content"]) for m in messages if m["role"] == "system"), "")
    english = str(messages[-1]["content"])
    replies = control().get("replies", {})
    if english in replies:
        return replies[english]
    text = english
    for match in _TERM_RE.finditer(system):
        replacement = match.group("tr").replace("\\", "\\\\")  # the term as it is, not a template
        text = re.sub(re.escape(match.group("en")), replacement, text, flags=re.IGNORECASE)
    lang = _LANG_RE.search(system)
    return f"{lang.group('code') if lang else 'xx'}: {text}"


def next_is_rate_limited() -> bool:
    """True for the first ``rate_limit`` calls of this process."""
    global _calls
    with _lock:
        _calls += 1
        return _calls <= int(control().get("rate_limit", 0))


def hang() -> float:
    """Seconds to wait before replying."""
    return float(control().get("hang", 0))


def usage(messages: list[dict[str, Any]], content: str) -> dict[str, int]:
    """Token counts at four characters a token (deterministic)."""
    prompt = sum(len(str(m["content"])) for m in messages) // 4 + 1
    completion = len(content) // 4 + 1
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


try:  # LiteLLM's custom-provider hook: only inside the proxy's virtual environment
    import litellm
    from litellm import CustomLLM

    class TestTranslator(CustomLLM):
        """The test model as a LiteLLM provider."""

        def _answer(self, messages: list[dict[str, Any]]) -> Any:
            if next_is_rate_limited():
                raise litellm.RateLimitError(
                    message="test model: slow down", llm_provider="mt-test", model="translator"
                )
            content = reply(messages)
            return litellm.ModelResponse(
                choices=[{"message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
                usage=usage(messages, content),
                model="translator",
            )

        def completion(self, *args: Any, **kwargs: Any) -> Any:
            time.sleep(hang())
            return self._answer(kwargs["messages"])

        async def acompletion(self, *args: Any, **kwargs: Any) -> Any:
            await asyncio.sleep(hang())
            return self._answer(kwargs["messages"])

    handler = TestTranslator()
except ImportError:  # the project's own environment: the fake endpoint uses reply() directly
    pass
