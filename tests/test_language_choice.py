"""The reader's language (``publish/static/language-choice.js``) in node: matching per BCP 47
with the script included, the remembered choice, and the scripts it reads from CLDR (Babel).

``test_reader_browser.py`` runs the same script in Chromium: on the root page, the 404 page
and the switcher, and against the browser's own CLDR data (``Intl.Locale``).
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from babel import Locale

from benchmarks import search_eval
from conftest import LANGUAGES
from docs_i18n.core import languages
from docs_i18n.publish import landing

ROOT_PATH = "/docs/"

# Runs the script with the given navigator.languages and stored choice; prints what each asks.
RUNNER = """
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf-8"));
const stored = input.stored || {};
globalThis.navigator = { languages: [] };
globalThis.window = { localStorage: {
  getItem: (key) => (key in stored ? stored[key] : null),
  setItem: (key, value) => { stored[key] = value; },
} };
const docsI18n = new Function(input.script + "\\nreturn docsI18n;")();
const out = {};
out.picks = input.wanted.map((wanted) => {
  navigator.languages = wanted;
  return docsI18n.pick(input.site, input.scripts, input.root).code;
});
out.scripts = input.tags.map((tag) => docsI18n.scriptOf(tag, input.scripts));
docsI18n.remember(input.root, "ko");
out.stored = stored;
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="session")
def node() -> str:
    try:
        return search_eval.node_binary()
    except search_eval.NodeError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc} (CI is set: this test must run)")
        pytest.skip(str(exc))
        raise


def run(node: str, wanted: list[list[str]], tags: list[str] = (), stored: dict[str, str] | None = None) -> dict:
    data = {
        "script": landing.language_js(),
        "site": landing.site_languages(list(LANGUAGES)),
        "scripts": landing.script_table(list(LANGUAGES)),
        "root": ROOT_PATH,
        "wanted": wanted,
        "tags": list(tags),
        "stored": stored or {},
    }
    proc = subprocess.run([node, "-e", RUNNER], input=json.dumps(data), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# navigator.languages -> the site's language (conf.py's i18n_languages: English and OpenClaw's 20 locales)
CASES = [
    (["ko-KR", "ko"], "ko"),
    (["ja-JP"], "ja"),
    (["en-GB"], "en"),
    (["fr-FR", "de"], "fr"),
    (["sv-SE", "de"], "de"),  # the next preferred language the site has
    (["pt-BR"], "pt_BR"),
    (["fa-IR"], "fa"),
    (["ar-EG"], "ar"),
    (["he-IL", "en"], "en"),
    (["zh"], "zh_CN"),
    (["zh-CN"], "zh_CN"),
    (["zh-SG"], "zh_CN"),
    (["zh-Hans"], "zh_CN"),
    (["zh-Hans-HK"], "zh_CN"),  # an explicit script wins over the region's
    (["ZH-cn"], "zh_CN"),  # tags are case-insensitive
    (["zh_CN"], "zh_CN"),
    (["zh-TW"], "zh_TW"),  # Traditional Chinese readers land on Traditional Chinese
    (["zh-HK"], "zh_TW"),
    (["zh-MO"], "zh_TW"),
    (["zh-Hant"], "zh_TW"),
    (["zh-Hant-CN"], "zh_TW"),
    (["zh-Hans-TW"], "zh_CN"),
    (["zh-HK", "zh-CN", "en"], "zh_TW"),
    (["zh-Hant-TW", "ko-KR"], "zh_TW"),
    (["x-klingon", "i-default", "ko"], "ko"),
    ([""], "en"),
    ([], "en"),
]


def test_the_site_has_openclaws_locales() -> None:
    """The cases below are for conf.py's languages: English first, then OpenClaw's 20 locales."""
    assert LANGUAGES[0] == "en" and len(LANGUAGES) == 21
    assert {"zh_CN", "zh_TW", "pt_BR", "fa", "ar"} <= set(LANGUAGES)


def test_languages_match_per_bcp47_with_the_script(node: str) -> None:
    picks = run(node, [wanted for wanted, _ in CASES])["picks"]
    assert dict(zip(map(tuple, (w for w, _ in CASES)), picks, strict=True)) == {
        tuple(wanted): expected for wanted, expected in CASES
    }


def test_a_remembered_choice_comes_first(node: str) -> None:
    key = f"docs-i18n-language:{ROOT_PATH}"
    assert run(node, [["ko-KR"], ["zh-TW"]], stored={key: "ja"})["picks"] == ["ja", "ja"]
    # a language the site no longer has, or a choice made on another site of the host: ignored
    assert run(node, [["ko-KR"]], stored={key: "sv"})["picks"] == ["ko"]
    assert run(node, [["ko-KR"]], stored={"docs-i18n-language:/other/": "ja"})["picks"] == ["ko"]
    assert run(node, [])["stored"] == {key: "ko"}  # remember() keeps it per site root


def test_scripts_follow_cldr_for_every_region(node: str) -> None:
    """For each site language in every region CLDR knows, the script the page infers is Babel's."""
    regions = sorted(code for code in Locale("en").territories if code.isalpha() or code.isdigit())
    tags = [f"{lang.split('_')[0]}-{region}" for lang in LANGUAGES for region in regions]
    tags += ["zh", "zh-Hant", "zh-Hans", "zh-Hant-CN", "zh-Hans-TW", "ko", "ja", "en", "en-Latn-US"]
    found = run(node, [], tags)["scripts"]
    expected = [languages.likely_script(tag).lower() for tag in tags]
    differ = [(tag, got, want) for tag, got, want in zip(tags, found, expected, strict=True) if got != want]
    assert not differ, differ[:20]
    assert found[tags.index("zh-TW")] == "hant" and found[tags.index("zh-SG")] == "hans"


def test_likely_script_and_its_regions() -> None:
    assert [languages.likely_script(c) for c in ("zh_CN", "zh_TW", "zh_Hant", "zh", "ko", "ja", "en")] == [
        "Hans",
        "Hant",
        "Hant",
        "Hans",
        "Kore",
        "Jpan",
        "Latn",
    ]
    chinese = languages.region_scripts("zh")
    assert chinese[""] == "Hans" and chinese["TW"] == chinese["HK"] == chinese["MO"] == "Hant"
    assert "SG" not in chinese and "CN" not in chinese  # Simplified, as the language's default
    assert languages.region_scripts("ko") == {"": "Kore"}
