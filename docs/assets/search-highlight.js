// @ts-check
/* The edition's search, its highlighting (window.a4p.searchHighlight): where a query matched in a
   result's text, and that text shown with its matches marked, as text nodes and <mark>s, never
   as HTML. Reads the text as the index does (window.a4p.searchText, assets/search-text.js, which
   keeps what it has read); assets/search.js shows the results with it. */
(function () {
  "use strict";

  var searchText = window.a4p.searchText;
  var bigrams = searchText.bigrams, forms = searchText.forms, runs = searchText.runs;
  var SNIPPET = 240; // a longer text is shown as this many characters around its first match
  var BEFORE = 60; // of which this many before the match

  /** @param {string[]} chars @param {string[]} segment @param {number} from @returns {number} */
  function find(chars, segment, from) {
    outer:
    for (var i = from; i + segment.length <= chars.length; i++) {
      for (var j = 0; j < segment.length; j++) {
        if (chars[i + j] !== segment[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** [start, end] offsets in ``text`` of what the query matched, merged and in order.
     @param {string} text @param {A4pParsed} parsed @returns {A4pRange[]} */
  function highlights(text, parsed) {
    /** @type {A4pRange[]} */
    var ranges = [];
    var all = runs(text);
    var cjk = all.filter(function (run) { return run.kind === "cjk"; });
    parsed.segments.forEach(function (segment) {
      var whole = cjk.some(function (run) { return find(run.chars, segment, 0) !== -1; });
      var pieces = whole || segment.length === 1 ? [segment] : bigrams(segment).map(function (b) { return Array.from(b); });
      cjk.forEach(function (run) {
        pieces.forEach(function (piece) {
          for (var at = find(run.chars, piece, 0); at !== -1; at = find(run.chars, piece, at + 1)) {
            ranges.push([run.starts[at], run.ends[at + piece.length - 1]]);
          }
        });
      });
    });
    all.forEach(function (run) {
      if (run.kind !== "word") {
        return;
      }
      var found = forms(run.text, parsed.settings || {});
      if (found.some(function (form) { return parsed.terms.has(form); }) ||
          (parsed.prefix && found.length && found[0].indexOf(parsed.prefix) === 0)) {
        ranges.push([run.start, run.end]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    /** @type {A4pRange[]} */
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) {
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.push([range[0], range[1]]);
      }
    });
    return merged;
  }

  /** Append ``text[from:to]`` to ``parent`` as text nodes and <mark>s: never as HTML.
     @param {Node} parent @param {string} text @param {A4pRange[]} ranges
     @param {number} from @param {number} to */
  function fill(parent, text, ranges, from, to) {
    var pos = from;
    ranges.forEach(function (range) {
      var start = Math.max(range[0], pos);
      var end = Math.min(range[1], to);
      if (end <= start) {
        return;
      }
      if (start > pos) {
        parent.appendChild(document.createTextNode(text.slice(pos, start)));
      }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      pos = end;
    });
    if (pos < to) {
      parent.appendChild(document.createTextNode(text.slice(pos, to)));
    }
  }

  /** @param {Node} parent @param {string} text @param {A4pRange[]} ranges */
  function snippet(parent, text, ranges) {
    var from = 0;
    var to = text.length;
    if (text.length > SNIPPET) {
      var first = ranges.length ? ranges[0][0] : 0;
      from = Math.max(0, Math.min(first - BEFORE, text.length - SNIPPET));
      to = Math.min(text.length, from + SNIPPET);
      // cut between words where the text has spaces (not inside a match)
      var space = text.slice(from, Math.min(from + 20, first)).search(/\s/);
      if (from > 0 && space !== -1) {
        from += space + 1;
      }
      var back = text.slice(Math.max(to - 20, from), to).search(/\s\S*$/);
      if (to < text.length && back !== -1) {
        to = Math.max(to - 20, from) + back;
      }
    }
    if (from > 0) {
      parent.appendChild(document.createTextNode("…"));
    }
    fill(parent, text, ranges, from, to);
    if (to < text.length) {
      parent.appendChild(document.createTextNode("…"));
    }
  }

  window.a4p.searchHighlight = { highlights: highlights, fill: fill, snippet: snippet };
})();
