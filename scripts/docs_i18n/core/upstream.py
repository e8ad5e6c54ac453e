"""Where installed packages (Sphinx, the theme) keep their data files, found without importing them."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path


@functools.cache
def package_dir(name: str) -> Path | None:
    """The folder of the installed package *name*, or ``None`` when it is not installed."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
