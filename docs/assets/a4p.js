/* The edition's scripts: classic scripts, each with one job, loaded by every page in the order
   of mkdocs.yml (extra_javascript); no network, and they work from file:// too. This one, the
   first: what several of them share. */
(function () {
  "use strict";

  /* A string that depends on a number, in the page's language: strings["none"] for 0 when
     there is one, otherwise the form of the number's CLDR plural category ("count.one",
     "count.few" ... as Intl.PluralRules picks it), falling back to "count.other"
     (hooks/strings.py, plural groups). Used by the glossary filter and the search box. */
  function plural(strings, n, lang) {
    var category = "other";
    try {
      category = new Intl.PluralRules(lang).select(n);
    } catch (error) {
      // no Intl, or a language tag it does not know: the "other" form
    }
    var text = (n === 0 && strings.none) || strings["count." + category] || strings["count.other"] || "";
    return text.split("{count}").join(String(n)); // digits as in the rest of the edition
  }
  window.a4pPlural = plural;
})();
