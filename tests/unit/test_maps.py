"""The maps are true: every module, function and file the docstrings, ``docs/``, the README and the
Makefile's comments name exists, and the package has one version (``pyproject.toml``'s)."""

from __future__ import annotations

import builtins
import dataclasses
import importlib
import inspect
import re
import tomllib
from pathlib import Path

import pytest

import docs_i18n

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "scripts" / "docs_i18n"
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md", ROOT / "Makefile"]
ROLE_RE = re.compile(r":(?:mod|func|class|data|attr|meth|exc):`~?([A-Za-z_][A-Za-z0-9_.]*)`")
DOTTED_RE = re.compile(r"\bdocs_i18n(?:\.[a-z_][a-z0-9_]*)+")
PATH_RE = re.compile(r"\b(?:scripts/)?docs_i18n/[A-Za-z0-9_/]+\.(?:py|js|html)\b")
SUBPACKAGES = "core|status|checks|markdown|memory|publish|search|sphinx_ext|commands"
SUBPACKAGE_PATH_RE = re.compile(rf"(?<![/\w])((?:{SUBPACKAGES})/[a-z_]+\.py)\b")


def modules() -> list[tuple[Path, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        found.append((path, name))
    return found


def _lookup(name: str) -> bool:
    """Whether the dotted *name* is a module, or an attribute (a dataclass field too) of one."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            fields = {f.name for f in dataclasses.fields(target)} if dataclasses.is_dataclass(target) else set()
            if part in fields:
                return part == parts[-1]
            if not hasattr(target, part):
                return False
            target = getattr(target, part)
        return True
    return False


def _resolves(reference: str, module: str, package: str) -> bool:
    if reference.startswith("."):  # Sphinx: the current module, then its packages
        relative, candidates, scope = reference[1:], [f"{module}{reference}"], package
        while scope:
            candidates.append(f"{scope}.{relative}")
            scope = scope.rpartition(".")[0]
    else:
        candidates = [reference, f"{module}.{reference}", f"{package}.{reference}"]
        own = importlib.import_module(module)
        candidates += [  # a member of a class of the module (:meth:`status` inside its class)
            f"{module}.{name}.{reference}" for name, value in vars(own).items() if inspect.isclass(value)
        ]
    return hasattr(builtins, reference) or any(_lookup(candidate) for candidate in candidates)


@pytest.mark.parametrize(("path", "module"), modules(), ids=[name for _, name in modules()])
def test_every_reference_in_a_docstring_resolves(path: Path, module: str) -> None:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    text = path.read_text(encoding="utf-8")
    stale = [
        f"{path.relative_to(ROOT)}:{number}: {reference}"
        for number, line in enumerate(text.splitlines(), 1)
        for reference in ROLE_RE.findall(line)
        if not _resolves(reference, module, package)
    ]
    assert stale == []


@pytest.mark.parametrize("path", [*DOCS, *(p for p, _ in modules())], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_and_file_named_exists(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    missing = [name for name in sorted(set(DOTTED_RE.findall(text))) if not _lookup(name)]
    for named in sorted(set(PATH_RE.findall(text))):
        if not (ROOT / ("" if named.startswith("scripts/") else "scripts") / named).exists():
            missing.append(named)
    for named in sorted(set(SUBPACKAGE_PATH_RE.findall(text))):
        if not (PACKAGE / named).exists():
            missing.append(named)
    assert missing == []


def test_every_module_in_the_architecture_table_imports() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)/` \| (.*) \|$", text, re.MULTILINE)
    assert {name for name, _ in rows} >= {"core", "status", "checks", "markdown", "memory", "publish", "sphinx_ext"}
    named = [f"docs_i18n.{sub}.{name}" for sub, owns in rows for name in re.findall(r"\(`([a-z_]+)`", owns)]
    named += [f"docs_i18n.{sub}.{name}" for sub, owns in rows for name in re.findall(r", `([a-z_]+)`", owns)]
    assert named
    missing = [name for name in named if importlib.util.find_spec(name) is None]
    assert missing == []


def test_one_version_from_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert docs_i18n.__version__ == project["version"]


def test_every_module_with_a_function_has_its_unit_test_file() -> None:
    # the unit tests mirror the package: a newcomer changing core/pofile.py opens tests/unit/core/test_pofile.py
    # (a package's __init__ is exercised by what imports it: the extension's setup by every in-process build)
    tests = ROOT / "tests" / "unit"
    missing = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "__init__.py"
        and re.search(r"^\s*(?:async\s+)?def ", path.read_text(encoding="utf-8"), re.MULTILINE)
        and not (tests / path.parent.relative_to(PACKAGE) / f"test_{path.stem}.py").is_file()
    ]
    assert missing == []
