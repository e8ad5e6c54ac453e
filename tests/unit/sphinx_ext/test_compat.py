"""Sphinx, MyST and CPython internals in one place (``sphinx_ext/compat.py``): the parts a unit can test.
``tests/test_compat.py`` checks the verified versions and that no other module uses a private name."""

from __future__ import annotations

import gettext

from docs_i18n.sphinx_ext import compat


def test_the_installed_versions_are_the_verified_ones() -> None:
    assert compat.version_mismatches() == []


def test_a_fixed_translator_ignores_what_sphinx_adds_later() -> None:
    fallback = gettext.NullTranslations()
    translator = compat.FixedTranslations({"Search": "검색"}, lambda n: 0, fallback)
    translator.add_fallback(compat.FixedTranslations({"Next": "다음"}, lambda n: 0, None))
    assert translator.gettext("Search") == "검색"
    assert translator.gettext("Next") == "Next"  # not from the fallback added afterwards
    assert compat.merged_messages(translator) == {"Search": "검색"}


def test_the_locale_padding_of_a_literal_is_removed_and_nothing_else() -> None:
    assert compat.without_locale_padding("코드\n\n   dummy literal") == "코드"
    assert compat.without_locale_padding("dummy literal") == "dummy literal"


def test_templates_translate_through_the_fixed_messages() -> None:
    translator = compat.FixedTranslations({"Search": "검색"}, lambda n: 0 if n == 1 else 1, None)
    templates = compat.TemplateTranslations(translator)
    assert templates.gettext("Search") == "검색"
    assert templates.gettext("Other") == "Other"
    assert templates.ngettext("page", "pages", 2) == "pages"


def test_sphinx_s_english_stemmer_is_defined_by_its_script() -> None:
    assert "EnglishStemmer" in compat.english_stemmer_js()
