// @ts-check
/* The page's scripts, loaded after its words: the one script in <head> (why, and what was
   measured: docs/decisions/first-load.md). data-a4p-later names them in two groups
   (overrides/base.html): the search box's (hooks/outputs/search.py BOX_SCRIPTS); then
   Material's two former inline scripts, its bundle, the edition's others and the page's own.

   - "js" is on <html> before the first paint: nothing moves when the scripts come.
   - At the page's load, or sooner when the reader reaches for it (a key, a pointer, a
     focus), the box's group is asked for (preloaded), with the box's engine, records and
     stemmer if the reader is already in it, and run; then the rest, at once, or, for a reader
     in the box waiting, once it has answered (its data-state leaves "loading") or the reader
     has left it. A touch before the page is parsed asks for both groups at once.
   - Each script runs in a task of its own, in order, once the page is parsed; then
     DOMContentLoaded is sent again for Material's bundle, <html> gets data-a4p-ready and
     "a4p:ready" is sent on document (what the tests and the benchmark wait for).
   - A script that does not load is named on the console; the others run. */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var me = /** @type {HTMLScriptElement} */ (document.currentScript);
  /** @type {string[][]} */
  var groups = JSON.parse(me.getAttribute("data-a4p-later") || "[]");
  var first = groups[0] || [], others = groups[1] || [];
  var EARLY = ["keydown", "pointerdown", "focusin"]; // the reader reaches for the page before load
  var SEARCH = "form[data-a4p-search]"; // the search box (overrides/partials/search.html)
  var started = false;
  var asked = false; // the rest asked for

  function ready() {
    document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
    root.setAttribute("data-a4p-ready", "");
    document.dispatchEvent(new Event("a4p:ready"));
  }

  /** Ask for ``files`` at once (each one's fetch is the one its <script> uses later).
     @param {(string | null)[]} files */
  function preload(files) {
    files.forEach(function (src) {
      if (src) {
        var link = document.createElement("link");
        link.rel = "preload";
        link.as = "script";
        link.href = src;
        document.head.appendChild(link);
      }
    });
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    window.removeEventListener("load", start);
    EARLY.forEach(function (type) { document.removeEventListener(type, start, true); });
    if (document.readyState === "loading") {
      // a reader's touch before the page is parsed: every script asked for at once (the box
      // may not be parsed yet), run once the page is, so that the scripts find the whole page,
      // and Material its DOMContentLoaded; the box's first
      preload(first.concat(others));
      asked = true;
      document.addEventListener("DOMContentLoaded", function () { run(first, 0, then); }, { once: true });
      return;
    }
    var form = document.querySelector(SEARCH);
    if (!form) {
      others = first.concat(others); // no box to serve first: every script at once, in order
      first = [];
      preload(others);
      asked = true;
    } else if (searching(form)) {
      // with the box's other files, which search.js would load at once: the engine, the
      // records, and the stemmer they name (asked for here, run only when search.js runs it)
      preload(first.concat(["data-engine", "data-records", "data-stemmer"].map(function (name) {
        return form.getAttribute(name);
      })));
    } else {
      preload(first); // the box's other files come at idle, when search.js asks for them
    }
    run(first, 0, then);
  }

  /** The reader is in the search box, or has typed in it.
     @param {Element} form @returns {boolean} */
  function searching(form) {
    var input = form.querySelector("input");
    return form.contains(document.activeElement) || !!(input && input.value);
  }

  /* The search box's scripts have run: the rest now, or, for a reader in the box waiting for
     its answer, once it has answered (its state leaves "loading": results shown, or the search
     failed) or the reader has left the box: a stalled file of the search holds the rest only
     while the reader is still in the box. */
  function then() {
    var form = document.querySelector(SEARCH);
    if (!form || form.getAttribute("data-state") !== "loading" || !form.contains(document.activeElement)) {
      rest();
      return;
    }
    var box = form;
    var watch = new MutationObserver(function () {
      if (box.getAttribute("data-state") !== "loading") {
        go();
      }
    });
    watch.observe(box, { attributes: true, attributeFilter: ["data-state"] });
    /** @param {FocusEvent} event */
    function left(event) {
      if (!(event.relatedTarget instanceof Node && box.contains(event.relatedTarget))) {
        go();
      }
    }
    box.addEventListener("focusout", left);
    var went = false;
    function go() {
      if (!went) {
        went = true;
        watch.disconnect();
        box.removeEventListener("focusout", left);
        rest();
      }
    }
  }

  /* The rest of the page's scripts. */
  function rest() {
    if (!asked) {
      preload(others);
    }
    run(others, 0, ready);
  }

  /** Run script ``i`` of ``list``, then the next, then ``done``: one a task, so that no long
     task keeps the page from answering a reader (all of them together took one of 90 ms), in
     their order.
     @param {string[]} list @param {number} i @param {() => void} done */
  function run(list, i, done) {
    if (i === list.length) {
      done();
      return;
    }
    var src = list[i];
    var script = document.createElement("script");
    script.src = src;
    script.addEventListener("error", function () {
      if (window.console) {
        window.console.error("a4p: " + src + " did not load; the page works without what it adds");
      }
      run(list, i + 1, done);
    });
    script.addEventListener("load", function () { run(list, i + 1, done); });
    document.head.appendChild(script);
  }

  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
    EARLY.forEach(function (type) { document.addEventListener(type, start, true); });
  }
})();
