/* Samtaletrening: one step of a branching conversation at a time.
 *
 * The page holds the whole scenario, readable without JavaScript (scenario/render.py
 * writes it; quiz/markup.py-style names below). This script reads it into a plain
 * model, keeps the learner's path as a list of choice numbers, and draws the
 * transcript, the current step and, at an ending, the debrief. The pure functions
 * (walk, summary) are apart from the drawing and tested with node.
 *
 * Stored per scenario in the format record.js defines ("scenario:<id>"): {v, h, path, open, endings}.
 * An edited scenario (another hash) drops only the path in progress; the endings
 * reached are kept by their node ids. Group mode stores nothing.
 */
(function (root) {
  "use strict";

  var kk = root ? (root.krisesenterkurs = root.krisesenterkurs || {}) : {};

  /* ---------- pure: the path through the graph ---------- */

  // The steps a path of choice numbers takes from the start: [{id, choice}], the node it is at,
  // and whether the whole path fitted the graph (a stored path from an older version may not).
  function walk(model, path) {
    var steps = [], at = model.start, ok = Array.isArray(path);
    var list = ok ? path : [];
    for (var i = 0; i < list.length; i++) {
      var node = model.nodes[at], n = list[i];
      if (!node || !node.choices || typeof n !== "number" || !node.choices[n]) { ok = false; break; }
      steps.push({ id: at, choice: n });
      at = node.choices[n].next;
    }
    if (!model.nodes[at]) ok = false;
    return { steps: ok ? steps : [], at: ok ? at : model.start, ok: ok };
  }

  // How the path went: choices made, how many helped and how many did not, by their tags.
  function summary(model, path) {
    var out = { total: 0, helpful: 0, unhelpful: 0 };
    walk(model, path).steps.forEach(function (step) {
      var tags = model.nodes[step.id].choices[step.choice].tags;
      out.total++;
      var kinds = tags.map(function (t) { return model.tags[t] ? model.tags[t].helpful : null; });
      if (kinds.indexOf(true) !== -1 && kinds.indexOf(false) === -1) out.helpful++;
      else if (kinds.indexOf(false) !== -1) out.unhelpful++;
    });
    return out;
  }

  // In the browser record.js has loaded first; node's tests load it here.
  var record = kk.record || (typeof require === "function" ? require("./record.js") : null); // eslint-disable-line no-undef

  // The path to resume from a stored record: only for the same version of the scenario.
  function resume(stored, hash, model) {
    if (!record || !record.isScenarioRecord(stored) || stored.h !== hash) return { path: [], open: false };
    var walked = walk(model, stored.path);
    return walked.ok ? { path: stored.path.slice(), open: !!stored.open && stored.path.length > 0 } : { path: [], open: false };
  }

  var api = { walk: walk, summary: summary, resume: resume };
  kk.scenarioRules = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
  if (!root || !root.document) return;

  /* ---------- the page ---------- */

  var doc = root.document;

  function readModel(section) {
    var model = { start: section.getAttribute("data-start"), nodes: {}, tags: {} };
    try { model.tags = JSON.parse(section.getAttribute("data-tags")) || {}; } catch (e) { model.tags = {}; }
    section.querySelectorAll(".kk-scenario__node").forEach(function (li) {
      var choices = [];
      li.querySelectorAll(".kk-scenario__choice").forEach(function (c) {
        var tags = (c.getAttribute("data-tags") || "").split(" ").filter(Boolean);
        choices.push({ next: c.getAttribute("data-next"), tags: tags, el: c });
      });
      model.nodes[li.getAttribute("data-node")] = {
        el: li, ending: li.getAttribute("data-ending"), choices: choices.length ? choices : null,
      };
    });
    return model;
  }

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function button(text, cls, onClick) {
    var b = el("button", "md-button " + cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // The server-rendered, sanitised parts of a node, copied into the stage.
  function copy(from, selector, cls) {
    var part = from.querySelector(selector);
    var out = el("div", cls);
    if (part) out.innerHTML = part.innerHTML;
    return out;
  }

  function fmt(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function setUp(section) {
    if (section.hasAttribute("data-ready")) return;
    var words = {};
    try { words = JSON.parse(section.getAttribute("data-strings")) || {}; } catch (e) { words = {}; }
    var model = readModel(section);
    var id = section.getAttribute("data-scenario"), hash = section.getAttribute("data-hash");
    var group = section.getAttribute("data-mode") === "group";
    var store = kk.store, name = record.scenarioName(id);
    var stored = !group && store && store.available ? store.read(name, record.isScenarioRecord).value : null;
    var endings = stored ? stored.endings : {};
    var state = resume(stored, hash, model);

    var stage = section.querySelector(".kk-scenario__stage");
    var live = el("p", "kk-visually-hidden");
    live.setAttribute("aria-live", "polite");
    section.querySelector(".kk-scenario__nodes").hidden = true;
    section.querySelector(".kk-scenario__noscript").hidden = true;
    var sources = section.querySelector(".kk-scenario__sources");
    var more = section.querySelector(".kk-scenario__learn-more");
    if (more) more.hidden = true;
    stage.hidden = false;
    section.appendChild(live);
    if (group) stage.parentNode.insertBefore(el("p", "kk-scenario__group", words.scenario_group_on), stage);
    else if (!store || !store.available) stage.parentNode.insertBefore(el("p", "kk-scenario__notice", words.scenario_no_storage), stage);

    function save() {
      if (group || !store || !store.available) return;
      store.write(name, { v: 1, h: hash, path: state.path, open: state.open, endings: endings });
    }

    function nodeBlock(nodeId, cls) {
      var node = model.nodes[nodeId];
      var box = el("div", cls);
      var speaker = node.el.querySelector(".kk-scenario__speaker");
      var title = node.el.querySelector(".kk-scenario__title");
      if (title) box.appendChild(copy(node.el, ".kk-scenario__title", "kk-scenario__title"));
      if (speaker) box.appendChild(el("p", "kk-scenario__speaker", speaker.textContent));
      box.appendChild(copy(node.el, ".kk-scenario__text", "kk-scenario__text"));
      return box;
    }

    function draw(focus) {
      var walked = walk(model, state.path);
      stage.textContent = "";
      var transcript = el("ol", "kk-scenario__transcript");
      var shown = state.open ? walked.steps.length - 1 : walked.steps.length;
      walked.steps.forEach(function (step, i) {
        var li = el("li", "kk-scenario__turn");
        li.appendChild(nodeBlock(step.id, "kk-scenario__said"));
        var mine = el("div", "kk-scenario__mine");
        mine.appendChild(el("p", "kk-scenario__speaker", words.scenario_you));
        mine.appendChild(copy(model.nodes[step.id].choices[step.choice].el, ".kk-scenario__choice-text", "kk-scenario__text"));
        li.appendChild(mine);
        if (i === shown) {
          var fb = copy(model.nodes[step.id].choices[step.choice].el, ".kk-scenario__feedback", "kk-scenario__feedback");
          li.appendChild(fb);
        }
        transcript.appendChild(li);
      });
      if (walked.steps.length) stage.appendChild(transcript);

      var now = el("div", "kk-scenario__now");
      now.tabIndex = -1;
      var node = model.nodes[walked.at];
      if (state.open) {
        now = transcript.lastChild;
        now.tabIndex = -1;
        stage.appendChild(el("div", "kk-scenario__actions")).appendChild(button(words.scenario_continue, "kk-scenario__continue", function () {
          state.open = false;
          save();
          draw(true);
        }));
        live.textContent = now.querySelector(".kk-scenario__feedback").textContent;
      } else if (node.ending) {
        endings[walked.at] = endings[walked.at] || new Date().toISOString();
        save();
        now.appendChild(nodeBlock(walked.at, "kk-scenario__ending"));
        var total = Object.keys(model.nodes).filter(function (k) { return model.nodes[k].ending; });
        var reached = total.filter(function (k) { return endings[k]; }).length;
        var s = summary(model, state.path);
        now.appendChild(el("p", "kk-scenario__summary", fmt(words.scenario_summary, s) + " " +
          fmt(words.scenario_ending, { reached: reached, total: total.length })));
        if (more) { var links = more.cloneNode(true); links.hidden = false; now.appendChild(links); }
        var actions = el("div", "kk-scenario__actions");
        actions.appendChild(button(words.scenario_restart, "kk-scenario__restart", function () {
          state = { path: [], open: false }; save(); draw(true);
        }));
        if (state.path.length) {
          actions.appendChild(button(words.scenario_back, "kk-scenario__back", function () {
            state = { path: state.path.slice(0, -1), open: false }; save(); draw(true);
          }));
        }
        now.appendChild(actions);
        stage.appendChild(now);
        live.textContent = now.textContent;
      } else {
        now.appendChild(el("p", "kk-scenario__step", fmt(words.scenario_step, { n: walked.steps.length + 1 })));
        now.appendChild(nodeBlock(walked.at, "kk-scenario__said"));
        var choices = el("div", "kk-scenario__options");
        node.choices.forEach(function (choice, n) {
          var text = choice.el.querySelector(".kk-scenario__choice-text");
          var b = button("", "kk-scenario__option", function () {
            state = { path: state.path.concat([n]), open: true };
            save();
            draw(true);
          });
          b.innerHTML = text ? text.innerHTML : "";
          choices.appendChild(b);
        });
        now.appendChild(choices);
        stage.appendChild(now);
        live.textContent = now.querySelector(".kk-scenario__said").textContent;
      }
      if (sources) stage.parentNode.insertBefore(stage, sources);
      if (focus) now.focus();
    }

    try {
      draw(false);
      section.setAttribute("data-ready", "");
    } catch (e) {
      // The scenario stays readable as the page wrote it.
      section.querySelector(".kk-scenario__nodes").hidden = false;
      stage.hidden = true;
      if (root.console) console.error("krisesenterkurs: scenario", e);
    }
  }

  function init() {
    doc.querySelectorAll(".kk-scenario").forEach(function (section) {
      try { setUp(section); } catch (e) { if (root.console) console.error("krisesenterkurs: scenario", e); }
    });
  }

  if (kk.onPage) kk.onPage(init);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})(typeof window !== "undefined" ? window : null);
