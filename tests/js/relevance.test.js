/* The relevance tables (tests/relevance/{lang}.yml) under Node: each language's real search
   records (hooks/outputs/search.py, as the build writes them; tests/js/relevance.py prints them with the
   tables), indexed and searched by the browser's own scripts (search-text.js, search-index.js,
   the vendored MiniSearch and stemmers). For every query: its `first` paragraphs rank above
   every other paragraph, and no `absent` paragraph is found. The same tables in Chromium:
   tests/browser/test_relevance.py. */
"use strict";

const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { describe, test } = require("node:test");
const { ASSETS, page } = require("./page.js");

const ROOT = path.join(__dirname, "..", "..");
const VENV = path.join(ROOT, ".venv", "bin", "python");
const PYTHON = process.env.A4P_PYTHON || (fs.existsSync(VENV) ? VENV : "python3");
const LANGUAGES = JSON.parse(execFileSync(PYTHON, [path.join(__dirname, "relevance.py")],
  { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));

/** The stemmer of a records file, as search-index.js's loadStemmer gets it on a page: none, the
   light stemmer, or a vendored CommonJS script run with a module object lent to it. */
function stemmer(window, data) {
  const { identity, folder, lightStemmer } = window.a4p.searchText;
  const spec = data.stemmer;
  if (!spec) {
    return identity;
  }
  if (spec.light) {
    return lightStemmer(data.folding, folder(data.folding));
  }
  assert.equal(spec.export, "commonjs");
  const module = { exports: {} };
  window.module = module;
  window.exports = module.exports;
  const file = path.join(ASSETS, "..", spec.script);
  vm.runInContext(fs.readFileSync(file, "utf8"), window, { filename: file });
  return spec.member ? module.exports[spec.member] : module.exports;
}

for (const [lang, { data, queries }] of Object.entries(LANGUAGES)) {
  describe(`relevance, ${lang}`, () => {
    const window = page(["a4p.js", "vendor/minisearch/index.js", "search-text.js", "search-index.js"], lang);
    const index = new window.a4p.searchIndex.Index(data, stemmer(window, data));
    const prepared = index.prepare(() => true);

    for (const row of queries) {
      test(row.query, async () => {
        await prepared;
        const found = index.search(row.query).results
          .filter((result) => result.record.kind === "paragraph").map((result) => result.record.n);
        const first = row.first || [];
        const said = `${lang} «${row.query}» found ${JSON.stringify(found)}; first ${JSON.stringify(first)}` +
          ` (${row.why})`;
        assert.deepEqual([...found.slice(0, first.length)].sort((a, b) => a - b),
          [...first].sort((a, b) => a - b), said);
        const wrong = (row.absent || []).filter((n) => found.includes(n));
        assert.deepEqual(wrong, [], said);
      });
    }
  });
}
