/* window.a4p.plural (docs/assets/a4p.js): the form of a number-dependent string that the
   number's CLDR plural category picks, in the page's language (hooks/edition/strings.py, plural groups). */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { page } = require("./page.js");

const { plural } = page(["a4p.js"]).a4p;

const EN = { "count.one": "{count} match", "count.other": "{count} matches" };
const RU = {
  "count.one": "{count} совпадение",
  "count.few": "{count} совпадения",
  "count.many": "{count} совпадений",
  "count.other": "{count} совпадения",
};

test("English: one and other", () => {
  assert.equal(plural(EN, 1, "en"), "1 match");
  assert.equal(plural(EN, 2, "en"), "2 matches");
  assert.equal(plural(EN, 0, "en"), "0 matches");
});

test("Russian: one, few and many, by the last digits", () => {
  assert.deepEqual([1, 2, 5, 11, 21, 22, 25].map((n) => plural(RU, n, "ru")), [
    "1 совпадение", "2 совпадения", "5 совпадений", "11 совпадений", "21 совпадение",
    "22 совпадения", "25 совпадений",
  ]);
});

test("none, where the group has it, is said for 0 only", () => {
  const strings = { none: "No match", ...EN };
  assert.equal(plural(strings, 0, "en"), "No match");
  assert.equal(plural(strings, 1, "en"), "1 match");
});

test("Arabic's zero category, with no none: its own form, or else other", () => {
  assert.equal(plural({ "count.zero": "لا شيء ({count})", "count.other": "{count}" }, 0, "ar"), "لا شيء (0)");
  assert.equal(plural({ "count.other": "{count} نتيجة" }, 0, "ar"), "0 نتيجة");
});

test("a category the group lacks falls back to other", () => {
  assert.equal(plural({ "count.other": "{count} 项" }, 1, "zh"), "1 项");
  assert.equal(plural({ "count.other": "{count} matches" }, 1, "en"), "1 matches");
});

test("a language tag Intl does not take gives the other form, no error", () => {
  assert.equal(plural(EN, 1, "not a tag!"), "1 matches");
});

test("every {count} is filled, in ASCII digits whatever the language", () => {
  assert.equal(plural({ "count.other": "{count} / {count}" }, 1234, "ar"), "1234 / 1234");
});

test("a group with no form says nothing", () => {
  assert.equal(plural({}, 3, "en"), "");
});
