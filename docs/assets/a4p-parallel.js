// @ts-check
/* The parallel view (hooks/pages/parallel.py): two languages side by side, paragraph by
   paragraph, built here from the two languages' data files (assets/parallel/{lang}.js, written
   by hooks/outputs/parallel.py, each adding its language to window.a4p.parallelData). Each data file is
   loaded with a <script> tag, never fetched, so the view works from file:// too. Text from the
   data only ever becomes textContent.

   The URL holds the pair, ?a={lang}&b={lang}; #para-N lands on the row of paragraph N.

   The view's page has this file loaded after the edition's scripts of mkdocs.yml
   (hooks/pages/parallel.py's SCRIPTS, assets/a4p-load.js): the view starts once the page is
   parsed, when window.a4p (assets/a4p.js) is there, and its choice of the pair
   (window.a4p.parallel) is added then. */
(function () {
  "use strict";

  /* ---- The pair ---- */

  /** The language shown beside ``code`` by default: the source language, or beside the source
     language the fallback. ``languages``: {codes, page, source, fallback}.
     @param {string} code @param {A4pLanguages} languages @returns {string} */
  function partner(code, languages) {
    return code === languages.source ? languages.fallback : languages.source;
  }

  /** The pair a query (location.search) asks for; what it lacks or gets wrong, the defaults fill
     in: the page's language, and its partner.
     @param {string} search @param {A4pLanguages} languages @returns {A4pPair} */
  function pairFrom(search, languages) {
    var params = new URLSearchParams(search);
    var a = params.get("a");
    var b = params.get("b");
    if (languages.codes.indexOf(a) < 0) {
      a = languages.page;
    }
    if (languages.codes.indexOf(b) < 0 || b === a) {
      b = partner(a, languages);
    }
    return { a: a, b: b };
  }

  /** The pair once ``code`` is chosen in picker ``name`` ("a" or "b"): choosing in one picker the
     language of the other swaps the two.
     @param {A4pPair} pair @param {"a" | "b"} name @param {string} code
     @returns {A4pPair} */
  function choose(pair, name, code) {
    var other = name === "a" ? "b" : "a";
    var wanted = { a: pair.a, b: pair.b };
    var previous = wanted[name];
    wanted[name] = code;
    if (wanted[other] === wanted[name]) {
      wanted[other] = previous;
    }
    return wanted;
  }

  /** A query (location.search) holding ``pair``, its other parameters kept: "?a=…&b=…".
     @param {string} search @param {A4pPair} pair @returns {string} */
  function queryOf(search, pair) {
    var params = new URLSearchParams(search);
    params.set("a", pair.a);
    params.set("b", pair.b);
    return "?" + params.toString();
  }

  /** An address with ``query`` in place of its own, its fragment kept.
     @param {string} href @param {string} query @returns {string} */
  function withQuery(href, query) {
    var parts = href.split("#");
    return parts[0].split("?")[0] + query + (parts.length > 1 ? "#" + parts[1] : "");
  }

  /** A label's {placeholders} filled in from ``values``; an unknown one stays as it is.
     @param {string} template @param {{[name: string]: string | number}} values
     @returns {string} */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /** Run ``work`` once the page is parsed (at once if it is).
     @param {() => void} work */
  function whenParsed(work) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", work);
    } else {
      work();
    }
  }

  whenParsed(function () {
    window.a4p.parallel = { pairFrom: pairFrom, choose: choose, queryOf: queryOf, withQuery: withQuery, fill: fill };
  });

  /* ---- The page ---- */

  var root = document.querySelector("[data-a4p-parallel]");
  if (!root) {
    return;
  }
  var view = root.querySelector("[data-a4p-parallel-view]");
  var status = root.querySelector("[data-a4p-parallel-status]");
  var pickers = {
    a: /** @type {HTMLSelectElement} */ (root.querySelector("select[name=a]")),
    b: /** @type {HTMLSelectElement} */ (root.querySelector("select[name=b]")),
  };
  /** @type {A4pLanguages} */
  var languages = {
    codes: [],
    page: root.getAttribute("data-lang"),
    source: root.getAttribute("data-source"),
    fallback: root.getAttribute("data-fallback"),
  };
  var base = root.getAttribute("data-base") || "";
  /** @type {{[code: string]: string}} */
  var files = {}; // language -> its data file, named by its option in the picker
  Array.prototype.forEach.call(pickers.a.options, function (option) {
    languages.codes.push(option.value);
    files[option.value] = option.getAttribute("data-src");
  });
  /** @type {{[code: string]: Promise<A4pParallelData>}} */
  var loaded = {};
  /** @type {A4pPair | null} */
  var pair = null;
  /** @type {{[key: string]: HTMLElement} | null} */
  var rows = null; // paragraph number (or "h:" + slug, or "head") -> row element

  function writeURL() {
    var query = queryOf(location.search, pair);
    var wanted = query + location.hash;
    if (location.search + location.hash !== wanted) {
      history.replaceState(history.state, "", wanted);
    }
    /* the language switch keeps the pair: its links carry the query (assets/a4p-links.js adds
       the fragment) */
    document.querySelectorAll("a.a4p-alternate").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href !== null) {
        link.setAttribute("href", withQuery(href, query));
      }
    });
  }

  /* ---- Loading ---- */

  /** @param {string} code @returns {Promise<A4pParallelData>} */
  function load(code) {
    if (!loaded[code]) {
      loaded[code] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = files[code];
        script.onload = function () {
          var data = (window.a4p.parallelData || {})[code];
          if (data) {
            resolve(data);
          } else {
            reject(new Error("no parallel data for " + code));
          }
        };
        script.onerror = function () { reject(new Error("could not load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return loaded[code];
  }

  /* ---- Building ---- */

  /** A new element (window.a4p.element, assets/a4p.js), looked up when called: this file runs
     before a4p.js.
     @template {keyof HTMLElementTagNameMap} K
     @param {K} tag @param {string | null} [cls] @param {string | null} [text]
     @returns {HTMLElementTagNameMap[K]} */
  function make(tag, cls, text) {
    return window.a4p.element(tag, cls, text);
  }

  /** @template {HTMLElement} T @param {T} node @returns {T} */
  function apparatus(node) {
    node.setAttribute("data-apparatus", "");
    return node;
  }

  /** The rows, once: the structure is the same in every language.
     @param {A4pParallelData} data */
  function skeleton(data) {
    rows = {};
    view.textContent = "";
    var head = make("div", "a4p-parallel__row a4p-parallel__row--head");
    apparatus(head);
    view.appendChild(head);
    rows.head = head;
    data.sections.forEach(function (section) {
      var heading = make("div", "a4p-parallel__row a4p-parallel__row--heading");
      heading.setAttribute("data-page", section.slug);
      view.appendChild(heading);
      rows["h:" + section.slug] = heading;
      section.paragraphs.forEach(function (para) {
        var row = make("div", "a4p-parallel__row");
        row.id = "para-" + para.n;
        view.appendChild(row);
        rows[para.n] = row;
      });
    });
  }

  /** @param {A4pParallelData} data @param {"a" | "b"} column @returns {HTMLElement} */
  function cell(data, column) {
    var node = make("div", "a4p-parallel__cell a4p-parallel__cell--" + column);
    node.setAttribute("lang", data.lang);
    node.setAttribute("dir", data.dir);
    node.setAttribute("data-column", column);
    return node;
  }

  /** Text in runs, each [text] or [text, lang]: a run in another language carries its lang.
     @param {Node} parent @param {string[][]} list @param {string} lang */
  function runs(parent, list, lang) {
    list.forEach(function (run) {
      if (run.length > 1 && run[1] !== lang) {
        var span = make("span", null, run[0]);
        span.setAttribute("lang", run[1]);
        parent.appendChild(span);
      } else {
        parent.appendChild(document.createTextNode(run[0]));
      }
    });
  }

  /** @param {A4pParallelData} data @returns {HTMLElement} */
  function tag(data) {
    /* the language's name in each cell, shown when the columns interleave (narrow screens) */
    return apparatus(make("span", "a4p-parallel__tag", data.name));
  }

  /** @param {A4pParallelData} data @param {"a" | "b"} column @returns {HTMLElement} */
  function headCell(data, column) {
    var node = cell(data, column);
    node.appendChild(make("span", "a4p-parallel__name", data.name));
    node.appendChild(document.createTextNode(" "));
    node.appendChild(make("span", "a4p-parallel__state", data.status));
    return node;
  }

  /** @param {A4pParallelData} data @param {"a" | "b"} column
     @param {A4pParallelSection} section @returns {HTMLElement} */
  function headingCell(data, column, section) {
    var node = cell(data, column);
    node.appendChild(tag(data));
    var h2 = make("h2", "a4p-parallel__heading");
    var link = make("a", null, section.heading);
    link.href = base + section.path;
    h2.appendChild(link);
    if (section.editorial) {
      h2.appendChild(document.createTextNode(" "));
      var badge = make("span", "a4p-editorial", data.labels.editorial_heading);
      badge.title = data.labels.editorial_heading_hint;
      h2.appendChild(badge);
    }
    node.appendChild(h2);
    return node;
  }

  /** @param {A4pParallelData} data @param {"a" | "b"} column
     @param {A4pParallelParagraph} para @returns {HTMLElement} */
  function paragraphCell(data, column, para) {
    var node = cell(data, column);
    var num = apparatus(make("span", "a4p-parallel__num"));
    num.appendChild(make("bdi", null, String(para.n)));
    node.appendChild(num);
    node.appendChild(tag(data));
    var text = make("p", "a4p-parallel__text", para.text);
    /* the ¶ mark gives the canonical text page; a click stays here (site or bundle), as on the
       text pages (assets/a4p-links.js follows data-local) */
    var mark = apparatus(make("a", "a4p-permalink"));
    mark.href = para.url;
    mark.setAttribute("data-local", base + para.path);
    mark.setAttribute("aria-label", fill(data.labels.permalink, { number: para.n }));
    mark.appendChild(make("bdi", null, "¶"));
    text.appendChild(document.createTextNode(" "));
    text.appendChild(mark);
    node.appendChild(text);
    para.notes.forEach(function (note) {
      var aside = apparatus(make("aside", "a4p-note" + (note.kind === "translator" ? " a4p-note--translator" : "")));
      aside.appendChild(make("strong", null, note.label));
      aside.appendChild(document.createTextNode(" "));
      runs(aside, note.runs, data.lang);
      node.appendChild(aside);
    });
    if (para.after.length) { // assets/a4p-after.js, loaded by the view's page before this file
      node.appendChild(window.a4p.after(data, para.after));
    }
    return node;
  }

  /** Put language ``data`` in ``column`` ("a" or "b") of every row.
     @param {A4pParallelData} data @param {"a" | "b"} name */
  function column(data, name) {
    /** @param {HTMLElement} row @param {HTMLElement} node */
    function place(row, node) {
      var old = row.querySelector('[data-column="' + name + '"]');
      if (old) {
        row.replaceChild(node, old);
      } else if (name === "a") {
        row.insertBefore(node, row.firstChild);
      } else {
        row.appendChild(node);
      }
    }
    place(rows.head, headCell(data, name));
    data.sections.forEach(function (section) {
      place(rows["h:" + section.slug], headingCell(data, name, section));
      section.paragraphs.forEach(function (para) {
        place(rows[para.n], paragraphCell(data, name, para));
      });
    });
  }

  /* ---- Landing on #para-N ---- */

  /** The id a fragment names, or "" for none: a malformed one (a bad percent escape) names none.
     @returns {string} */
  function fragmentId() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch {
      return "";
    }
  }

  /* The row was not there when the browser looked for the fragment: navigate to it again
     (same document, no history entry), which scrolls to it and makes it the :target. */
  function land() {
    var id = fragmentId();
    if (id && document.getElementById(id) && !document.getElementById(id).matches(":target")) {
      location.replace(location.href);
    }
  }

  /** The row at the top of the screen, to keep it there while a column changes.
     @returns {{row: Element, top: number} | null} */
  function anchorRow() {
    var all = view.querySelectorAll(".a4p-parallel__row");
    for (var i = 0; i < all.length; i++) {
      var box = all[i].getBoundingClientRect();
      if (box.bottom > 0) {
        return { row: all[i], top: box.top };
      }
    }
    return null;
  }

  /* ---- Showing a pair ---- */

  /** @param {A4pPair} wanted @param {boolean} first @returns {Promise<void>} */
  function show(wanted, first) {
    return Promise.all([load(wanted.a), load(wanted.b)]).then(function (both) {
      var keep = first ? null : anchorRow();
      var changed = { a: !pair || pair.a !== wanted.a, b: !pair || pair.b !== wanted.b };
      if (!rows) {
        skeleton(both[0]);
      }
      if (changed.a) {
        column(both[0], "a");
      }
      if (changed.b) {
        column(both[1], "b");
      }
      pair = wanted;
      pickers.a.value = pair.a;
      pickers.b.value = pair.b;
      root.setAttribute("data-pair", pair.a + "|" + pair.b);
      writeURL();
      status.textContent = "";
      root.setAttribute("data-state", "ready");
      if (keep) {
        window.scrollBy(0, keep.row.getBoundingClientRect().top - keep.top);
      }
      if (first) {
        land();
      }
    }, function (error) {
      status.textContent = root.getAttribute("data-unavailable");
      root.setAttribute("data-state", "failed");
      if (window.console) {
        console.error(error);
      }
    });
  }

  /** @type {("a" | "b")[]} */ (["a", "b"]).forEach(function (name) {
    pickers[name].addEventListener("change", function () {
      var shown = pair || { a: pickers.a.value, b: pickers.b.value };
      show(choose(shown, name, pickers[name].value), false);
    });
  });

  whenParsed(function () {
    show(pairFrom(location.search, languages), true);
  });
})();
