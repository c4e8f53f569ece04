// @ts-check
/* The edition's scripts: classic scripts, each with one job, loaded by every page in the order
   of mkdocs.yml (extra_javascript), the search box's first, before Material's bundle, and the
   others after it, once the page has loaded (assets/a4p-load.js); no network, and they work
   from file:// too. This one, the first, declares the one object they meet in, window.a4p;
   each adds its part there, and nothing else of theirs is global:

     plural        this file: a string that depends on a number, in the page's language
     element       this file: a new element with its class and text (the scripts that build)
     searchText    search-text.js: text into index terms and queries, folding
     searchHighlight search-highlight.js: where a query matched in a text, marked
     searchIndex   search-index.js: a language's index, and loading with <script> tags
     searchResults search-results.js: the list of results, a screenful first
     search        search.js: the page's search without its box, for tests and the curious
     searchData    assets/search/{lang}.js (hooks/outputs/search.py): a language's search records
     parallel      a4p-parallel.js (the parallel view's page only): choosing the pair
     parallelData  assets/parallel/{lang}.js (hooks/outputs/parallel.py): a language's column

   Their types: tests/tools/a4p.d.ts. */
(function () {
  "use strict";

  /* A string that depends on a number, in the page's language: strings["none"] for 0 when
     there is one, otherwise the form of the number's CLDR plural category ("count.one",
     "count.few" ... as Intl.PluralRules picks it), falling back to "count.other"
     (hooks/edition/strings.py, plural groups). Used by the glossary filter and the search box.
     @param {A4pStrings} strings  @param {number} n  @param {string} lang
     @returns {string} */
  function plural(strings, n, lang) {
    var category = "other";
    try {
      category = new Intl.PluralRules(lang).select(n);
    } catch {
      // no Intl, or a language tag it does not know: the "other" form
    }
    var text = (n === 0 && strings.none) || strings["count." + category] || strings["count.other"] || "";
    return text.split("{count}").join(String(n)); // digits as in the rest of the edition
  }
  /** A new element, with its class and text if given (text only ever as textContent).
     @template {keyof HTMLElementTagNameMap} K
     @param {K} tag @param {string | null} [cls] @param {string | null} [text]
     @returns {HTMLElementTagNameMap[K]} */
  function element(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) {
      node.className = cls;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }
  window.a4p = { plural: plural, element: element };
})();
