// @ts-check
/* The timeline's filter (hooks/pages/timeline.py), loaded on the timeline page only, after the
   edition's scripts (the page's SCRIPTS, assets/a4p-load.js); the filter starts once the page
   is parsed. The filter is hidden in the HTML, so that without this script every entry shows and
   nothing pretends to filter; the script shows it. Choosing a part keeps the entries that bear
   on it (their data-parts), and the years that still have one; the status (role=status, a polite
   live region) says how many are shown, in the page's plural forms (window.a4p.plural). The
   select keeps no value across a reload or a return (autocomplete=off in the HTML), so that what
   is shown is always what it says. What the address points at (#instrument-..., #year-...) is
   never hidden behind the filter: arriving there, by a link or by the address, clears it. */
(function () {
  "use strict";

  /** The element a fragment names, or null (a malformed percent escape names none).
     @param {string} hash @returns {HTMLElement | null} */
  function named(hash) {
    try {
      var id = decodeURIComponent(hash.slice(1));
      return id ? document.getElementById(id) : null;
    } catch {
      return null;
    }
  }

  function start() {
    var select = /** @type {HTMLSelectElement | null} */ (document.getElementById("a4p-timeline-part"));
    var box = /** @type {HTMLElement | null} */ (document.querySelector(".a4p-timeline__filter"));
    if (!select || !box) {
      return;
    }
    var root = /** @type {HTMLElement} */ (box.closest(".a4p-timeline") || document.body);
    var entries = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(document.querySelectorAll(".a4p-timeline__entry")));
    var years = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(document.querySelectorAll(".a4p-timeline__year")));
    var status = document.querySelector(".a4p-timeline__status");
    var said = status ? JSON.parse(status.getAttribute("data-strings") || "{}") : {};

    /** Show the entries that bear on ``part`` ("" for all); how many are shown.
       @param {string} part @returns {number} */
    function show(part) {
      var shown = 0;
      entries.forEach(function (entry) {
        var match = !part || (entry.getAttribute("data-parts") || "").split(" ").indexOf(part) !== -1;
        entry.hidden = !match;
        shown += match ? 1 : 0;
      });
      years.forEach(function (year) {
        year.hidden = !year.querySelector(".a4p-timeline__entry:not([hidden])");
      });
      return shown;
    }

    /* after a choice: how many are shown, all of them included */
    function apply() {
      var text = window.a4p.plural(said, show(select.value), document.documentElement.lang);
      if (status && status.textContent !== text) {
        status.textContent = text;
      }
    }

    /** If the filter hides what ``hash`` names on this page, clear it; whether it did.
       @param {string} hash @returns {boolean} */
    function reveal(hash) {
      var target = named(hash);
      if (target && root.contains(target) && target.closest("[hidden]")) {
        select.value = "";
        apply();
        return true;
      }
      return false;
    }

    select.addEventListener("change", apply);
    /* a link to an entry or a year of this page, the address's own fragment included (which
       fires no hashchange): cleared before the browser scrolls there */
    document.addEventListener("click", function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[href*='#']") : null;
      if (link instanceof HTMLAnchorElement && link.pathname === location.pathname) {
        reveal(link.hash);
      }
    });
    /* the address changed by other means (typed, history): the browser scrolled to a target
       still hidden, so it is scrolled to once shown */
    window.addEventListener("hashchange", function () {
      if (reveal(location.hash)) {
        var target = named(location.hash);
        if (target) {
          target.scrollIntoView();
        }
      }
    });
    box.hidden = false;
    reveal(location.hash);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
