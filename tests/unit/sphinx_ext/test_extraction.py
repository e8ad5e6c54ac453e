"""Blocks from Sphinx's gettext builder (``sphinx_ext/extraction.py``), on a small project in-process."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.sphinx_ext import extraction

PAGE = """---
summary: What each request costs
---
# Costs

The proxy reports what each request costs.

- Per key
- Per team

```bash
make html
```
"""


def test_front_matter_and_body_blocks_in_the_builder_s_order(sphinx_project: Path) -> None:
    source = sphinx_project / "source"
    (source / "index.md").write_text(PAGE, encoding="utf-8")
    front, body = extraction.extract_blocks(source, sphinx_project, {"index"})["index"]
    assert [(b.field, b.text) for b in front] == [("summary", "What each request costs")]
    assert [(b.kind, b.text, b.verbatim) for b in body] == [
        ("heading (level 1)", "Costs", False),
        ("paragraph", "The proxy reports what each request costs.", False),
        ("list item", "Per key", False),
        ("list item", "Per team", False),
        ("code block (bash)", "make html\n", True),  # verbatim, as the page has it
    ]
    assert [b.line for b in body] == [4, 6, 8, 9, 11]
    assert body[2].shape == body[3].shape
