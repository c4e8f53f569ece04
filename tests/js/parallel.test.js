/* window.a4p.parallel (docs/assets/a4p-parallel.js): the parallel view's pair, from its address
   (?a=&b=), by the pickers, and back into the address and the language switch's links. The
   view itself, its rows, cells and landing on #para-N: tests/browser/test_parallel.py. */
"use strict";

const assert = require("node:assert/strict");
const { describe, test } = require("node:test");
const { page, here } = require("./page.js");

const parallel = page(["a4p.js", "a4p-parallel.js"]).a4p.parallel;

/* The view's languages as the page gives them (hooks/pages/parallel.py): the source is zh, and
   beside it, by default, en. */
const LANGUAGES = { codes: ["zh", "en", "fr", "es", "ru", "ar"], page: "fr", source: "zh", fallback: "en" };

describe("the pair an address asks for", () => {
  test("none asked: the page's language, beside the source", () => {
    assert.deepEqual(here(parallel.pairFrom("", LANGUAGES)), { a: "fr", b: "zh" });
  });

  test("on the source language's page: the source, beside the fallback", () => {
    assert.deepEqual(here(parallel.pairFrom("", { ...LANGUAGES, page: "zh" })), { a: "zh", b: "en" });
  });

  test("both asked: as asked, whatever the page's language", () => {
    assert.deepEqual(here(parallel.pairFrom("?a=ar&b=ru", LANGUAGES)), { a: "ar", b: "ru" });
  });

  test("what is not a language of the edition is replaced by the default", () => {
    assert.deepEqual(here(parallel.pairFrom("?a=xx&b=<script>", LANGUAGES)), { a: "fr", b: "zh" });
    assert.deepEqual(here(parallel.pairFrom("?a=ZH&b=en", LANGUAGES)), { a: "fr", b: "en" });
    assert.deepEqual(here(parallel.pairFrom("?b=zh", LANGUAGES)), { a: "fr", b: "zh" });
  });

  test("the same language twice: the second becomes the first's partner", () => {
    assert.deepEqual(here(parallel.pairFrom("?a=es&b=es", LANGUAGES)), { a: "es", b: "zh" });
    assert.deepEqual(here(parallel.pairFrom("?a=zh&b=zh", LANGUAGES)), { a: "zh", b: "en" });
  });

  test("the first of a repeated parameter counts; others are ignored", () => {
    assert.deepEqual(here(parallel.pairFrom("?x=1&a=ru&a=ar&b=en", LANGUAGES)), { a: "ru", b: "en" });
  });
});

describe("choosing in a picker", () => {
  test("another language: only that column changes", () => {
    assert.deepEqual(here(parallel.choose({ a: "fr", b: "zh" }, "b", "es")), { a: "fr", b: "es" });
    assert.deepEqual(here(parallel.choose({ a: "fr", b: "zh" }, "a", "ru")), { a: "ru", b: "zh" });
  });

  test("the other column's language: the two swap", () => {
    assert.deepEqual(here(parallel.choose({ a: "fr", b: "zh" }, "a", "zh")), { a: "zh", b: "fr" });
    assert.deepEqual(here(parallel.choose({ a: "fr", b: "zh" }, "b", "fr")), { a: "zh", b: "fr" });
  });

  test("the pair chosen from is left as it was", () => {
    const pair = { a: "fr", b: "zh" };
    parallel.choose(pair, "a", "zh");
    assert.deepEqual(pair, { a: "fr", b: "zh" });
  });
});

describe("the pair in addresses", () => {
  test("the query holds the pair, the page's other parameters kept", () => {
    assert.equal(parallel.queryOf("", { a: "zh", b: "en" }), "?a=zh&b=en");
    assert.equal(parallel.queryOf("?utm=x&b=fr&a=ar", { a: "zh", b: "en" }), "?utm=x&b=en&a=zh");
  });

  test("a language switch link takes the query, its own replaced, its fragment kept", () => {
    assert.equal(parallel.withQuery("../en/parallel/", "?a=zh&b=en"), "../en/parallel/?a=zh&b=en");
    assert.equal(parallel.withQuery("../en/parallel/?a=fr&b=es#para-3", "?a=zh&b=en"), "../en/parallel/?a=zh&b=en#para-3");
  });
});

describe("labels", () => {
  test("placeholders filled in; an unknown one stays; a value is text, never a pattern", () => {
    assert.equal(parallel.fill("Permalink to paragraph {number}", { number: 12 }), "Permalink to paragraph 12");
    assert.equal(parallel.fill("{number} of {total}", { number: 1 }), "1 of {total}");
    assert.equal(parallel.fill("¶ {number}", { number: "$& $1 $$" }), "¶ $& $1 $$");
  });

  test("only the label's own placeholders: not a property every object has", () => {
    assert.equal(parallel.fill("{constructor} {toString}", {}), "{constructor} {toString}");
  });
});
