/*
 * Korean search analyser: the browser half of docs_i18n/search_ko.py.
 *
 * Splits a query and strips particles and endings exactly as the Python side did
 * when it built the index (same algorithm, same rule data: the build replaces
 * RULES_PLACEHOLDER below with docs_i18n.search_ko.rules() as JSON).
 * tests/test_search_ko.py runs both on the same words with node and compares.
 */
var KoreanAnalyser = ((rules) => {
  const FIRST = 0xac00;
  const HANGUL = /^[\uac00-\ud7a3]+$/;
  const WORD = /[\p{L}\p{N}_]+/gu;
  const RUN = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g;
  const keep = new Set(rules.keep);
  const fused = Object.entries(rules.fused);

  const isHangul = (word) => HANGUL.test(word);
  const finalOf = (syllable) => (syllable.charCodeAt(0) - FIRST) % rules.finals;

  // The word without its longest suffix (keeping minLen syllables), or the word.
  const stripOnce = (word, minLen) => {
    let best = word;
    let bestWeight = 0;
    let kept = null;
    let keptWeight = 0;
    const candidates = [];
    for (const suffix of rules.suffixes) {
      if (word.endsWith(suffix)) candidates.push([suffix.length, word.slice(0, word.length - suffix.length)]);
    }
    for (const [ending, final] of fused) {
      const rest = word.slice(0, word.length - ending.length);
      if (word.endsWith(ending) && rest && finalOf(rest.slice(-1)) === final) {
        const last = String.fromCharCode(rest.charCodeAt(rest.length - 1) - final);
        candidates.push([ending.length + 0.5, rest.slice(0, -1) + last]);
      }
    }
    for (const [weight, rest] of candidates) {
      if (rest.length < minLen) continue;
      if (weight > bestWeight) {
        best = rest;
        bestWeight = weight;
      }
      if (keep.has(rest) && weight > keptWeight) {
        kept = rest;
        keptWeight = weight;
      }
    }
    return kept !== null ? kept : best;
  };

  // Strip suffixes until none is left (or a noun of the keep list).
  const strip = (word, minLen = 1) => {
    while (!keep.has(word)) {
      const shorter = stripOnce(word, minLen);
      if (shorter === word) break;
      word = shorter;
    }
    return word;
  };

  // The words of a text, cut between Hangul and other scripts.
  const split = (text) => {
    const words = [];
    for (const token of text.normalize("NFC").match(WORD) || []) {
      const runs = token.match(RUN);
      runs.forEach((run, index) => {
        if (index > 0 && isHangul(run) && !strip(run, 0)) return; // LiteLLM을
        words.push(run);
      });
    }
    return words;
  };

  // The search stem of one word (lower case).
  const stem = (word) => {
    word = word.normalize("NFC").toLowerCase();
    return isHangul(word) ? strip(word) : word;
  };

  return { split, stem, strip };
})(RULES_PLACEHOLDER);

/* Sphinx's hooks: searchtools.js calls splitQuery() and new Stemmer().stemWord(). */
var Stemmer = function () {
  this.stemWord = (word) => KoreanAnalyser.stem(word);
};
