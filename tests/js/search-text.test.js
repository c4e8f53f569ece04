/* window.a4p.searchText (docs/assets/search-text.js): text into index terms and queries,
   folding and light stemming (highlighting: search-highlight.test.js). Pure functions; the search on a real page, its
   records and stemmers, is checked in Chromium (tests/browser/test_search.py). The folding of
   source/search.yml, word for word against hooks/edition/folding.py: tests/test_javascript.py. */
"use strict";

const assert = require("node:assert/strict");
const { describe, test } = require("node:test");
const { page, here } = require("./page.js");

const window = page(["a4p.js", "search-text.js"]);
const text = window.a4p.searchText;
const { MAX_QUERY, MAX_WORDS, STEM_MAX } = text.LIMITS;

/* Small rules of the kinds source/search.yml has (hooks/edition/folding.py, Folding.as_json()). */
const ACCENTS = { map: {}, marks: true, clitics: [], suffixes: [], clitic_keep: 3, suffix_keep: 3 };
const CYRILLIC = { map: { "ё": "е", "\u0301": "" }, marks: false, clitics: [], suffixes: [], clitic_keep: 3, suffix_keep: 3 };
const ARABIC = {
  map: { "أ": "ا", "ة": "ه", "\u064E": "" },
  marks: false,
  clitics: [["وال", "ال"], ["ال", "ال"], ["و", ""]], // longest first, as hooks/edition/folding.py orders them
  suffixes: ["ات", "ه"],
  clitic_keep: 3,
  suffix_keep: 3,
};

/** A stemmer that cuts a final "s" (and says which words it saw). */
function plainStemmer(seen = []) {
  return (word) => {
    seen.push(word);
    return word.endsWith("s") ? word.slice(0, -1) : word;
  };
}

describe("runs", () => {
  test("CJK characters and words, each character normalized, with its offsets in the text", () => {
    assert.deepEqual(here(text.runs("保护平民, Peace-Keeping")), [
      { kind: "cjk", chars: ["保", "护", "平", "民"], starts: [0, 1, 2, 3], ends: [1, 2, 3, 4], start: 0, end: 4, text: "保护平民" },
      { kind: "word", chars: ["p", "e", "a", "c", "e"], starts: [6, 7, 8, 9, 10], ends: [7, 8, 9, 10, 11], start: 6, end: 11, text: "peace" },
      { kind: "word", chars: ["k", "e", "e", "p", "i", "n", "g"], starts: [12, 13, 14, 15, 16, 17, 18],
        ends: [13, 14, 15, 16, 17, 18, 19], start: 12, end: 19, text: "keeping" },
    ]);
  });

  test("full-width letters are folded by NFKC, each keeping its own place", () => {
    const [run] = here(text.runs("（Ａ４Ｐ）"));
    assert.equal(run.text, "a4p");
    assert.deepEqual([run.start, run.end], [1, 4]);
  });

  test("a character outside the BMP counts two UTF-16 units in the offsets", () => {
    const [han, word] = here(text.runs("𠀀保 ab"));
    assert.deepEqual([han.starts, han.ends, word.start, word.end], [[0, 2], [2, 3], 4, 6]);
  });

  test("CJK next to Latin letters makes two runs; punctuation and spaces none", () => {
    assert.deepEqual(here(text.runs("A4P行动。")).map((run) => [run.kind, run.text]), [["word", "a4p"], ["cjk", "行动"]]);
    assert.deepEqual(here(text.runs(" ,;… ")), []);
  });
});

describe("folding", () => {
  test("no rules: the text as it is", () => {
    assert.equal(text.folder(null)("Économie"), "Économie");
  });

  test("marks: accents dropped, composed or not", () => {
    const fold = text.folder(ACCENTS);
    assert.deepEqual(["explotación", "e\u0301te\u0301", "niño", "œuvre"].map(fold), ["explotacion", "ete", "nino", "œuvre"]);
  });

  test("a map: one character for another, or removed", () => {
    const fold = text.folder(CYRILLIC);
    assert.deepEqual(["ёлка", "приве\u0301т", "й"].map(fold), ["елка", "привет", "й"]);
  });
});

describe("light stemming", () => {
  const stem = text.lightStemmer(ARABIC, text.folder(ARABIC));

  test("the word as it is and without its longest clitic, each without its suffixes", () => {
    assert.deepEqual(here(stem("والمدنيات")), ["والمدني", "مدني"]);
  });

  test("folded first", () => {
    assert.deepEqual(here(stem("أَمنة")), ["امن"]);
  });

  test("a clitic or a suffix goes only where three letters are left", () => {
    assert.deepEqual(here(stem("وله")), ["وله"]);
    assert.deepEqual(here(stem("ولاه")), ["ولا", "لاه"]);
  });

  test("the rules of issue 13: function words, plurals, the ta marbuta before a pronoun", () => {
    const rules = {
      ...ARABIC, suffixes: ["ها", "ه", "ي"], function_words: ["لا", "الي"], plurals: [["ات", "ه"]],
      pronouns: ["ها", "ه"], marbuta: "ت",
    };
    const issue13 = text.lightStemmer(rules, text.folder(rules));
    assert.deepEqual(here(issue13("ولاي")), ["ولاي", "لاي"]); // ي off would leave و + لا
    assert.deepEqual(here(issue13("الية")), ["اليه"]); // ه off would leave الي
    assert.deepEqual(here(issue13("اليات")), ["اليه", "يات"]); // ات for ة; and ال + يات
    assert.deepEqual(here(issue13("ولايته")), ["ولاي", "لاي"]); // ه off, then ت
    assert.deepEqual(here(issue13("ولاياتها")), ["ولاي", "لاي"]); // ها off, then ات for ة, then ه off
  });
});

describe("forms and index terms", () => {
  test("a word: folded, its stem folded, the stem of the folded word folded", () => {
    // a stemmer that sees accents, as the Snowball stemmers do: explotación stems, explotacion not
    const settings = { fold: text.folder(ACCENTS), stem: (word) => word.replace(/ación$/, "") };
    assert.deepEqual(here(text.forms("explotación", settings)), ["explotacion", "explot"]);
    assert.deepEqual(here(text.forms("explotacion", settings)), ["explotacion"]);
  });

  test("a word longer than STEM_MAX letters is its own stem: no stemmer sees it", () => {
    const seen = [];
    const long = "s".repeat(STEM_MAX + 1);
    assert.deepEqual(here(text.forms(long, { stem: plainStemmer(seen) })), [long]);
    assert.deepEqual(seen, []);
    assert.deepEqual(here(text.forms("s".repeat(STEM_MAX), { stem: plainStemmer(seen) })), ["s".repeat(STEM_MAX), "s".repeat(STEM_MAX - 1)]);
  });

  test("CJK: each character and each pair of neighbours; words: their forms", () => {
    assert.deepEqual(here(text.indexTerms("维和行动 missions", { stem: plainStemmer() })),
      ["维", "和", "行", "动", "维和", "和行", "行动", "missions", "mission"]);
  });
});

describe("parse", () => {
  const stopwords = new Set(["of", "the"]);

  test("Chinese: every pair of the phrase is needed", () => {
    assert.deepEqual(here(text.parse("保护平民", {}).tree), {
      combineWith: "AND",
      queries: [{ combineWith: "AND", queries: ["保护", "护平", "平民"] }],
    });
  });

  test("one Chinese character is searched as itself", () => {
    assert.deepEqual(here(text.parse("和", {}).tree.queries), [{ combineWith: "AND", queries: ["和"] }]);
  });

  test("every word is needed, in any of its forms; stop words are left out", () => {
    const parsed = text.parse("protection of civilians ", { stem: plainStemmer(), stopwords });
    assert.deepEqual(here(parsed.tree), {
      combineWith: "AND",
      queries: [
        { combineWith: "OR", queries: [{ queries: ["protection"], prefix: false }] },
        { combineWith: "OR", queries: [{ queries: ["civilians"], prefix: false }, "civilian"] },
      ],
    });
    assert.deepEqual([...parsed.terms], ["protection", "civilians", "civilian"]);
    assert.equal(parsed.prefix, null);
  });

  test("a query word also matches on the stem of its stem, with a stemmer of one stem", () => {
    const snowball = (word) => ({ "охрану": "охран", "охран": "охра" })[word] || word;
    assert.deepEqual([...text.parse("охрану ", { stem: snowball }).terms], ["охрану", "охран", "охра"]);
    const light = (word) => [word.slice(1)]; // a light stemmer's readings are not read again
    assert.deepEqual([...text.parse("ولاية ", { stem: light }).terms], ["ولاية", "لاية"]);
  });

  test("a query of stop words only searches them", () => {
    const queries = here(text.parse("of the ", { stopwords }).tree.queries);
    assert.deepEqual(queries.map((part) => part.queries[0].queries[0]), ["of", "the"]);
  });

  test("the word being typed (no space after it) is also a prefix, from three letters on", () => {
    assert.equal(text.parse("protection civ", {}).prefix, "civ");
    assert.equal(text.parse("protection ci", {}).prefix, null);
    assert.equal(text.parse("protection civ ", {}).prefix, null);
  });

  test("the phrase, as compared for an exact match: normalized, folded, spaces squeezed", () => {
    assert.equal(text.parse("  Explotación   SEXUAL ", { fold: text.folder(ACCENTS) }).phrase, "explotacion sexual");
  });

  test("nothing to search: no tree", () => {
    assert.equal(text.parse(" ,. ", {}).tree, null);
  });

  test("only the first MAX_WORDS words are searched, none of them a prefix", () => {
    const words = Array.from({ length: MAX_WORDS + 5 }, (_, i) => "w" + i);
    const parsed = text.parse(words.join(" "), {});
    assert.deepEqual(here(parsed.tree.queries).map((part) => part.queries[0].queries[0]), words.slice(0, MAX_WORDS));
    assert.equal(parsed.prefix, null);
  });

  test("only the first MAX_QUERY characters are searched, never half of a character", () => {
    const cut = "a".repeat(MAX_QUERY - 1) + "𠀀" + "b";
    assert.equal(text.parse(cut, {}).phrase, "a".repeat(MAX_QUERY - 1));
    assert.equal(text.parse("a".repeat(MAX_QUERY + 100), {}).phrase, "a".repeat(MAX_QUERY));
  });
});
