"""``scripts/i18n stamp`` in-process (``commands/stamp.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

SOURCE_FOLDER = (
    "locale/en:0: 'en' is the source language (conf.py): its folder of catalogs is not a translation, "
    "and Sphinx would apply it to the English pages; remove it\n"
)


def add_english_folder(project: Path) -> None:
    (project / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(project / "locale" / "ko" / "LC_MESSAGES" / "index.po", project / "locale" / "en" / "LC_MESSAGES")


def test_stamp_refuses_a_source_language_folder_as_status_does(tiny_project, run_main, snapshot) -> None:
    # stamp --lang ko once accepted a locale/en/ that status refused: one guard now (core.languages.source_guard)
    add_english_folder(tiny_project)
    before = snapshot(tiny_project)
    status = run_main(tiny_project, "status", "--lang", "ko")
    assert status[0] == 2 and status[2].endswith(SOURCE_FOLDER)
    assert run_main(tiny_project, "stamp", "--lang", "ko", "--page", "index.md", "--force") == (2, "", SOURCE_FOLDER)
    assert run_main(tiny_project, "stamp", "--all", "--force") == (2, "", SOURCE_FOLDER)
    assert snapshot(tiny_project) == before


def test_stamp_refuses_the_source_language_named(tiny_project, run_main, snapshot) -> None:
    before = snapshot(tiny_project)
    code, out, err = run_main(tiny_project, "stamp", "--lang", "en", "--page", "index.md")
    assert (code, out) == (2, "")
    assert err == "--lang:0: 'en' is the source language (conf.py): its pages are not a translation\n"
    assert snapshot(tiny_project) == before


def test_stamp_records_the_english_hash_of_a_reviewed_catalog(tiny_project, run_main) -> None:
    changed = "# Costs\n\nThe proxy reports what each request costs.\n\n"
    (tiny_project / "source" / "index.md").write_text(changed, encoding="utf-8")
    code, out, err = run_main(tiny_project, "stamp", "--lang", "ko", "--page", "index.md")
    assert (code, err) == (0, "")
    assert out.startswith("ko index.md: stamped")


def test_the_typed_function_needs_pages_or_every_page(tiny_project) -> None:
    import pytest

    from docs_i18n.commands import stamp
    from docs_i18n.core.errors import InputError

    folders = dict(markdown=None, source=tiny_project / "source", locale=tiny_project / "locale", conf=None)
    with pytest.raises(InputError, match="name the page"):
        stamp.stamp(tiny_project, langs=["ko"], page_ids=None, every_page=False, force=False, **folders)


def test_the_typed_function_stamps_every_page_of_a_language(tiny_project, tmp_path, monkeypatch, capsys) -> None:
    from docs_i18n.commands import stamp
    from docs_i18n.core import hash_record, hashing

    changed = "# Costs\n\nThe proxy reports what each request costs.\n\n"
    (tiny_project / "source" / "index.md").write_text(changed, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    folders = dict(markdown=None, source=tiny_project / "source", locale=tiny_project / "locale", conf=None)
    assert stamp.stamp(tiny_project, langs=None, page_ids=None, every_page=True, force=False, **folders) == 0
    assert capsys.readouterr().out.startswith("ko index.md: stamped")
    catalog = (tiny_project / "locale" / "ko" / "LC_MESSAGES" / "index.po").read_text(encoding="utf-8")
    assert catalog.startswith(hash_record.record_lines(hashing.hash_bytes(changed.encode("utf-8"))))
