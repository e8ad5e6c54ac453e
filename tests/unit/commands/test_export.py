"""``scripts/i18n export`` in-process (``commands/export.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

SOURCE_FOLDER = (
    "locale/en:0: 'en' is the source language (conf.py): its folder of catalogs is not a translation, "
    "and Sphinx would apply it to the English pages; remove it\n"
)


def test_export_refuses_a_source_language_folder_as_check_does(tiny_project, run_main, snapshot) -> None:
    # export --lang ko once accepted a locale/en/ that check refused: one guard now (core.languages.source_guard)
    (tiny_project / "locale" / "en").mkdir()
    shutil.copytree(tiny_project / "locale" / "ko" / "LC_MESSAGES", tiny_project / "locale" / "en" / "LC_MESSAGES")
    before = snapshot(tiny_project)
    check = run_main(tiny_project, "check", "--lang", "ko")
    assert check[0] == 2 and check[2].endswith(SOURCE_FOLDER)
    assert run_main(tiny_project, "export", "--lang", "ko") == (2, "", SOURCE_FOLDER)
    assert run_main(tiny_project, "export") == (2, "", SOURCE_FOLDER)
    assert snapshot(tiny_project) == before
    assert not Path(tiny_project / "_build").exists()
