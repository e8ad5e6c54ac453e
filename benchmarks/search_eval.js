/*
 * Run a built site's own search (searchtools.js + language_data.js +
 * searchindex.js) on a list of queries, without a browser.
 *
 * Usage: node search_eval.js SITE_DIR < queries.json > results.json
 * queries.json: ["비용", "가상 키", ...]
 * results.json: [{"query", "terms", "results": [docname, ...]}, ...] in query order;
 * "results" are the documents of the search page's result list, in its order
 * (the page shows the last result first), each once.
 *
 * The scripts run in one VM context, in the search page's order, with stubs for
 * the few browser objects they touch while loading; the search itself
 * (Search._parseQuery and Search._performSearch) is Sphinx's unchanged code.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const noop = () => {};
const element = () => ({ appendChild: (child) => child, classList: { add: noop }, setAttribute: noop, dataset: {} });

const context = {
  console,
  URLSearchParams,
  _ready: noop,
  _: (text) => text,
  SPHINX_HIGHLIGHT_ENABLED: false,
  DOCUMENTATION_OPTIONS: { BUILDER: "html", FILE_SUFFIX: ".html", LINK_SUFFIX: ".html" },
  localStorage: { setItem: noop, getItem: () => null, removeItem: noop },
  document: {
    readyState: "loading",
    addEventListener: noop,
    querySelectorAll: () => [],
    getElementById: () => null,
    createElement: element,
    body: element(),
    documentElement: element(),
  },
};
context.window = context;
vm.createContext(context);

for (const script of ["_static/searchtools.js", "_static/language_data.js", "searchindex.js"]) {
  const file = path.join(site, script);
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
}

context.QUERIES = queries;
const output = vm.runInContext(
  `QUERIES.map((query) => {
    const parsed = Search._parseQuery(query);
    const found = Search._performSearch(...parsed).map((result) => result[0]).reverse();
    return { query, terms: [...parsed[1]], results: [...new Set(found)] };
  })`,
  context,
);
process.stdout.write(JSON.stringify(output));
