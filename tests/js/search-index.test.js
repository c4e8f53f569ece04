/* window.a4p.searchIndex (docs/assets/search-index.js): a language's settings and index over
   the vendored MiniSearch (docs/assets/vendor/minisearch), as the search box queries it: every
   term needed, the exact phrase first, paragraphs before glossary terms. Loading with <script>
   tags, and the real records and stemmers: tests/browser/test_search.py. */
"use strict";

const assert = require("node:assert/strict");
const { describe, test } = require("node:test");
const { page, here } = require("./page.js");

const window = page(["a4p.js", "vendor/minisearch/index.js", "search-text.js", "search-index.js"]);
const { Index, languageSettings, join } = window.a4p.searchIndex;

/* A language's records file as hooks/outputs/search.py writes it (document()), cut down. */
function data(records, extra = {}) {
  return { lang: "en", stemmer: null, stopwords: [], folding: null, records: records, ...extra };
}

function paragraph(n, text) {
  return { kind: "paragraph", n: n, url: "p/#para-" + n, page: "Page", text: text, label: "¶ " + n };
}

function term(id, name, text) {
  return { kind: "term", url: "glossary/#term-" + id, page: "Glossary", name: name, text: text };
}

const RECORDS = [
  paragraph(1, "Peacekeepers protect civilians under threat."),
  paragraph(2, "Civilians, under threat, are protected by peacekeepers."),
  term("poc", "protection of civilians", "Peacekeepers protect civilians under threat of violence."),
  paragraph(3, "Partnerships with host states."),
];

const plural = (word) => (word.endsWith("s") ? word.slice(0, -1) : word);

async function ready(records, stem = plural, extra = {}) {
  return new Index(data(records, extra), stem).prepare(() => true);
}

function found(index, query) {
  return here(index.search(query).results.map((result) => [result.record.url.split("#")[1], result.exact]));
}

describe("settings", () => {
  test("stop words folded as the words are", () => {
    const rules = { map: {}, marks: true, clitics: [], suffixes: [], clitic_keep: 3, suffix_keep: 3 };
    const settings = languageSettings(data([], { folding: rules, stopwords: ["à", "de"] }), plural);
    assert.deepEqual([...settings.stopwords], ["a", "de"]);
    assert.equal(settings.fold("été"), "ete");
    assert.equal(settings.stem, plural);
  });
});

describe("the index", () => {
  test("every word of the query is needed, in any of its forms", async () => {
    const index = await ready(RECORDS);
    assert.deepEqual(found(index, "civilian threat"), [["para-1", false], ["para-2", false], ["term-poc", false]]);
    assert.deepEqual(found(index, "civilians host"), []);
  });

  test("records holding the query exactly come first; paragraphs before terms", async () => {
    const index = await ready(RECORDS);
    assert.deepEqual(found(index, "are protected by"), [["para-2", true]]);
    assert.deepEqual(found(index, "civilians under threat"), [["para-1", true], ["para-2", false], ["term-poc", true]]);
  });

  test("the word being typed is a prefix too", async () => {
    const index = await ready(RECORDS);
    assert.deepEqual(found(index, "partn"), [["para-3", true]]);
    assert.deepEqual(found(index, "partn "), []);
  });

  test("a term's name counts as its text does", async () => {
    const index = await ready(RECORDS);
    assert.deepEqual(found(index, "protection"), [["term-poc", true]]);
  });

  test("Chinese: every pair of the query, the exact phrase first", async () => {
    const index = await ready([paragraph(1, "保护，护平民"), paragraph(2, "保护平民"), paragraph(3, "保护和平")], (word) => word);
    assert.deepEqual(found(index, "保护平民"), [["para-2", true], ["para-1", false]]);
    assert.deepEqual(found(index, "平民保护"), []);
  });

  test("a query with nothing to search finds nothing", async () => {
    const index = await ready(RECORDS);
    assert.deepEqual(found(index, " … "), []);
  });

  test("prepared in steps while no one waits, each at an idle moment", async () => {
    let idle = 0;
    window.requestIdleCallback = (work) => {
      idle += 1;
      setTimeout(work, 0);
    };
    try {
      const many = Array.from({ length: 3000 }, (_, i) => paragraph(i + 1, "peacekeeping partnership number " + i));
      const index = await new Index(data(many), plural).prepare(() => false);
      assert.equal(index.added, many.length);
      assert.ok(idle > 0, "no step was left for an idle moment");
      assert.deepEqual(found(index, "number 2999"), [["para-3000", true]]);
    } finally {
      delete window.requestIdleCallback;
    }
  });
});

describe("join", () => {
  test("a record's address below the site's root, one slash between", () => {
    assert.deepEqual([join("", "en/x/"), join("../", "en/x/"), join("..", "en/x/")], ["en/x/", "../en/x/", "../en/x/"]);
  });
});
