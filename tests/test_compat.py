"""The one module of private Sphinx, MyST and docutils uses (``sphinx_ext/compat.py``) on the versions it names."""

from __future__ import annotations

import re
from pathlib import Path

from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser

from docs_i18n.sphinx_ext import compat


def values(settings) -> dict:  # noqa: ANN001
    """The settings, with the dependency list (an object without equality) as its contents."""
    found = dict(vars(settings))
    found["record_dependencies"] = list(found["record_dependencies"].list)
    return found


def test_installed_versions_are_the_verified_ones() -> None:
    mismatches = compat.version_mismatches()
    assert not mismatches, (
        "docs_i18n/sphinx_ext/compat.py relies on private names of these packages and was verified with "
        "other versions:\n  " + "\n  ".join(mismatches) + "\nre-check each function of compat.py against the "
        "installed release, then update compat.VERIFIED (and requirements.txt)"
    )


def test_a_version_change_is_reported(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setitem(compat.VERIFIED, "sphinx", "0.0.1")
    assert any(line.startswith("sphinx ") and "verified with 0.0.1" in line for line in compat.version_mismatches())


def test_nothing_outside_the_compat_module_uses_private_names() -> None:
    package = Path(compat.__file__).resolve().parents[1]
    private = re.compile(r"\._(?:catalog|fallback|builder_cls)\b|\btranslators\[|\benv\.myst_config\b|make_document")
    offenders = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "compat.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if private.search(line)
    ]
    assert not offenders, "private Sphinx/MyST names outside sphinx_ext/compat.py:\n" + "\n".join(offenders)


def test_only_the_sphinx_extension_imports_sphinx() -> None:
    package = Path(compat.__file__).resolve().parents[1]
    imports = re.compile(r"^\s*(?:from|import) (?:sphinx|docutils)\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if "sphinx_ext" not in path.parts and imports.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"Sphinx or docutils imported outside sphinx_ext/: {offenders}"


def test_documents_get_the_default_settings_each_their_own() -> None:
    assert compat.install_myst_settings_cache()
    assert compat.install_myst_settings_cache()  # a second install keeps the first
    from myst_parser.mdit_to_docutils import base

    assert getattr(base.make_document, "__wrapped__", None) is not None
    first, second = base.make_document("a.md"), base.make_document("b.md")
    defaults = values(get_default_settings(RSTParser))
    assert values(first.settings) == defaults
    assert first.settings is not second.settings
    first.settings.report_level = 5
    first.settings.record_dependencies.add("changed.md")
    assert values(second.settings) == defaults
    assert values(base.make_document("c.md").settings) == defaults
    assert first["source"] == "a.md"
