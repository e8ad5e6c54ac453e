"""The translation status page (``sphinx_ext/status_page.py``): its order, paths and footer link,
with the parts of a Sphinx application they read (the page itself is tested built: tests/test_build_state.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from docs_i18n.sphinx_ext import status_page


def app(tmp_path: Path, builder: str = "html") -> Any:
    env = SimpleNamespace(
        all_docs={"index": 0, "guide": 0, "guide/setup": 0, "unlisted": 0, "faq": 0},
        toctree_includes={"index": ["guide", "faq"], "guide": ["guide/setup", "missing"]},
    )
    config = SimpleNamespace(root_doc="index", i18n_status_page="translation-status")
    return SimpleNamespace(
        env=env, config=config, confdir=str(tmp_path), builder=SimpleNamespace(name=builder, format="html")
    )


def test_pages_in_the_order_a_reader_meets_them(tmp_path: Path) -> None:
    assert status_page.toctree_order(app(tmp_path)) == ["index", "guide", "guide/setup", "faq", "unlisted"]


def test_catalog_paths_are_shown_relative_to_the_project_never_absolute(tmp_path: Path) -> None:
    shown = status_page._project_path(app(tmp_path), str(tmp_path / "locale" / "ko" / "LC_MESSAGES" / "index.po"))
    assert shown == "locale/ko/LC_MESSAGES/index.po"
    assert status_page._project_path(app(tmp_path), "/elsewhere/secret/index.po") == "index.po"
    assert status_page._project_path(app(tmp_path), None) == ""


def test_every_html_page_links_to_the_status_page_unless_a_page_has_its_name(tmp_path: Path) -> None:
    context: dict[str, Any] = {"pathto": lambda name: f"../{name}.html"}
    status_page.on_page_context(app(tmp_path), "guide/setup", "page.html", context, None)
    assert context["i18n_status_href"] == "../translation-status.html"
    taken = app(tmp_path)
    taken.env.all_docs["translation-status"] = 0
    status_page.on_page_context(taken, "index", "page.html", context, None)
    assert context["i18n_status_href"] is None
    off = app(tmp_path)
    off.config.i18n_status_page = ""
    status_page.on_page_context(off, "index", "page.html", context, None)
    assert context["i18n_status_href"] is None
