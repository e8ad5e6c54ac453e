"""Commands for the tests, each in a process of its own forked from one that has imported them.

A test runs ``sphinx-build`` or ``scripts/i18n`` as a user would: a process of its own, its
exit code, its standard output and error. Starting Python and importing Sphinx, MyST, the
theme and the extension costs about a third of building this project's small site, and the
suite builds it a few hundred times. So each pytest worker starts a server process
(``python tests/forked.py``) that imports them once, before any build, and forks a fresh child
per command: the child sets the working directory and the environment it is given, runs the
command's ``main`` with its arguments, and exits with its code. A child starts from the same
state as a new process (nothing has run in the server but imports, and Babel's read-only cache of
the locale data of conf.py's languages); what it does not repeat is the import and that read.

``run(kind, args, cwd, env)`` runs one command (``kind``: ``sphinx`` or ``i18n``) and returns its
code, standard output and error; one server per concurrent caller (threads share none). Tests that
need a process of their own (signals, audit hooks, another interpreter) use ``subprocess``.
Set ``I18N_TEST_FORK=0`` to run every command as a plain subprocess instead.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

COMMANDS = {"sphinx": ("sphinx.cmd.build", "main"), "i18n": ("docs_i18n.cli", "main")}
# What a build imports (the server imports them once; a child finds them imported), besides
# Sphinx's built-in extensions and every module of the extension and the commands (``_preload``).
PRELOAD = (
    "sphinx.cmd.build",
    "sphinx.jinja2glue",
    "sphinx.ext.mathjax",
    "sphinx.ext.doctest",
    "myst_parser.sphinx_ext.main",
    "myst_parser.sphinx_ext.directives",
    "myst_parser.sphinx_ext.mathjax",
    "myst_parser.sphinx_ext.myst_refs",
    "myst_parser.parsers.sphinx_",
    "furo",
    "sphinx_basic_ng",
    "jinja2.sandbox",
    "jinja2.ext",
    "babel.numbers",
    "babel.messages.extract",
    "xml.dom.minidom",
    "docs_i18n.cli",
)
PACKAGES = ("docs_i18n.sphinx_ext", "docs_i18n.commands")  # every module of these
STYLES = ("a11y-light", "a11y-dark", "a11y-high-contrast-light", "a11y-high-contrast-dark")  # conf.py's, Furo's


def enabled() -> bool:
    return os.environ.get("I18N_TEST_FORK", "1") != "0"


# -- the client (in the pytest worker) ------------------------------------------------------


class _Server:
    """One server process: one command at a time."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
        )

    def run(self, kind: str, args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[int, str, str]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        with tempfile.TemporaryDirectory(prefix="forked-") as folder:
            out, err = Path(folder, "out"), Path(folder, "err")
            request = {"kind": kind, "args": args, "cwd": str(cwd), "env": env, "out": str(out), "err": str(err)}
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            timer = threading.Timer(timeout, self.proc.kill)  # a hung command: the server and its child go
            timer.start()
            try:
                reply = self.proc.stdout.readline()
            finally:
                timer.cancel()
            if not reply:
                raise RuntimeError(f"the command server stopped (timeout {timeout} s?) running {kind} {args}")
            code = json.loads(reply)["code"]
            return (
                code,
                out.read_text(encoding="utf-8", errors="replace"),
                err.read_text(encoding="utf-8", errors="replace"),
            )

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


_idle: list[_Server] = []
_all: list[_Server] = []
_lock = threading.Lock()


def run(kind: str, args: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> tuple[int, str, str]:
    """Run the command *kind* (``sphinx``: ``python -m sphinx``, ``i18n``: ``scripts/i18n``) with *args*."""
    with _lock:
        server = _idle.pop() if _idle else None
    if server is None:
        server = _Server()
        with _lock:
            _all.append(server)
    try:
        result = server.run(kind, args, cwd, env, timeout)
    except BaseException:
        server.close()
        with _lock:
            _all.remove(server)
        raise
    with _lock:
        _idle.append(server)
    return result


@atexit.register
def _close_all() -> None:
    for server in _all:
        server.close()


# -- the server and its children --------------------------------------------------------------


def _child(request: dict) -> int:
    """Run one command in this (forked) process, as a new process would; its exit code."""
    import importlib

    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, path in ((1, request["out"]), (2, request["err"])):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    module, function = COMMANDS[request["kind"]]
    program = "sphinx-build" if request["kind"] == "sphinx" else "i18n"
    sys.argv = [program, *request["args"]]
    try:
        code = getattr(importlib.import_module(module), function)(request["args"])
    except SystemExit as exc:
        code = exc.code
    except BaseException:  # what an uncaught exception does to a Python process
        traceback.print_exc()
        code = 1
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        atexit._run_exitfuncs()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return code


def _preload() -> None:
    """Import what a command imports, and read the Babel locale data of conf.py's languages (a cache
    of read-only files, filled on first use in a new process)."""
    import importlib
    import pkgutil

    import pygments.styles
    import sphinx.application
    from babel import Locale

    from docs_i18n.core import project

    for name in (*PRELOAD, *sphinx.application.builtin_extensions):
        importlib.import_module(name)
    for package in PACKAGES:
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__, f"{package}."):
            importlib.import_module(module.name)
    for style in STYLES:
        pygments.styles.get_style_by_name(style)
    root = Path(__file__).resolve().parent.parent
    for lang in ("en", *project.configured_languages(root)):
        Locale.parse(lang)._data  # noqa: B018 (read for its cache)


def serve() -> None:
    """Read one request a line from standard input; answer each with the child's exit code."""
    _preload()
    requests, replies = sys.stdin, sys.stdout
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(request)
            finally:
                os._exit(code & 0xFF)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        replies.write(json.dumps({"code": code}) + "\n")
        replies.flush()


if __name__ == "__main__":
    serve()
