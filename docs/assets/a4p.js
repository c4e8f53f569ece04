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

  /* The language switch keeps the place: the fragment (#para-N, #term-id) goes with the link
     to the other language. The links' addresses carry it from the start and follow every change
     of fragment, so that opening one in a new tab or copying it keeps the place too. Only a
     fragment written as the edition writes its ids is carried (ID: para-N, term-{id}, a
     heading's ASCII id); any other (percent escapes, markup, a very long one: an address that
     someone else wrote) is left behind, and the other language opens at the top. */
  var ID = /^#[A-Za-z][A-Za-z0-9_-]{0,99}$/;
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
      var link = event.target.closest && event.target.closest("a.a4p-alternate");
      if (link) {
        withHash(link);
      }
    }, true);
  });

  /* Glossary tooltips on touch screens: the first tap shows the definition, the second
     follows the link to the glossary. Escape closes an open tooltip. */
  var canHover = window.matchMedia && window.matchMedia("(hover: hover)").matches;
  function closeTips(except) {
    document.querySelectorAll(".a4p-tip--open").forEach(function (tip) {
      if (tip !== except) {
        tip.classList.remove("a4p-tip--open");
      }
    });
  }
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.a4p-term");
    if (!term) {
      closeTips(null);
      return;
    }
    var tip = document.getElementById(term.getAttribute("aria-describedby"));
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
  function undismiss(event) {
    var term = event.target.closest && event.target.closest("a.a4p-term");
    var tip = term && document.getElementById(term.getAttribute("aria-describedby"));
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
  function place(event) {
    var term = event.target.closest && event.target.closest("a.a4p-term");
    var tip = term && document.getElementById(term.getAttribute("aria-describedby"));
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

  /* A string that depends on a number, in the page's language: strings["none"] for 0 when
     there is one, otherwise the form of the number's CLDR plural category ("count.one",
     "count.few" ... as Intl.PluralRules picks it), falling back to "count.other"
     (hooks/strings.py, plural groups). Used by the glossary filter and the search box. */
  function plural(strings, n, lang) {
    var category = "other";
    try {
      category = new Intl.PluralRules(lang).select(n);
    } catch (error) {
      // no Intl, or a language tag it does not know: the "other" form
    }
    var text = (n === 0 && strings.none) || strings["count." + category] || strings["count.other"] || "";
    return text.split("{count}").join(String(n)); // digits as in the rest of the edition
  }
  window.a4pPlural = plural;

  /* The glossary filter: narrows the entries as one types, offline too. Its status (role=status,
     a polite live region) stays in the page, so that screen readers follow it: while there is a
     query it says how many terms match, or that none does; otherwise it is empty. */
  var filter = document.getElementById("a4p-filter");
  if (filter) {
    var entries = Array.prototype.slice.call(document.querySelectorAll(".a4p-entry"));
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
        var text = query ? plural(said, shown, document.documentElement.lang) : "";
        if (status.textContent !== text) {
          status.textContent = text;
        }
      }
    });
  }
})();

/* The offer on the source language's home page to read in the reader's preferred language
   (hooks/offer.py, overrides/main.html): shown when the first of navigator.languages that the
   edition has is not the page's own; never a redirect. Fixed over the page, so that nothing
   moves; dismissed by its button or Escape, and stays dismissed (localStorage when the browser
   allows it, which it does from file:// too; otherwise for as long as the page is open). */
(function () {
  "use strict";
  var box = document.querySelector("[data-a4p-offer]");
  if (!box) {
    return;
  }
  var KEY = "a4p.offer.dismissed";
  function store() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage disabled
    }
  }
  function dismissed() {
    try {
      var s = store();
      return !!(s && s.getItem(KEY));
    } catch (error) {
      return false;
    }
  }
  function remember() {
    try {
      var s = store();
      if (s) {
        s.setItem(KEY, "1");
      }
    } catch (error) {
      // full or refused: dismissed for this page only
    }
  }
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
  var offers;
  try {
    offers = JSON.parse(box.getAttribute("data-a4p-offer"));
  } catch (error) {
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

/* The header, from the keyboard (overrides/partials/header.html, alternate.html).
   - The menu and search buttons flip their checkboxes (#__drawer, #__search) as Material's
     labels did, by a click, so that Material and assets/search.js see the change; each says
     whether its panel is open (aria-expanded).
   - The drawer (the navigation on narrow screens): opening it from the keyboard puts focus on
     its first link; Escape, or focus leaving it, closes it, and Escape gives focus back to the
     menu button. While shut it is hidden (assets/a4p.css), so its links are no Tab stops.
   - The language menu is a disclosure: its button opens and closes the list (Enter, Space or
     a click) and says so; Escape closes it and gives focus back to the button; focus or a click
     elsewhere closes it. A pointer resting on it still opens it, as Material's does. */
(function () {
  "use strict";
  function shown(element) {
    return !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }
  document.querySelectorAll("button[data-a4p-toggle]").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("data-a4p-toggle"));
    if (!toggle) {
      return;
    }
    function expanded() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
    button.addEventListener("click", function () {
      toggle.click();
    });
    toggle.addEventListener("change", expanded);
    expanded();
  });

  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector("button[data-a4p-toggle='__drawer']");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && menu && sidebar) {
    var close = function (focusMenu) {
      if (drawer.checked) {
        drawer.click();
      }
      if (focusMenu && shown(menu)) {
        menu.focus();
      }
    };
    drawer.addEventListener("change", function () {
      if (drawer.checked && document.activeElement === menu) {
        var first = Array.prototype.find.call(sidebar.querySelectorAll("a[href], [tabindex='0']"), shown);
        if (first) {
          first.focus();
        }
      }
    });
    sidebar.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        event.preventDefault();
        close(true);
      }
    });
    sidebar.addEventListener("focusout", function (event) {
      var to = event.relatedTarget;
      if (drawer.checked && to && to !== menu && !sidebar.contains(to) && shown(menu)) {
        close(false);
      }
    });
  }

  var select = document.querySelector(".md-header .md-select");
  var opener = select && select.querySelector("button[aria-expanded]");
  if (select && opener) {
    var setOpen = function (open) {
      select.classList.toggle("a4p-open", open);
      opener.setAttribute("aria-expanded", open ? "true" : "false");
    };
    var isOpen = function () {
      return opener.getAttribute("aria-expanded") === "true";
    };
    opener.addEventListener("click", function () {
      setOpen(!isOpen());
    });
    select.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && (isOpen() || select.contains(document.activeElement))) {
        event.preventDefault();
        setOpen(false);
        opener.focus();
      }
    });
    select.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !select.contains(event.relatedTarget)) {
        setOpen(false);
      }
    });
    document.addEventListener("click", function (event) {
      if (isOpen() && !select.contains(event.target)) {
        setOpen(false);
      }
    });
  }
})();
