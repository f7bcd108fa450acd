/* Workshops on a projector: presentation view and slide mode. Both are switched by buttons in
 * the header (made here, not in the templates: they do nothing without JavaScript) and left with
 * Esc. The choice lasts while the tab is open: instant navigation keeps <body>, and a reload
 * reads it back from sessionStorage (this tab only, gone when the tab is closed; the keys carry
 * the course prefix, see record.js). Nothing here is learner progress.
 *
 * Presentation view («Presentasjonsvisning»): the current page in large type without the side
 * menus. Slide mode («Lysbildevisning»): the same large type, one slide at a time, stepped
 * through with the keys a presentation clicker sends (see the slide part below).
 */
(function () {
  "use strict";

  var CLASS = "kk-present";
  var SLIDES = "kk-slides";
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
    keep(KEY, on);
    var button = document.querySelector(".kk-present-toggle");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
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

  function buttons(w) {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".kk-present-toggle")) return;
    var anchor = header.querySelector(".kk-indicator") || header.querySelector(".md-header__option") || header.querySelector(".md-search");
    var b = headerButton("kk-present-toggle", w.present, w.present_help, ICON, document.body.classList.contains(CLASS));
    b.addEventListener("click", function () { set(!document.body.classList.contains(CLASS)); });
    header.insertBefore(b, anchor);
    var s = headerButton("kk-slides-toggle", w.slides, w.slides_help, SLIDES_ICON, slidesOn());
    s.addEventListener("click", function () { if (slidesOn()) leaveSlides(); else enterSlides(); });
    header.insertBefore(s, anchor);
  }

  /* ---------- slide mode ----------
   * The page is cut into slides without moving anything: each slide is a list of blocks, and
   * every tracked block not on the current slide gets OFF (display: none). A `##` heading or a
   * horizontal rule (`---` in Markdown, also inside a box) starts a new slide; each quiz question
   * and each scenario's stage (the step being played) is a slide of its own. A slide takes blocks
   * while they fit the window; a box or list too tall is cut between its own blocks (its title
   * stays on each part), and a list, a question or a single block that is too tall is first set
   * smaller, down to the least size presentation view allows (24 px at 1280×720). The slides are
   * measured in the browser, so they fit the screen the room sees, whatever the text. A new page
   * (instant navigation or a reload) starts at its first slide. */
  var OFF = "kk-slide-off";
  // The slide text sizes tried, largest first (see course.css: --kk-present-text).
  var SIZES = ["1.4rem", "1.3rem", "1.2rem"];
  var HEADING = "h1, h2, h3, h4, h5, h6, legend, .admonition-title, summary, .kk-scenario__step, .kk-scenario__heading";
  var slides = null;  // {pages: [{units: [el, ...], size: n}], at: index, tracked: [el, ...]}

  function slidesOn() {
    return document.body.classList.contains(SLIDES);
  }

  function content() {
    return document.querySelector("article.md-content__inner");
  }

  function isTitle(el) {
    return el.matches(".admonition-title, summary, .kk-quiz__intro-title");
  }

  // A block whose parts are slides or parts of slides: "always" cut into its children, "if-tall"
  // only when it does not fit; the others are shown whole.
  function container(el) {
    if (el.matches(".kk-quiz-holder, .kk-quiz, .kk-quiz__questions, .kk-scenario-holder, .kk-scenario")) return "always";
    if (el.matches("details:not([open])")) return null;
    // An author's `---` inside a box breaks the slide there, whether or not the box fits.
    if (el.matches(".admonition, details") && el.querySelector(":scope > hr")) return "always";
    if (el.matches(".admonition, details, ul, ol, .kk-quiz__intro")) return "if-tall";
    return null;
  }

  // What is better set smaller than cut: a list, one question, one step of a scenario.
  function together(el) {
    return el.matches("ul, ol, .kk-quiz__item, .kk-scenario__stage");
  }

  function childUnits(el, brk) {
    var out = [];
    var next = brk;
    Array.prototype.forEach.call(el.children, function (c) {
      // Hidden blocks (a quiz's result, its notice) are units too, so they appear where they belong.
      if (isTitle(c)) return;
      if (c.localName === "hr") { next = true; return; }
      if (c.matches(".md-content__button, .kk-course, script, style, noscript")) return;
      var own = c.matches(".kk-quiz__item, .kk-scenario__stage");
      out.push({ el: c, brk: next || own || c.localName === "h2", own: own });
      next = false;
    });
    if (el.localName === "ol") {
      // Numbers stay those of the whole list when some items are on another slide.
      var n = 0;
      Array.prototype.forEach.call(el.children, function (li) {
        if (li.localName !== "li") return;
        if (li.hasAttribute("value")) { n = li.value; return; }
        n += 1;
        li.setAttribute("value", n);
        li.setAttribute("data-kk-value", "");
      });
    }
    return out;
  }

  function overflows() {
    return document.documentElement.scrollHeight > window.innerHeight + 1;
  }

  function size(root, n) {
    if (n) root.style.setProperty("--kk-present-text", SIZES[n]);
    else root.style.removeProperty("--kk-present-text");
  }

  // Sets the first size of SIZES, from step `from` on, at which the page does not overflow (or
  // the least one) and returns its step.
  function shrink(root, from) {
    var n = from;
    size(root, n);
    while (overflows() && n < SIZES.length - 1) size(root, ++n);
    return n;
  }

  function draw(list, tracked, root) {
    tracked.forEach(function (el) { el.classList.add(OFF); });
    list.forEach(function (el) {
      for (var e = el; e && e !== root; e = e.parentElement) e.classList.remove(OFF);
    });
  }

  // A heading, or a paragraph that is one bold line (the cases' «Del 1: …»).
  function heading(el) {
    if (/^h[1-6]$/.test(el.localName)) return true;
    var only = el.localName === "p" && el.children.length === 1 && el.firstElementChild.localName === "strong";
    return only && el.textContent.trim() === el.firstElementChild.textContent.trim();
  }

  function paginate(root) {
    var tracked = [];
    var queue = childUnits(root, true);
    queue.forEach(function (u) { tracked.push(u.el); });
    var pages = [];
    var cur = [];
    var at = 0;  // the current slide's step in SIZES
    function els() { return cur.map(function (x) { return x.el; }); }
    function close() {
      // Blocks with nothing to show (a group quiz's empty footer) make no slide of their own: they
      // go with the slide before, where they belong if they ever show something.
      var empty = cur.length && pages.length && cur.every(function (x) { return !x.el.getClientRects().length || !x.el.offsetHeight; });
      if (empty) pages[pages.length - 1].units = pages[pages.length - 1].units.concat(els());
      else if (cur.length) pages.push({ units: els(), size: at });
      cur = [];
      at = 0;
      size(root, 0);
    }
    var guard = 0;
    while (queue.length && guard++ < 5000) {
      var u = queue.shift();
      var kind = container(u.el);
      if (kind === "always") {
        // A scenario starts a slide: its title, role and introduction, then the step being played.
        var inner = childUnits(u.el, u.brk || u.el.matches(".kk-scenario"));
        inner.forEach(function (c) { tracked.push(c.el); });
        queue = inner.concat(queue);
        continue;
      }
      if (u.brk) close();
      cur.push(u);
      draw(els(), tracked, root);
      // Too much: the block goes to a slide of its own (with a heading just before it), unless
      // only headings are before it.
      var before = cur.slice(0, -1);
      if (overflows() && before.length && !before.every(function (x) { return heading(x.el); })) {
        cur.pop();
        var carried = cur.length > 1 && heading(cur[cur.length - 1].el) ? cur.pop() : null;
        close();
        if (carried) cur.push(carried);
        cur.push(u);
        draw(els(), tracked, root);
      }
      if (overflows() && (together(u.el) || !kind)) at = shrink(root, at);
      if (overflows() && kind) {
        // Still too tall: a box or list is cut between its own blocks, at the slide's size.
        var parts = childUnits(u.el, false);
        // One part that can be cut itself (the list in «Momenter til diskusjonen») is cut in turn.
        if (parts.length > 1 || (parts.length === 1 && container(parts[0].el))) {
          cur.pop();
          parts.forEach(function (c) { tracked.push(c.el); });
          queue = parts.concat(queue);
          continue;
        }
      }
      if (u.own) close();
    }
    close();
    return { pages: pages.length ? pages : [{ units: [], size: 0 }], at: 0, tracked: tracked };
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

  // Where a screen reader should read on from: the slide's heading (a box's title when the slide
  // goes on with a box), else its first block.
  function headingOf(list, root) {
    var first = list[0];
    for (var i = 0; i < list.length; i++) {
      var el = list[i];
      var found = el.matches(HEADING) ? el : el.querySelector(HEADING);
      if (found && found.getClientRects().length) return found;
      if (i === 0) {
        for (var up = el.parentElement; up && up !== root; up = up.parentElement) {
          var title = up.querySelector(":scope > .admonition-title, :scope > summary");
          if (title) return title;
        }
      }
    }
    return first;
  }

  function show(index, focus) {
    var root = content();
    var w = words();
    if (!slides || !root || !w) return;
    slides.at = Math.max(0, Math.min(index, slides.pages.length - 1));
    var slide = slides.pages[slides.at];
    draw(slide.units, slides.tracked, root);
    var b = bar(w);
    root.style.setProperty("--kk-slidebar-room", b.offsetHeight + "px");
    shrink(root, slide.size);
    window.scrollTo(0, 0);
    b.querySelector(".kk-slidebar__previous").disabled = slides.at === 0;
    b.querySelector(".kk-slidebar__next").disabled = slides.at === slides.pages.length - 1;
    b.querySelector(".kk-slidebar__status").textContent =
      w.slide_of.replace("{n}", slides.at + 1).replace("{total}", slides.pages.length);
    if (focus && slide.units.length) {
      var target = headingOf(slide.units, root);
      // A control (the summary of «Momenter til diskusjonen») is focusable as it is.
      if (!target.hasAttribute("tabindex") && !target.matches("summary, a[href], button")) {
        target.setAttribute("tabindex", "-1");
        target.setAttribute("data-kk-slide-focus", "");
      }
      target.focus({ preventScroll: true });
    }
  }

  function go(step, fromKeys) {
    if (!slides) return;
    var next = slides.at + step;
    if (next < 0 || next >= slides.pages.length) return;
    show(next, true);
    if (!fromKeys) {
      // From the bar's buttons the focus stays on the button (disabled at an end: on the other).
      var b = document.querySelector(".kk-slidebar " + (step > 0 ? ".kk-slidebar__next" : ".kk-slidebar__previous"));
      if (b && b.disabled) b = document.querySelector(".kk-slidebar " + (step > 0 ? ".kk-slidebar__previous" : ".kk-slidebar__next"));
      if (b) b.focus();
    }
  }

  // What showing an answer or taking a step in a scenario adds must fit too: smaller, as far as allowed.
  function refit() {
    var root = content();
    if (!slides || !root || !slidesOn()) return;
    window.requestAnimationFrame(function () { shrink(root, slides.pages[slides.at].size); });
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
    if (root) size(root, 0);
    slides = null;
    return root;
  }

  // Cuts the page into slides and shows the one holding `keepAt` (a block), or the first.
  function build(keepAt, focus) {
    var root = undo();
    if (!root || !slidesOn() || !words()) return;
    var w = words();
    root.style.setProperty("--kk-slidebar-room", bar(w).offsetHeight + "px");
    slides = paginate(root);
    var at = -1;
    if (keepAt) {
      slides.pages.forEach(function (slide, i) {
        slide.units.forEach(function (el) {
          if (at < 0 && (el === keepAt || el.contains(keepAt) || keepAt.contains(el))) at = i;
        });
      });
    }
    show(Math.max(at, 0), focus);
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
    var at = slides && slides.pages[slides.at].units[0];
    document.body.classList.remove(SLIDES);
    keep(SLIDES_KEY, false);
    undo();
    var b = document.querySelector(".kk-slidebar");
    if (b) b.parentNode.removeChild(b);
    pressed();
    // Back where the room was, with the focus on the button that brings the slides back.
    if (at) at.scrollIntoView({ block: "start" });
    var toggle = document.querySelector(".kk-slides-toggle");
    if (toggle && toggle.getClientRects().length) toggle.focus({ preventScroll: true });
  }

  // The page's scripts (quiz, scenario) lay out their blocks first; then the slides are measured.
  function whenReady(run, tries) {
    var waiting = document.querySelector(".kk-quiz:not([data-ready]), .kk-scenario:not([data-ready])");
    if (waiting && tries < 40) setTimeout(function () { whenReady(run, tries + 1); }, 50);
    else run();
  }

  function init() {
    var w = words();
    if (w) buttons(w);
    pressed();
    if (slidesOn()) whenReady(function () { build(null, true); }, 0);
    else undo();
  }

  // Keys a presentation clicker sends. Arrows belong to a control that uses them (radio buttons,
  // a list box, a text field), space to any control that has the focus (it presses a button);
  // Page Up and Page Down turn the slide from anywhere but a text field or a list box (where they
  // would change the group's answer).
  var FORWARD = { ArrowRight: 1, PageDown: 1, " ": 1, Spacebar: 1 };
  var BACK = { ArrowLeft: -1, PageUp: -1 };
  var TYPING = "textarea, select, [contenteditable], .md-search, input:not([type=radio]):not([type=checkbox]):not([type=button])";
  var ARROWS = "input, select, textarea, [contenteditable], .md-search";
  var SPACE = "input, select, textarea, button, summary, a[href], [contenteditable], .md-search";

  function popoverOpen() {
    try {
      return !!document.querySelector(":popover-open");
    } catch (e) {
      return false;  // no popovers in this browser: none is open
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popoverOpen()) return;  // Esc closes the glossary's explanation first
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
    var t = event.target && event.target.closest ? event.target : null;
    if (t && t.closest(TYPING)) return;
    if (t && /^Arrow/.test(event.key) && t.closest(ARROWS)) return;
    if (t && (event.key === " " || event.key === "Spacebar") && t.closest(SPACE)) return;
    event.preventDefault();
    go(step, true);
  });

  // Opening «Momenter til diskusjonen» changes what fits: cut again, and stay on it. (Only a
  // <details>: a glossary popover toggles too, and floats above the slide.)
  document.addEventListener("toggle", function (event) {
    var t = event.target;
    if (slidesOn() && slides && t.localName === "details" && content() && content().contains(t)) build(t, false);
  }, true);
  // «Vis svar», a choice in a scenario: the slide stays, set smaller if it must.
  document.addEventListener("click", function (event) {
    if (slidesOn() && slides && content() && content().contains(event.target)) setTimeout(refit, 0);
  });
  window.addEventListener("resize", function () {
    if (!slidesOn() || !slides) return;
    build(slides.pages[slides.at].units[0], false);
  });

  // Back on after a reload, as soon as the script runs: it is deferred, so <body> is there.
  if (remembered(KEY)) document.body.classList.add(CLASS);
  if (remembered(SLIDES_KEY)) document.body.classList.add(SLIDES);

  // A task of its own, outside Material's start-up task (see progress.js).
  window.krisesenterkurs.onPage(function () { setTimeout(init, 0); });
})();
