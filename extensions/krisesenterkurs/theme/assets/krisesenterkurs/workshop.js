/* Presentation view for workshops: the current page in large type without the
 * side menus, for a projector. A button in the header switches it on and off;
 * Esc also leaves it. The choice lasts while the tab is open: instant
 * navigation keeps <body>, and a reload reads it back from sessionStorage
 * (this tab only, gone when the tab is closed; the key carries the course
 * prefix, see record.js). The button is made here, not in the templates: it
 * does nothing without JavaScript.
 *
 * Slide mode («Lysbildevisning») builds on it: the page one slide at a time, stepped through
 * with the keys a presentation clicker sends (see slides() below).
 */
(function () {
  "use strict";

  var CLASS = "kk-present";
  var SVG = "http://www.w3.org/2000/svg";
  // Material's own icon .icons/material/projector-screen.svg, drawn like the header's other icons.
  var ICON = "M4 2a1 1 0 0 0-1 1v1a1 1 0 0 0 1 1h1v9h6v2.59l-4.21 4.2 1.42 1.42 2.79-2.8V22h2v-2.59l2.79 2.8 " +
    "1.42-1.42-4.21-4.2V14h6V5h1a1 1 0 0 0 1-1V3a1 1 0 0 0-1-1z";

  // Material's own icon .icons/material/presentation-play.svg.
  var SLIDES_ICON = "M2 3h8a2 2 0 0 1 2-2 2 2 0 0 1 2 2h8v2h-1v11h-5.75L17 22h-2l-1.75-6h-2.5L9 22H7l1.75-6H3V5H2z" +
    "m3 2v9h14V5zm6.85 6.85a.5.5 0 0 1-.35.15.5.5 0 0 1-.5-.5v-4a.5.5 0 0 1 .5-.5c.14 0 .26.06.35.15l1.4 " +
    "1.39c.32.32.64.64.64.96s-.32.64-.64.96z";

  var kk = window.krisesenterkurs || {};
  var PREFIX = kk.record && kk.store ? kk.record.keyPrefix(kk.store.siteKey()) : null;
  var KEY = PREFIX ? PREFIX + "present" : null;
  var SLIDES_KEY = PREFIX ? PREFIX + "slides" : null;

  function remembered(key) {
    try {
      return !!key && window.sessionStorage.getItem(key) === "on";
    } catch (e) {
      return false;  // storage blocked: the view still works, for this page
    }
  }

  function keep(key, on) {
    if (!key) return;
    try {
      if (on) window.sessionStorage.setItem(key, "on");
      else window.sessionStorage.removeItem(key);
    } catch (e) { /* storage blocked: nothing to keep it in */ }
  }

  function remember(on) {
    keep(KEY, on);
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
    var b = headerButton("kk-present-toggle", w.present, w.present_help, ICON, document.body.classList.contains(CLASS));
    b.addEventListener("click", function () { set(!document.body.classList.contains(CLASS)); });
    var anchor = header.querySelector(".kk-indicator") || header.querySelector(".md-header__option") || header.querySelector(".md-search");
    header.insertBefore(b, anchor);
    var s = headerButton("kk-present-toggle kk-slides-toggle", w.slides, w.slides_help, SLIDES_ICON, slidesOn());
    s.addEventListener("click", function () { if (slidesOn()) leaveSlides(); else enterSlides(); });
    header.insertBefore(s, anchor);
  }

  function headerButton(className, name, help, d, pressed) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className + " md-header__button";
    b.title = help;
    b.setAttribute("aria-pressed", pressed ? "true" : "false");
    var icon = document.createElementNS(SVG, "svg");
    icon.setAttribute("class", "kk-present-toggle__icon");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    icon.appendChild(path);
    var label = document.createElement("span");
    label.className = "kk-present-toggle__label";
    label.textContent = name;
    b.appendChild(icon);
    b.appendChild(label);
    return b;
  }

  /* Slide mode. The page is cut into slides without moving anything: each slide is a list of
   * blocks («units»), and every tracked block not on the current slide gets OFF (display: none).
   * A `##` heading or a horizontal rule (`---`) starts a new slide; each quiz question is a slide
   * of its own. A slide takes blocks while they fit the window; a box or list too tall for one
   * slide is cut between its own blocks (its title stays on each part). The slides are measured
   * in the browser, so they fit the screen the room sees, whatever the text. */
  var SLIDES = "kk-slides";
  var OFF = "kk-slide-off";
  var slides = null;  // {units: [[el, ...], ...], at: index, tracked: [el, ...]}
  var wide = window.matchMedia ? window.matchMedia("(min-width: 37.5em)") : { matches: true };

  function slidesOn() {
    return document.body.classList.contains(SLIDES);
  }

  function content() {
    return document.querySelector("article.md-content__inner");
  }

  function isTitle(el) {
    return el.matches(".admonition-title, summary, .kk-quiz__intro-title");
  }

  // A block that may be cut: a box, an open <details>, a list, the quiz and its list of questions.
  function container(el) {
    if (el.matches(".kk-quiz-holder, .kk-quiz, .kk-quiz__questions")) return "always";
    if (el.matches("details:not([open])")) return null;
    if (el.matches(".admonition, details, ul, ol, .kk-quiz__intro")) return "if-tall";
    return null;
  }

  function childUnits(el, brk) {
    var out = [];
    var next = brk;
    Array.prototype.forEach.call(el.children, function (c) {
      // Hidden blocks (a quiz's result, its notice) are units too, so they appear where they belong.
      if (isTitle(c)) return;
      if (c.localName === "hr") { next = true; return; }
      if (c.matches(".md-content__button, .kk-course, script, style, noscript")) return;
      var own = c.matches(".kk-quiz__item");
      out.push({ el: c, brk: next || own || /^h2$/.test(c.localName), own: own });
      next = false;
    });
    if (el.localName === "ol") {
      // Numbers stay those of the whole list when some items are on the next slide.
      var n = 0;
      Array.prototype.forEach.call(el.children, function (li) {
        if (li.localName === "li" && !li.hasAttribute("value")) { n += 1; li.setAttribute("value", n); li.setAttribute("data-kk-value", ""); } else n = li.value || n;
      });
    }
    return out;
  }

  function overflows() {
    return document.documentElement.scrollHeight > window.innerHeight + 1;
  }

  function draw(list, tracked, root) {
    tracked.forEach(function (el) { el.classList.add(OFF); });
    list.forEach(function (el) {
      for (var e = el; e && e !== root; e = e.parentElement) e.classList.remove(OFF);
    });
  }

  // A heading, or a paragraph that is one bold line (the cases' «Del 1: …»).
  function heading(el) {
    if (/^h[2-6]$/.test(el.localName)) return true;
    var only = el.localName === "p" && el.children.length === 1 && el.firstElementChild.localName === "strong";
    return only && el.textContent.trim() === el.firstElementChild.textContent.trim();
  }

  function paginate(root) {
    var tracked = [];
    var queue = childUnits(root, true);
    queue.forEach(function (u) { tracked.push(u.el); });
    var pages = [];
    var cur = [];
    function close() {
      if (cur.length) pages.push(cur.map(function (u) { return u.el; }));
      cur = [];
    }
    var guard = 0;
    while (queue.length && guard++ < 2000) {
      var u = queue.shift();
      var kind = container(u.el);
      if (kind === "always") {
        var inner = childUnits(u.el, u.brk);
        inner.forEach(function (c) { tracked.push(c.el); });
        queue = inner.concat(queue);
        continue;
      }
      if (u.brk) close();
      cur.push(u);
      draw(cur.map(function (x) { return x.el; }), tracked, root);
      // Too much: the block goes to a slide of its own (with a heading just before it), unless
      // only headings are before it; a box or list that is still too tall is cut.
      var before = cur.slice(0, -1);
      if (overflows() && before.length && !before.every(function (x) { return heading(x.el); })) {
        cur.pop();
        var carried = cur.length > 1 && heading(cur[cur.length - 1].el) ? cur.pop() : null;
        close();
        if (carried) cur.push(carried);
        cur.push(u);
        draw(cur.map(function (x) { return x.el; }), tracked, root);
      }
      if (overflows() && kind) {
        var parts = childUnits(u.el, false);
        if (parts.length > 1) {
          cur.pop();
          parts.forEach(function (c) { tracked.push(c.el); });
          queue = parts.concat(queue);
          continue;
        }
      }
      if (u.own) close();
    }
    close();
    return { units: pages.length ? pages : [[]], at: 0, tracked: tracked };
  }

  function bar(w) {
    var b = document.querySelector(".kk-slidebar");
    if (b) return b;
    b = document.createElement("nav");
    b.className = "kk-slidebar";
    b.setAttribute("aria-label", w.slides);
    function control(cls, text, step) {
      var c = document.createElement("button");
      c.type = "button";
      c.className = "md-button " + cls;
      c.textContent = text;
      c.addEventListener("click", step);
      return c;
    }
    var status = document.createElement("p");
    status.className = "kk-slidebar__status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    b.appendChild(control("kk-slidebar__previous", w.slide_previous, function () { go(-1, false); }));
    b.appendChild(status);
    b.appendChild(control("kk-slidebar__next", w.slide_next, function () { go(1, false); }));
    b.appendChild(control("kk-slidebar__exit", w.slide_exit, function () { leaveSlides(); }));
    document.body.appendChild(b);
    return b;
  }

  // A slide of one block that is too tall (a quiz question with long choices) is set a little
  // smaller, down to the least size presentation view allows; what still does not fit scrolls.
  var SIZES = ["1.3rem", "1.2rem"];
  function fit(root) {
    root.style.removeProperty("--kk-present-text");
    for (var i = 0; i < SIZES.length && overflows(); i++) root.style.setProperty("--kk-present-text", SIZES[i]);
  }

  function show(index, focus) {
    var root = content();
    var w = words();
    if (!slides || !root || !w) return;
    slides.at = Math.max(0, Math.min(index, slides.units.length - 1));
    var list = slides.units[slides.at];
    draw(list, slides.tracked, root);
    fit(root);
    window.scrollTo(0, 0);
    var b = bar(w);
    b.querySelector(".kk-slidebar__previous").disabled = slides.at === 0;
    b.querySelector(".kk-slidebar__next").disabled = slides.at === slides.units.length - 1;
    b.querySelector(".kk-slidebar__status").textContent =
      w.slide_of.replace("{n}", slides.at + 1).replace("{total}", slides.units.length);
    if (focus && list.length) {
      // The slide's first block takes the focus, so a screen reader reads on from there.
      var first = list[0];
      if (!first.hasAttribute("tabindex")) { first.setAttribute("tabindex", "-1"); first.setAttribute("data-kk-slide-focus", ""); }
      first.focus({ preventScroll: true });
    }
  }

  function go(step, focus) {
    if (!slides) return;
    var next = slides.at + step;
    if (next < 0 || next >= slides.units.length) return;
    show(next, true);
    if (!focus) {
      // From the bar's buttons the focus stays on the button (disabled at an end: on the other).
      var b = document.querySelector(".kk-slidebar " + (step > 0 ? ".kk-slidebar__next" : ".kk-slidebar__previous"));
      if (b && b.disabled) b = document.querySelector(".kk-slidebar " + (step > 0 ? ".kk-slidebar__previous" : ".kk-slidebar__next"));
      if (b) b.focus();
    }
  }

  function undo() {
    var root = content();
    document.querySelectorAll("." + OFF).forEach(function (el) { el.classList.remove(OFF); });
    document.querySelectorAll("[data-kk-slide-focus]").forEach(function (el) {
      el.removeAttribute("tabindex");
      el.removeAttribute("data-kk-slide-focus");
    });
    document.querySelectorAll("li[data-kk-value]").forEach(function (li) {
      li.removeAttribute("value");
      li.removeAttribute("data-kk-value");
    });
    if (root) root.style.removeProperty("--kk-present-text");
    slides = null;
    return root;
  }

  // Cuts the page into slides and shows the one holding `keepAt` (a block), or the first.
  function build(keepAt, focus) {
    var root = undo();
    if (!root || !slidesOn() || !wide.matches) return;
    slides = paginate(root);
    var at = 0;
    if (keepAt) {
      slides.units.forEach(function (list, i) {
        list.forEach(function (el) { if (el === keepAt || el.contains(keepAt) || keepAt.contains(el)) at = at || i; });
      });
    }
    show(at, focus);
  }

  function pressed() {
    var s = document.querySelector(".kk-slides-toggle");
    if (s) s.setAttribute("aria-pressed", slidesOn() ? "true" : "false");
  }

  function enterSlides() {
    document.body.classList.add(SLIDES);
    keep(SLIDES_KEY, true);
    pressed();
    build(null, true);
  }

  function leaveSlides() {
    var at = slides && slides.units[slides.at][0];
    document.body.classList.remove(SLIDES);
    keep(SLIDES_KEY, false);
    undo();
    var b = document.querySelector(".kk-slidebar");
    if (b) b.parentNode.removeChild(b);
    pressed();
    var toggle = document.querySelector(".kk-slides-toggle");
    if (toggle) toggle.focus();
    else if (at) at.scrollIntoView();
  }

  // The page's scripts (quiz, scenario) lay out their blocks first; then the slides are measured.
  function whenReady(run, tries) {
    var waiting = document.querySelector(".kk-quiz:not([data-ready]), .kk-scenario:not([data-ready])");
    if (waiting && tries < 40) setTimeout(function () { whenReady(run, tries + 1); }, 50);
    else run();
  }

  function init() {
    var w = words();
    if (w) button(w);
    pressed();
    if (slidesOn()) whenReady(function () { build(null, true); }, 0);
  }

  // Keys a presentation clicker sends. Arrows and space belong to a form control that has the
  // focus (a radio group, a button); Page Up and Page Down always turn the slide.
  var FORWARD = { ArrowRight: 1, PageDown: 1, " ": 1, Spacebar: 1 };
  var BACK = { ArrowLeft: -1, PageUp: -1 };

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && slidesOn()) {
      leaveSlides();
      return;
    }
    if (event.key === "Escape" && document.body.classList.contains(CLASS)) {
      set(false);
      var b = document.querySelector(".kk-present-toggle");
      if (b && document.activeElement === document.body) b.focus();
      return;
    }
    if (!slidesOn() || !slides || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var step = FORWARD[event.key] || BACK[event.key];
    if (!step) return;
    var t = event.target;
    var control = t && t.closest && t.closest("input, select, textarea, button, summary, a[href], [contenteditable], .md-search");
    if (control && event.key.indexOf("Page") !== 0) return;
    if (t && t.closest && t.closest("textarea, [contenteditable], .md-search")) return;
    event.preventDefault();
    go(step, true);
  });

  // Opening «Momenter til diskusjonen» or showing an answer changes what fits: cut again, and stay.
  document.addEventListener("toggle", function (event) {
    if (slidesOn() && slides && content() && content().contains(event.target)) build(event.target, false);
  }, true);
  window.addEventListener("resize", function () {
    if (!slidesOn()) return;
    var at = slides && slides.units[slides.at][0];
    build(at, false);
  });

  // Back on after a reload, as soon as the script runs: it is deferred, so <body> is there.
  if (remembered(KEY)) document.body.classList.add(CLASS);
  if (remembered(SLIDES_KEY)) document.body.classList.add(SLIDES);

  // A task of its own, outside Material's start-up task (see progress.js).
  window.krisesenterkurs.onPage(function () { setTimeout(init, 0); });
})();
