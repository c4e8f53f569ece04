/* window.a4p.searchHighlight (docs/assets/search-highlight.js): where a query matched in a text,
   and the text shown with its matches marked, never as HTML. Pure functions over the terms of
   window.a4p.searchText; the results on a real page: tests/browser/test_search.py. */
"use strict";

const assert = require("node:assert/strict");
const { describe, test } = require("node:test");
const { page, here, shown } = require("./page.js");

const window = page(["a4p.js", "search-text.js", "search-highlight.js"]);
const text = window.a4p.searchText;
const marked = window.a4p.searchHighlight;

const ACCENTS = { map: {}, marks: true, clitics: [], suffixes: [], clitic_keep: 3, suffix_keep: 3 };

/** A stemmer that cuts a final "s". */
function plainStemmer() {
  return (word) => (word.endsWith("s") ? word.slice(0, -1) : word);
}

describe("highlights", () => {
  test("a Chinese phrase found whole is marked whole", () => {
    const said = "联合国维和行动保护平民。";
    assert.deepEqual(here(marked.highlights(said, text.parse("维和行动", {}))), [[3, 7]]);
  });

  test("a Chinese phrase not found whole: each of its pairs where it is", () => {
    const said = "维和人员与行动";
    assert.deepEqual(here(marked.highlights(said, text.parse("维和行动", {}))), [[0, 2], [5, 7]]);
  });

  test("words in any of the query's forms, and the prefix being typed", () => {
    const settings = { stem: plainStemmer(), fold: text.folder(ACCENTS) };
    const said = "Protections for civilians: the Civilian protection mandate";
    assert.deepEqual(here(marked.highlights(said, text.parse("civilian mand", settings))), [[16, 25], [31, 39], [51, 58]]);
  });

  test("overlapping and touching marks merge; the result is in order", () => {
    assert.deepEqual(here(marked.highlights("平民平民", text.parse("平民 民平", {}))), [[0, 4]]);
    assert.deepEqual(here(marked.highlights("保护平民", text.parse("平民 保护", {}))), [[0, 4]]);
    assert.deepEqual(here(marked.highlights("保护的平民", text.parse("平民 保护", {}))), [[0, 2], [3, 5]]);
    // a mark inside a longer one: the longer one stands
    assert.deepEqual(here(marked.highlights("保护平民", text.parse("保护平民 护平", {}))), [[0, 4]]);
  });
});

describe("fill and snippet", () => {
  test("marks become <mark>s and the rest text nodes: markup in the text stays text", () => {
    const parent = window.document.createElement("p");
    const said = "<b>peace</b> & keeping";
    marked.fill(parent, said, [[3, 8], [15, 22]], 0, said.length);
    assert.deepEqual(shown(parent), [["#text", "<b>"], ["MARK", "peace"], ["#text", "</b> & "], ["MARK", "keeping"]]);
  });

  test("a short text is shown whole", () => {
    const parent = window.document.createElement("p");
    marked.snippet(parent, "short text", [[0, 5]]);
    assert.deepEqual(shown(parent), [["MARK", "short"], ["#text", " text"]]);
  });

  test("a long text: a window around its first mark, cut between words, with ellipses", () => {
    const words = Array.from({ length: 80 }, (_, i) => "word" + i);
    const said = words.join(" ");
    const at = said.indexOf("word40");
    const parent = window.document.createElement("p");
    marked.snippet(parent, said, [[at, at + 6]]);
    const parts = shown(parent);
    assert.deepEqual([parts[0], parts[parts.length - 1]], [["#text", "…"], ["#text", "…"]]);
    const inside = parts.slice(1, -1).map((part) => part[1]).join("");
    assert.ok(inside.length <= 240, inside.length);
    assert.ok(inside.startsWith("word") && /\d$/.test(inside), inside);
    assert.ok(inside.includes("word40"));
    assert.deepEqual(parts.filter((part) => part[0] === "MARK"), [["MARK", "word40"]]);
  });
});
