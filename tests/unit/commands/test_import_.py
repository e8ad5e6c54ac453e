"""``scripts/i18n import`` in-process (``commands/import_.py``)."""

from __future__ import annotations

from pathlib import Path


def test_import_shows_paths_as_every_command_does(tiny_project, run_main, snapshot) -> None:
    # import printed the paths as given (absolute here); every other command shows them relative
    # to the working directory when below it (core.errors.shown_path)
    page = tiny_project / "markdown" / "ko" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# 비용\n", encoding="utf-8")  # no x-i18n.source_hash
    before = snapshot(tiny_project / "locale")
    code, out, err = run_main(tiny_project, "import", str(tiny_project / "markdown"))
    assert code == 2
    assert out == "[ko] markdown/ko/index.md: error\n"
    assert err.startswith("markdown/ko/index.md:")
    assert err.endswith("nothing written: 1 page(s) could not be imported\n")
    assert str(tiny_project) not in out + err
    assert snapshot(tiny_project / "locale") == before


def test_import_refuses_a_source_language_folder(tiny_project, run_main) -> None:
    (tiny_project / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    page = tiny_project / "markdown" / "ko" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# 비용\n", encoding="utf-8")
    code, out, err = run_main(tiny_project, "import", str(tiny_project / "markdown"))
    assert (code, out) == (2, "")
    assert err.startswith("locale/en:0: 'en' is the source language (conf.py)")
    assert Path(tiny_project / "locale" / "ko" / "LC_MESSAGES" / "index.po").is_file()
