// @ts-check
/* Links that keep the reader's place: a permalink mark's click stays in the site or the bundle,
   and the language switch carries the fragment to the other language. */
(function () {
  "use strict";

  /* A permalink mark links to the canonical online URL (so "copy link address" gives it);
     a click stays here, in the site or the offline bundle, on the same paragraph. */
  document.addEventListener("click", function (event) {
    var target = event.target;
    var mark = target instanceof Element ? target.closest("a.a4p-permalink") : null;
    if (!mark || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    location.assign(mark.getAttribute("data-local"));
  });

  /* The language switch keeps the place: the fragment (#para-N, #term-id) goes with the link
     to the other language. The links' addresses carry it from the start and follow every change
     of fragment, so that opening one in a new tab or copying it keeps the place too. Only a
     fragment written as the edition writes its ids is carried (ID: para-N, term-{id}, a
     heading's ASCII id); any other (percent escapes, markup, a very long one: an address that
     someone else wrote) is left behind, and the other language opens at the top. */
  var ID = /^#[A-Za-z][A-Za-z0-9_-]{0,99}$/;
  /** @param {Element} link */
  function withHash(link) {
    var href = link.getAttribute("href");
    if (href === null) {
      return;
    }
    var bare = href.split("#")[0];
    var wanted = ID.test(location.hash) ? bare + location.hash : bare;
    if (wanted !== href) {
      link.setAttribute("href", wanted);
    }
  }
  function updateAlternates() {
    document.querySelectorAll("a.a4p-alternate").forEach(withHash);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", updateAlternates);
  } else {
    updateAlternates();
  }
  window.addEventListener("hashchange", updateAlternates);
  window.addEventListener("pageshow", updateAlternates); // back/forward cache
  /* And at the moment of use, in case the fragment changed without a hashchange event
     (history.replaceState). Capture phase: before any handler that follows the link. */
  ["click", "auxclick", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      var link = target instanceof Element ? target.closest("a.a4p-alternate") : null;
      if (link) {
        withHash(link);
      }
    }, true);
  });
})();
