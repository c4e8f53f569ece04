// @ts-check
/* A redirect page of an alias (hooks/outputs/redirects.py: /zh/protection/ → ../../protection/) leads
   on with the visitor's fragment: /zh/protection/#para-10 lands on /protection/#para-10, as a
   short link does (an id of the edition's only). The page's meta refresh, for browsers without
   script, drops the fragment. Loaded by a <script src data-target> before the refresh; no
   network, works from file:// too. */
(function () {
  "use strict";
  var script = document.currentScript;
  var target = script && script.getAttribute("data-target");
  if (target === null || target === undefined) {
    return;
  }
  /* only a fragment written as the edition writes its ids (#para-N, #term-{id}, an ASCII id: the
     rule of the language switch, assets/a4p-links.js); any other is left behind */
  var fragment = /^#[A-Za-z][A-Za-z0-9_-]{0,99}$/.test(location.hash) ? location.hash : "";
  location.replace(target.split("#")[0] + fragment);
})();
