/* Presentation view for workshops: the current page in large type without the
 * side menus, for a projector. A button in the header switches it on and off;
 * Esc also leaves it. The choice lasts while the tab is open (instant
 * navigation keeps <body>), and nothing is stored.
 */
(function () {
  "use strict";

  var CLASS = "kk-present";

  function words() {
    var el = document.querySelector(".kk-course[data-strings]");
    try {
      return el ? JSON.parse(el.getAttribute("data-strings")) : null;
    } catch (e) {
      return null;
    }
  }

  function set(on) {
    document.body.classList.toggle(CLASS, on);
    var button = document.querySelector(".kk-present-toggle");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function button(w) {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".kk-present-toggle")) return;
    var b = document.createElement("button");
    b.type = "button";
    b.className = "kk-present-toggle md-header__button";
    b.title = w.present_help;
    b.setAttribute("aria-pressed", document.body.classList.contains(CLASS) ? "true" : "false");
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = "⛶";
    var label = document.createElement("span");
    label.className = "kk-present-toggle__label";
    label.textContent = w.present;
    b.appendChild(icon);
    b.appendChild(label);
    b.addEventListener("click", function () { set(!document.body.classList.contains(CLASS)); });
    var anchor = header.querySelector(".kk-indicator") || header.querySelector(".md-header__option") || header.querySelector(".md-search");
    header.insertBefore(b, anchor);
  }

  function init() {
    var w = words();
    if (w) button(w);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.body.classList.contains(CLASS)) {
      set(false);
      var b = document.querySelector(".kk-present-toggle");
      if (b && document.activeElement === document.body) b.focus();
    }
  });

  // A task of its own, outside Material's start-up task (see progress.js).
  window.krisesenterkurs.onPage(function () { setTimeout(init, 0); });
})();
