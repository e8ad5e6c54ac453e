"""Which Chromium the tests and the benchmarks drive: one rule for both (no pytest here).

Debian's headless-only build (package ``chromium-headless-shell``, the same Blink) when it is
installed: the browser tests cost it about half the CPU of the full browser's headless mode (a
new browser context 0.3 s against 0.9 s here); else Debian's ``chromium``. ``$CHROMIUM`` names
another binary. Never a downloaded browser.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHOICES = ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def executable() -> str | None:
    """``$CHROMIUM``, else the first of :data:`CHOICES` installed, else ``chromium`` on PATH
    (None when there is none)."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    found = next((path for path in CHOICES if Path(path).is_file()), None) or shutil.which("chromium")
    return found if found and Path(found).is_file() else None


def where() -> str:
    """Where :func:`executable` looks, for a message that says none was found."""
    return os.environ.get("CHROMIUM") or f"{' or '.join(CHOICES)} or on PATH"
