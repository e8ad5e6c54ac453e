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


def test_one_file_needs_one_language_and_one_page(tmp_path) -> None:
    import pytest

    from docs_i18n.commands import import_
    from docs_i18n.core.errors import InputError

    page = tmp_path / "litellm.ko.md"
    page.write_text("# 비용\n", encoding="utf-8")
    with pytest.raises(InputError, match="exactly one --lang and one --page"):
        import_.find_jobs(page, ["ko"], None)
    jobs = import_.find_jobs(page, ["ko"], ["providers/litellm.md"])
    assert [(job.lang, job.page, job.path) for job in jobs] == [("ko", "providers/litellm.md", page)]


def test_a_tree_is_read_by_language_folder(tmp_path) -> None:
    from docs_i18n.commands import import_

    for name in ("ko/index.md", "ja-JP/index.md", "_hidden/index.md", "ko/guide/setup.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    jobs = import_.find_jobs(tmp_path, None, None)
    assert sorted((job.lang, job.page) for job in jobs) == [
        ("ja", "index.md"),
        ("ko", "guide/setup.md"),
        ("ko", "index.md"),
    ]
    assert [(job.lang, job.page) for job in import_.find_jobs(tmp_path, ["ko"], ["index.md"])] == [("ko", "index.md")]


def test_the_typed_function_takes_the_tree_apart_from_the_project(tiny_project, tmp_path, snapshot) -> None:
    import pytest

    from docs_i18n.commands import import_
    from docs_i18n.core.errors import InputError

    before = snapshot(tiny_project)
    with pytest.raises(InputError) as raised:
        import_.import_pages(
            tiny_project,
            tmp_path / "no-such-tree",
            langs=None,
            page_ids=None,
            dry_run=True,
            overwrite=False,
            strict=False,
            without_hash=False,
            source=tiny_project / "source",
            locale=tiny_project / "locale",
            conf=None,
            pot=None,
        )
    assert (raised.value.path, raised.value.message) == (str(tmp_path / "no-such-tree"), "no such file or folder")
    assert snapshot(tiny_project) == before
