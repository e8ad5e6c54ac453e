"""Loaded by a tool run under test (``PYTHONPATH=tests/audit``): records, with Python's audit hooks,
every file opened below ``I18N_AUDIT_OUTSIDE`` and every process or command started, and writes them
to ``I18N_AUDIT_LOG`` at exit (``tests/test_hostile_grammar.py``)."""

import atexit
import os
import sys

_OUTSIDE = os.environ.get("I18N_AUDIT_OUTSIDE")
_LOG = os.environ.get("I18N_AUDIT_LOG")
_RUNS = ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen", "pty.spawn")

if _OUTSIDE and _LOG:
    _seen: list[str] = []

    def _hook(event: str, args: tuple) -> None:
        if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
            path = os.path.abspath(os.fsdecode(args[0]))
            if path == _OUTSIDE or path.startswith(_OUTSIDE + os.sep):
                _seen.append(f"open {path}")
        elif event in _RUNS:
            _seen.append(f"{event} {args!r:.200}")

    def _write() -> None:
        with open(_LOG, "a", encoding="utf-8") as log:
            for line in _seen:
                log.write(line + "\n")

    sys.addaudithook(_hook)
    atexit.register(_write)
