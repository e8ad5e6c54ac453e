"""Subcommands of ``scripts/i18n``: each module has ``register(subparsers)``."""

from . import landing, stamp, status

COMMANDS = (status, stamp, landing)
