"""Subcommands of ``scripts/i18n``: each module has ``register(subparsers)``."""

from . import check, export, import_, landing, rtd, site, sitemap, stamp, status

COMMANDS = (status, stamp, check, landing, sitemap, site, rtd, import_, export)
