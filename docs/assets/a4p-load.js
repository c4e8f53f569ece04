// @ts-check
/* The page's scripts, loaded after its words (docs/decisions/first-load.md). The one script in
   <head>: everything a page runs is named, in order, in this script's data-a4p-later, in two
   groups (overrides/base.html): the search box's scripts; then Material's two scripts that
   were inline, Material's bundle, the edition's others and the page's own. They are loaded
   once the page has loaded, or sooner when the reader reaches for the page first (a key, a
   pointer, a focus): asked for then, and run once the page is parsed.

   - Before the first paint, <html> says "js" as Material's bundle would once it runs: the
     page's styles are final from the first paint, and nothing moves when the scripts come.
   - The search box's scripts come first (what a reader needs to reach the box and use it,
     hooks/outputs/search.py BOX_SCRIPTS), asked for with its engine, records and stemmer. Once
     they have run, the rest are asked for at once, unless the reader is in the box by then:
     the rest wait until the box has answered (its form's data-state is no longer "loading"),
     so that a reader who searches at once gets the results before the page's other code.
   - Each group is asked for at once (preloaded) and run one after the other, in its order,
     each in a task of its own, as they would at the end of <body>. Material's bundle
     starts its parts on DOMContentLoaded, which has passed by then: once every script has
     run, the event is sent again, as the parser sent it, after the last script.
   - A script that does not load is named on the console; the others run, and the page keeps
     what it had without it (a control its script shows stays hidden).
   - Once all have run, <html> carries data-a4p-ready, and "a4p:ready" is sent on document:
     what the tests and the benchmark wait for. */
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
    var form = document.querySelector(SEARCH);
    if (first.length && form) {
      // with the box's files besides its scripts, which search.js loads when asked (at idle,
      // or at once): the engine, the records, and the stemmer they name (asked for here,
      // run only when search.js runs it, after the engine)
      preload(first.concat(["data-engine", "data-records", "data-stemmer"].map(function (name) {
        return form.getAttribute(name);
      })));
    } else {
      others = first.concat(others); // no box to serve first: every script at once, in order
      first = [];
      preload(others);
      asked = true;
    }
    if (document.readyState === "loading") {
      // a reader's touch before the page is parsed: the scripts find the whole page, and
      // Material its DOMContentLoaded, once it is
      document.addEventListener("DOMContentLoaded", function () { run(first, 0, then); }, { once: true });
    } else {
      run(first, 0, then);
    }
  }

  /* The search box's scripts have run: the rest now, or once the box has answered a reader
     who is in it (its state leaves "loading": results shown, or the search failed), or the
     reader has left it (a stalled file of the search keeps nothing else from them). */
  function then() {
    var form = document.querySelector(SEARCH);
    if (!form || form.getAttribute("data-state") !== "loading") {
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
