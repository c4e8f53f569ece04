// @ts-check
/* Share a paragraph (hooks/pages/share.py). No network; works from file:// too. The link shared
   is the paragraph's permalink mark's href: its canonical online URL, offline as well.

   - The Web Share API where the browser has it (phones): the system's share sheet, with the
     declaration's name, "… paragraph N" and the URL. A share the reader cancels says nothing.
   - Otherwise, or where sharing fails: the URL copied to the clipboard.
   - Where the clipboard is refused or missing: the URL shown selected in the status, to copy
     with the keyboard.
   Every outcome is said in the page's live status (role="status"). */

(function () {
  "use strict";

  var live = /** @type {HTMLElement | null} */ (document.querySelector("p.a4p-share-status"));
  if (!live) {
    return; // the buttons stay hidden: no dead control
  }
  var status = live;
  /** @type {number | undefined} */
  var timer;

  /** The status says ``text``, and ``url`` after it selected when given; a message goes
      away after a while (one with a link to copy, after longer), or with Escape.
      @param {string} text @param {string} [url] */
  function say(text, url) {
    window.clearTimeout(timer);
    status.textContent = "";
    // a fresh text node, so that a repeated message is announced again
    timer = window.setTimeout(function () {
      status.textContent = text;
      timer = window.setTimeout(function () { status.textContent = ""; }, url ? 30000 : 8000);
      if (!url) {
        return;
      }
      status.appendChild(document.createTextNode(" "));
      var span = document.createElement("span");
      span.dir = "ltr";
      span.textContent = url;
      status.appendChild(span);
      var range = document.createRange();
      range.selectNodeContents(span);
      var selection = window.getSelection();
      if (selection) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }, 50);
  }

  /** @param {string} url */
  function copy(url) {
    var refused = function () { say(status.getAttribute("data-selected") || "", url); };
    var clipboard = navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== "function") {
      refused();
      return;
    }
    clipboard.writeText(url).then(function () {
      say(status.getAttribute("data-copied") || "");
    }, refused);
  }

  /** @param {HTMLElement} button */
  function share(button) {
    var box = button.closest(".a4p-para");
    var mark = box && box.querySelector("a.a4p-permalink");
    var url = mark && mark.getAttribute("href");
    if (!url) {
      return;
    }
    var number = button.getAttribute("data-a4p-share") || "";
    /** @type {ShareData} */
    var data = {
      title: status.getAttribute("data-title") || "",
      text: (status.getAttribute("data-text") || "").split("{number}").join(number),
      url: url,
    };
    if (typeof navigator.share !== "function" || (typeof navigator.canShare === "function" && !navigator.canShare(data))) {
      copy(url);
      return;
    }
    navigator.share(data).then(function () {
      say(status.getAttribute("data-shared") || "");
    }, function (/** @type {unknown} */ error) {
      if (error instanceof Error && error.name === "AbortError") {
        window.clearTimeout(timer);
        status.textContent = ""; // the reader closed the share sheet: nothing to say
        return;
      }
      copy(url);
    });
  }

  var buttons = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("button[data-a4p-share]"));
  buttons.forEach(function (button) {
    button.hidden = false;
  });

  document.addEventListener("click", function (event) {
    var from = event.target; // an element, or a text node in one
    var target = from instanceof Element ? from : from instanceof Node ? from.parentElement : null;
    var button = target && /** @type {HTMLElement | null} */ (target.closest("button[data-a4p-share]"));
    if (button) {
      share(button);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && status.textContent) {
      window.clearTimeout(timer);
      status.textContent = "";
    }
  });
})();
