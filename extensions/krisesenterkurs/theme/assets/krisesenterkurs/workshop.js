/* Presentation view for workshops: the current page in large type without the
 * side menus, for a projector. A button in the header switches it on and off;
 * Esc also leaves it. The choice lasts while the tab is open: instant
 * navigation keeps <body>, and a reload reads it back from sessionStorage
 * (this tab only, gone when the tab is closed; the key carries the course
 * prefix, see record.js). The button is made here, not in the templates: it
 * does nothing without JavaScript.
 */
(function () {
  "use strict";

  var CLASS = "kk-present";
  var SVG = "http://www.w3.org/2000/svg";
  // Material's own icon .icons/material/projector-screen.svg, drawn like the header's other icons.
  var ICON = "M4 2a1 1 0 0 0-1 1v1a1 1 0 0 0 1 1h1v9h6v2.59l-4.21 4.2 1.42 1.42 2.79-2.8V22h2v-2.59l2.79 2.8 " +
    "1.42-1.42-4.21-4.2V14h6V5h1a1 1 0 0 0 1-1V3a1 1 0 0 0-1-1z";

  var kk = window.krisesenterkurs || {};
  var KEY = kk.record && kk.store ? kk.record.keyPrefix(kk.store.siteKey()) + "present" : null;

  function remembered() {
    try {
      return !!KEY && window.sessionStorage.getItem(KEY) === "on";
    } catch (e) {
      return false;  // storage blocked: the view still works, for this page
    }
  }

  function remember(on) {
    if (!KEY) return;
    try {
      if (on) window.sessionStorage.setItem(KEY, "on");
      else window.sessionStorage.removeItem(KEY);
    } catch (e) { /* storage blocked: nothing to keep it in */ }
  }

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
    remember(on);
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
    var icon = document.createElementNS(SVG, "svg");
    icon.setAttribute("class", "kk-present-toggle__icon");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", ICON);
    icon.appendChild(path);
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

  // Back on after a reload, as soon as the script runs: it is deferred, so <body> is there.
  if (remembered()) document.body.classList.add(CLASS);

  // A task of its own, outside Material's start-up task (see progress.js).
  window.krisesenterkurs.onPage(function () { setTimeout(init, 0); });
})();
