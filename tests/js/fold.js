/* The search's folding and light stemming (docs/assets/search-text.js) of words, for
   tests/test_javascript.py to hold against hooks/edition/folding.py: reads [{rules, words}, …] as JSON
   on standard input (rules: Folding.as_json()), writes [{fold: […], stems: […]}, …]. */
"use strict";

const fs = require("node:fs");
const { page } = require("./page.js");

const text = page(["a4p.js", "search-text.js"]).a4p.searchText;
const asked = JSON.parse(fs.readFileSync(0, "utf8"));
const answers = asked.map(({ rules, words }) => {
  const fold = text.folder(rules);
  const stem = text.lightStemmer(rules, fold);
  return { fold: words.map(fold), stems: words.map((word) => stem(word)) };
});
process.stdout.write(JSON.stringify(answers));
