/* A redirect page of an alias (hooks/redirects.py: /zh/protection/ → ../../protection/) leads
   on with the visitor's fragment: /zh/protection/#para-10 lands on /protection/#para-10, as a
   short link does. The page's meta refresh, for browsers without script, drops the fragment.
   Loaded by a <script src data-target> before the refresh; no network, works from file:// too. */
(function () {
  "use strict";
  var script = document.currentScript;
  var target = script && script.getAttribute("data-target");
  if (target === null || target === undefined) {
    return;
  }
  var fragment = location.hash && location.hash !== "#" ? location.hash : "";
  location.replace(target.split("#")[0] + fragment);
})();
