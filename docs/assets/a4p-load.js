// @ts-check
/* The page's scripts, loaded after its words (docs/decisions/first-load.md). The one script in
   <head>: everything a page runs is named, in order, in this script's data-a4p-later
   (overrides/base.html: Material's two scripts that were inline, Material's bundle, then the
   edition's), and is loaded once the page has loaded, or sooner when the reader reaches for
   the page first (a key, a pointer, a focus): asked for then, and run once the page is parsed.

   - Before the first paint, <html> says "js" as Material's bundle would once it runs: the
     page's styles are final from the first paint, and nothing moves when the scripts come.
   - The scripts are asked for at once (preloaded) and run one after the other, in their order,
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
  /** @type {string[]} */
  var later = JSON.parse(me.getAttribute("data-a4p-later") || "[]");
  var EARLY = ["keydown", "pointerdown", "focusin"]; // the reader reaches for the page before load
  var started = false;

  function ready() {
    document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
    root.setAttribute("data-a4p-ready", "");
    document.dispatchEvent(new Event("a4p:ready"));
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    window.removeEventListener("load", start);
    EARLY.forEach(function (type) { document.removeEventListener(type, start, true); });
    later.forEach(function (src) { // every file asked for at once
      var link = document.createElement("link");
      link.rel = "preload";
      link.as = "script";
      link.href = src;
      document.head.appendChild(link);
    });
    if (document.readyState === "loading") {
      // a reader's touch before the page is parsed: the scripts find the whole page, and
      // Material its DOMContentLoaded, once it is
      document.addEventListener("DOMContentLoaded", function () { run(0); }, { once: true });
    } else {
      run(0);
    }
  }

  /** Run script ``i``, then the next: one a task, so that no long task keeps the page from
     answering a reader (all of them together took one of 90 ms), in their order.
     @param {number} i */
  function run(i) {
    if (i === later.length) {
      ready();
      return;
    }
    var src = later[i];
    var script = document.createElement("script");
    script.src = src;
    script.addEventListener("error", function () {
      if (window.console) {
        window.console.error("a4p: " + src + " did not load; the page works without what it adds");
      }
      run(i + 1);
    });
    script.addEventListener("load", function () { run(i + 1); });
    document.head.appendChild(script);
  }

  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
    EARLY.forEach(function (type) { document.addEventListener(type, start, true); });
  }
})();
