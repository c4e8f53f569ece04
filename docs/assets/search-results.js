// @ts-check
/* The edition's search, its list of results (window.a4p.searchResults): each result a link, its
   text marked where the query matched (window.a4p.searchHighlight, assets/search-highlight.js),
   built as elements and text nodes, never as HTML; assets/search.js says the count and shows
   the list with it.

   A screenful first. The first results (FIRST) are built at once; the rest once the browser has
   painted those, the list busy meanwhile (aria-busy): a common word's 70 to 90 results, built
   whole, kept the reader's keystroke from showing for a few milliseconds more. A newer query,
   or an emptied box, stops the rest. */
(function () {
  "use strict";

  var searchHighlight = window.a4p.searchHighlight, join = window.a4p.searchIndex.join;
  var element = window.a4p.element; // assets/a4p.js
  var fill = searchHighlight.fill, highlights = searchHighlight.highlights, snippet = searchHighlight.snippet;
  var FIRST = 12; // results built at once: more than a tall screen shows

  /** Run ``work`` once the browser has painted what is on screen now (a frame's callback runs
     before its paint; a task queued there runs after it).
     @param {() => void} work */
  function afterPaint(work) {
    window.requestAnimationFrame(function () { window.setTimeout(work, 0); });
  }

  /** The list of results of overrides/partials/search.html, its links relative to ``base``.
     @constructor @param {HTMLElement} list @param {string} base */
  function Results(list, base) {
    this.list = list;
    this.base = base;
    this.shown = 0; // the lists begun: a list's rest is built only if no other has begun since
  }

  Results.prototype.clear = function () {
    this.shown += 1; // a list still being built stops
    this.list.removeAttribute("aria-busy");
    while (this.list.firstChild) {
      this.list.removeChild(this.list.firstChild);
    }
  };

  /** Show ``found`` in the emptied list, a screenful first.
     @param {A4pFound} found */
  Results.prototype.show = function (found) {
    var self = this, results = found.results;
    /** @param {number} from @param {number} to */
    function build(from, to) {
      for (var i = from; i < to; i++) {
        self.list.appendChild(self.item(results[i], found.parsed));
      }
    }
    build(0, Math.min(FIRST, results.length));
    if (results.length > FIRST) {
      var run = this.shown;
      this.list.setAttribute("aria-busy", "true");
      afterPaint(function () {
        if (run === self.shown) {
          build(FIRST, results.length);
          self.list.removeAttribute("aria-busy");
        }
      });
    }
  };

  /** One result: a link to its paragraph or entry, its label and page, its text around the
     matches, marked.
     @param {A4pResult} result @param {A4pParsed} parsed @returns {HTMLLIElement} */
  Results.prototype.item = function (result, parsed) {
    var record = result.record;
    var li = element("li", "md-search-result__item");
    var link = li.appendChild(element("a", "md-search-result__link a4p-search__result"));
    link.href = join(this.base, record.url);
    link.setAttribute("data-kind", record.kind);
    if (record.n !== undefined) {
      link.setAttribute("data-number", String(record.n));
    }
    /* a <div>, not Material's <article> with an <h1>: the results are no part of the page's
       outline, and a screen reader reads each as one link */
    var article = link.appendChild(element("div", "md-search-result__article md-typeset"));
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    var heading = article.appendChild(element("div", "a4p-search__title"));
    var label = heading.appendChild(element("span", "a4p-search__label", record.name ? null : record.label));
    if (record.name) {
      fill(label, record.name, highlights(record.name, parsed), 0, record.name.length);
    }
    heading.appendChild(document.createTextNode(" · "));
    heading.appendChild(element("span", "a4p-search__page", record.page));
    var text = article.appendChild(element("p", "a4p-search__text"));
    snippet(text, record.text, highlights(record.text, parsed));
    return li;
  };

  window.a4p.searchResults = { Results: Results };
})();
