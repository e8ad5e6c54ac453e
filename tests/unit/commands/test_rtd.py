"""``scripts/i18n rtd`` in-process (``commands/rtd.py``): its typed function called directly."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from docs_i18n.commands import rtd
from docs_i18n.core.errors import InputError


def test_rtd_dry_run_prints_the_build_of_the_language_asked_for(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rtd" / "html"
    environ = {"READTHEDOCS_LANGUAGE": "en", "READTHEDOCS_OUTPUT": str(tmp_path / "unused")}
    assert rtd.build_on_rtd(tiny_project, lang="ko", out=out, dry_run=True, environ=environ) == 0
    first, command = capsys.readouterr().out.splitlines()
    assert first.startswith("Read the Docs build: ko at ")
    words = shlex.split(command)
    assert words[:3] == [sys.executable, "-m", "sphinx"]
    assert "language=ko" in words and words[-2:] == [str(tiny_project / "source"), str(out)]
    assert not out.exists()


def test_rtd_without_a_language_says_where_it_looks(tiny_project: Path) -> None:
    with pytest.raises(InputError, match="not set: run on Read the Docs, or give --lang"):
        rtd.build_on_rtd(tiny_project, lang=None, out=None, dry_run=True, environ={})
