"""Korean search: the analyser, its JavaScript twin, the query set and what the site's search finds.

The site's search runs in node here (``docs_i18n/search_eval.js``: Sphinx's own
searchtools.js on the built index); ``test_search_browser.py`` does the same in Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from benchmarks import search_eval, search_queries
from conftest import ROOT, copy_project, sphinx_build
from docs_i18n.core import pages, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.search import korean
from docs_i18n.sphinx_ext.search_korean import PLACEHOLDER, SearchKorean, analyser_js
from htmlutil import parse, squash

QUERIES = ROOT / "benchmarks" / "queries" / "ko.tsv"
GUIDE = "providers/litellm"
PAGES = [pages.docname(p) for p in pages.walk_pages(ROOT / "source")]  # the guide's pages
ISSUE_QUERIES = ("비용", "가상 키", "라우팅", "모델", "지출 한도", "비용을")


def need(reason: str) -> None:
    """Skip for a missing tool locally; fail in CI (CI=true), where it must be installed."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: this test must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def node() -> str:
    try:
        return search_eval.node_binary()
    except search_eval.NodeError as exc:
        need(str(exc))
        raise


def build_ko(project: Path, out: Path, *defines: str) -> Path:
    """Build the Korean site of *project* with extra ``-D`` settings; return its HTML dir."""
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(project), "-q", "-W", "--keep-going", "-n"]
    for define in ("language=ko", *defines):
        cmd += ["-D", define]
    cmd += ["-d", str(out / ".doctrees"), str(project / "source"), str(out / "ko")]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr
    return out / "ko"


@pytest.fixture(scope="module")
def stock_ko(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Korean site built with stock Sphinx search (the project's Korean language disabled)."""
    base = tmp_path_factory.mktemp("stock")
    return build_ko(copy_project(base / "project"), base / "html", "i18n_korean_search=0")


# -- The analyser -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("비용을", "비용"),
        ("비용과", "비용"),
        ("모델에는", "모델"),
        ("제공자에게", "제공자"),
        ("페이지에서든", "페이지"),
        ("게이트웨이입니다", "게이트웨이"),
        ("게이트웨이로", "게이트웨이"),
        ("키를", "키"),
        ("값은", "값"),
        ("모델들을", "모델"),
        ("서비스입니다", "서비스"),
        ("무엇입니까", "무엇"),
    ],
)
def test_particles_and_copula_leave_the_noun(word: str, stem: str) -> None:
    assert korean.stem(word) == stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("구성합니다", "구성"),
        ("구성하는", "구성"),
        ("구성하다", "구성"),
        ("라우팅하여", "라우팅"),
        ("라우팅됩니다", "라우팅"),
        ("확인하세요", "확인"),
        ("생성된", "생성"),
        ("작성되어", "작성"),
        ("읽습니다", "읽"),
        ("읽으며", "읽"),
        ("읽다", "읽"),
        ("있는", "있"),
        ("없음", "없"),
        ("짧은", "짧"),
        ("다룹니다", "다루"),  # 다루 + ㅂ니다, the ㅂ fused into the last syllable
        ("씁니다", "쓰"),
        ("바꾼다", "바꾸"),  # 바꾸 + ㄴ다
    ],
)
def test_endings_leave_the_verb_or_adjective_stem(word: str, stem: str) -> None:
    assert korean.stem(word) == stem


@pytest.mark.parametrize(("word", "stem"), [("한도", "한도"), ("한도가", "한도"), ("경로를", "경로"), ("결과", "결과")])
def test_nouns_that_end_like_a_particle_keep_it(word: str, stem: str) -> None:
    assert korean.stem(word) == stem


def test_latin_words_as_they_are_no_english_stemming_or_stop_words() -> None:
    assert korean.analyse("LiteLLM을 API로 routes the models") == ["litellm", "api", "routes", "the", "models"]
    assert korean.stem("Running") == "running"
    assert SearchKorean.stopwords == frozenset()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("LiteLLM을", ["LiteLLM"]),
        ("OpenClaw와 함께", ["OpenClaw", "함께"]),
        ("API키를", ["API", "키를"]),
        ("100개의", ["100", "개의"]),
        ("claude-opus-4-6를", ["claude", "opus", "4", "6"]),
        ("LITELLM_API_KEY로 사용하세요.", ["LITELLM_API_KEY", "사용하세요"]),
        ("config.yaml에서", ["config", "yaml"]),
    ],
)
def test_split_cuts_where_hangul_meets_latin_and_drops_glued_particles(text: str, words: list[str]) -> None:
    assert korean.split(text) == words


def test_decomposed_hangul_is_normalised() -> None:
    nfd = unicodedata.normalize("NFD", "비용을 구성합니다")
    assert nfd != "비용을 구성합니다"
    assert korean.analyse(nfd) == ["비용", "구성"]


def korean_catalog_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "locale" / "ko" / "LC_MESSAGES").rglob("*.po")):
        texts += [entry.msgstr[0] for entry in pofile.read(path).messages() if entry.msgstr and entry.msgstr[0]]
    return texts


def test_the_stem_of_a_stem_is_itself() -> None:
    # a reader who types the stem must find every form whose stem it is
    words = {w for text in korean_catalog_texts() for w in korean.split(text)}
    assert len(words) > 150
    for word in words:
        stem = korean.stem(word)
        assert korean.stem(stem) == stem, word


@pytest.mark.parametrize(
    "forms",
    [
        ("설치", "설치하다", "설치합니다", "설치하려면", "설치된", "설치를", "설치가"),
        ("토큰", "토큰을", "토큰이", "토큰에는", "토큰으로"),
        ("배포", "배포하세요", "배포됩니다", "배포하는", "배포와"),
        ("서버", "서버에서", "서버는", "서버의", "서버로"),
        ("업데이트", "업데이트됩니다", "업데이트하면", "업데이트를"),
        ("찾", "찾다", "찾습니다", "찾으면", "찾는", "찾을"),
        ("권한", "권한이", "권한을", "권한과"),
        ("오류", "오류가", "오류를", "오류입니다"),
    ],
)
def test_forms_not_on_the_pages_share_their_stem(forms: tuple[str, ...]) -> None:
    # words that are not in the guide: the rules are not fitted to its vocabulary only
    assert {korean.stem(form) for form in forms} == {forms[0]}


# -- Python and JavaScript give the same words ------------------------------------------------

PARITY_JS = r"""
const vm = require("vm");
const [code, inputs] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const page = {};
vm.createContext(page);
vm.runInContext(code, page);
const out = inputs.map((text) => {
  const words = page.splitQuery(text.trim());
  const stemmer = new page.Stemmer();
  // searchtools.js: lower case, skip numbers, then stemWord
  const stems = words.filter((w) => !/^\d+$/.test(w)).map((w) => stemmer.stemWord(w.toLowerCase()));
  return [words, stems];
});
process.stdout.write(JSON.stringify(out));
"""


def run_js_analyser(node: str, inputs: list[str]) -> list[tuple[list[str], list[str]]]:
    code = SearchKorean.js_stemmer_code + "\n" + SearchKorean.js_splitter_code
    proc = subprocess.run(
        [node, "-e", PARITY_JS],
        input=json.dumps([code, inputs], ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return [(words, stems) for words, stems in json.loads(proc.stdout)]


def python_analyser(text: str) -> tuple[list[str], list[str]]:
    """The query words the page should get (splitQuery stems them), and the index's terms."""
    words = korean.split(text)
    # what Sphinx's IndexBuilder.feed does with each word: stem, lower case, drop numbers
    return [korean.stem(w) for w in words], [korean.stem(w).lower() for w in words if not w.isdigit()]


def parity_inputs() -> list[str]:
    rules = korean.rules()
    bases = [
        "비용",
        "모델",
        "키",
        "한도",
        "구성",
        "읽",
        "쓰",
        "다루",
        "게이트웨이",
        "제공자",
        "경로",
        "하나",
        "LiteLLM",
    ]
    generated = [base + suffix for base in bases for suffix in ["", *rules["suffixes"]]]
    generated += [base + a + b for base in bases[:4] for a in rules["suffixes"][:40] for b in ("을", "는", "입니다")]
    edge = [
        "",
        "   ",
        "LiteLLM을 통해 OpenClaw를 라우팅하여 비용을",
        "API키를 config.yaml에서 claude-opus-4-6를",
        unicodedata.normalize("NFD", "비용을 구성합니다"),
        "Ünïcödé ÀPI와 ΑΒΓ를 моделью 日本語のテキスト 中文文本",
        "snake_case_이름을 x_y 1234 12개 v1을",
        '-비용 "가상 키" (모델) 비용/응답 e-mail',
        "ㄱㄴ ㅂ니다 한 할 한다 됩니다",
    ]
    # words longer than the stripper's window of the word's end (12 syllables and more), with
    # stacked suffixes: the step that looks past that window, in both analysers
    long_stems = ["게이트웨이구성관리자모델제공", "가나다라마바사아자차카타파하", "비용" * 8, "LiteLLM프록시서버구성"]
    long = [stem + a + b for stem in long_stems for a in rules["suffixes"][:30] for b in ("", "을", "에서는", "입니다")]
    queries = [q.text for q in search_queries.read(QUERIES)]
    return korean_catalog_texts() + queries + edge + generated + long


def test_browser_analyser_matches_the_index_analyser(node: str) -> None:
    inputs = parity_inputs()
    assert len(inputs) > 3000
    js = run_js_analyser(node, inputs)
    mismatches = [(text, python_analyser(text), got) for text, got in zip(inputs, js, strict=True)]
    mismatches = [(text, py, got) for text, py, got in mismatches if (list(py[0]), list(py[1])) != got]
    assert not mismatches, mismatches[:10]


def test_rules_are_filled_into_the_javascript() -> None:
    code = analyser_js()
    assert PLACEHOLDER not in code
    assert json.dumps(korean.rules()["suffixes"], ensure_ascii=False) in code


# -- The query set ------------------------------------------------------------------------------


def article_prose(site: Path, page: str) -> str:
    """A page's article text without its code blocks."""
    article = parse(site / f"{page}.html").find("article")
    for pre in article.find_all("pre"):
        pre.children = []
    return squash(article.text())


def test_query_set_has_every_kind_of_query() -> None:
    queries = search_queries.read(QUERIES)
    assert len(queries) >= 40
    assert {q.kind for q in queries} == set(search_queries.KINDS)
    assert len({q.text for q in queries}) == len(queries)


def test_query_set_expectations_match_the_built_pages(built_site: Path) -> None:
    # independent of any analyser: a page is expected exactly when its prose holds the evidence
    site = built_site / "ko"
    prose = {page: article_prose(site, page) for page in PAGES}
    assert {"index", "concepts/model-providers", GUIDE} <= set(prose)
    for query in search_queries.read(QUERIES):
        relevant = {page for page, text in prose.items() if query.relevant(text)}
        assert relevant == query.expected, f"line {query.line}: {query.text}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("query\tkind\n", "expected the header"),
        ("query\tkind\texpected\tevidence\n비용\tnoun\tindex\n", "expected 4 tab-separated fields, found 3"),
        ("query\tkind\texpected\tevidence\n비용\tword\tindex\t비용\n", "unknown kind 'word'"),
        ("query\tkind\texpected\tevidence\n비용\tnoun\t\t비용\n", "empty query, expected pages or evidence"),
        ("# only a comment\nquery\tkind\texpected\tevidence\n", "no queries"),
    ],
)
def test_bad_query_files_are_reported_with_their_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        search_queries.parse(text, "q.tsv")
    assert str(info.value).startswith("q.tsv:")


# -- What the site's search finds (node) -------------------------------------------------------------


def test_korean_search_recall_at_least_95_percent(node: str, built_site: Path) -> None:
    queries = search_queries.read(QUERIES)
    found = search_eval.search(built_site / "ko", [q.text for q in queries])
    score = search_eval.score(queries, found)
    assert score.recall >= 0.95, [(q.text, f.pages) for q, f in zip(queries, found, strict=True)]
    for query, result in zip(queries, found, strict=True):
        if query.text in ISSUE_QUERIES:
            assert GUIDE in result.pages, query.text


def test_both_forms_of_a_query_search_the_same_stems(node: str, built_site: Path) -> None:
    found = search_eval.search(built_site / "ko", ["비용을", "비용", "구성합니다", "구성하다", "LiteLLM을", "litellm"])
    assert found[0].terms == found[1].terms == ("비용",)
    assert found[2].terms == found[3].terms == ("구성",)
    assert found[4].terms == found[5].terms == ("litellm",)
    assert found[0].pages == found[1].pages and GUIDE in found[0].pages


def test_stock_sphinx_misses_what_the_project_finds(node: str, built_site: Path, stock_ko: Path) -> None:
    queries = search_queries.read(QUERIES)
    texts = [q.text for q in queries]
    project = search_eval.score(queries, search_eval.search(built_site / "ko", texts))
    stock_found = search_eval.search(stock_ko, texts)
    stock = search_eval.score(queries, stock_found)
    assert stock.recall < 0.75 < 0.95 <= project.recall
    by_query = {f.query: f.pages for f in stock_found}
    assert GUIDE not in by_query["비용을"] and GUIDE not in by_query["지출 한도"]
    assert "KoreanAnalyser" not in (stock_ko / "_static" / "language_data.js").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "queries"),
    [("ja", ("モデル", "ルーティング", "仮想キー", "コスト")), ("zh_CN", ("模型", "路由", "虚拟密钥", "成本"))],
)
def test_japanese_and_chinese_search_find_the_guide(node: str, built_site: Path, lang: str, queries: tuple) -> None:
    # Sphinx's own splitters: TinySegmenter port (ja), jieba (zh); the node run also fails
    # if language_data.js throws (Sphinx 9.0's ChineseStemmer)
    for result in search_eval.search(built_site / lang, list(queries)):
        assert GUIDE in result.pages, (lang, result)


# -- The benchmark --------------------------------------------------------------------------------------


def test_bench_prints_recall_precision_size_and_time(node: str, tmp_path: Path) -> None:
    small = tmp_path / "queries.tsv"
    small.write_text(
        "query\tkind\texpected\tevidence\n비용을\tparticle\tconcepts/model-providers,providers/litellm\t비용\n"
        "지출 한도\tphrase\tproviders/litellm\t지출+한도\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_search_ko", "--repeat", "1", "--queries", str(small)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    rows = {line.split("|")[1].strip(): line for line in proc.stdout.splitlines() if line.startswith("| ")}
    stock = rows["stock Sphinx (English splitter and stemmer)"].split("|")
    project = rows["project: particle and ending stripper"].split("|")
    assert stock[2].strip() == "0.0%" and project[2].strip() == "100.0%"  # recall
    assert project[5].strip().endswith(")") and project[8].strip().endswith(" s")  # index size, build time
    assert "project misses: nothing" in proc.stdout


def test_bench_reports_a_bad_query_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.tsv"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_search_ko", "--queries", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{missing}:0: cannot read file")


def test_build_without_korean_search_leaves_sphinx_default(project: Path, tmp_path: Path) -> None:
    # the switch is a plain config value: conf.py can turn it off too
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\ni18n_korean_search = False\n", encoding="utf-8")
    result = sphinx_build(project, "ko", tmp_path / "out")
    assert result.code == 0, result.err
    data = (tmp_path / "out" / "ko" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "KoreanAnalyser" not in data and "EnglishStemmer" in data


def test_node_missing_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(search_eval.NodeError, match="node not found"):
        search_eval.node_binary()
