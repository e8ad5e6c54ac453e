"""The project: its root, ``conf.py``'s languages and its templates folder (``core/project.py``)."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core import project

ROOT = Path(__file__).resolve().parents[3]


def test_the_templates_folder_is_the_first_of_templates_path_beside_conf_py(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text('templates_path = ["source/_templates", "other"]\n', encoding="utf-8")
    assert project.templates_folder(tmp_path) == tmp_path / "source" / "_templates"
    assert project.templates_dir(tmp_path, ["source/_templates"]) == tmp_path / "source" / "_templates"


def test_without_templates_path_every_reader_takes_the_same_default(tmp_path: Path) -> None:
    # the build's guard took _templates, its gettext step failed on an empty templates_path (IndexError)
    # and check took source/_templates when there was no conf.py: one rule now
    assert project.templates_dir(tmp_path, []) == tmp_path / "_templates"
    assert project.templates_dir(tmp_path, None) == tmp_path / "_templates"
    assert project.templates_folder(tmp_path) == tmp_path / "_templates"
    (tmp_path / "conf.py").write_text("templates_path = []\n", encoding="utf-8")
    assert project.templates_folder(tmp_path) == tmp_path / "_templates"


def test_this_projects_languages_come_from_conf_py() -> None:
    values = project.conf_values(ROOT)
    assert project.configured_languages(ROOT) == list(values["i18n_languages"])
    assert project.source_language(ROOT) == values["i18n_source_language"] == project.configured_languages(ROOT)[0]
