/* The edition's classic scripts (docs/assets/) run as a page runs them, in order, in a fresh
   context whose global object is a minimal window: a document that finds nothing on the page
   and makes bare nodes, enough for the scripts' pure functions (what they do on a real page,
   the browser tests check in Chromium: tests/browser/). No jsdom: nothing else is needed. */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ASSETS = path.join(__dirname, "..", "..", "docs", "assets");

/** A node the stub document makes: an element (its tag name) or a text node ("#text"). */
class Node {
  constructor(name, text) {
    this.nodeName = name;
    this.childNodes = [];
    this.data = text;
  }

  appendChild(child) {
    this.childNodes.push(child);
    return child;
  }

  get textContent() {
    return this.nodeName === "#text" ? this.data : this.childNodes.map((child) => child.textContent).join("");
  }

  set textContent(text) {
    this.childNodes = [new Node("#text", String(text))];
  }
}

/** A document with nothing on it, already parsed. */
function emptyDocument(lang) {
  return {
    readyState: "complete",
    documentElement: { lang: lang },
    createElement: (tag) => new Node(tag.toUpperCase()),
    createTextNode: (text) => new Node("#text", text),
    getElementById: () => null,
    querySelector: () => null,
    querySelectorAll: () => [],
    addEventListener() {},
  };
}

/**
 * A window that has run the scripts ``names`` of docs/assets/, in order (a4p.js first, as on
 * every page). Its a4p is the namespace they filled in.
 */
function page(names, lang = "en") {
  const window = {
    document: emptyDocument(lang),
    location: { href: "https://a4p.example.org/", search: "", hash: "" },
    addEventListener() {},
    setTimeout: setTimeout,
    URL: URL, // Node's are the WHATWG ones a browser has
    URLSearchParams: URLSearchParams,
  };
  window.window = window;
  const context = vm.createContext(window);
  for (const name of names) {
    const file = path.join(ASSETS, name);
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
  return context;
}

/**
 * ``value`` made again in this realm: the scripts' arrays and objects are their context's own,
 * which assert.deepStrictEqual tells apart from this one's by their prototypes.
 */
function here(value) {
  return structuredClone(value);
}

/** The nodes under ``node`` as [name, text] pairs: what a reader would see, and marked. */
function shown(node) {
  return node.childNodes.map((child) => [child.nodeName, child.textContent]);
}

module.exports = { ASSETS, page, here, shown };
