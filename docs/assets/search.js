/* The edition's search: the paragraphs (and glossary terms) of the page's language, indexed in
   the browser by MiniSearch (assets/vendor/minisearch). Works from file:// as well as online:
   every file is loaded with a <script> tag, never fetched. The records come from
   hooks/search.py (assets/search/{lang}.js); the language's settings from source/search.yml.

   Terms. Han, kana and hangul characters are indexed as overlapping character pairs (bigrams),
   plus single characters for one-character queries; any other run of letters and digits as a
   lower-cased word, plus its stem where the language has a stemmer. Each character is
   normalized on its own (NFKC, lower case), so that every term keeps its place in the text.

   Queries. A record must hold every term of the query: all the bigrams of a Chinese phrase,
   and every word (or a word of the same stem; the word being typed also as a prefix). Records
   holding the query exactly as typed come first, then by score; paragraphs before terms. */
(function () {
  "use strict";

  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  var KINDS = ["paragraph", "term"];
  var PREFIX_MIN = 3; // the word being typed also matches as a prefix from this length on
  var SNIPPET = 240; // a longer text is shown as this many characters around its first match
  var BEFORE = 60; // of which this many before the match

  /* ---- Text into terms (the same for records and queries) ---- */

  /* Runs of CJK characters and of word characters: {kind, chars, starts, ends}, where chars
     are the normalized characters and starts/ends their offsets in the original text. */
  function runs(text) {
    var result = [];
    var current = null;
    var offset = 0;
    for (var ch of text) {
      var norm = ch.normalize("NFKC").toLowerCase();
      var kind = CJK.test(norm) ? "cjk" : WORD.test(norm) ? "word" : null;
      if (!kind) {
        current = null;
      } else {
        if (!current || current.kind !== kind) {
          current = { kind: kind, chars: [], starts: [], ends: [] };
          result.push(current);
        }
        current.chars.push(norm);
        current.starts.push(offset);
        current.ends.push(offset + ch.length);
      }
      offset += ch.length;
    }
    result.forEach(function (run) {
      run.start = run.starts[0];
      run.end = run.ends[run.ends.length - 1];
      run.text = run.chars.join("");
    });
    return result;
  }

  function bigrams(chars) {
    var result = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      result.push(chars[i] + chars[i + 1]);
    }
    return result;
  }

  function unique(items) {
    return items.filter(function (item, index) { return items.indexOf(item) === index; });
  }

  function identity(word) {
    return word;
  }

  /* The terms of a record's text, for the index. */
  function indexTerms(text, stem) {
    var terms = [];
    runs(text).forEach(function (run) {
      if (run.kind === "cjk") {
        Array.prototype.push.apply(terms, run.chars);
        Array.prototype.push.apply(terms, bigrams(run.chars));
      } else {
        terms.push(run.text);
        var stemmed = stem(run.text);
        if (stemmed && stemmed !== run.text) {
          terms.push(stemmed);
        }
      }
    });
    return terms;
  }

  /* A query: the MiniSearch query tree, and what highlighting needs. */
  function parse(query, settings) {
    var stem = settings.stem || identity;
    var stop = settings.stopwords || new Set();
    var all = runs(query);
    var open = all.length > 0 && all[all.length - 1].end === query.length; // still being typed
    var onlyStop = all.every(function (run) { return run.kind === "word" && stop.has(run.text); });
    var parts = [];
    var segments = [];
    var words = [];
    var stems = [];
    var prefix = null;
    all.forEach(function (run, index) {
      if (run.kind === "cjk") {
        segments.push(run.chars);
        var terms = run.chars.length === 1 ? run.chars.slice() : unique(bigrams(run.chars));
        parts.push({ combineWith: "AND", queries: terms });
        return;
      }
      if (stop.has(run.text) && !onlyStop) {
        return;
      }
      var word = run.text;
      var stemmed = stem(word) || word;
      var last = open && index === all.length - 1 && word.length >= PREFIX_MIN;
      var choices = [{ queries: [word], prefix: last }];
      if (stemmed !== word) {
        choices.push(stemmed);
      }
      words.push(word);
      stems.push(stemmed);
      if (last) {
        prefix = word;
      }
      parts.push({ combineWith: "OR", queries: choices });
    });
    return {
      tree: parts.length ? { combineWith: "AND", queries: parts } : null,
      phrase: squeeze(query),
      segments: segments,
      words: new Set(words),
      stems: new Set(stems),
      prefix: prefix,
      stem: stem,
    };
  }

  /* Text as compared for "holds the query exactly": normalized, spaces squeezed. */
  function squeeze(text) {
    return Array.from(text, function (ch) { return ch.normalize("NFKC").toLowerCase(); })
      .join("").replace(/\s+/g, " ").trim();
  }

  /* ---- Highlighting ---- */

  function find(chars, segment, from) {
    outer:
    for (var i = from; i + segment.length <= chars.length; i++) {
      for (var j = 0; j < segment.length; j++) {
        if (chars[i + j] !== segment[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /* [start, end] offsets in ``text`` of what the query matched, merged and in order. */
  function highlights(text, parsed) {
    var ranges = [];
    var all = runs(text);
    var cjk = all.filter(function (run) { return run.kind === "cjk"; });
    parsed.segments.forEach(function (segment) {
      var whole = cjk.some(function (run) { return find(run.chars, segment, 0) !== -1; });
      var pieces = whole || segment.length === 1 ? [segment] : bigrams(segment).map(function (b) { return Array.from(b); });
      cjk.forEach(function (run) {
        pieces.forEach(function (piece) {
          for (var at = find(run.chars, piece, 0); at !== -1; at = find(run.chars, piece, at + 1)) {
            ranges.push([run.starts[at], run.ends[at + piece.length - 1]]);
          }
        });
      });
    });
    all.forEach(function (run) {
      if (run.kind !== "word") {
        return;
      }
      var word = run.text;
      if (parsed.words.has(word) || parsed.stems.has(parsed.stem(word) || word) ||
          (parsed.prefix && word.indexOf(parsed.prefix) === 0)) {
        ranges.push([run.start, run.end]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) {
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.push(range.slice());
      }
    });
    return merged;
  }

  /* Append ``text[from:to]`` to ``parent`` as text nodes and <mark>s: never as HTML. */
  function fill(parent, text, ranges, from, to) {
    var pos = from;
    ranges.forEach(function (range) {
      var start = Math.max(range[0], pos);
      var end = Math.min(range[1], to);
      if (end <= start) {
        return;
      }
      if (start > pos) {
        parent.appendChild(document.createTextNode(text.slice(pos, start)));
      }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      pos = end;
    });
    if (pos < to) {
      parent.appendChild(document.createTextNode(text.slice(pos, to)));
    }
  }

  function snippet(parent, text, ranges) {
    var from = 0;
    var to = text.length;
    if (text.length > SNIPPET) {
      var first = ranges.length ? ranges[0][0] : 0;
      from = Math.max(0, Math.min(first - BEFORE, text.length - SNIPPET));
      to = Math.min(text.length, from + SNIPPET);
      // cut between words where the text has spaces (not inside a match)
      var space = text.slice(from, Math.min(from + 20, first)).search(/\s/);
      if (from > 0 && space !== -1) {
        from += space + 1;
      }
      var back = text.slice(Math.max(to - 20, from), to).search(/\s\S*$/);
      if (to < text.length && back !== -1) {
        to = Math.max(to - 20, from) + back;
      }
    }
    if (from > 0) {
      parent.appendChild(document.createTextNode("…"));
    }
    fill(parent, text, ranges, from, to);
    if (to < text.length) {
      parent.appendChild(document.createTextNode("…"));
    }
  }

  /* ---- The index ---- */

  function Index(data, stem) {
    var stopwords = new Set(data.stopwords || []);
    this.settings = { stem: stem, stopwords: stopwords };
    this.records = data.records;
    this.flat = data.records.map(function (record) {
      return squeeze((record.name ? record.name + " " : "") + record.text);
    });
    var terms = function (text) { return indexTerms(text, stem); };
    this.engine = new window.MiniSearch({
      idField: "i",
      fields: ["name", "text"],
      extractField: function (doc, field) { return field === "i" ? doc.i : doc.record[field]; },
      tokenize: terms,
      processTerm: identity,
      searchOptions: {
        tokenize: function (term) { return [term]; },
        processTerm: identity,
        combineWith: "AND",
        boost: { name: 2 },
      },
    });
    this.engine.addAll(data.records.map(function (record, i) { return { i: i, record: record }; }));
  }

  /* Results: {record, exact, score, index}, in the order they are listed. */
  Index.prototype.search = function (query) {
    var parsed = parse(query, this.settings);
    if (!parsed.tree) {
      return { parsed: parsed, results: [] };
    }
    var self = this;
    var results = this.engine.search(parsed.tree).map(function (hit) {
      return {
        index: hit.id,
        record: self.records[hit.id],
        exact: parsed.phrase.length > 0 && self.flat[hit.id].indexOf(parsed.phrase) !== -1,
        score: hit.score,
      };
    });
    results.sort(function (a, b) {
      return KINDS.indexOf(a.record.kind) - KINDS.indexOf(b.record.kind) ||
        (b.exact - a.exact) || (b.score - a.score) || (a.index - b.index);
    });
    return { parsed: parsed, results: results };
  };

  /* ---- Loading, with <script> tags only ---- */

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* A CommonJS file (module.exports = ...) as a classic script: lend it a module object. */
  function loadCommonJS(src) {
    var saved = { module: window.module, exports: window.exports };
    var module = { exports: {} };
    window.module = module;
    window.exports = module.exports;
    function restore() {
      window.module = saved.module;
      window.exports = saved.exports;
    }
    return loadScript(src).then(function () {
      restore();
      return module.exports;
    }, function (error) {
      restore();
      throw error;
    });
  }

  function join(base, path) {
    if (!base) {
      return path;
    }
    return base.charAt(base.length - 1) === "/" ? base + path : base + "/" + path;
  }

  /* ---- The search box ---- */

  function Box(form) {
    this.form = form;
    this.input = form.querySelector("input");
    this.box = form.closest(".md-search");
    this.meta = this.box.querySelector("[data-a4p-search-meta]");
    this.list = this.box.querySelector("[data-a4p-search-results]");
    this.toggle = document.getElementById("__search");
    this.base = form.getAttribute("data-base") || "";
    this.lang = form.getAttribute("data-lang");
    this.strings = JSON.parse(form.getAttribute("data-strings") || "{}");
    this.index = null;
    this.loading = null;
    this.returnTo = null; // what had focus before the box was opened: Escape goes back there
    this.openedAt = null; // the address when the box was opened (see stale)
    this.bind();
  }

  Box.prototype.state = function (state) {
    this.form.setAttribute("data-state", state);
  };

  Box.prototype.load = function () {
    if (this.loading) {
      return this.loading;
    }
    var self = this;
    this.state("loading");
    this.meta.textContent = this.strings.loading || "";
    var data;
    var engine = window.MiniSearch ? null : loadScript(this.form.getAttribute("data-engine"));
    this.loading = Promise.all([loadScript(this.form.getAttribute("data-records")), engine])
      .then(function () {
        data = (window.a4pSearchData || {})[self.lang];
        if (!data) {
          throw new Error("no search records for " + self.lang);
        }
        if (!data.stemmer) {
          return identity;
        }
        var src = join(self.base, data.stemmer.script);
        if (data.stemmer.export === "commonjs") {
          return loadCommonJS(src);
        }
        return loadScript(src).then(function () { return window[data.stemmer.export]; });
      })
      .then(function (stem) {
        if (typeof stem !== "function") {
          throw new Error("the stemmer of " + self.lang + " did not load");
        }
        self.index = new Index(data, stem);
        self.state("ready");
        self.run();
      })
      .catch(function (error) {
        self.state("failed");
        self.meta.textContent = self.strings.unavailable || "";
        if (window.console) {
          window.console.error(error);
        }
      });
    return this.loading;
  };

  /* "{count} matches" in the page's language: "none" when nothing is found, otherwise the
     plural form of the number (assets/a4p.js, plural). */
  Box.prototype.count = function (n) {
    return window.a4pPlural(this.strings, n, this.lang);
  };

  Box.prototype.clear = function () {
    while (this.list.firstChild) {
      this.list.removeChild(this.list.firstChild);
    }
  };

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
    var self = this;
    found.results.forEach(function (result) {
      self.list.appendChild(self.item(result, found.parsed));
    });
  };

  Box.prototype.item = function (result, parsed) {
    var record = result.record;
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link a4p-search__result";
    link.href = join(this.base, record.url);
    link.setAttribute("data-kind", record.kind);
    if (record.n !== undefined) {
      link.setAttribute("data-number", String(record.n));
    }
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    article.appendChild(icon);
    var heading = document.createElement("h1");
    var label = document.createElement("span");
    label.className = "a4p-search__label";
    if (record.name) {
      fill(label, record.name, highlights(record.name, parsed), 0, record.name.length);
    } else {
      label.textContent = record.label;
    }
    heading.appendChild(label);
    heading.appendChild(document.createTextNode(" · "));
    var page = document.createElement("span");
    page.className = "a4p-search__page";
    page.textContent = record.page;
    heading.appendChild(page);
    article.appendChild(heading);
    var text = document.createElement("p");
    text.className = "a4p-search__text";
    snippet(text, record.text, highlights(record.text, parsed));
    article.appendChild(text);
    link.appendChild(article);
    li.appendChild(link);
    return li;
  };

  Box.prototype.open = function () {
    if (this.toggle && !this.toggle.checked) {
      this.toggle.checked = true;
      this.openedAt = location.href;
    }
  };

  Box.prototype.close = function () {
    if (this.toggle) {
      this.toggle.checked = false;
    }
    this.input.blur();
    this.returnTo = null;
  };

  /* Escape: close the box and give focus back to what had it before the box was opened, or
     else to the header's search button where it is shown (small screens), rather than letting
     focus fall to the page's <body>. */
  Box.prototype.dismiss = function () {
    var back = this.returnTo;
    var button = document.querySelector("label.md-header__button[for='__search']");
    this.close();
    if (!focusable(back) && focusable(button)) {
      if (!button.hasAttribute("tabindex")) {
        button.setAttribute("tabindex", "-1"); // focusable by script, not in the tab order
      }
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

  function focusable(element) {
    return !!element && element !== document.body && element.isConnected !== false &&
      typeof element.focus === "function" && element.getClientRects().length > 0;
  }

  Box.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a.a4p-search__result"));
  };

  Box.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("focus", function (event) {
      var from = event.relatedTarget;
      if (from && from !== document.body && !self.box.contains(from)) {
        self.returnTo = from;
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
      });
    }
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
      if (event.target.closest && event.target.closest("a.a4p-search__result")) {
        self.close();
      }
    });
    this.box.addEventListener("keydown", function (event) {
      var links = self.links();
      var at = links.indexOf(document.activeElement);
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
      var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        self.open();
        self.input.focus();
      }
    });
  };

  var form = document.querySelector("form[data-a4p-search]");
  var box = form ? new Box(form) : null;

  /* For tests and the curious: the tokenizer, and the page's search without its box. */
  window.a4pSearch = {
    runs: runs,
    indexTerms: function (text, stem) { return indexTerms(text, stem || identity); },
    parse: parse,
    highlights: highlights,
    load: function () { return box ? box.load().then(function () { return box.index; }) : Promise.resolve(null); },
    search: function (query) {
      return box && box.index ? box.index.search(query).results.map(function (result) {
        return { kind: result.record.kind, id: result.record.id, n: result.record.n, exact: result.exact, url: result.record.url };
      }) : null;
    },
  };
})();
