"""The theme UI catalog as the site may use it (``checks/ui_messages.py``)."""

from __future__ import annotations

from docs_i18n.checks import ui_messages


def test_escaping_keeps_tags_and_escapes_the_text_once() -> None:
    assert (
        ui_messages.escape_html('<a href="x">A &amp; "B"</a> `c`\\')
        == '<a href="x">A &amp; &#34;B&#34;</a> &#96;c&#96;&#92;'
    )


def test_a_format_string_keeps_its_placeholders() -> None:
    english = "%(percent)s%% translated"
    assert ui_messages.format_findings(english, "%(percent)s%% 번역됨") == []
    found = ui_messages.format_findings(english, "%(퍼센트)s 100% 번역됨")
    assert [f.check for f in found] == ["format", "format"]
    assert ui_messages.format_findings("No placeholder", "자리표시자 없음 %") == []
