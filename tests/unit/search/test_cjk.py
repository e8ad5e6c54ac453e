"""The CJK, Thai, Hindi and Arabic search analysers (``search/cjk.py``)."""

from __future__ import annotations

import pytest

from docs_i18n.search import cjk


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("仮想キー", ["仮想", "想キ", "キー"]),
        ("仮想キーを作成", ["仮想", "想キ", "キー", "作成"]),  # Hiragana: particles and inflections, dropped
        ("APIキー", ["API", "キー"]),
        ("成本追踪", ["成本", "本追", "追踪"]),
        ("键", ["键"]),  # a run of one letter as it is
        ("ＡＰＩ 2024 ｷｰ", ["API", "キー"]),  # NFKC: full-width Latin, half-width Katakana; numbers left out
    ],
)
def test_cjk_runs_become_bigrams(text: str, words: list[str]) -> None:
    assert cjk.split(text) == words


def test_a_query_typed_without_particles_finds_the_page() -> None:
    assert set(cjk.analyse("仮想キー")) <= set(cjk.analyse("仮想キーの作成"))
    assert cjk.analyse("LiteLLM プロキシ") == ["litellm", "プロ", "ロキ", "キシ"]
    assert cjk.groups("API仮想") == [(False, ["API"]), (True, ["仮想"])]


def test_thai_keeps_its_marks_in_words_and_cuts_bigrams() -> None:
    assert cjk.THAI.split("คีย์") == ["คี", "ีย", "ย์"]
    assert cjk.analyse_thai("API คีย์") == ["api", "คี", "ีย", "ย์"]


def test_hindi_keeps_combining_marks_and_arabic_drops_harakat_and_tatweel() -> None:
    assert cjk.DEVANAGARI.split("कुंजी बनाएँ") == ["कुंजी", "बनाएँ"]
    assert cjk.ARABIC.split("مِفْتَاح") == cjk.ARABIC.split("مفتاح") == ["مفتاح"]
    assert cjk.ARABIC.split("مفـــتاح") == ["مفتاح"]


def test_the_browsers_rules_are_the_same_ranges() -> None:
    data = cjk.rules()
    assert data == cjk.CJK_RULES.as_json()
    assert [0x30A1, 0x30FA] in data["cjk"] and data["kana"] == [[0x3041, 0x309F]]
