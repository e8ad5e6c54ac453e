"""A real LiteLLM proxy on loopback, with the test model (tests/mt_test_model.py) as a custom provider.

LiteLLM lives in a virtual environment of its own, cached in
``~/.cache/docs-i18n-tests/litellm-<version>`` (``I18N_TEST_CACHE`` moves it), so that
its many dependencies never meet the project's. ``.ci/run`` installs it before the
tests (``python tests/litellm_proxy.py install``); the tests' fixture installs it when
it is missing. The release is pinned (:data:`REQUIREMENT`): a reviewed one, not one of
the releases withdrawn after the package was compromised.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

VERSION = "1.106.12"
REQUIREMENT = f"litellm[proxy]=={VERSION}"
MODEL = "test-translator"
MASTER_KEY = "sk-litellm-test-master-4c1d8e"
HERE = Path(__file__).resolve().parent
CONFIG = f"""model_list:
  - model_name: {MODEL}
    litellm_params:
      model: mt-test/translator
    model_info:
      input_cost_per_token: 0.000001
      output_cost_per_token: 0.000002
litellm_settings:
  custom_provider_map:
    - {{"provider": "mt-test", "custom_handler": mt_test_model.handler}}
  num_retries: 0
general_settings:
  master_key: {MASTER_KEY}
"""


def cache_dir() -> Path:
    return Path(os.environ.get("I18N_TEST_CACHE") or Path.home() / ".cache" / "docs-i18n-tests")


def venv_dir() -> Path:
    return cache_dir() / f"litellm-{VERSION}"


def installed() -> bool:
    stamp = venv_dir() / ".installed"
    return stamp.is_file() and stamp.read_text().strip() == REQUIREMENT and (venv_dir() / "bin" / "litellm").exists()


def install() -> None:
    """Create the virtual environment and install the pinned LiteLLM proxy (raises CalledProcessError)."""
    if installed():
        return
    folder = venv_dir()
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([python, "-m", "venv", str(folder)], check=True)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, REQUIREMENT], check=True, timeout=1800)
    (folder / ".installed").write_text(REQUIREMENT + "\n")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Proxy:
    """``litellm --config`` on a free loopback port, started in *workdir*; steered by *control* (JSON)."""

    def __init__(self, workdir: Path, control: Path) -> None:
        self.workdir = workdir
        self.control = control
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.startup_seconds = 0.0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout: float = 120.0) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "config.yaml").write_text(CONFIG)
        shutil.copy(HERE / "mt_test_model.py", self.workdir / "mt_test_model.py")
        env = dict(
            os.environ,
            LITELLM_LOCAL_MODEL_COST_MAP="True",  # no download of the price list
            I18N_MT_TEST_CONTROL=str(self.control),
            PYTHONPATH=str(self.workdir),
        )
        env.pop("I18N_MT_API_KEY", None)
        log = open(self.workdir / "proxy.log", "wb")  # noqa: SIM115 - the proxy writes it while it runs
        started = time.monotonic()
        self.process = subprocess.Popen(
            [str(venv_dir() / "bin" / "litellm"), "--config", "config.yaml", "--host", "127.0.0.1",
             "--port", str(self.port), "--num_workers", "1"],
            cwd=self.workdir, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the LiteLLM proxy exited ({self.process.returncode}): {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health/liveliness", timeout=2):
                    self.startup_seconds = time.monotonic() - started
                    return
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"the LiteLLM proxy did not start within {timeout:g} s: {self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        path = self.workdir / "proxy.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        sys.exit("usage: python tests/litellm_proxy.py install")
    install()
    print(f"LiteLLM proxy {VERSION} in {venv_dir()}")
