// @ts-check
/* Material 9.8.1's inline script of partials/javascripts/content.html, as a file
   (overrides/base.html): a fragment naming a content tab's input checks it. Loaded right
   after the content, where Material ran it. The steps are Material's; they run in a function,
   so that they leave no global behind (Material's `var target` did), and say what the element
   is for the type check. */
(function () {
  "use strict";
  var target = /** @type {HTMLInputElement | null} */ (document.getElementById(location.hash.slice(1)));
  target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
})();
