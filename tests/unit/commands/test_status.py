"""``scripts/i18n status`` in-process (``commands/status.py``)."""

from __future__ import annotations

import json


def test_a_current_catalog_then_a_stale_one(tiny_project, run_main) -> None:
    code, out, err = run_main(tiny_project, "status", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert [(p["lang"], p["page"], p["state"]) for p in document["pages"]] == [("ko", "index.md", "current")]
    (tiny_project / "source" / "index.md").write_text("# Costs\n\nChanged.\n", encoding="utf-8")
    code, out, _ = run_main(tiny_project, "status", "--strict")
    assert code == 1
    assert out.startswith("ko: 1 pages: 1 stale")
    assert "next: update the catalog (make update-po)" in out


def test_only_the_states_asked_for(tiny_project, run_main) -> None:
    code, out, _ = run_main(tiny_project, "status", "--state", "stale", "--format", "json")
    assert code == 0 and json.loads(out)["pages"] == []


def test_the_typed_function_reads_the_folders_it_is_given(tiny_project, tmp_path, monkeypatch, capsys) -> None:
    # run from elsewhere: status() takes every path it reads, the project only for its source language
    from docs_i18n.commands import status

    monkeypatch.chdir(tmp_path)
    options = dict(markdown=None, templates=None, langs=None, only_states=None, strict=True, diff=False)
    source, locale = tiny_project / "source", tiny_project / "locale"
    assert status.status(tiny_project, source=source, locale=locale, output="json", **options) == 0
    assert [p["state"] for p in json.loads(capsys.readouterr().out)["pages"]] == ["current"]
    (source / "index.md").write_text("# Costs\n\nChanged.\n", encoding="utf-8")
    assert status.status(tiny_project, source=source, locale=locale, output="text", **options) == 1
    assert capsys.readouterr().out.startswith("ko: 1 pages: 1 stale")


def test_a_markdown_tree_is_read_without_catalogs(tmp_path, capsys) -> None:
    from docs_i18n.commands import status
    from docs_i18n.core import hashing

    tree = tmp_path / "docs"
    (tree / "ko").mkdir(parents=True)
    english = "# Costs\n"
    (tree / "index.md").write_text(english, encoding="utf-8")
    record = hashing.hash_bytes(english.encode("utf-8"))
    (tree / "ko" / "index.md").write_text(f"---\nx-i18n:\n  source_hash: {record}\n---\n# 비용\n", encoding="utf-8")
    code = status.status(
        tmp_path,
        markdown=tree,
        source=tmp_path / "no-source",
        locale=tmp_path / "no-locale",
        templates=None,
        langs=None,
        only_states=None,
        output="json",
        strict=True,
        diff=False,
    )
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(p["lang"], p["page"], p["state"]) for p in document["pages"]] == [("ko", "index.md", "current")]
