/* Keep it on a phone: registers the service worker (sw.js at the site root, from
   hooks/offline_cache.py) and asks it to keep the page's language for reading offline; adds
   the "keep offline" control to the footer, under the version label.

   Only over http(s) with service workers available: from file:// (the offline bundle) it
   does nothing at all, and logs nothing. No inline script: the site's CSP allows none. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!/^https?:$/.test(location.protocol) || !window.isSecureContext || !("serviceWorker" in navigator) ||
      !script || !window.fetch || !window.MessageChannel) {
    return;
  }
  var root = new URL("../", script.src); // this file is assets/a4p-sw-register.js
  var lang = document.documentElement.getAttribute("lang") || "";
  var control = null;
  var strings = null;
  var names = {};

  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      worker.postMessage(message, [channel.port2]);
    });
  }

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
    var button = control.querySelector(".a4p-offline__keep");
    button.hidden = state === "kept" && kept.length === Object.keys(names).length;
    button.disabled = state === "saving";
  }

  var registration = null;
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
  }).then(function (list) {
    if (list) {
      strings = list.strings;
      list.languages.forEach(function (language) { names[language.code] = language.name; });
    }
    return keep({ type: "keep", lang: lang });
  }).catch(function () {
    /* no worker (a browser setting, a private window): the pages work as before */
  });
})();
