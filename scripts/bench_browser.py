"""The benchmark's browser measures (Playwright driving /usr/bin/chromium headless): bytes of a
first load, time to the first search result, warm queries. And a static server that gzips
text as deploy/nginx/a4p.conf does, for these and for Lighthouse.
"""

from __future__ import annotations

import functools
import gzip
import json
import threading
import time
from pathlib import Path

from scripts import serve

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
# as deploy/nginx/a4p.conf: gzip_comp_level 6, gzip_min_length 256, these types and text/html
GZIP_LEVEL = 6
GZIP_MIN = 256
GZIP_TYPES = ("text/html", "text/css", "text/plain", "text/xml", "text/csv", "application/javascript",
              "text/javascript", "application/json", "application/manifest+json", "image/svg+xml",
              "application/xml")


def gzip_size(body: bytes, content_type: str) -> int:
    """Bytes on the wire for ``body``: gzipped as the nginx config sends it, or as it is."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in GZIP_TYPES and len(body) >= GZIP_MIN:
        return len(gzip.compress(body, GZIP_LEVEL, mtime=0))
    return len(body)


class GzipHandler(serve.StaticHandler):
    """scripts/serve.py's handler (per-language 404 pages) with gzip for text types."""

    def do_GET(self):  # noqa: N802 - the base class's name
        path = self.translate_path(self.path)
        target = Path(path) / "index.html" if Path(path).is_dir() else Path(path)
        kind = self.guess_type(str(target))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and target.is_file() and self.path.split("?")[0].endswith(("/", target.suffix))
                and kind.split(";")[0] in GZIP_TYPES and target.stat().st_size >= GZIP_MIN):
            return super().do_GET()
        body = gzip.compress(target.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind if "charset" in kind or not kind.startswith("text/")
                         else f"{kind}; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache" if kind.startswith("text/html") else "max-age=31536000")
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()
        self.wfile.write(body)


def start_server(root: Path):
    """A gzip-serving static server on 127.0.0.1 (a free port), in a thread: (server, base URL)."""
    handler = functools.partial(GzipHandler, directory=str(root))
    server = serve.StaticServer(("127.0.0.1", 0), handler)
    server.quiet = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


RESOURCES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {load: nav.loadEventStart,
          entries: performance.getEntriesByType('resource').map(e => ({url: e.name, start: e.startTime, end: e.responseEnd}))};
}"""


class Bodies:
    """Every response of a tab's context, gzipped as sent, by URL: the page's own in ``page``,
    its service worker's (precaching) apart in ``worker``."""

    def __init__(self, context):
        self.page: dict[str, int] = {}
        self.worker: dict[str, int] = {}
        context.on("response", self.on_response)

    def on_response(self, response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            return
        size = gzip_size(body, response.headers.get("content-type", ""))
        own = getattr(response.request, "service_worker", None) is None
        (self.page if own else self.worker)[response.url] = size

    def until(self, page, url: str, timing: dict, end: float) -> tuple[int, int]:
        """Bytes and requests of the document and of the resources that ended by ``end`` (ms)."""
        before = [e for e in timing["entries"] if e["end"] <= end]
        document = self.page.get(page.url, self.page.get(url, 0))
        return document + sum(self.page.get(e["url"], 0) for e in before), 1 + len(before)


def first_load(browser, url: str, idle_seconds: float = 3.0) -> dict:
    """Bytes (gzip as sent) a fresh tab requests up to the page's ``load`` event, and after it
    (idle loading), and what a service worker fetches (precache), apart."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    bodies = Bodies(context)
    page.goto(url, wait_until="load")
    time.sleep(idle_seconds)  # what loads after the load event, when nobody waits for it
    timing = page.evaluate(RESOURCES)
    load, requests = bodies.until(page, url, timing, timing["load"])
    context.close()
    after = [e for e in timing["entries"] if e["end"] > timing["load"]]
    return {
        "load": load,
        "requests": requests,
        "idle": sum(bodies.page.get(e["url"], 0) for e in after),
        "idle_requests": len(after),
        "service_worker": sum(bodies.worker.values()),
        "service_worker_requests": len(bodies.worker),
    }


# The page's scripts have run: assets/a4p-load.js loads them after the load event (a page
# without it, the baseline's, has run its scripts by then). The browser tests wait for it too.
READY = """() => !document.querySelector('script[data-a4p-later]')
  || document.documentElement.hasAttribute('data-a4p-ready')"""

WATCH = """() => {
  window.__bench = {start: null, first: null};
  const list = document.querySelector('[data-a4p-search-results]');
  const mark = () => { if (window.__bench.start === null) window.__bench.start = performance.now(); };
  window.addEventListener('focus', mark, true);
  window.addEventListener('input', mark, true);
  new MutationObserver(() => {
    if (window.__bench.first === null && list.querySelector('a.a4p-search__result'))
      window.__bench.first = performance.now();
  }).observe(list, {childList: true, subtree: true});
}"""

# A reader in the search box at the page's load: focused, and the query typed, in the load event
# itself, before the page's scripts are asked for (this listener, added before the page's own
# scripts run, is the event's first). Kept: when (start, first result) and what the page had
# fetched by its first result (fetched). The browser tests use it too.
AT_LOAD = """(query) => {
  window.__bench = {start: null, first: null, fetched: null};
  window.addEventListener('load', () => {
    const list = document.querySelector('[data-a4p-search-results]');
    new MutationObserver(() => {
      if (window.__bench.first === null && list.querySelector('a.a4p-search__result')) {
        window.__bench.first = performance.now();
        window.__bench.fetched = performance.getEntriesByType('resource').map((e) => e.name);
      }
    }).observe(list, {childList: true, subtree: true});
    const input = document.querySelector('form[data-a4p-search] input');
    window.__bench.start = performance.now();
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event('input', {bubbles: true}));
  });
}"""
FOUND = "() => window.__bench.first !== null"


def _search(page, query: str, delay: float) -> float:
    """Type ``query`` into the loaded page's search box ``delay`` seconds after ``load``, and
    wait for the first result: milliseconds from the focus to it."""
    page.evaluate(WATCH)
    page.wait_for_timeout(delay * 1000)
    page.locator("form[data-a4p-search] input").focus()
    page.keyboard.insert_text(query)
    page.wait_for_function(FOUND, timeout=30000)
    return page.evaluate("() => window.__bench.first - window.__bench.start")


def _search_at_load(page, url: str, query: str) -> float:
    """Open ``url`` with ``query`` typed at its load (:data:`AT_LOAD`), and wait for the first
    result: milliseconds from the load event to it."""
    page.add_init_script(script=f"({AT_LOAD})({json.dumps(query)})")
    page.goto(url, wait_until="load")
    page.wait_for_function(FOUND, timeout=30000)
    return page.evaluate("() => window.__bench.first - window.__bench.start")


def first_search_load(browser, url: str, query: str) -> dict:
    """Bytes (gzip as sent) and requests a fresh tab fetches from opening ``url`` to the first
    result of ``query``, typed at the page's load: the first load and the search's files."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    bodies = Bodies(context)
    _search_at_load(page, url, query)
    page.wait_for_load_state("networkidle")  # every response's body is in
    found, requests = bodies.until(page, url, page.evaluate(RESOURCES), page.evaluate("() => window.__bench.first"))
    context.close()
    return {"bytes": found, "requests": requests}


def first_paint_and_result(browser, url: str, query: str) -> tuple[float, float]:
    """From ``url`` (the offline bundle opened from disk): the first contentful paint, in ms
    from navigation start, and the first result of ``query`` typed at load, in ms from typing."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    taken = _search_at_load(page, url, query)
    paint = page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0].startTime")
    context.close()
    return paint, taken


def first_result(browser, url: str, query: str, delay: float, throttle: float = 1.0) -> float:
    """Milliseconds from focusing the search box and typing ``query`` (``delay`` seconds after
    ``load``; 0: in the load event, :data:`AT_LOAD`) to the first result on screen; ``throttle``:
    CPU slowdown (CDP)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    if throttle != 1.0:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    if delay:
        page.goto(url, wait_until="load")
        taken = _search(page, query, delay)
    else:
        taken = _search_at_load(page, url, query)
    context.close()
    return taken


TIME_QUERIES = """async (queries) => {
  const input = document.querySelector('form[data-a4p-search] input');
  const list = document.querySelector('[data-a4p-search-results]');
  await window.a4p.search.load();
  const times = [], whole = [];
  for (const q of queries) {
    input.value = '';
    input.dispatchEvent(new Event('input', {bubbles: true}));
    // laid out, as a page is between a reader's keystrokes (a frame apart): otherwise the
    // clock counts the layout the empty box left pending, which setting the value forces
    document.body.getBoundingClientRect();
    const t = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    times.push(performance.now() - t);
    // the rest of a long list, built after the first results' paint: waited for, timed apart
    await new Promise((done) => {
      const check = () => (list.hasAttribute('aria-busy') ? setTimeout(check, 0) : done());
      check();
    });
    whole.push(performance.now() - t);
  }
  return {times, whole};
}"""


def warm_queries(browser, url: str, queries: list[str]) -> dict[str, list[float]]:
    """Milliseconds per query once the index is ready: ``first``, the input event to the first
    results in the list (FIRST of assets/search-results.js, the rest built after their paint);
    ``whole``, to the whole list. Each query is typed into a page laid out since the last (measured without
    that, the layout the emptied box left pending fell on the next query's clock: ru's p95
    11.3 ms against 1.2)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function(READY)
    page.locator("form[data-a4p-search] input").focus()
    page.evaluate(TIME_QUERIES, queries[:3])  # warm up the engine and the page's code
    timed = page.evaluate(TIME_QUERIES, queries)
    context.close()
    return {"first": timed["times"], "whole": timed["whole"]}
