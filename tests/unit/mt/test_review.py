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

    def verdicts(source_dir: Path, conf_dir: Path, copy: Path, langs: list[str]) -> dict[str, Refusing]:
        (lang,) = langs
        seen.append((copy, (copy / lang / "LC_MESSAGES" / "index.po").read_text(encoding="utf-8")))
        return {lang: Refusing("Run `make html`.", seen, copy)}

    suggestions = {
        str(catalog): [
            ("index", Suggestion(BODY, "", "프록시는 `rm -rf` 비용을 알려 줍니다.")),  # a code span added
            ("index", Suggestion("Run `make html`.", "make를 실행하세요.", "`make html`을 실행하세요.")),
        ]
    }
    reasons = review.review(source, source, locale, {"ko": suggestions}, verdicts)
    assert reasons[(str(catalog), BODY)].startswith("[code-spans] ")
    assert reasons[(str(catalog), "Run `make html`.")] == "the build shows it in English"
    assert catalog.read_bytes() == before  # reviewed in a copy
    ((copy, text),) = seen
    assert copy != locale and "`make html`을 실행하세요." in text


def test_a_clean_reply_passes(mt_tree) -> None:
    source, locale, catalog = mt_tree
    suggestions = {str(catalog): [("index", Suggestion(BODY, "", "프록시는 요청마다 드는 비용을 알려 줍니다."))]}
    reasons = review.review(source, source, locale, {"ko": suggestions}, lambda *_: {"ko": Refusing("", [], locale)})
    assert reasons == {(str(catalog), BODY): None}


def test_every_language_is_read_in_one_call_and_judged_by_its_own_verdict(mt_tree) -> None:
    """The build's verdicts of all the languages come from one call (the languages' reads run in
    worker processes there); each language's suggestions are judged by that language's verdict."""
    source, locale, korean = mt_tree
    japanese = locale / "ja" / "LC_MESSAGES" / "index.po"
    japanese.parent.mkdir(parents=True)
    japanese.write_text(korean.read_text(encoding="utf-8").replace("비용", "費用"), encoding="utf-8")
    calls: list[tuple[list[str], dict[str, bool]]] = []

    def verdicts(source_dir: Path, conf_dir: Path, copy: Path, langs: list[str]) -> dict[str, Refusing]:
        calls.append((list(langs), {lang: (copy / lang / "LC_MESSAGES" / "index.po").is_file() for lang in langs}))
        return {"ko": Refusing(BODY, [], copy), "ja": Refusing("", [], copy)}

    suggestions = {
        "ko": {str(korean): [("index", Suggestion(BODY, "", "프록시는 요청마다 드는 비용을 알려 줍니다."))]},
        "ja": {str(japanese): [("index", Suggestion(BODY, "", "プロキシは各リクエストの費用を報告します。"))]},
    }
    reasons = review.review(source, source, locale, suggestions, verdicts)
    assert calls == [(["ko", "ja"], {"ko": True, "ja": True})]
    assert reasons == {(str(korean), BODY): "the build shows it in English", (str(japanese), BODY): None}
