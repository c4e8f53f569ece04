// @ts-check
/* The timeline's filter (hooks/pages/timeline.py), loaded by the timeline page only. The filter is
   hidden in the HTML, so that without this script every entry shows and nothing pretends to
   filter; the script shows it. Choosing a part keeps the entries that bear on it (their
   data-parts), and the years that still have one; the status (role=status, a polite live
   region) says how many are shown, in the page's plural forms (window.a4p.plural). An entry
   that the address points at (#instrument-...) is never hidden behind a filter: following such a
   link clears the filter. */
(function () {
  "use strict";

  var select = /** @type {HTMLSelectElement | null} */ (document.getElementById("a4p-timeline-part"));
  var box = /** @type {HTMLElement | null} */ (document.querySelector(".a4p-timeline__filter"));
  if (!select || !box) {
    return;
  }
  var entries = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(document.querySelectorAll(".a4p-timeline__entry")));
  var years = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(document.querySelectorAll(".a4p-timeline__year")));
  var status = document.querySelector(".a4p-timeline__status");
  var said = status ? JSON.parse(status.getAttribute("data-strings") || "{}") : {};

  /** Which entries bear on ``part`` ("" for all), and how many. @param {string} part @returns {number} */
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

  function apply() {
    var shown = show(select.value);
    if (status) {
      var text = select.value ? window.a4p.plural(said, shown, document.documentElement.lang) : "";
      if (status.textContent !== text) {
        status.textContent = text;
      }
    }
  }

  /* The entry the address points at, if the filter hides it: the filter is cleared. */
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.classList.contains("a4p-timeline__entry") && target.hidden) {
      select.value = "";
      apply();
      target.scrollIntoView();
    }
  }

  select.addEventListener("change", apply);
  window.addEventListener("hashchange", reveal);
  box.hidden = false;
  apply(); // a value the browser restored (back, reload) applies at once
})();
