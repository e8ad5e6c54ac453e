/*
 * CJK search analyser (Japanese, Chinese; Thai with its own rules): the browser half of
 * docs_i18n/search/cjk.py.
 *
 * Cuts a query exactly as the Python side cut the pages when it built the index:
 * CJK runs into overlapping character bigrams, Hiragana dropped, other words kept
 * (the build replaces RULES_PLACEHOLDER below with docs_i18n.search.cjk.rules() as JSON).
 * tests/test_search_cjk.py runs both on the same texts with node and compares.
 *
 * One step more, in the browser only (relax): a query typed as several words has
 * bigrams across the words' boundary (创建虚拟密钥 -> 建虚) that a page need not
 * contain (创建一个...虚拟密钥). Sphinx requires every term, so such a bigram would hide
 * the page. When most of a CJK run's bigrams are in the index, those that no page
 * contains are left out of the query; when most are missing, the run stays as it is
 * (and finds nothing).
 */
var CJKAnalyser = ((rules) => {
  const chars = (ranges) =>
    ranges.map(([lo, hi]) => String.fromCodePoint(lo) + "-" + String.fromCodePoint(hi)).join("");
  const CJK = chars(rules.cjk);
  const KANA = chars(rules.kana);
  const MARKS = chars(rules.marks || []); // combining marks that belong to words (Thai)
  const IGNORED = (rules.ignored || []).length ? new RegExp(`[${chars(rules.ignored)}]`, "gu") : null;
  const WORD = new RegExp(`[\\p{L}\\p{N}_${MARKS}]+`, "gu");
  const NUMBER = /^\p{Nd}+$/u; // digits of any script: Sphinx indexes no numbers
  const CUTTING = CJK ? `([${CJK}]+)` : "((?!))";
  const DROPPED = KANA ? `([${KANA}]+)` : "((?!))";
  const OTHER = CJK || KANA ? `([^${CJK}${KANA}]+)` : "([\\s\\S]+)";
  const RUN = new RegExp(`${CUTTING}|${DROPPED}|${OTHER}`, "gu");

  const bigrams = (run) => {
    const letters = [...run];
    if (letters.length < 2) return [run];
    const out = [];
    for (let i = 0; i + 1 < letters.length; i++) out.push(letters[i] + letters[i + 1]);
    return out;
  };

  // [isCjk, words] for each run of the text, in order.
  const groups = (text) => {
    const out = [];
    let normal = text.normalize("NFKC");
    if (IGNORED) normal = normal.replace(IGNORED, "");
    for (const token of normal.match(WORD) || []) {
      for (const [, cjk, , other] of token.matchAll(RUN)) {
        if (cjk) out.push([true, bigrams(cjk)]);
        else if (other && !NUMBER.test(other)) out.push([false, [other]]);
      }
    }
    return out;
  };

  const split = (text) => groups(text).flatMap(([, words]) => words);

  const inIndex = (index, word) => {
    const own = (map) => map !== undefined && Object.prototype.hasOwnProperty.call(map, word);
    return own(index.terms) || own(index.titleterms);
  };

  // The query's words, the bigrams no page contains left out of a run whose bigrams are mostly found.
  const relax = (text, index) =>
    groups(text).flatMap(([isCjk, words]) => {
      if (!isCjk || !index || words.length < 2) return words;
      const found = words.filter((word) => inIndex(index, word));
      return found.length > words.length - found.length ? found : words;
    });

  return { split, relax, groups };
})(RULES_PLACEHOLDER);

/* Sphinx's hooks: searchtools.js calls splitQuery() and new Stemmer().stemWord(). */
var splitQuery = (query) => {
  const words = CJKAnalyser.relax(query, typeof Search !== "undefined" ? Search._index : null);
  CJKAnalyser.queryTerms = new Set(words.map((word) => word.toLowerCase()));
  return words;
};
var Stemmer = function () {
  this.stemWord = (word) => word.toLowerCase();
};

/*
 * Ranking (Sphinx's Scorer.score hook): Sphinx scores a page by its best term, so one
 * bigram of a heading counts as the whole heading. A page found by its text gets up to
 * Scorer.title more by the share of the query's terms that its headings hold, and a
 * heading that holds the query as it was typed (Sphinx's title results) twice that more:
 * the page whose heading is the query comes first, then those whose headings hold its words.
 */
if (typeof Scorer !== "undefined" && !Scorer.score) {
  Scorer.score = (result) => {
    const [docname, , , , score, , kind] = result;
    const terms = CJKAnalyser.queryTerms;
    const index = typeof Search !== "undefined" ? Search._index : null;
    if (kind === "title") return score + 2 * Scorer.title;
    if (kind !== "text" || !index || !terms || !terms.size) return score;
    const file = index.docnames.indexOf(docname);
    let inHeadings = 0;
    for (const term of terms) {
      if (!Object.prototype.hasOwnProperty.call(index.titleterms, term)) continue;
      const files = index.titleterms[term];
      if (files === file || (Array.isArray(files) && files.includes(file))) inHeadings++;
    }
    return score + Math.round((Scorer.title * inHeadings) / terms.size);
  };
}
