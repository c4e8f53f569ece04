// @ts-check
/* The page's scripts, loaded after its words (docs/decisions/first-load.md). The one script in
   <head>: everything a page runs is named, in order, in this script's data-a4p-later
   (overrides/base.html: Material's two scripts that were inline, Material's bundle, then the
   edition's), and is loaded once the page has loaded, or at once when the reader reaches for
   the page first (a key, a pointer, a focus).

   - Before the first paint, <html> says "js" as Material's bundle would once it runs: the
     page's styles are final from the first paint, and nothing moves when the scripts come.
   - The scripts run in their order, as they would at the end of <body>. Material's bundle
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
    document.dispatchEvent(new Event("DOMContentLoaded"));
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
    var pending = later.length;
    if (!pending) {
      ready();
      return;
    }
    function done() {
      pending -= 1;
      if (!pending) {
        ready();
      }
    }
    later.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false; // run in the listed order, each once the ones before it have
      script.addEventListener("error", function () {
        if (window.console) {
          window.console.error("a4p: " + src + " did not load; the page works without what it adds");
        }
      });
      script.addEventListener("error", done);
      script.addEventListener("load", done);
      document.head.appendChild(script);
    });
  }

  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
    EARLY.forEach(function (type) { document.addEventListener(type, start, true); });
  }
})();
