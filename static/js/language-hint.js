// Offers a page's translation when the browser prefers its language.
// Only reveals a link the server already rendered (hidden); it never
// redirects, and without JavaScript the language switcher does the same job.
(function () {
  "use strict";
  var preferred = (navigator.languages || [navigator.language || ""]).map(function (tag) {
    return String(tag).toLowerCase().split("-")[0];
  });
  var current = document.documentElement.lang.toLowerCase().split("-")[0];
  var hints = document.querySelectorAll("[data-language-hint]");
  for (var i = 0; i < preferred.length; i++) {
    if (preferred[i] === current) return; // the page is already in a language they read first
    for (var j = 0; j < hints.length; j++) {
      if (hints[j].getAttribute("data-language-hint") === preferred[i]) {
        hints[j].hidden = false;
        return;
      }
    }
  }
})();
