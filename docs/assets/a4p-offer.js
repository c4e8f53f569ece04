// @ts-check
/* The offer on the source language's home page to read in the reader's preferred language
   (hooks/pages/offer.py, overrides/main.html): shown when the first of navigator.languages that the
   edition has is not the page's own; never a redirect. Fixed over the page, so that nothing
   moves; dismissed by its button or Escape, and stays dismissed (localStorage when the browser
   allows it, which it does from file:// too; otherwise for as long as the page is open). */

/** One language offered (hooks/pages/offer.py): its code and direction, its home page, and the offer's
    words in that language.
    @typedef {{lang: string, dir: string, href: string, text: string, read: string, dismiss: string}} A4pOffer */

(function () {
  "use strict";
  var box = /** @type {HTMLElement | null} */ (document.querySelector("[data-a4p-offer]"));
  if (!box) {
    return;
  }
  var KEY = "a4p.offer.dismissed";
  function store() {
    try {
      return window.localStorage;
    } catch {
      return null; // storage disabled
    }
  }
  function dismissed() {
    try {
      var s = store();
      return !!(s && s.getItem(KEY));
    } catch {
      return false;
    }
  }
  function remember() {
    try {
      var s = store();
      if (s) {
        s.setItem(KEY, "1");
      }
    } catch {
      // full or refused: dismissed for this page only
    }
  }
  /** The offer of the reader's first preferred language the edition has, unless that is the
      page's own. @param {A4pOffer[]} offers @returns {A4pOffer | null} */
  function wanted(offers) {
    var own = document.documentElement.lang;
    var tags = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < tags.length; i++) {
      var code = String(tags[i]).toLowerCase().split("-")[0];
      if (code === own) {
        return null; // the reader prefers the page's own language
      }
      for (var j = 0; j < offers.length; j++) {
        if (offers[j].lang === code) {
          return offers[j];
        }
      }
    }
    return null;
  }
  /** @type {A4pOffer[]} */
  var offers;
  try {
    offers = JSON.parse(box.getAttribute("data-a4p-offer"));
  } catch {
    return;
  }
  var offer = wanted(offers);
  if (!offer || dismissed()) {
    return;
  }
  box.setAttribute("lang", offer.lang);
  box.setAttribute("dir", offer.dir);
  box.setAttribute("aria-label", offer.read);
  var text = document.createElement("p");
  text.className = "a4p-offer__text";
  text.appendChild(document.createTextNode(offer.text + " "));
  var link = document.createElement("a");
  link.href = offer.href;
  link.hreflang = offer.lang;
  link.className = "a4p-offer__link";
  link.textContent = offer.read;
  text.appendChild(link);
  var close = document.createElement("button");
  close.type = "button";
  close.className = "a4p-offer__dismiss";
  close.setAttribute("aria-label", offer.dismiss);
  close.title = offer.dismiss;
  close.textContent = "\u00d7";
  box.appendChild(text);
  box.appendChild(close);
  function dismiss() {
    remember();
    var hadFocus = box.contains(document.activeElement);
    box.hidden = true;
    box.textContent = "";
    if (hadFocus) {
      var main = document.querySelector("main") || document.body;
      main.setAttribute("tabindex", "-1");
      main.focus({ preventScroll: true });
    }
  }
  close.addEventListener("click", dismiss);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      dismiss();
    }
  });
  box.hidden = false;
})();
