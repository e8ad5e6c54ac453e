"""Pages split into blocks with Sphinx (``sphinx_ext/splitter.py``), on a 1-page project in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_i18n.core.errors import InputError
from docs_i18n.sphinx_ext import splitter

BODY = "The proxy reports what each request costs."


def test_the_english_and_a_translated_page_split_into_blocks_of_the_same_shapes(
    sphinx_project: Path, tmp_path: Path
) -> None:
    source = sphinx_project / "source"
    english = splitter.split_english(source, sphinx_project, ["index.md"])["index.md"]
    assert [(b.kind, b.text) for b in english.messages()] == [("heading (level 1)", "Costs"), ("paragraph", BODY)]
    page = tmp_path / "index.ko.md"
    page.write_text("# 비용\n\n프록시는 요청마다 드는 비용을 알려 줍니다.\n", encoding="utf-8")
    translated = splitter.split_translated(source, sphinx_project, {"index.md": page})["index.md"]
    assert [b.text for b in translated.messages()] == ["비용", "프록시는 요청마다 드는 비용을 알려 줍니다."]
    assert [b.shape for b in translated.body] == [b.shape for b in english.body]
    assert translated.path == page


def test_a_directive_the_english_page_does_not_have_is_refused_at_its_line(
    sphinx_project: Path, tmp_path: Path
) -> None:
    page = tmp_path / "index.ko.md"
    page.write_text("# 비용\n\n```{raw} html\n<script>alert(1)</script>\n```\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        splitter.split_translated(sphinx_project / "source", sphinx_project, {"index.md": page})
    assert raised.value.path == str(page) and raised.value.line == 3
