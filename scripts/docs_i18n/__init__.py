"""Translation tooling for a Sphinx + MyST documentation site.

One package holds every rule, by concern: the rules every tool shares (:mod:`.core`: the
source hash :mod:`.core.hashing`, page identity :mod:`.core.pages`, language codes
:mod:`.core.languages`, the PO reader :mod:`.core.pofile`), translation status
(:mod:`.status`), the checks (:mod:`.checks`), translated Markdown pages (:mod:`.markdown`),
translation memory (:mod:`.memory`), the published site (:mod:`.publish`), search
(:mod:`.search`) and the Sphinx extension (:mod:`.sphinx_ext`). The command line
(:mod:`.cli`, :mod:`.commands`) is a thin layer; ``docs/architecture.md`` is the map.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for (reading it
    costs more than a quick command's own work)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("docs-i18n")  # one version: pyproject.toml's
    except metadata.PackageNotFoundError:  # run from a checkout that was not installed
        version = "0+unknown"
    globals()["__version__"] = version
    return version
