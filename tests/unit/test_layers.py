"""The layer rules of ``docs/architecture.md``, read off every import of the package, those inside
functions included (``ast``: what a regular expression over the top of a file misses)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "docs_i18n"
TOP = ("commands", "cli")  # the command line: nothing below imports it
SPHINX = ("sphinx", "docutils")  # only the Sphinx extension imports them


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


def layer(module: str) -> str:
    """The subpackage of *module* (``core``, ``sphinx_ext``...), or the top-level module (``cli``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(path: Path, package: str | None = None) -> Iterator[tuple[int, str]]:
    """``(line, module)`` of every import in *path*, at any depth, relative ones made absolute
    (from *package*: by default the one of *path*)."""
    if package is None:
        package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            yield node.lineno, base
            # `from docs_i18n.core import pages` imports docs_i18n.core.pages
            yield from ((node.lineno, f"{base}.{alias.name}") for alias in node.names if base.startswith("docs_i18n"))


def graph() -> dict[str, list[tuple[int, str]]]:
    modules = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    return {  # a module's own packages are loaded before it, not imported by it: no edge
        name: [
            (line, target)
            for line, target in imports(path)
            if target in modules and not f"{name}.".startswith(f"{target}.")
        ]
        for name, path in modules.items()
    }


def breaks(rule: str, source: str, target: str) -> bool:
    """Whether *source* importing *target* breaks *rule* (see :data:`RULES`)."""
    inside = layer(target) if target.startswith("docs_i18n.") else None
    checks = {
        "core": layer(source) == "core" and inside is not None and inside != "core",
        "sphinx_ext": inside == "sphinx_ext" and layer(source) not in ("sphinx_ext", *TOP),
        "commands": inside in TOP and layer(source) not in TOP,
        "cli": target == "docs_i18n.cli" and source != "docs_i18n.cli",
        "sphinx": target.split(".")[0] in SPHINX and layer(source) != "sphinx_ext",
    }
    return checks[rule]


def violations(rule: str) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line}: imports {target}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, target in imports(path)
        if breaks(rule, module_name(path), target)
    ]


RULES = {
    "core": "core imports nothing of the package above it",
    "sphinx_ext": "only the Sphinx extension and the command line import sphinx_ext",
    "commands": "nothing below the command line imports commands",
    "cli": "nothing imports cli",
    "sphinx": "only sphinx_ext imports Sphinx or docutils",
}


@pytest.mark.parametrize("rule", RULES, ids=list(RULES))
def test_layer_rule(rule: str) -> None:
    assert violations(rule) == [], RULES[rule]


def test_no_two_modules_import_each_other() -> None:
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(name: str) -> None:  # Tarjan's strongly connected components
        index[name] = low[name] = len(index)
        stack.append(name)
        for _, target in edges[name]:
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == name:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in edges:
        if name not in index:
            visit(name)
    assert cycles == []


def test_the_rules_see_an_import_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "example.py"
    module.write_text("def split():\n    from docs_i18n.sphinx_ext import extraction\n", encoding="utf-8")
    found = list(imports(module, "docs_i18n.markdown"))
    assert found == [(2, "docs_i18n.sphinx_ext"), (2, "docs_i18n.sphinx_ext.extraction")]
