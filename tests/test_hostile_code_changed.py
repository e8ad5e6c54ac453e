"""Class 5: a translation that changes code or a link target, and exemptions only the maintainers can give.

``LITELLM_API_KEY`` → ``EVIL`` or ``http://localhost:4000`` → another host reads as
the same instructions to a reader who copies them. A translation's code spans and
link targets must be the English's (the same multiset): a difference fails the
build and the English is shown. A translator comment cannot exempt it; the
maintainers' ``i18n-exemptions.toml`` (next to ``conf.py``) can, for the exact
values it lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import (
    GUIDE,
    add_entry,
    attack,
    build,
    catalog_digests,
    check,
    copy,
    line_of,
    payload_hits,
    po_string,
    replace_entry,
    warned_at,
    written,
)

KEY = "Use the generated key as `LITELLM_API_KEY`."
HOST = "LiteLLM runs on `http://localhost:4000` by default"
DOCS = "[LiteLLM Docs](https://docs.litellm.ai)"
ATTACKS = {
    KEY: "생성된 키를 `EVIL_API_KEY`로 사용하세요.",
    HOST: "LiteLLM은 기본적으로 `http://evil.example:4000`에서 실행됩니다.",
    DOCS: "[LiteLLM 문서](https://docs.litellm.ai.evil.example/ko/)",
}
PAYLOADS = ("EVIL_API_KEY", "evil.example")


def hostile_entry(msgid: str, msgstr: str) -> str:
    return (
        "# i18n-check-ignore: code-spans, links -- the translator says so\n"
        f"msgid {po_string(msgid)}\nmsgstr {po_string(msgstr)}"
    )


def exemption(msgid: str, check: str, allow: str) -> str:
    return (
        f'[[exemption]]\nlang = "ko"\ncatalog = "providers/litellm"\nmsgid = {po_string(msgid)}\n'
        f'check = "{check}"\nallow = [{po_string(allow)}]\nreason = "reviewed by the maintainers"\n'
    )


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = copy(tmp_path_factory.mktemp("code-changed"))
    for msgid, msgstr in ATTACKS.items():
        replace_entry(project / GUIDE, msgid, hostile_entry(msgid, msgstr))
    return attack(project, tmp_path_factory.mktemp("out"))


def test_the_strict_build_fails_naming_each_message(changed: dict) -> None:
    po = changed["project"] / GUIDE
    assert changed["strict"].code != 0
    for msgid, rule in ((KEY, "code-spans"), (HOST, "code-spans"), (DOCS, "links")):
        found = warned_at(changed["strict"], po, line_of(po, msgid))
        assert found and f"refused: [{rule}]" in found[0], changed["strict"].err


def test_without_w_the_english_code_is_shown(changed: dict) -> None:
    assert changed["preview"].code == 0, changed["preview"].err
    assert payload_hits(changed["site"], PAYLOADS) == []
    guide = written(changed["site"])["providers/litellm.html"]
    assert "Use the generated key as" in guide and "http://localhost:4000</span></code> by default" in guide
    assert 'href="https://docs.litellm.ai"' in guide


def test_check_refuses_the_translator_s_exemption(changed: dict) -> None:
    result = check(changed["project"], "--lang", "ko")
    assert result.code == 1
    line = line_of(changed["project"] / GUIDE, KEY)
    assert f"{GUIDE}:{line}: [code-spans] inline code spans differ from the English" in result.out
    assert "(cannot be exempted: the build refuses it)" in result.out
    assert f"  {GUIDE}:{line}: [code-spans] refused -- the translator says so" in result.out
    assert catalog_digests(changed["project"]) == changed["before"]


@pytest.fixture(scope="module")
def exempted(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The maintainers allow one code span and one localised link target; the translator uses them."""
    project = copy(tmp_path_factory.mktemp("exempted"))
    po = project / GUIDE
    replace_entry(po, KEY, hostile_entry(KEY, "생성된 키를 `LITELLM_API_KEY_KO`로 사용하세요."))
    replace_entry(po, DOCS, hostile_entry(DOCS, "[LiteLLM 문서](https://docs.litellm.ai/ko/)"))
    replace_entry(po, HOST, hostile_entry(HOST, ATTACKS[HOST]))  # not exempted: still refused
    (project / "i18n-exemptions.toml").write_text(
        "# Reviewed like conf.py.\n\n"
        + exemption(KEY, "code-spans", "LITELLM_API_KEY_KO")
        + "\n"
        + exemption(DOCS, "links", "https://docs.litellm.ai/ko/")
        + "\n"
        + exemption(HOST, "code-spans", "http://localhost:4001"),
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("out")
    return {"project": project, "strict": build(project, out, strict=True), "site": out / "ko"}


def test_the_maintainers_exemption_allows_exactly_its_values(exempted: dict) -> None:
    po = exempted["project"] / GUIDE
    assert exempted["strict"].code != 0
    refused = [w for w in exempted["strict"].err.splitlines() if "[i18n.guard]" in w]
    assert len(refused) == 1 and refused[0].startswith(f"{po}:{line_of(po, HOST)}: "), exempted["strict"].err
    guide = written(exempted["site"])["providers/litellm.html"]
    assert "LITELLM_API_KEY_KO" in guide and 'href="https://docs.litellm.ai/ko/"' in guide
    assert "evil.example" not in guide


def test_check_lists_the_maintainers_exemptions(exempted: dict) -> None:
    result = check(exempted["project"], "--lang", "ko")
    assert result.code == 1
    assert "i18n-exemptions.toml:3: [code-spans] applied -- reviewed by the maintainers" in result.out
    assert "i18n-exemptions.toml:11: [links] applied -- reviewed by the maintainers" in result.out
    assert f"{GUIDE}:{line_of(exempted['project'] / GUIDE, HOST)}: [code-spans]" in result.out


def test_an_exemption_file_cannot_exempt_html(tmp_path: Path) -> None:
    project = copy(tmp_path)
    (project / "i18n-exemptions.toml").write_text(exemption(KEY, "html", "<b>"), encoding="utf-8")
    result = check(project, "--lang", "ko")
    assert result.code == 2
    assert "i18n-exemptions.toml:1: check 'html' cannot be exempted; only code-spans, links can" in result.err
    add_entry(project / GUIDE, f"msgid {po_string('Never on the page')}\nmsgstr {po_string('x')}")
    result = build(project, tmp_path / "out", strict=True)
    assert result.code != 0 and "check 'html' cannot be exempted" in result.err
