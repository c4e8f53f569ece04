/* The edition's search: the paragraphs (and glossary terms) of the page's language, indexed in
   the browser by MiniSearch (assets/vendor/minisearch). Works from file:// as well as online:
   every file is loaded with a <script> tag, never fetched. The records come from
   hooks/search.py (assets/search/{lang}.js); the language's settings from source/search.yml.

   Terms. Han, kana and hangul characters are indexed as overlapping character pairs (bigrams),
   plus single characters for one-character queries; any other run of letters and digits as a
   lower-cased word, plus its stem where the language has a stemmer. Each character is
   normalized on its own (NFKC, lower case), so that every term keeps its place in the text.
   Where the language has a folding (source/search.yml, the same rules as hooks/folding.py),
   a word is indexed folded, and its stem folded, and the stem of its folded form folded: the
   Snowball stemmers see accents (explotación stems to explot, explotacion to itself), so
   folding only before or only after stemming would lose one of them.

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

  /* ---- Folding and light stemming: hooks/folding.py, rule for rule ---- */

  var NONSPACING = /\p{Mn}/gu;
  var own = Object.prototype.hasOwnProperty;

  /* fold(text) for a language's folding rules (or none): character by character, each
     replaced by the map, or else (marks) without the nonspacing marks of its decomposition. */
  function folder(rules) {
    if (!rules) {
      return identity;
    }
    var map = rules.map || {};
    function one(ch) {
      if (own.call(map, ch)) {
        return map[ch];
      }
      if (rules.marks) {
        var decomposed = ch.normalize("NFD");
        var kept = decomposed.replace(NONSPACING, "");
        if (kept !== decomposed) {
          return kept.normalize("NFC");
        }
      }
      return ch;
    }
    return function (text) {
      var result = "";
      for (var ch of text) {
        result += one(ch);
      }
      return result;
    };
  }

  function letters(text) {
    return Array.from(text).length;
  }

  /* The light stemmer of a folding: the word folded, read as it is and without the longest
     clitic it begins with (while enough letters remain), each without the listed suffixes
     found at its end, tried in order, each once. One or two stems. */
  function lightStemmer(rules, fold) {
    function withoutClitic(word) {
      for (var i = 0; i < rules.clitics.length; i++) {
        var prefix = rules.clitics[i][0];
        if (word.indexOf(prefix) === 0 && letters(word) - letters(prefix) >= rules.clitic_keep) {
          return word.slice(prefix.length);
        }
      }
      return word;
    }
    function withoutSuffixes(word) {
      rules.suffixes.forEach(function (suffix) {
        var at = word.length - suffix.length;
        if (at >= 0 && word.slice(at) === suffix && letters(word) - letters(suffix) >= rules.suffix_keep) {
          word = word.slice(0, at);
        }
      });
      return word;
    }
    return function (word) {
      var folded = fold(word);
      return unique([withoutSuffixes(folded), withoutSuffixes(withoutClitic(folded))]);
    };
  }

  /* A stemmer's stems of a word: a Snowball stemmer gives one, the light stemmer one or two. */
  function stems(stem, word) {
    var result = stem(word);
    return Array.isArray(result) ? result : [result || word];
  }

  /* The index terms of one word: folded, its stems folded, the stems of the folded word folded. */
  function forms(word, settings) {
    var fold = settings.fold || identity;
    var stem = settings.stem || identity;
    var folded = fold(word);
    if (!folded) {
      return [];
    }
    return unique([folded].concat(stems(stem, word), stems(stem, folded)).map(fold).filter(Boolean));
  }

  /* The terms of a record's text, for the index. */
  function indexTerms(text, settings) {
    var terms = [];
    runs(text).forEach(function (run) {
      if (run.kind === "cjk") {
        Array.prototype.push.apply(terms, run.chars);
        Array.prototype.push.apply(terms, bigrams(run.chars));
      } else {
        Array.prototype.push.apply(terms, forms(run.text, settings || {}));
      }
    });
    return terms;
  }

  /* A query: the MiniSearch query tree, and what highlighting needs. */
  function parse(query, settings) {
    var fold = settings.fold || identity;
    var stop = settings.stopwords || new Set();
    var all = runs(query);
    var open = all.length > 0 && all[all.length - 1].end === query.length; // still being typed
    var onlyStop = all.every(function (run) { return run.kind === "word" && stop.has(fold(run.text)); });
    var parts = [];
    var segments = [];
    var wanted = []; // every form of every query word: what highlighting looks for
    var prefix = null;
    all.forEach(function (run, index) {
      if (run.kind === "cjk") {
        segments.push(run.chars);
        var pairs = run.chars.length === 1 ? run.chars.slice() : unique(bigrams(run.chars));
        parts.push({ combineWith: "AND", queries: pairs });
        return;
      }
      if (stop.has(fold(run.text)) && !onlyStop) {
        return;
      }
      var found = forms(run.text, settings);
      if (!found.length) {
        return;
      }
      var word = found[0]; // folded
      var last = open && index === all.length - 1 && letters(word) >= PREFIX_MIN;
      var choices = [{ queries: [word], prefix: last }].concat(found.slice(1));
      Array.prototype.push.apply(wanted, found);
      if (last) {
        prefix = word;
      }
      parts.push({ combineWith: "OR", queries: choices });
    });
    return {
      tree: parts.length ? { combineWith: "AND", queries: parts } : null,
      phrase: squeeze(query, fold),
      segments: segments,
      terms: new Set(wanted),
      prefix: prefix,
      settings: settings,
    };
  }

  /* Text as compared for "holds the query exactly": normalized, folded, spaces squeezed. */
  function squeeze(text, fold) {
    return (fold || identity)(Array.from(text, function (ch) { return ch.normalize("NFKC").toLowerCase(); })
      .join("")).replace(/\s+/g, " ").trim();
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
      var found = forms(run.text, parsed.settings || {});
      if (found.some(function (form) { return parsed.terms.has(form); }) ||
          (parsed.prefix && found.length && found[0].indexOf(parsed.prefix) === 0)) {
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

  /* The settings of a language (its records file): fold, stem and stop words. */
  function languageSettings(data, stem) {
    var fold = folder(data.folding);
    return { fold: fold, stem: stem, stopwords: new Set((data.stopwords || []).map(fold)) };
  }

  function Index(data, stem) {
    var settings = languageSettings(data, stem);
    this.settings = settings;
    this.records = data.records;
    this.flat = data.records.map(function (record) {
      return squeeze((record.name ? record.name + " " : "") + record.text, settings.fold);
    });
    var terms = function (text) { return indexTerms(text, settings); };
    this.documents = data.records.map(function (record, i) { return { i: i, record: record }; });
    this.added = 0;
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
  }

  var TASK = 40; // milliseconds of indexing per task at most: no long task (50 ms) for the page

  /* Run ``work`` at the next idle moment (or soon, where the browser has no idle callbacks). */
  function whenIdle(work) {
    if (window.requestIdleCallback) {
      window.requestIdleCallback(work, { timeout: 2000 });
    } else {
      window.setTimeout(work, 1);
    }
  }

  /* Add the records to the engine in tasks of at most TASK ms, each at an idle moment, or right
     after the previous one once ``hurry()`` says someone is waiting. Resolves when all are in. */
  Index.prototype.prepare = function (hurry) {
    var self = this;
    return new Promise(function (resolve) {
      function step() {
        var until = Date.now() + TASK;
        while (self.added < self.documents.length && Date.now() < until) {
          self.engine.add(self.documents[self.added]);
          self.added += 1;
        }
        if (self.added < self.documents.length) {
          if (hurry()) {
            window.setTimeout(step, 0);
          } else {
            whenIdle(step);
          }
        } else {
          resolve(self);
        }
      }
      step();
    });
  };

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
  var commonJS = Promise.resolve(); // one at a time: each borrows the page's module object
  var commonJSFiles = {}; // src: the promise of its exports

  function loadCommonJS(src) {
    var loaded = commonJS.then(function () { return loadOneCommonJS(src); });
    commonJS = loaded.catch(function () {});
    return loaded;
  }

  function loadOneCommonJS(src) {
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

  /* stem(word) of a language's records file: none, the light stemmer of its folding, or a
     vendored script's. A CommonJS file's top-level names become the page's globals: one such
     stemmer per page (each page loads its own language's only). */
  function loadStemmer(data, base) {
    var spec = data.stemmer;
    if (!spec) {
      return Promise.resolve(identity);
    }
    if (spec.light) {
      return Promise.resolve(lightStemmer(data.folding, folder(data.folding)));
    }
    var src = join(base, spec.script);
    if (spec.export === "commonjs") {
      // once per page: a second run of the same file would redeclare its top-level names
      commonJSFiles[src] = commonJSFiles[src] || loadCommonJS(src);
      return commonJSFiles[src].then(function (exported) { return spec.member ? exported[spec.member] : exported; });
    }
    return loadScript(src).then(function () { return window[spec.export]; });
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
    this.button = document.querySelector("button[data-a4p-toggle='__search']"); // the header's (phones)
    this.base = form.getAttribute("data-base") || "";
    this.lang = form.getAttribute("data-lang");
    this.strings = JSON.parse(form.getAttribute("data-strings") || "{}");
    this.index = null;
    this.loading = null;
    this.wanted = false; // someone opened the box or typed: the index is awaited
    this.returnTo = null; // what had focus before the box was opened: Escape goes back there
    this.openedAt = null; // the address when the box was opened (see stale)
    this.bind();
  }

  Box.prototype.state = function (state) {
    this.form.setAttribute("data-state", state);
  };

  /* Load the records, the engine and the stemmer, and prepare the index in short tasks.
     ``quiet``: ahead of need, at idle after the page's load; nothing is said. */
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
    var data;
    var engine = window.MiniSearch ? null : loadScript(this.form.getAttribute("data-engine"));
    this.loading = Promise.all([loadScript(this.form.getAttribute("data-records")), engine])
      .then(function () {
        data = (window.a4pSearchData || {})[self.lang];
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
    /* a <div>, not Material's <article> with an <h1>: the results are no part of the page's
       outline, and a screen reader reads each as one link */
    var article = document.createElement("div");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    article.appendChild(icon);
    var heading = document.createElement("div");
    heading.className = "a4p-search__title";
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
        self.expanded();
      });
    }
    /* Focus leaving the box (Tab, Shift+Tab, a click on something focusable outside it)
       closes it: an open box would cover the page on a phone, and on a wide screen its overlay
       would take the next click. Focus stays where it went. (Focus going nowhere, to another
       window say, leaves the box as it is.) */
    this.box.addEventListener("focusout", function (event) {
      var to = event.relatedTarget;
      if (to && !self.box.contains(to)) {
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

  /* The index is prepared ahead of need: after the page's load, at idle, in short tasks. */
  if (box) {
    var early = function () { whenIdle(function () { box.load(true); }); };
    if (document.readyState === "complete") {
      early();
    } else {
      window.addEventListener("load", early);
    }
  }

  /* For tests and the curious: the tokenizer, and the page's search without its box. */
  window.a4pSearch = {
    runs: runs,
    indexTerms: function (text, settings) { return indexTerms(text, settings || {}); },
    parse: parse,
    highlights: highlights,
    /* the folding rules of hooks/folding.py (Folding.as_json()), applied here */
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
        return { kind: result.record.kind, id: result.record.id, n: result.record.n, exact: result.exact, url: result.record.url };
      }) : null;
    },
  };
})();
