/*
 * Korean search analyser: the browser half of docs_i18n/search/korean.py.
 *
 * Splits a query and strips particles and endings exactly as the Python side did
 * when it built the index (same algorithm, same rule data: the build replaces
 * RULES_PLACEHOLDER below with docs_i18n.search.korean.rules() as JSON).
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

  // A step reads only the end of the word (the longest suffix, and the whole word while a
  // remainder could be a noun of the keep list), so stripping is linear in the word's length.
  const suffixes = new Set(rules.suffixes);
  const longestSuffix = Math.max(...rules.suffixes.map((s) => s.length));
  const longestKeep = Math.max(...rules.keep.map((s) => s.length));
  const prefix = (word, length, last) => (last ? word.slice(0, length - 1) + last : word.slice(0, length));

  // One step on a word ending in tail: [letters removed, new last letter or ""], or null.
  // The longest suffix wins (keeping minLen letters); a fused ending weighs half a letter
  // more than its letters; a remainder in the keep list wins over any other.
  const step = (tail, minLen) => {
    const length = tail.length;
    const whole = length <= longestSuffix + Math.max(longestKeep, minLen);
    const candidates = [];
    for (let size = Math.min(longestSuffix, length); size > 0; size--) {
      if (suffixes.has(tail.slice(length - size))) candidates.push([size, size, ""]);
    }
    for (const [ending, final] of fused) {
      const size = ending.length;
      if (length > size && tail.endsWith(ending) && finalOf(tail[length - size - 1]) === final) {
        candidates.push([size + 0.5, size, String.fromCharCode(tail.charCodeAt(length - size - 1) - final)]);
      }
    }
    let best = null;
    let bestWeight = 0;
    let kept = null;
    let keptWeight = 0;
    for (const [weight, size, last] of candidates) {
      const rest = length - size;
      if (rest < minLen) continue;
      if (weight > bestWeight) {
        best = [size, last];
        bestWeight = weight;
      }
      if (whole && rest <= longestKeep && weight > keptWeight && keep.has(prefix(tail, rest, last))) {
        kept = [size, last];
        keptWeight = weight;
      }
    }
    return kept !== null ? kept : best;
  };

  // Strip suffixes until none is left (or a noun of the keep list); never copies the word before the end.
  const strip = (word, minLen = 1) => {
    const window = longestSuffix + Math.max(longestKeep, minLen) + 1;
    let length = word.length;
    let last = "";
    for (;;) {
      const start = Math.max(0, length - window);
      const tail = last ? word.slice(start, length - 1) + last : word.slice(start, length);
      if (length <= longestKeep && keep.has(tail)) break;
      const next = step(tail, minLen);
      if (next === null) break;
      length -= next[0];
      last = next[1];
    }
    return prefix(word, length, last);
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
