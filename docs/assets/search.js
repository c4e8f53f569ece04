// @ts-check
/* The edition's search, its box (window.a4p.searchText, assets/search-text.js: the terms;
   window.a4p.searchHighlight, assets/search-highlight.js: the matches marked;
   window.a4p.searchResults, assets/search-results.js: the list of results;
   window.a4p.searchIndex, assets/search-index.js: the index and loading).

   The whole: the paragraphs (and glossary terms) of the page's language, indexed in the browser by MiniSearch (assets/vendor/minisearch). Works from file:// as well as online:
   every file is loaded with a <script> tag, never fetched. The records come from
   hooks/outputs/search.py (assets/search/{lang}.js); the language's settings from source/search.yml.

   Terms. Han, kana and hangul characters are indexed as overlapping character pairs (bigrams),
   plus single characters for one-character queries; any other run of letters and digits as a
   lower-cased word, plus its stem where the language has a stemmer. Each character is
   normalized on its own (NFKC, lower case), so that every term keeps its place in the text.
   Where the language has a folding (source/search.yml, the same rules as hooks/edition/folding.py),
   a word is indexed folded, and its stem folded, and the stem of its folded form folded: the
   Snowball stemmers see accents (explotación stems to explot, explotacion to itself), so
   folding only before or only after stemming would lose one of them.

   Queries. A record must hold every term of the query: all the bigrams of a Chinese phrase,
   and every word (or a word of the same stem; the word being typed also as a prefix). Records
   holding the query exactly as typed come first, then by score; paragraphs before terms. */
(function () {
  "use strict";

  var searchText = window.a4p.searchText, searchIndex = window.a4p.searchIndex;
  var searchHighlight = window.a4p.searchHighlight;
  var folder = searchText.folder, forms = searchText.forms, indexTerms = searchText.indexTerms;
  var lightStemmer = searchText.lightStemmer, parse = searchText.parse, runs = searchText.runs;
  var highlights = searchHighlight.highlights;
  var Index = searchIndex.Index, languageSettings = searchIndex.languageSettings;
  var loadScript = searchIndex.loadScript, loadStemmer = searchIndex.loadStemmer;
  var whenIdle = searchIndex.whenIdle;

  /* ---- The search box ---- */

  /** The search box of overrides/partials/search.html: its form, in Material's .md-search.
     @constructor @param {HTMLFormElement} form */
  function Box(form) {
    this.form = form;
    this.input = form.querySelector("input");
    this.box = /** @type {HTMLElement} */ (form.closest(".md-search"));
    this.meta = /** @type {HTMLElement} */ (this.box.querySelector("[data-a4p-search-meta]"));
    this.list = /** @type {HTMLElement} */ (this.box.querySelector("[data-a4p-search-results]"));
    this.toggle = /** @type {HTMLInputElement | null} */ (document.getElementById("__search"));
    /** @type {HTMLElement | null} */
    this.button = document.querySelector("button[data-a4p-toggle='__search']"); // the header's (phones)
    this.base = form.getAttribute("data-base") || "";
    this.results = new window.a4p.searchResults.Results(this.list, this.base);
    this.lang = form.getAttribute("data-lang");
    /** @type {A4pStrings} */
    this.strings = JSON.parse(form.getAttribute("data-strings") || "{}");
    /** @type {A4pIndex | null} */
    this.index = null;
    /** @type {Promise<void> | null} */
    this.loading = null;
    this.wanted = false; // someone opened the box or typed: the index is awaited
    /** @type {HTMLElement | null} */
    this.returnTo = null; // what had focus before the box was opened: Escape goes back there
    /** @type {string | null} */
    this.openedAt = null; // the address when the box was opened (see stale)
    this.bind();
  }

  /** @param {"loading" | "ready" | "failed"} state */
  Box.prototype.state = function (state) {
    this.form.setAttribute("data-state", state);
  };

  /** Load the records, the engine and the stemmer, and prepare the index in short tasks.
     ``quiet``: ahead of need, at idle after the page's load; nothing is said.
     @param {boolean} [quiet] @returns {Promise<void>} */
  Box.prototype.load = function (quiet) {
    if (!quiet) {
      this.wanted = true;
      if (!this.index) {
        var failed = this.form.getAttribute("data-state") === "failed";
        this.meta.textContent = (failed ? this.strings.unavailable : this.strings.loading) || "";
      }
    }
    if (this.loading) {
      return this.loading;
    }
    var self = this;
    this.state("loading");
    /** @type {A4pSearchData} */
    var data;
    var engine = window.MiniSearch ? null : loadScript(this.form.getAttribute("data-engine"));
    this.loading = Promise.all([loadScript(this.form.getAttribute("data-records")), engine])
      .then(function () {
        data = (window.a4p.searchData || {})[self.lang];
        if (!data) {
          throw new Error("no search records for " + self.lang);
        }
        return loadStemmer(data, self.base);
      })
      .then(function (stem) {
        if (typeof stem !== "function") {
          throw new Error("the stemmer of " + self.lang + " did not load");
        }
        return new Index(data, stem).prepare(function () { return self.wanted; });
      })
      .then(function (index) {
        self.index = index;
        self.state("ready");
        if (self.wanted) {
          self.run();
        }
      })
      .catch(function (error) {
        self.state("failed");
        if (self.wanted) {
          self.meta.textContent = self.strings.unavailable || "";
        }
        if (window.console) {
          window.console.error(error);
        }
      });
    return this.loading;
  };

  /** "{count} matches" in the page's language: "none" when nothing is found, otherwise the
     plural form of the number (window.a4p.plural, assets/a4p.js).
     @param {number} n @returns {string} */
  Box.prototype.count = function (n) {
    return window.a4p.plural(this.strings, n, this.lang);
  };

  Box.prototype.clear = function () {
    this.results.clear();
  };

  /* The count is said at once; the results are shown a screenful first
     (window.a4p.searchResults, assets/search-results.js). */
  Box.prototype.run = function () {
    if (!this.index) {
      return;
    }
    var query = this.input.value;
    this.clear();
    if (!query.trim()) {
      this.meta.textContent = "";
      return;
    }
    var found = this.index.search(query);
    this.meta.textContent = this.count(found.results.length);
    this.results.show(found);
  };

  Box.prototype.open = function () {
    if (this.toggle && !this.toggle.checked) {
      this.toggle.checked = true;
      this.openedAt = location.href;
      this.changed();
    }
    this.expanded();
  };

  Box.prototype.close = function () {
    this.input.blur();
    this.shut();
    this.returnTo = null;
  };

  /* Shut the box, focus staying where it is. */
  Box.prototype.shut = function () {
    if (this.toggle && this.toggle.checked) {
      this.toggle.checked = false;
      this.changed();
    }
    this.expanded();
  };

  /* Material follows the toggle by its change events only (on a phone it locks the page's
     scroll while the box is open, and unlocks it when it shuts): tell it. */
  Box.prototype.changed = function () {
    this.toggle.dispatchEvent(new Event("change"));
  };

  /* The header's search button says whether the box is open (aria-expanded). */
  Box.prototype.expanded = function () {
    if (this.button && this.toggle) {
      this.button.setAttribute("aria-expanded", this.toggle.checked ? "true" : "false");
    }
  };

  /* Escape: close the box and give focus back to what had it before the box was opened, or
     else to the header's search button where it is shown (small screens), rather than letting
     focus fall to the page's <body>. */
  Box.prototype.dismiss = function () {
    var back = this.returnTo;
    var button = this.button;
    this.close();
    if (!focusable(back) && focusable(button)) {
      back = button;
    }
    if (focusable(back)) {
      back.focus();
    }
  };

  /* Material closes the search 125 ms after every change of the address or of its #target,
     the page's first one included (bundle: merge(location$, target$).pipe(delay(125))), by
     clicking the toggle. A reader who opened the box within those 125 ms, after a page load
     or a jump to a paragraph, would see it shut under their typing. Such a close is stale:
     the reader is still in the box, at the address where they opened it. A reader's own close
     (the overlay, the back arrow) takes the focus out of the box first; Escape and following
     a result close the box through close(), with no event. */
  Box.prototype.stale = function () {
    return document.activeElement === this.input && this.openedAt === location.href;
  };

  /** @param {HTMLElement | null} element */
  function focusable(element) {
    return !!element && element !== document.body && element.isConnected !== false &&
      typeof element.focus === "function" && element.getClientRects().length > 0;
  }

  /** @returns {HTMLAnchorElement[]} */
  Box.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a.a4p-search__result"));
  };

  Box.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("focus", function (event) {
      var from = event.relatedTarget;
      if (from instanceof Element && from !== document.body && !self.box.contains(from)) {
        self.returnTo = /** @type {HTMLElement} */ (from); // it had focus: it has focus()
      }
      self.open();
      self.load();
    });
    this.input.addEventListener("input", function () {
      self.open();
      self.load();
      self.run();
    });
    if (this.toggle) {
      // the header's search button (phones) and the overlay (a click beside the box) flip it
      this.toggle.addEventListener("change", function () {
        if (self.toggle.checked) {
          self.openedAt = location.href;
          self.input.focus();
        } else if (self.stale()) {
          self.toggle.checked = true;
        } else {
          self.input.blur();
          self.returnTo = null;
        }
        self.expanded();
      });
    }
    /* Focus leaving the box (Tab, Shift+Tab, a click on something focusable outside it)
       closes it: an open box would cover the page on a phone, and on a wide screen its overlay
       would take the next click. Focus stays where it went. (Focus going nowhere, to another
       window say, leaves the box as it is.) */
    this.box.addEventListener("focusout", function (event) {
      var to = event.relatedTarget;
      if (to instanceof Node && !self.box.contains(to)) {
        self.shut();
        self.returnTo = null;
      }
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = self.links()[0];
      if (first) {
        self.close();
        location.assign(first.href);
      }
    });
    this.form.addEventListener("reset", function () {
      self.clear();
      self.meta.textContent = "";
      self.input.focus();
    });
    this.list.addEventListener("click", function (event) {
      var target = event.target;
      if (target instanceof Element && target.closest("a.a4p-search__result")) {
        self.close();
      }
    });
    this.box.addEventListener("keydown", function (event) {
      var links = self.links();
      var at = links.findIndex(function (link) { return link === document.activeElement; });
      if (event.key === "Escape") {
        event.preventDefault();
        self.dismiss();
      } else if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at !== -1) {
        event.preventDefault();
        (at === 0 ? self.input : links[at - 1]).focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target instanceof HTMLElement &&
        (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        self.open();
        self.input.focus();
      }
    });
  };

  var form = /** @type {HTMLFormElement | null} */ (document.querySelector("form[data-a4p-search]"));
  var box = form ? new Box(form) : null;

  /* The index is prepared ahead of need: after the page's load, at idle, in short tasks. A
     reader who reached the box before this script came (the page's scripts load after its
     words, assets/a4p-load.js) is answered at once, as their focus or typing would have been. */
  if (box) {
    var early = function () { whenIdle(function () { box.load(true); }); };
    if (document.activeElement === box.input || box.input.value) {
      box.open();
      box.load();
    } else if (document.readyState === "complete") {
      early();
    } else {
      window.addEventListener("load", early);
    }
  }

  /* For tests and the curious: the tokenizer, and the page's search without its box. */
  window.a4p.search = {
    runs: runs,
    indexTerms: function (text, settings) { return indexTerms(text, settings || {}); },
    parse: parse,
    highlights: highlights,
    /* the folding rules of hooks/edition/folding.py (Folding.as_json()), applied here */
    fold: function (rules, text) { return folder(rules)(text); },
    lightStem: function (rules, word) { return lightStemmer(rules, folder(rules))(word); },
    forms: function (word, data, stem) { return forms(word, languageSettings(data, stem)); },
    /* a language's stemmer (its records file's "stemmer" and "folding"), loaded as search does */
    /* (after the page's own loading: a CommonJS file borrows the page's module object, which
       MiniSearch's script, loading meanwhile, would take) */
    stemmer: function (data, base) {
      return (box ? box.load(true) : Promise.resolve()).then(function () {
        return loadStemmer(data, base || (form && form.getAttribute("data-base")) || "");
      });
    },
    load: function () { return box ? box.load().then(function () { return box.index; }) : Promise.resolve(null); },
    search: function (query) {
      return box && box.index ? box.index.search(query).results.map(function (result) {
        var url = result.record.url;
        return { kind: result.record.kind, id: url.slice(url.indexOf("#") + 1), n: result.record.n, exact: result.exact, url: url };
      }) : null;
    },
  };
})();
