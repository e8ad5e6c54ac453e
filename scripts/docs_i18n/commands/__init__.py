"""Subcommands of ``scripts/i18n``: each module has ``register(subparsers)``."""

from . import check, export, import_, landing, sitemap, stamp, status

COMMANDS = (status, stamp, check, landing, sitemap, import_, export)
