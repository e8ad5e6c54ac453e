"""A small in-process OpenAI-compatible endpoint on loopback, answering with the test model.

``POST /v1/chat/completions`` only. It records every request's headers and body, can
answer 429 (with ``Retry-After``) or 503 a given number of times, hang, and sends
``x-litellm-response-cost`` as LiteLLM does.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import mt_test_model


@dataclass
class Behaviour:
    """How the fake answers."""

    fail_first: int = 0  # the first N requests get `fail_status`
    fail_status: int = 429
    retry_after: str | None = "0"
    hang: float = 0.0  # seconds to wait before answering
    cost: str | None = "0.00025"
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class FakeEndpoint:
    """``with FakeEndpoint() as fake: fake.base_url``."""

    def __init__(self, behaviour: Behaviour | None = None) -> None:
        self.behaviour = behaviour or Behaviour()
        behaviour = self.behaviour

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", "0"))))
                with behaviour.lock:
                    behaviour.requests.append(
                        {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
                    )
                    failing = len(behaviour.requests) <= behaviour.fail_first
                if behaviour.hang:
                    time.sleep(behaviour.hang)
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": {"message": "not found"}})
                elif failing:
                    headers = {"retry-after": behaviour.retry_after} if behaviour.retry_after is not None else {}
                    self._send(behaviour.fail_status, {"error": {"message": "slow down"}}, headers)
                else:
                    content = mt_test_model.reply(body["messages"])
                    answer = {
                        "id": "chatcmpl-test",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body["model"],
                        "choices": [
                            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                        ],
                        "usage": mt_test_model.usage(body["messages"], content),
                    }
                    headers = {"x-litellm-response-cost": behaviour.cost} if behaviour.cost else {}
                    self._send(200, answer, headers)

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeEndpoint:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
