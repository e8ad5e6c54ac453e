"""Sphinx run in this process (``sphinx_ext/inprocess.py``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.sphinx_ext import inprocess


def test_no_conf_py_is_an_input_error(tmp_path: Path) -> None:
    with (
        pytest.raises(InputError, match="no Sphinx configuration here"),
        inprocess.sphinx_app(tmp_path, tmp_path, "dummy", {}),
    ):
        pass


def test_a_build_reads_every_page_and_writes_nothing_into_the_project(sphinx_project: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    warnings = io.StringIO()
    out = tmp_path / "out"
    source = sphinx_project / "source"
    before = sorted(p.name for p in sphinx_project.rglob("*"))
    with inprocess.sphinx_app(source, sphinx_project, "dummy", {"language": "ko"}, outdir=out, warning=warnings) as app:
        inprocess.build(app, sphinx_project, lambda app, doctree, docname: seen.append(doctree.astext()))
    assert len(seen) == 1 and "비용" in seen[0]  # read in Korean, through i18n_locale_dirs
    assert sorted(p.name for p in sphinx_project.rglob("*")) == before


def test_sphinx_s_own_error_names_conf_py(sphinx_project: Path) -> None:
    with (
        pytest.raises(InputError) as raised,
        inprocess.sphinx_app(sphinx_project / "source", sphinx_project, "no-such-builder", {}),
    ):
        pass
    assert raised.value.path == str(sphinx_project / "conf.py") and "Sphinx failed" in raised.value.message


def test_a_tools_gettext_run_makes_no_theme_template(sphinx_project: Path, tmp_path: Path) -> None:
    """The theme's sphinx.pot is make gettext's: a tool's extraction (output thrown away) skips it."""
    out = tmp_path / "out"
    with inprocess.sphinx_app(sphinx_project / "source", sphinx_project, "gettext", {}, outdir=out) as app:
        assert inprocess.is_tool_run(app)
        inprocess.build(app, sphinx_project)
    assert (out / "index.pot").is_file() and not (out / "sphinx.pot").exists()


def test_a_build_of_its_own_is_not_a_tool_run(sphinx_project: Path, tmp_path: Path) -> None:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    with docutils_namespace():  # docutils' registries as they were afterwards
        source, out = sphinx_project / "source", tmp_path / "out"
        app = Sphinx(source, sphinx_project, out, tmp_path / "doctrees", "gettext", status=None)
        assert not inprocess.is_tool_run(app)
        app.build(force_all=True)
    assert (out / "sphinx.pot").is_file()  # what make gettext writes
