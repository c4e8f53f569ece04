// @ts-check
/* What came after a paragraph, built in the browser from a language's parallel-view data
   (hooks/outputs/parallel.py): the same closed block as the text pages have under a paragraph
   (hooks/pages/after.py), one line per instrument in date order, with the offline bundle's "online
   only" marks. The parallel view's page (hooks/pages/parallel.py) has this file loaded before
   assets/a4p-parallel.js, which calls window.a4p.after for each paragraph; both after
   assets/a4p.js (assets/a4p-load.js loads a page's own scripts last). Text from the data
   only ever becomes textContent. */
(function () {
  "use strict";

  /** A new element (window.a4p.element, assets/a4p.js).
     @template {keyof HTMLElementTagNameMap} K
     @param {K} tag @param {string | null} [cls] @param {string | null} [text]
     @returns {HTMLElementTagNameMap[K]} */
  function make(tag, cls, text) {
    return window.a4p.element(tag, cls, text);
  }

  /** ``text`` that keeps its own direction: a <bdi>, or ``tag`` with dir="ltr" (a date).
     @param {Node} parent @param {string} text @param {"bdi" | "time"} [tag] @returns {HTMLElement} */
  function isolated(parent, text, tag) {
    var node = make(tag || "bdi", null, text);
    if (tag === "time") {
      node.setAttribute("datetime", text);
      node.setAttribute("dir", "ltr");
    }
    parent.appendChild(node);
    return node;
  }

  /** What came after a paragraph: the block the text pages have under it (hooks/pages/after.py),
     closed, one line per instrument in date order.
     @param {A4pParallelData} data @param {A4pParallelInstrument[]} items @returns {HTMLElement} */
  function after(data, items) {
    var details = make("details", "a4p-after");
    details.setAttribute("data-apparatus", ""); // never the declaration's words
    var summary = make("summary", null, data.labels.after + " ");
    isolated(summary.appendChild(make("span", "a4p-after__count")), "(" + items.length + ")");
    details.appendChild(summary);
    var list = make("ul");
    items.forEach(function (item) {
      var line = make("li");
      var link = make("a", "a4p-after__name", item.name);
      link.href = item.href;
      if (item.symbol) {
        link.hreflang = data.lang;
      }
      line.appendChild(link);
      if (data.offline) { // the link needs the network
        var mark = make("span", "a4p-online-only", "↗");
        mark.setAttribute("role", "img");
        mark.setAttribute("aria-label", data.labels.online_only);
        mark.title = data.labels.online_only;
        line.appendChild(mark);
      }
      if (item.symbol) {
        line.appendChild(document.createTextNode(" "));
        isolated(line.appendChild(make("span", "a4p-after__symbol")), item.symbol);
      }
      line.appendChild(document.createTextNode(" "));
      var when = line.appendChild(make("span", "a4p-after__date"));
      isolated(when, item.date, "time");
      if (item.end) {
        when.appendChild(document.createTextNode(" – "));
        isolated(when, item.end, "time");
      }
      line.appendChild(make("span", "a4p-after__relation", item.relation));
      list.appendChild(line);
    });
    details.appendChild(list);
    return details;
  }

  /* The block's builder joins window.a4p (assets/a4p.js, loaded before this file) once the
     page is parsed, before the view starts. */
  function join() {
    window.a4p.after = after;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", join);
  } else {
    join();
  }
})();
