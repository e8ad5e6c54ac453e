"""The project's templates autoescape (``sphinx_ext/templates.py``): which templates are the project's."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from docs_i18n.sphinx_ext import templates


def test_every_file_of_every_templates_folder_by_its_name(tmp_path: Path) -> None:
    for name in ("_templates/page.html", "_templates/i18n/banner.html", "more/page.html", "more/x.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{{ x }}", encoding="utf-8")
    app = SimpleNamespace(confdir=str(tmp_path), config=SimpleNamespace(templates_path=["_templates", "more"]))
    assert templates.project_templates(app) == ["i18n/banner.html", "page.html", "x.html"]  # type: ignore[arg-type]
    app.config.templates_path = []
    assert templates.project_templates(app) == []  # type: ignore[arg-type]
