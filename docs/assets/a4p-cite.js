// @ts-check
/* Cite a paragraph or the whole declaration (hooks/pages/cite_panel.py). No network; works from
   file:// too. The page carries its citations once, as JSON: the whole declaration's, and a
   paragraph's as a template whose number and URL come from the button (data-a4p-cite) and
   the paragraph's permalink mark (its href: the canonical URL). A number and such a URL need
   no escaping in any format, so the template filled in is the citation hooks/outputs/cite.py makes. */

/** Citations by format (reference, bibtex, ris, csl-json): the texts shown in the panel.
    @typedef {{[format: string]: string}} A4pCitations */

(function () {
  "use strict";

  var panel = /** @type {HTMLDialogElement | null} */ (document.getElementById("a4p-cite"));
  var source = document.querySelector("script.a4p-cite-data");
  if (!panel || !source || typeof panel.showModal !== "function") {
    return; // the buttons stay hidden: no dead control
  }
  /** The page's citations (hooks/pages/cite_panel.py): the whole declaration's, and a paragraph's as a
      template holding ``number`` and ``url`` where the paragraph's go.
      @type {{whole: A4pCitations, paragraph: A4pCitations, number: string, url: string}} */
  var data;
  try {
    data = JSON.parse(source.textContent);
  } catch {
    return;
  }
  var status = panel.querySelector(".a4p-cite-panel__status");
  var title = panel.querySelector("h2");
  title.id = "a4p-cite-title";
  panel.setAttribute("aria-labelledby", title.id);
  /** @type {A4pCitations | null} */
  var current = null; // the texts shown, by format
  /** @type {HTMLElement | null} */
  var opener = null; // the button that opened the panel: focus goes back to it

  /** @param {A4pCitations} template @param {string} number @param {string} url
      @returns {A4pCitations} */
  function fill(template, number, url) {
    /** @type {A4pCitations} */
    var out = {};
    Object.keys(template).forEach(function (format) {
      out[format] = template[format].split(data.number).join(number).split(data.url).join(url);
    });
    return out;
  }

  /** @param {HTMLElement} button @returns {A4pCitations | null} */
  function citations(button) {
    var number = button.getAttribute("data-a4p-cite");
    if (!number) {
      return data.whole;
    }
    var box = button.closest(".a4p-para");
    var mark = box && box.querySelector("a.a4p-permalink");
    return mark ? fill(data.paragraph, number, mark.getAttribute("href")) : null;
  }

  /** @param {string} text */
  function say(text) {
    status.textContent = "";
    // a fresh text node, so that a repeated message is announced again
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  /** @param {HTMLElement} button */
  function open(button) {
    var texts = citations(button);
    if (!texts) {
      return;
    }
    current = texts;
    opener = button;
    title.textContent = button.getAttribute("aria-label") || button.textContent;
    Object.keys(texts).forEach(function (format) {
      var pre = document.getElementById("a4p-cite-" + format);
      if (pre) {
        pre.textContent = texts[format];
      }
    });
    status.textContent = "";
    panel.showModal();
    var first = /** @type {HTMLElement | null} */ (panel.querySelector("[data-a4p-copy]"));
    if (first) {
      first.focus();
    }
  }

  /** @param {Node} node */
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /* The Clipboard API where the browser allows it (a secure context: https, localhost,
     file://); where it is refused or missing, the text is selected for the reader to copy
     with the keyboard, and the status says so. */
  /** @param {string} format */
  function copy(format) {
    var text = current && current[format];
    var pre = document.getElementById("a4p-cite-" + format);
    if (!text || !pre) {
      return;
    }
    function refused() {
      select(pre);
      pre.focus();
      say(status.getAttribute("data-selected"));
    }
    var clipboard = navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== "function") {
      refused();
      return;
    }
    clipboard.writeText(text).then(function () {
      say(status.getAttribute("data-copied"));
    }, refused);
  }

  var buttons = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("button[data-a4p-cite], .a4p-cite-whole"));
  buttons.forEach(function (button) {
    button.hidden = false;
  });

  document.addEventListener("click", function (event) {
    var from = event.target; // an element, or a text node in one
    var target = from instanceof Element ? from : from instanceof Node ? from.parentElement : null;
    var button = target && /** @type {HTMLElement | null} */ (target.closest("button[data-a4p-cite]"));
    if (button) {
      open(button);
      return;
    }
    var copier = target && target.closest("#a4p-cite [data-a4p-copy]");
    if (copier) {
      copy(copier.getAttribute("data-a4p-copy"));
      return;
    }
    if (target && target.closest("#a4p-cite [data-a4p-cite-close]")) {
      panel.close();
      return;
    }
    if (target === panel) {
      panel.close(); // a click on the backdrop
    }
  });

  /* Escape closes the modal panel (the browser's cancel); however it closes, focus goes back
     to the button that opened it. */
  panel.addEventListener("close", function () {
    status.textContent = "";
    if (opener && document.contains(opener)) {
      opener.focus();
    }
    opener = null;
  });
})();
