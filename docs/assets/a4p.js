/* The edition's behaviour. No network, works from file:// too. */
(function () {
  "use strict";

  /* A permalink mark links to the canonical online URL (so "copy link address" gives it);
     a click stays here, in the site or the offline bundle, on the same paragraph. */
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("a.a4p-permalink");
    if (!mark || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    location.assign(mark.getAttribute("data-local"));
  });

  /* The language switch keeps the place: carry the fragment (#para-N) to the other language. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.a4p-alternate");
    if (!link || !location.hash) {
      return;
    }
    var href = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", href + location.hash);
  }, true);
})();
