"""Subcommands of ``scripts/i18n``: each module has ``register(subparsers)`` and ``run(root, args)``,
which unpacks the arguments into the command's typed function (``status.status``, ``check.check``...).

A command's module is imported only when it is needed (:func:`load`): a command line
that names one command imports that command alone, so a quick command (``status``)
does not pay for the imports of the others.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# command name -> its module in this package, in the order ``scripts/i18n --help`` lists them
MODULES = {
    "status": "status",
    "update": "update",
    "stamp": "stamp",
    "check": "check",
    "landing": "landing",
    "sitemap": "sitemap",
    "site": "site",
    "rtd": "rtd",
    "import": "import_",
    "export": "export",
    "translate": "translate",
}


def load(name: str) -> ModuleType:
    """The module of command *name* (a key of :data:`MODULES`)."""
    return importlib.import_module(f"{__name__}.{MODULES[name]}")
