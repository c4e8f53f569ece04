/* Material 9.8.1's inline script of partials/javascripts/content.html, as a file
   (overrides/base.html): a fragment naming a content tab's input checks it. Loaded right
   after the content, where Material ran it. The script is Material's, verbatim. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
