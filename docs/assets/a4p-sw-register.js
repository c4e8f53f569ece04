// @ts-check
/* Keep it on a phone: registers the service worker (sw.js at the site root, from
   hooks/outputs/offline_cache.py) and asks it to keep the page's language for reading offline; adds
   the "keep offline" control to the footer, under the version label.

   Only over http(s) with service workers available: from file:// (the offline bundle) it
   does nothing at all, and logs nothing. No inline script: the site's CSP allows none. */

/** A request to the worker (hooks/offline_worker.js): keep a language, or all.
    @typedef {{type: "keep", lang?: string, all?: boolean}} A4pKeepMessage */
/** The worker's answer: its version, the languages it keeps, those it failed to keep.
    @typedef {{version: string, kept: string[], failed: string[]}} A4pKeepStatus */
/** A language's offline list (hooks/outputs/offline_cache.py), as much of it as the control needs:
    the control's words, and every language's name.
    @typedef {{strings: {[key: string]: string}, languages: {code: string, name: string}[]}} A4pOfflineList */

(function () {
  "use strict";
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!/^https?:$/.test(location.protocol) || !window.isSecureContext || !("serviceWorker" in navigator) ||
      !script || !window.fetch || !window.MessageChannel) {
    return;
  }
  var root = new URL("../", script.src); // this file is assets/a4p-sw-register.js
  var lang = document.documentElement.getAttribute("lang") || "";
  /** @type {HTMLElement | null} */
  var control = null;
  /** @type {A4pOfflineList["strings"] | null} */
  var strings = null;
  /** @type {{[code: string]: string}} */
  var names = {};

  /** @param {ServiceWorker} worker @param {A4pKeepMessage} message @returns {Promise<A4pKeepStatus>} */
  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  /** @param {"saving" | "kept" | "failed"} state @param {A4pKeepStatus | null} status */
  function render(state, status) {
    if (!strings) return;
    if (!control) {
      var footer = document.querySelector(".a4p-footer-notice");
      if (!footer) return;
      control = document.createElement("p");
      control.className = "a4p-offline";
      var text = document.createElement("span");
      text.className = "a4p-offline__status";
      text.setAttribute("role", "status");
      control.appendChild(text);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "a4p-offline__keep";
      button.textContent = strings.keep_all;
      button.addEventListener("click", function () { keep({ type: "keep", all: true }); });
      control.appendChild(document.createTextNode(" "));
      control.appendChild(button);
      footer.appendChild(control);
    }
    var kept = status ? status.kept : [];
    control.setAttribute("data-state", state);
    control.setAttribute("data-kept", kept.join(" "));
    var message = strings.saving;
    if (state === "kept") {
      message = strings.kept.replace("{languages}", kept.map(function (code) { return names[code] || code; })
        .join(strings.separator));
    } else if (state === "failed") {
      message = strings.failed;
    }
    control.querySelector(".a4p-offline__status").textContent = message;
    var keeper = /** @type {HTMLButtonElement} */ (control.querySelector(".a4p-offline__keep"));
    keeper.hidden = state === "kept" && kept.length === Object.keys(names).length;
    keeper.disabled = state === "saving";
  }

  /** @type {ServiceWorkerRegistration | null} */
  var registration = null;
  /** @param {A4pKeepMessage} message */
  function keep(message) {
    render("saving", null);
    return ask(registration.active, message).then(function (status) {
      render(status.failed.length || status.kept.indexOf(lang) < 0 ? "failed" : "kept", status);
    });
  }

  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (ready) {
    registration = ready;
    return fetch(new URL("assets/offline/" + encodeURIComponent(lang) + ".json", root).href);
  }).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (/** @type {A4pOfflineList | null} */ list) {
    if (list) {
      strings = list.strings;
      list.languages.forEach(function (language) { names[language.code] = language.name; });
    }
    return keep({ type: "keep", lang: lang });
  }).catch(function () {
    /* no worker (a browser setting, a private window): the pages work as before */
  });
})();
