"""Front-matter texts as translatable ``<meta>`` nodes (``sphinx_ext/frontmatter_meta.py``), read in-process."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.sphinx_ext import inprocess

PAGE = "---\nsummary: What each request costs\nread_when:\n  - Setting budgets\n---\n# Costs\n\nText.\n"


def metas(project: Path, lang: str) -> list[tuple[str, str, object]]:
    found: list[tuple[str, str, object]] = []

    def collect(app: object, doctree: object, docname: str) -> None:
        from docutils import nodes

        for meta in doctree.findall(nodes.meta):  # type: ignore[attr-defined]
            found.append((meta["name"], meta["content"], meta.get("translated")))

    with inprocess.sphinx_app(project / "source", project, "dummy", {"language": lang}) as app:
        inprocess.build(app, project, collect)
    return found


def test_summary_and_read_when_become_meta_nodes_translated_by_the_catalog(sphinx_project: Path) -> None:
    (sphinx_project / "source" / "index.md").write_text(PAGE, encoding="utf-8")
    assert metas(sphinx_project, "en") == [
        ("description", "What each request costs", None),
        ("read_when", "Setting budgets", None),
    ]
    catalog = sphinx_project / "locale" / "ko" / "LC_MESSAGES" / "index.po"
    catalog.write_text(
        catalog.read_text("utf-8") + '\nmsgid "What each request costs"\nmsgstr "요청마다 드는 비용"\n', "utf-8"
    )
    assert metas(sphinx_project, "ko") == [
        ("description", "요청마다 드는 비용", None),  # Sphinx's "translated" flag is no HTML attribute: dropped
        ("read_when", "Setting budgets", None),
    ]
