// @ts-check
/* The edition's search, its index (window.a4p.searchIndex): the index of one language's records
   (MiniSearch), prepared at idle in short tasks; and loading the records, the engine and the
   stemmer with <script> tags only. Uses window.a4p.searchText (assets/search-text.js);
   assets/search.js is the box. */
(function () {
  "use strict";

  var searchText = window.a4p.searchText;
  var KINDS = searchText.KINDS, folder = searchText.folder, identity = searchText.identity;
  var indexTerms = searchText.indexTerms, lightStemmer = searchText.lightStemmer;
  var parse = searchText.parse, squeeze = searchText.squeeze;

  /* ---- The index ---- */

  /** A record as the engine holds it: its place in the records, and the record.
     @typedef {{i: number, record: A4pRecord}} A4pIndexed */

  /** The settings of a language (its records file): fold, stem and stop words.
     @param {A4pSearchData} data @param {A4pStem} stem @returns {A4pSettings} */
  function languageSettings(data, stem) {
    var fold = folder(data.folding);
    return { fold: fold, stem: stem, stopwords: new Set((data.stopwords || []).map(fold)) };
  }

  /** A language's index: its records, and MiniSearch's engine over them, filled by prepare().
     @constructor @param {A4pSearchData} data @param {A4pStem} stem */
  function Index(data, stem) {
    var settings = languageSettings(data, stem);
    this.settings = settings;
    this.records = data.records;
    /** @type {string[]} */
    this.flat = []; // each record's text as "exactly" compares it, made when first compared
    var terms = function (/** @type {string} */ text) { return indexTerms(text, settings); };
    /** @type {A4pIndexed[]} */
    this.documents = data.records.map(function (record, i) { return { i: i, record: record }; });
    this.added = 0;
    this.engine = new window.MiniSearch({
      idField: "i",
      fields: ["name", "text"],
      extractField: function (/** @type {A4pIndexed} */ doc, /** @type {string} */ field) {
        return field === "i" ? doc.i : doc.record[field];
      },
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

  /* Milliseconds of indexing per task at most. Ahead of need, at idle: short enough that a
     phone four times slower than this machine still has no long task (50 ms), which would
     delay a reader's tap. Once a reader waits for it: as much as fits in one task. */
  var TASK_IDLE = 10;
  var TASK_WAITED = 40;

  /** Run ``work`` at the next idle moment (or soon, where the browser has no idle callbacks).
     @param {() => void} work */
  function whenIdle(work) {
    if (window.requestIdleCallback) {
      window.requestIdleCallback(work, { timeout: 2000 });
    } else {
      window.setTimeout(work, 1);
    }
  }

  /** Add the records to the engine in tasks of at most TASK_IDLE ms, each at an idle moment;
     once ``hurry()`` says someone is waiting, in tasks of TASK_WAITED ms, each right after the
     previous one. Resolves when all are in.
     @param {() => boolean} hurry @returns {Promise<A4pIndex>} */
  Index.prototype.prepare = function (hurry) {
    var self = this;
    return new Promise(function (resolve) {
      function step() {
        var until = Date.now() + (hurry() ? TASK_WAITED : TASK_IDLE);
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

  /** Record ``i``'s name and text as "exactly" compares them (squeezed and folded), made once:
     not for every record at once, which took a long task before the first query.
     @param {number} i @returns {string} */
  Index.prototype.flatText = function (i) {
    if (this.flat[i] === undefined) {
      var record = this.records[i];
      this.flat[i] = squeeze((record.name ? record.name + " " : "") + record.text, this.settings.fold);
    }
    return this.flat[i];
  };

  /** Results: {record, exact, score, index}, in the order they are listed.
     @param {string} query @returns {A4pFound} */
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
        exact: parsed.phrase.length > 0 && self.flatText(hit.id).indexOf(parsed.phrase) !== -1,
        score: hit.score,
      };
    });
    results.sort(function (a, b) {
      return KINDS.indexOf(a.record.kind) - KINDS.indexOf(b.record.kind) ||
        (Number(b.exact) - Number(a.exact)) || (b.score - a.score) || (a.index - b.index);
    });
    return { parsed: parsed, results: results };
  };

  /* ---- Loading, with <script> tags only ---- */

  /** @param {string} src @returns {Promise<void>} */
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
  /** @type {Promise<unknown>} */
  var commonJS = Promise.resolve(); // one at a time: each borrows the page's module object
  /** @type {{[src: string]: Promise<unknown>}} */
  var commonJSFiles = {}; // src: the promise of its exports

  /** @param {string} src @returns {Promise<unknown>} */
  function loadCommonJS(src) {
    var loaded = commonJS.then(function () { return loadOneCommonJS(src); });
    commonJS = loaded.catch(function () {});
    return loaded;
  }

  /** @param {string} src @returns {Promise<unknown>} */
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

  /** stem(word) of a language's records file: none, the light stemmer of its folding, or a
     vendored script's. A CommonJS file's top-level names become the page's globals: one such
     stemmer per page (each page loads its own language's only).
     @param {A4pSearchData} data @param {string} base @returns {Promise<A4pStem>} */
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
      return commonJSFiles[src].then(function (exported) {
        return stemmer(spec.member ? /** @type {{[name: string]: unknown}} */ (exported)[spec.member] : exported);
      });
    }
    return loadScript(src).then(function () {
      return stemmer(/** @type {{[name: string]: unknown}} */ (/** @type {unknown} */ (window))[spec.export]);
    });
  }

  /** What a vendored script exported, as a stemmer: search.js checks that it is a function.
     @param {unknown} exported @returns {A4pStem} */
  function stemmer(exported) {
    return /** @type {A4pStem} */ (exported);
  }

  /** @param {string} base @param {string} path @returns {string} */
  function join(base, path) {
    if (!base) {
      return path;
    }
    return base.charAt(base.length - 1) === "/" ? base + path : base + "/" + path;
  }

  window.a4p.searchIndex = {
    Index: Index, languageSettings: languageSettings, whenIdle: whenIdle,
    loadScript: loadScript, loadStemmer: loadStemmer, join: join,
  };
})();
