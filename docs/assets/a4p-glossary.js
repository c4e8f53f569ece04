// @ts-check
/* The glossary: the tooltips of the terms marked in the text (hooks/edition/terms.py), and the glossary
   page's filter (hooks/pages/glossary.py). */
(function () {
  "use strict";

  /* Glossary tooltips on touch screens: the first tap shows the definition, the second
     follows the link to the glossary. Escape closes an open tooltip. */
  var canHover = window.matchMedia && window.matchMedia("(hover: hover)").matches;

  /** The term an event happened in, if any. @param {Event} event @returns {Element | null} */
  function termOf(event) {
    var target = event.target;
    return target instanceof Element ? target.closest("a.a4p-term") : null;
  }

  /** A term's tooltip. @param {Element | null} term @returns {HTMLElement | null} */
  function tipOf(term) {
    return term && document.getElementById(term.getAttribute("aria-describedby"));
  }

  /** @param {Element | null} except */
  function closeTips(except) {
    document.querySelectorAll(".a4p-tip--open").forEach(function (tip) {
      if (tip !== except) {
        tip.classList.remove("a4p-tip--open");
      }
    });
  }
  document.addEventListener("click", function (event) {
    var term = termOf(event);
    if (!term) {
      closeTips(null);
      return;
    }
    var tip = tipOf(term);
    if (!canHover && tip && !tip.classList.contains("a4p-tip--open")) {
      event.preventDefault();
      closeTips(tip);
      tip.classList.add("a4p-tip--open");
    }
  });
  /* Escape dismisses any shown tooltip, including one shown by hover or focus (WCAG 1.4.13);
     it may show again when the pointer or focus comes back to its term. */
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeTips(null);
      document.querySelectorAll(".a4p-term:hover + .a4p-tip, .a4p-term:focus + .a4p-tip, .a4p-tip:hover")
        .forEach(function (tip) {
          tip.classList.add("a4p-tip--dismissed");
        });
    }
  });
  /** @param {Event} event */
  function undismiss(event) {
    var tip = tipOf(termOf(event));
    if (tip) {
      tip.classList.remove("a4p-tip--dismissed");
    }
  }
  document.addEventListener("mouseover", undismiss);
  document.addEventListener("focusin", undismiss);

  /* A shown tooltip starts under its term (its last line), moved back only as far as it must to
     stay within the paragraph and the viewport, so that the pointer can go straight down from
     the term onto it and it stays (WCAG 1.4.13; the gap between them is bridged in a4p.css).
     Measured where it stands by default, then shifted by its inline-start margin, which works
     in either direction. */
  /** @param {Event} event */
  function place(event) {
    var term = termOf(event);
    var tip = tipOf(term);
    if (!tip) {
      return;
    }
    tip.style.marginInlineStart = "";
    var holder = tip.offsetParent; // null while the tooltip is not shown
    var lines = term.getClientRects();
    if (!holder || !lines.length) {
      return;
    }
    var rtl = getComputedStyle(tip).direction === "rtl";
    var line = lines[lines.length - 1];
    var at = tip.getBoundingClientRect();
    var box = holder.getBoundingClientRect();
    var pad = parseFloat(getComputedStyle(holder).paddingInlineEnd) || 0;
    var view = document.documentElement.clientWidth;
    var wanted = rtl ? at.right - line.right : line.left - at.left;
    var room = rtl ? at.left - Math.max(box.left + pad, 0) : Math.min(box.right - pad, view) - at.right;
    var shift = Math.max(0, Math.min(wanted, room));
    if (shift > 0) {
      tip.style.marginInlineStart = shift + "px";
    }
  }
  document.addEventListener("mouseover", place);
  document.addEventListener("focusin", place);
  document.addEventListener("click", place);

  /* The glossary filter: narrows the entries as one types, offline too. Its status (role=status,
     a polite live region) stays in the page, so that screen readers follow it: while there is a
     query it says how many terms match, or that none does; otherwise it is empty. */
  var filter = /** @type {HTMLInputElement | null} */ (document.getElementById("a4p-filter"));
  if (filter) {
    var entries = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(document.querySelectorAll(".a4p-entry")));
    var status = document.querySelector(".a4p-filter__status");
    var said = status ? JSON.parse(status.getAttribute("data-strings") || "{}") : {};
    filter.addEventListener("input", function () {
      var query = filter.value.trim().toLocaleLowerCase();
      var shown = 0;
      entries.forEach(function (entry) {
        var match = !query || entry.getAttribute("data-filter").indexOf(query) !== -1;
        entry.hidden = !match;
        shown += match ? 1 : 0;
      });
      if (status) {
        var text = query ? window.a4p.plural(said, shown, document.documentElement.lang) : "";
        if (status.textContent !== text) {
          status.textContent = text;
        }
      }
    });
  }
})();
