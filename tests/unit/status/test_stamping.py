"""Recording a reviewed translation (``status/stamping.py``), in-process."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from docs_i18n.markdown.splitting import Block, SplitPage
from docs_i18n.status import stamping


class CountingSplitter:
    """A splitter that splits a page into its paragraphs (one block each), and counts its runs."""

    def __init__(self) -> None:
        self.runs: list[list[str]] = []

    def split_english(self, source_dir: Path, confdir: Path, page_ids: Iterable[str]) -> dict[str, SplitPage]:
        raise AssertionError("the Markdown stamp splits its own tree's English pages")

    def split_translated(
        self,
        source_dir: Path,
        confdir: Path,
        translated: Mapping[str, Path],
        english: Mapping[str, Path] | None = None,
    ) -> dict[str, SplitPage]:
        self.runs.append(sorted(str(path) for path in translated.values()))
        found = {}
        for page, path in translated.items():
            paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
            blocks = [Block("paragraph", p.strip(), i + 1, shape=("paragraph",)) for i, p in enumerate(paragraphs)]
            found[page] = SplitPage(path=path, page=page, body=blocks)
        return found


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_english_pages_are_split_once_for_every_language(tmp_path: Path) -> None:
    # stamp --markdown split each English page again for every language
    root = tmp_path / "docs"
    write(root / "index.md", "Costs.\n\nLimits.\n")
    write(root / "guide.md", "Keys.\n")
    write(root / "ko" / "index.md", "비용.\n\n한도.\n")
    write(root / "ko" / "guide.md", "키.\n")
    write(root / "ja" / "index.md", "費用.\n")  # one paragraph short: not aligned
    write(root / "ja" / "guide.md", "---\ntitle: Keys\n---\n")  # nothing after its front-matter
    splitter = CountingSplitter()
    refusals = stamping.markdown_refusals(root, root, root, ["ko", "ja"], ["index.md", "guide.md"], splitter)
    english_runs = [run for run in splitter.runs if all("/ko/" not in p and "/ja/" not in p for p in run)]
    assert english_runs == [[str(root / "guide.md"), str(root / "index.md")]]
    assert len(splitter.runs) == 3  # English once, then Korean, then Japanese
    assert refusals["ko"] == {}
    assert refusals["ja"]["index.md"].startswith("not aligned with the English page: ")
    assert refusals["ja"]["guide.md"] == (
        "the translated page is empty (nothing after its front-matter); translate it, or pass --force to stamp anyway"
    )
