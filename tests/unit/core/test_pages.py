"""Page identity (``core/pages.py``): one id for a page, in every tool and language."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core import pages


@pytest.mark.parametrize(
    "name", ["providers/litellm.md", "source/providers/litellm.md", "providers/litellm", "./providers/litellm.md"]
)
def test_a_page_has_one_id_however_it_is_named(name: str) -> None:
    assert pages.check_page(name) == "providers/litellm.md"
    assert pages.docname(pages.page_id(name)) == "providers/litellm"


@pytest.mark.parametrize("name", ["../etc/passwd.md", "/abs.md", "a//b.md", "c:/x.md", "a\u202eb.md", " "])
def test_a_name_outside_the_source_folder_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="is not a page below the source folder"):
        pages.check_page(name)


def test_the_catalog_of_a_page() -> None:
    assert pages.catalog_path("locale", "ko", "providers/litellm.md") == Path(
        "locale/ko/LC_MESSAGES/providers/litellm.po"
    )


def test_walk_skips_hidden_and_underscore_folders(tmp_path: Path) -> None:
    for name in ("index.md", "guide/a.md", "_templates/x.md", ".hidden/y.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert list(pages.walk_pages(tmp_path)) == ["guide/a.md", "index.md"]
