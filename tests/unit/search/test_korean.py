"""The Korean search analyser (``search/korean.py``): words split, particles and endings stripped."""

from __future__ import annotations

import pytest

from docs_i18n.search import korean


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("비용을", "비용"),
        ("비용과", "비용"),
        ("한도가", "한도"),
        ("한도", "한도"),  # a noun that merely ends like a particle (KEEP)
        ("구성합니다", "구성"),
        ("읽습니다", "읽"),
        ("LiteLLM", "litellm"),
    ],
)
def test_a_word_is_reduced_to_its_stem(word: str, stem: str) -> None:
    assert korean.stem(word) == stem


def test_the_stem_of_a_stem_is_itself() -> None:
    for word in ("비용을", "구성합니다", "읽습니다", "경로를", "프록시에서"):
        once = korean.stem(word)
        assert korean.stem(once) == once


def test_words_are_cut_between_hangul_and_other_scripts() -> None:
    assert korean.split("LiteLLM을 설정") == ["LiteLLM", "설정"]  # a particle glued to a Latin word: dropped
    assert korean.split("API키") == ["API", "키"]
    assert korean.analyse("프록시 비용을 확인합니다") == ["프록시", "비용", "확인"]
    assert korean.is_hangul("비용") and not korean.is_hangul("API키")


def test_a_long_word_is_stripped_in_linear_time_and_keeps_a_syllable() -> None:
    assert korean.strip("을" * 5) != ""
    word = "비용" * 2000 + "을"
    assert korean.strip(word) == "비용" * 2000


def test_the_browsers_rules_carry_the_same_data() -> None:
    data = korean.rules()
    assert set(data["suffixes"]) == set(korean.PARTICLES) | set(korean.ENDINGS)
    assert [len(s) for s in data["suffixes"]] == sorted((len(s) for s in data["suffixes"]), reverse=True)
    assert data["keep"] == sorted(korean.KEEP) and data["fused"] == korean.FUSED_ENDINGS
