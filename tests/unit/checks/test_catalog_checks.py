"""Whole catalogs and their exemptions (``checks/catalog_checks.py``)."""

from __future__ import annotations

from docs_i18n.checks import catalog_checks
from docs_i18n.core import pofile

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def check(body: str) -> catalog_checks.Report:
    return catalog_checks.check_catalog(pofile.parse(HEADER + body, "ko.po"), lang="ko")


def test_translated_messages_are_checked_and_fuzzy_ones_are_not() -> None:
    report = check('msgid "Run `make html`"\nmsgstr "`make`를 실행"\n\n#, fuzzy\nmsgid "a `b`"\nmsgstr "c"\n')
    assert report.messages == 1
    assert [(p.line, p.check) for p in report.findings] == [(5, "code-spans")]  # the msgid's line


def test_a_translator_may_exempt_an_unguarded_check_but_not_a_guarded_one() -> None:
    body = (
        "# i18n-check-ignore: placeholders -- the product writes it this way\n"
        'msgid "Set ${KEY}"\nmsgstr "KEY를 설정"\n\n'
        "# i18n-check-ignore: code-spans -- shorter\n"
        'msgid "Run `make html`"\nmsgstr "`make`를 실행"\n'
    )
    report = check(body)
    assert [(e.check, e.status) for e in report.exemptions] == [("placeholders", "applied"), ("code-spans", "refused")]
    assert [(p.check, p.message.endswith("(cannot be exempted: the build refuses it)")) for p in report.findings] == [
        ("code-spans", True)
    ]
