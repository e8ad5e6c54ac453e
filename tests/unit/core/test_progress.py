"""Progress on stderr (``core/progress.py``): a bar on a terminal, a line at every tenth elsewhere."""

from __future__ import annotations

import io

from docs_i18n.core.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_elsewhere_a_line_at_every_tenth_and_at_the_end() -> None:
    out = io.StringIO()
    bar = Progress(20, out, unit="catalogs", label="update: read ")
    for _ in range(20):
        bar.step()
    lines = out.getvalue().splitlines()
    assert lines[0] == "update: read [..........] 1/20 catalogs"
    assert lines[-1] == "update: read [##########] 20/20 catalogs"
    assert len(lines) == 11  # 1/20, then each tenth


def test_on_a_terminal_one_bar_rewritten_and_a_newline_at_the_end() -> None:
    out = Terminal()
    bar = Progress(4, out, width=4, unit="messages")
    bar.step("ko")
    bar.advance(4, "ja")
    text = out.getvalue()
    assert text.startswith("\r[#...] 1/4 messages ko")
    assert "\r[####] 4/4 messages ja" in text and text.endswith("\n") and text.count("\n") == 1


def test_nothing_to_do_is_shown_done() -> None:
    out = io.StringIO()
    Progress(0, out, unit="templates").advance(0)
    assert out.getvalue() == "[##########] 0/0 templates\n"
