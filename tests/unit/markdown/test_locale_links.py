"""OpenClaw's locale links: ``/<locale>/path`` in a translation is the English ``/path``."""

from __future__ import annotations

import pytest

from docs_i18n.markdown import locale_links

ENGLISH = "See [Exec Approvals](/tools/exec-approvals) and [Models](/concepts/models#default)."


@pytest.mark.parametrize(
    ("lang", "translated"),
    [
        ("ko", "[실행 승인](/ko/tools/exec-approvals)과 [모델](/ko/concepts/models#default)을 참고하세요."),
        ("ja", "[実行承認](/ja-JP/tools/exec-approvals) と [モデル](/ja-JP/concepts/models#default) を参照。"),
        ("zh_CN", "参见 [执行审批](/zh-CN/tools/exec-approvals) 和 [模型](/zh-CN/concepts/models#default)。"),
        ("pt_BR", "Veja [Aprovações](/pt-BR/tools/exec-approvals) e [Modelos](/pt-BR/concepts/models#default)."),
    ],
)
def test_a_locale_link_becomes_the_english_target(lang: str, translated: str) -> None:
    text, count = locale_links.rewrite(translated, ENGLISH, lang)
    assert count == 2
    assert "](/tools/exec-approvals)" in text and "](/concepts/models#default)" in text


@pytest.mark.parametrize(
    "translated",
    [
        "[실행 승인](/ja-JP/tools/exec-approvals)",  # another locale's folder
        "[실행 승인](/ko/tools/other-page)",  # not a target of the English message
        "[실행 승인](https://example.org/ko/tools/exec-approvals)",  # not site-absolute
        "[실행 승인](/kok/tools/exec-approvals)",  # a longer folder name
    ],
)
def test_anything_else_is_left_for_the_guard(translated: str) -> None:
    assert locale_links.rewrite(translated, ENGLISH, "ko") == (translated, 0)
