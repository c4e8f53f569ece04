// @ts-check
/* The edition's service worker: its code. hooks/outputs/offline_cache.py writes it to the site root
   as sw.js, behind one line of settings (self.A4P_OFFLINE: the version, the cache's name,
   each language's folder, list and fallback page).

   - A language is kept whole: every file of its list (assets/offline/{lang}.json, made at
     build time), the list itself stored last, so a stored list means a complete language.
     The page's script (assets/a4p-sw-register.js) asks to keep the language of every page
     the reader opens, and every language on the footer's "keep offline" control.
   - Pages (HTML): the network first; offline, the kept copy; a page never kept gets the
     offline fallback page of its language, or of a language the reader keeps.
   - Hashed files (Material's *.{hash}.min.js/css) and the lists: the cache first.
     Other files: the network first, falling back to the cache.
   - One cache per version (its name holds the version label): a new version's worker keeps
     the languages the old cache held, then the old cache goes. */
"use strict";

/** The worker's settings, set before this code (hooks/outputs/offline_cache.py, worker_settings()):
    the version, this version's cache and the prefix of every version's, the source language,
    and each language's folder (prefix), list and offline fallback page, by code.
    @typedef {{version: string, cache: string, cachePrefix: string, source: string,
      languages: {[code: string]: {prefix: string, list: string, fallback: string}}}} A4pOfflineSettings */
/** A page's request (assets/a4p-sw-register.js): keep a language, the page's, or all.
    @typedef {{type?: string, lang?: string, all?: boolean}} A4pKeepMessage */

(function () {
  /* The global scope of a service worker, with the settings line's global. */
  var sw = /** @type {ServiceWorkerGlobalScope & {A4P_OFFLINE: A4pOfflineSettings}} */ (
    /** @type {unknown} */ (self));
  var S = sw.A4P_OFFLINE;
  var CACHE = S.cache;
  var HASHED = /\.[0-9a-f]{8,}\.min\.(?:js|css)$/;
  var PARALLEL = 6; // files fetched at once while keeping a language
  /** @type {{[code: string]: Promise<boolean>}} */
  var saving = {}; // language code -> the promise of keeping it

  /** @returns {string} */
  function scope() { return sw.registration.scope; }
  /** @param {string} path @returns {string} */
  function url(path) { return new URL(path, scope()).href; }
  /** @returns {string[]} */
  function codes() { return Object.keys(S.languages); }
  /** @param {string} code @returns {string} */
  function listURL(code) { return url(S.languages[code].list); }
  /** @param {string} href @returns {boolean} */
  function isList(href) {
    return codes().some(function (code) { return listURL(code) === href; });
  }
  /** @param {string} href @returns {string} */
  function bare(href) { var u = new URL(href); u.search = ""; u.hash = ""; return u.href; }

  /** The language of a URL of the site: its first folder, if that is a language's.
     @param {string} href @returns {string} */
  function languageOf(href) {
    var rest = href.indexOf(scope()) === 0 ? href.slice(scope().length) : "";
    var first = rest.split("/")[0] + "/";
    var found = codes().filter(function (code) { return S.languages[code].prefix === first; });
    return found.length ? found[0] : S.source;
  }

  /** @param {string} href @returns {Promise<Response>} */
  function fresh(href) { return fetch(new Request(href, { cache: "no-cache" })); }

  /** @param {Cache} cache @param {string[]} hrefs @returns {Promise<unknown>} */
  function keepFiles(cache, hrefs) {
    var queue = hrefs.slice();
    /** @returns {Promise<void>} */
    function next() {
      var href = queue.shift();
      if (href === undefined) return Promise.resolve();
      return cache.match(href).then(function (have) {
        if (have && HASHED.test(new URL(href).pathname)) return null; // the same bytes for ever
        return fresh(href).then(function (response) {
          if (!response.ok) throw new Error(href + ": " + response.status);
          return cache.put(href, response);
        });
      }).then(next);
    }
    var workers = [];
    for (var i = 0; i < PARALLEL; i++) workers.push(next());
    return Promise.all(workers);
  }

  /** Keep language ``code`` whole in this version's cache (once; again only if it failed).
     @param {string} code @returns {Promise<boolean>} */
  function keep(code) {
    if (!S.languages[code]) return Promise.reject(new Error("no language " + code));
    if (saving[code]) return saving[code];
    var list = listURL(code);
    saving[code] = caches.open(CACHE).then(function (cache) {
      return cache.match(list).then(function (have) {
        if (have) return true;
        return fresh(list).then(function (response) {
          if (!response.ok) throw new Error(list + ": " + response.status);
          return response.clone().json().then(function (data) {
            return keepFiles(cache, data.files.map(url));
          }).then(function () { return cache.put(list, response); });
        }).then(function () { return cleanup(); }).then(function () { return true; });
      });
    });
    saving[code].then(done, done);
    function done() { delete saving[code]; }
    return saving[code];
  }

  /** @param {Cache} cache @returns {Promise<string[]>} */
  function keptIn(cache) {
    return Promise.all(codes().map(function (code) {
      return cache.match(listURL(code)).then(function (have) { return have ? code : null; });
    })).then(function (found) { return found.filter(Boolean); });
  }

  /** @returns {Promise<string[]>} */
  function kept() { return caches.open(CACHE).then(keptIn); }

  /** @returns {Promise<string[]>} */
  function olderCaches() {
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(S.cachePrefix) === 0 && name !== CACHE; });
    });
  }

  /** Delete each older version's cache once this version keeps every language it held.
     @returns {Promise<unknown>} */
  function cleanup() {
    return Promise.all([olderCaches(), kept()]).then(function (both) {
      var now = both[1];
      return Promise.all(both[0].map(function (name) {
        return caches.open(name).then(keptIn).then(function (held) {
          var carried = held.every(function (code) { return now.indexOf(code) >= 0; });
          return carried ? caches.delete(name) : false;
        });
      }));
    });
  }

  /** A new version: keep again what older versions kept.
     @returns {Promise<unknown>} */
  function carryOver() {
    return olderCaches().then(function (names) {
      return Promise.all(names.map(function (name) { return caches.open(name).then(keptIn); }));
    }).then(function (lists) {
      var wanted = {};
      lists.forEach(function (held) { held.forEach(function (code) { wanted[code] = true; }); });
      return Promise.all(Object.keys(wanted).map(function (code) {
        return keep(code).catch(function () { return false; });
      }));
    });
  }

  sw.addEventListener("install", function (event) {
    sw.skipWaiting();
    event.waitUntil(carryOver());
  });

  sw.addEventListener("activate", function (event) {
    event.waitUntil(cleanup().then(function () { return sw.clients.claim(); }));
  });

  /** @param {string} key @param {Response} response @returns {Promise<void>} */
  function store(key, response) {
    var copy = response.clone();
    return caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
  }

  /** Offline and never kept: the fallback page of the URL's language, else of a kept one.
     @param {string} href @returns {Response | Promise<Response>} */
  function fallback(href) {
    var order = [languageOf(href)].concat(codes());
    /** @param {number} i @returns {Response | Promise<Response>} */
    function attempt(i) {
      if (i >= order.length) return Response.error();
      return caches.match(url(S.languages[order[i]].fallback)).then(function (have) {
        if (!have) return attempt(i + 1);
        return have.text().then(function (body) {
          return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
        });
      });
    }
    return attempt(0);
  }

  /** @param {Request} request @returns {Promise<Response>} */
  function page(request) {
    var key = bare(request.url);
    return fetch(request).then(function (response) {
      if (response.ok && response.type === "basic" && !response.redirected) store(key, response);
      return response;
    }, function () {
      return caches.match(key).then(function (have) { return have || fallback(request.url); });
    });
  }

  /** ``keep``: store what the network gives (not for a list: a stored list means a language
     kept whole, and only keep() stores it, last).
     @param {Request} request @param {boolean} keep @returns {Promise<Response>} */
  function cacheFirst(request, keep) {
    return caches.match(request.url).then(function (have) {
      return have || fetch(request).then(function (response) {
        if (keep && response.ok && response.type === "basic") store(request.url, response);
        return response;
      });
    });
  }

  /** @param {Request} request @returns {Promise<Response>} */
  function networkFirst(request) {
    return fetch(request).then(function (response) {
      if (!response.ok || response.type !== "basic") return response;
      return caches.open(CACHE).then(function (cache) {
        return cache.match(request.url).then(function (have) { // refresh a kept copy only
          if (have) cache.put(request.url, response.clone());
          return response;
        });
      });
    }, function (error) {
      return caches.match(request.url).then(function (have) { if (have) return have; throw error; });
    });
  }

  sw.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || request.url.indexOf(scope()) !== 0) return;
    var path = new URL(request.url).pathname;
    if (request.mode === "navigate" || request.destination === "document") {
      event.respondWith(page(request));
    } else if (HASHED.test(path)) {
      event.respondWith(cacheFirst(request, true));
    } else if (isList(bare(request.url))) {
      event.respondWith(cacheFirst(request, false));
    } else {
      event.respondWith(networkFirst(request));
    }
  });

  /* {type: "keep", lang} or {type: "keep", all: true}, or {type: "status"}: answered on the
     message's port with {version, kept, failed}. */
  sw.addEventListener("message", function (event) {
    /** @type {A4pKeepMessage} */
    var data = event.data || {};
    var port = event.ports && event.ports[0];
    var client = event.source; // a page (Client), or another worker or a port: no address
    /** @type {string[]} */
    var wanted = [];
    if (data.type === "keep") {
      wanted = data.all ? codes() : [data.lang && S.languages[data.lang] ? data.lang
        : languageOf(client && "url" in client && client.url || "")];
    }
    /** @type {string[]} */
    var failed = [];
    var work = Promise.all(wanted.map(function (code) {
      return keep(code).catch(function () { failed.push(code); });
    })).then(kept).then(function (now) {
      if (port) port.postMessage({ version: S.version, kept: now, failed: failed });
    });
    event.waitUntil(work);
  });
})();
