// @ts-check
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

  /** @param {Element | null} element */
  function shown(element) {
    return !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }
  document.querySelectorAll("button[data-a4p-toggle]").forEach(function (button) {
    var toggle = /** @type {HTMLInputElement | null} */ (
      document.getElementById(button.getAttribute("data-a4p-toggle")));
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
    button.setAttribute("data-a4p-bound", ""); // it works now: a4p.css shows it
  });

  var drawer = /** @type {HTMLInputElement | null} */ (document.getElementById("__drawer"));
  var menu = /** @type {HTMLElement | null} */ (document.querySelector("button[data-a4p-toggle='__drawer']"));
  var sidebar = /** @type {HTMLElement | null} */ (document.querySelector(".md-sidebar--primary"));
  if (drawer && menu && sidebar) {
    /** @param {boolean} focusMenu */
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
        var links = sidebar.querySelectorAll("a[href], [tabindex='0']");
        var first = /** @type {HTMLElement | undefined} */ (Array.prototype.find.call(links, shown));
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
      if (drawer.checked && to instanceof Node && to !== menu && !sidebar.contains(to) && shown(menu)) {
        close(false);
      }
    });
  }

  var select = /** @type {HTMLElement | null} */ (document.querySelector(".md-header .md-select"));
  var opener = select && /** @type {HTMLButtonElement | null} */ (select.querySelector("button[aria-expanded]"));
  if (select && opener) {
    /** @param {boolean} open */
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
      var to = event.relatedTarget;
      if (to instanceof Node && !select.contains(to)) {
        setOpen(false);
      }
    });
    document.addEventListener("click", function (event) {
      var target = event.target;
      if (isOpen() && !(target instanceof Node && select.contains(target))) {
        setOpen(false);
      }
    });
  }
})();
