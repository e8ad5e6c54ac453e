"""Fixtures of the unit tests: tiny projects written in a temporary folder, commands run in-process."""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docs_i18n import cli
from docs_i18n.core import hashing

ENGLISH = "# Costs\n\nThe proxy reports what each request costs.\n"
KOREAN = "# 비용\n\n프록시는 요청마다 드는 비용을 알려 줍니다.\n"
ROOT = Path(__file__).resolve().parents[2]


def project_myst_config() -> Any:
    """MyST's configuration as the project's conf.py sets it (its ``myst_*`` values)."""
    from myst_parser.config.main import MdParserConfig

    conf = runpy.run_path(str(ROOT / "conf.py"))
    return MdParserConfig(**{key[5:]: value for key, value in conf.items() if key.startswith("myst_")})


def catalog(english_text: str, title: str, body: str, msgstr_title: str, msgstr_body: str) -> str:
    """A page's catalog with its two messages translated, stamped with the hash of *english_text*."""
    record = hashing.hash_bytes(english_text.encode("utf-8"))
    return (
        f"# x-i18n-source-hash: {record}\n"
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{title}"\nmsgstr "{msgstr_title}"\n\n'
        f'msgid "{body}"\nmsgstr "{msgstr_body}"\n'
    )


@pytest.fixture
def tiny_project(tmp_path: Path) -> Path:
    """conf.py (English and Korean), one English page and its Korean catalog."""
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    (root / "conf.py").write_text(
        'extensions = ["myst_parser", "docs_i18n.sphinx_ext"]\nroot_doc = "index"\n'
        'i18n_languages = ["en", "ko"]\ni18n_source_language = "en"\ni18n_locale_dirs = ["../locale"]\n'
        "gettext_compact = False\n",
        encoding="utf-8",
    )
    (root / "source" / "index.md").write_text(ENGLISH, encoding="utf-8")
    ko = root / "locale" / "ko" / "LC_MESSAGES"
    ko.mkdir(parents=True)
    body = ENGLISH.split("\n\n")[1].strip()
    text = catalog(ENGLISH, "Costs", body, "비용", KOREAN.split("\n\n")[1].strip())
    (ko / "index.po").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """``scripts/i18n ARGS`` in this process, from *cwd*: ``(exit code, stdout, stderr)``."""

    def run(cwd: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        code = cli.main([str(arg) for arg in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Every file below a folder, by relative path (to show that nothing was written)."""

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    return files
