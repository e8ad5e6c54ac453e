"""The verdict on the model's replies before anything is written (``mt/review.py``)."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.mt import review
from docs_i18n.mt.write import Suggestion

BODY = "The proxy reports what each request costs."


class Refusing:
    """A build's verdict that shows one message in English."""

    def __init__(self, msgid: str, seen: list[tuple[Path, str]], copy: Path) -> None:
        self.msgid, self.seen, self.copy = msgid, seen, copy

    def reason(self, docname: str, msgid: str) -> str | None:
        return "the build shows it in English" if msgid == self.msgid else None


def test_check_findings_and_the_builds_verdict_are_the_reasons(mt_tree) -> None:
    source, locale, catalog = mt_tree
    before = catalog.read_bytes()
    seen: list[tuple[Path, str]] = []

    def verdict(source_dir: Path, conf_dir: Path, copy: Path, lang: str) -> Refusing:
        seen.append((copy, (copy / lang / "LC_MESSAGES" / "index.po").read_text(encoding="utf-8")))
        return Refusing("Run `make html`.", seen, copy)

    suggestions = {
        str(catalog): [
            ("index", Suggestion(BODY, "", "프록시는 `rm -rf` 비용을 알려 줍니다.")),  # a code span added
            ("index", Suggestion("Run `make html`.", "make를 실행하세요.", "`make html`을 실행하세요.")),
        ]
    }
    reasons = review.review(source, source, locale, "ko", suggestions, verdict)
    assert reasons[(str(catalog), BODY)].startswith("[code-spans] ")
    assert reasons[(str(catalog), "Run `make html`.")] == "the build shows it in English"
    assert catalog.read_bytes() == before  # reviewed in a copy
    ((copy, text),) = seen
    assert copy != locale and "`make html`을 실행하세요." in text


def test_a_clean_reply_passes(mt_tree) -> None:
    source, locale, catalog = mt_tree
    suggestions = {str(catalog): [("index", Suggestion(BODY, "", "프록시는 요청마다 드는 비용을 알려 줍니다."))]}
    reasons = review.review(source, source, locale, "ko", suggestions, lambda *_: Refusing("", [], locale))
    assert reasons == {(str(catalog), BODY): None}
