"""Subcommands of ``scripts/i18n``: each module has ``register(subparsers)`` and ``run(root, args)``,
which unpacks the arguments into the command's typed function (``status.status``, ``check.check``...)."""

from docs_i18n.commands import check, export, import_, landing, rtd, site, sitemap, stamp, status, translate, update

COMMANDS = (status, update, stamp, check, landing, sitemap, site, rtd, import_, export, translate)
