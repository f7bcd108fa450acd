/* The learner's progress across the course: indicator, navigation marks,
 * «Fortsett der du slapp», «Min fremdrift» (with export, import and reset,
 * and «Flytt til en annen enhet»: a link and a QR code) and the certificate.
 *
 * What the course contains comes from the manifest every page carries
 * (rendered by the krisesenterkurs.progress Markdown extension at build
 * time); what the learner has done comes from localStorage via storage.js.
 * What the stored records mean (states, next steps, the progress file) is
 * record.js's, the learner-record format; this script reads the page and draws.
 */
(function () {
  "use strict";

  var store = window.krisesenterkurs && window.krisesenterkurs.store;
  var rules = window.krisesenterkurs && window.krisesenterkurs.record;  // the learner-record format (record.js)

  /* ---------- reading the page and the learner's data ---------- */

  function manifest() {
    var el = document.querySelector(".kk-course[data-course]");
    if (!el) return null;
    try {
      return { course: JSON.parse(el.getAttribute("data-course")), words: JSON.parse(el.getAttribute("data-strings")) };
    } catch (e) {
      return null;
    }
  }

  // The site root. Material's instant navigation keeps the first page's __config (its "base"
  // is relative to that page), so the root is worked out once, while the two still match.
  var BASE = (function () {
    if (!rules) return null;
    var config = null;
    try {
      config = document.getElementById("__config").textContent;
    } catch (e) { /* no __config: the root is "/" */ }
    return rules.siteRoot(config, location.href);
  })();

  function siteHref(path) {
    return new URL(path, BASE).href;
  }

  // The current page's address relative to the site root, e.g. "moduler/mandat/quiz/".
  function currentPath() {
    var base = BASE.pathname;
    var path = location.pathname;
    return path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, "");
  }

  function format(template, values) {
    return rules.format(template, values);
  }

  function readProgress() {
    return rules.readProgress(store.read);
  }

  function courseState(data) {
    return rules.courseState(data.course, store.read);
  }

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function hiddenText(text) {
    return element("span", { "class": "kk-visually-hidden" }, text);
  }

  // A result of another version of the bank is marked: outdated, or, where the pass still completes
  // the module (the edit was not marked as a retake), from an earlier version of the quiz.
  function resultText(result, s, words) {
    if (!result) return words.no_result;
    var text = result.percent + " % (" + (result.passed ? words.result_passed : words.result_failed) + ")";
    if (result.h === s.module.hash) return text;
    return text + " – " + (s.completed ? words.older_version : words.outdated);
  }

  /* ---------- on every page ---------- */

  // The page's own title: its heading without the permalink sign, or the document's title.
  function pageTitle() {
    var h1 = document.querySelector("article h1");
    return h1 ? Array.prototype.filter.call(h1.childNodes, function (n) {
      return !(n.classList && n.classList.contains("headerlink"));
    }).map(function (n) { return n.textContent; }).join("").trim() : document.title;
  }

  function track(data) {
    // Corrupt stored progress is left alone until the learner acts on it.
    var progress = readProgress();
    if (progress.problem) return;
    var record = progress.value;
    if (rules.visit(record, data.course, currentPath(), pageTitle(), new Date().toISOString())) store.write("progress", record);
  }

  function indicator(data, state) {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var link = header.querySelector(".kk-indicator");
    if (!link) {
      link = element("a", { "class": "kk-indicator" });
      var anchor = header.querySelector(".md-header__option") || header.querySelector(".md-search");
      header.insertBefore(link, anchor);
    }
    link.href = siteHref(data.course.progress);
    link.title = format(data.words.indicator, { done: state.done, total: state.total });
    link.textContent = "";
    link.appendChild(element("span", { "class": "kk-indicator__icon", "aria-hidden": "true" }, state.done === state.total ? "✓" : "◔"));
    link.appendChild(hiddenText(format(data.words.indicator, { done: state.done, total: state.total }) + " "));
    link.appendChild(element("span", { "aria-hidden": "true" }, format(data.words.indicator_short, { done: state.done, total: state.total })));
    link.setAttribute("data-done", String(state.done));
  }

  function navMarks(data, state) {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link, .md-nav--primary label.md-nav__link");
    state.modules.forEach(function (s) {
      var target = siteHref(s.module.url);
      Array.prototype.forEach.call(links, function (link) {
        if (!link.href || link.href !== target) return;
        var mark = link.querySelector(".kk-nav-done");
        if (s.completed && !mark) {
          mark = element("span", { "class": "kk-nav-done" });
          mark.appendChild(element("span", { "aria-hidden": "true" }, " ✓"));
          mark.appendChild(hiddenText(" (" + data.words.completed_mark + ")"));
          (link.querySelector(".md-ellipsis") || link).appendChild(mark);
        } else if (!s.completed && mark) {
          mark.remove();
        }
      });
    });
  }

  /* ---------- «Fortsett der du slapp» ---------- */

  function renderResume(holder, data, state) {
    holder.textContent = "";
    // Stored data may have come from a file or an LMS: record.js makes only a learning page of
    // this course's modules (or the certificate) the link.
    var point = rules.resumePoint(data.course, state, BASE.href);
    var said = rules.resumeWords(point, data.words);
    var p = element("p", { "class": "kk-resume__line", "data-resume": point.kind });
    p.appendChild(element(point.kind === "page" ? "strong" : "span", {}, said.lead + " "));
    p.appendChild(element("a", { href: siteHref(point.url) }, said.text));
    holder.appendChild(p);
  }

  /* ---------- «Sidene i modulen» (on a module's first page) ---------- */

  // Each page's state in words («lest» / «ikke lest»), a mark beside it for the eye only.
  function renderPages(holder, data, state) {
    var progress = state.progress.value;
    Array.prototype.forEach.call(holder.querySelectorAll("li[data-page]"), function (item) {
      var status = item.querySelector(".kk-pages__status");
      if (!status) return;
      var seen = rules.pageSeen(progress, item.getAttribute("data-page"));
      status.textContent = "";
      status.setAttribute("data-seen", seen ? "true" : "false");
      status.appendChild(element("span", { "class": "kk-pages__mark", "aria-hidden": "true" }, seen ? "✓ " : "○ "));
      status.appendChild(document.createTextNode(seen ? data.words.page_seen : data.words.page_unseen));
    });
  }

  /* ---------- «Min fremdrift» ---------- */

  function renderProgress(holder, data, state) {
    var words = data.words;
    holder.textContent = "";
    if (state.problem) {
      holder.appendChild(element("p", { "class": "kk-progress__notice" },
        state.problem === "unavailable" ? words.progress_no_storage : words.storage_unreadable));
    }
    var total = element("p", { "class": "kk-progress__total" });
    var barId = "kk-progress-bar";
    total.appendChild(element("label", { "for": barId }, format(words.indicator, { done: state.done, total: state.total })));
    var bar = element("progress", { id: barId, max: String(state.total), value: String(state.done) },
      state.done + " / " + state.total);
    total.appendChild(bar);
    holder.appendChild(total);

    var table = element("table", { "class": "kk-progress__table" });
    var head = element("tr");
    // The column for the modules' scenarios only when some module has one.
    var practised = state.modules.some(function (s) { return !!s.scenario; });
    [words.module, words.status, words.best, words.latest].concat(practised ? [words.practice] : [], [words.next]).forEach(function (h) {
      head.appendChild(element("th", { scope: "col" }, h));
    });
    table.appendChild(element("thead")).appendChild(head);
    var body = element("tbody");
    state.modules.forEach(function (s) {
      var row = element("tr", { "data-module": s.module.id });
      var name = element("th", { scope: "row" });
      name.appendChild(element("a", { href: siteHref(s.module.url) }, s.module.n + " " + s.module.title));
      row.appendChild(name);
      var retake = !s.completed && s.pass === "retake";
      var status = s.completed ? words.status_completed : retake ? words.status_retake
        : s.started ? words.status_started : words.status_not_started;
      var statusCell = element("td", { "class": "kk-progress__status", "data-label": words.status,
        "data-status": s.completed ? "completed" : retake ? "retake" : s.started ? "started" : "not-started" });
      statusCell.appendChild(element("span", { "aria-hidden": "true", "class": "kk-icon" },
        s.completed ? "✓ " : retake ? "↻ " : s.started ? "◔ " : "○ "));
      statusCell.appendChild(document.createTextNode(status));
      if (s.completed && s.pass === "updated") statusCell.appendChild(changedNote(data, words.updated_since_pass, "updated"));
      if (retake) statusCell.appendChild(changedNote(data, words.retake_needed, "retake"));
      row.appendChild(statusCell);
      row.appendChild(element("td", { "class": "kk-progress__best", "data-label": words.best }, resultText(s.best, s, words)));
      row.appendChild(element("td", { "class": "kk-progress__latest", "data-label": words.latest }, resultText(s.latest, s, words)));
      if (practised) row.appendChild(practiceCell(s, words));
      var next = rules.nextLink(s, words);
      var cell = element("td", { "data-label": words.next });
      cell.appendChild(element("a", { href: siteHref(next.href), "class": "kk-progress__next" }, next.text));
      row.appendChild(cell);
      body.appendChild(row);
    });
    table.appendChild(body);
    var wrapper = element("div", { "class": "md-typeset__table" });
    wrapper.appendChild(table);
    holder.appendChild(wrapper);
    holder.appendChild(tools(holder, data));
  }

  // Why a module's status reads as it does after the module changed, with a link to what changed
  // (the course's changes page, extra.course.changes_page).
  function changedNote(data, text, kind) {
    var note = element("span", { "class": "kk-progress__changed", "data-changed": kind });
    note.appendChild(document.createTextNode(text + " "));
    note.appendChild(element("a", { href: siteHref(data.course.changes) }, data.words.changes_link));
    return note;
  }

  // A module's scenario: not started, begun, or how many of its endings were reached; a link to
  // it; and, when module.yml requires it, that a good ending completes the module.
  function practiceCell(s, words) {
    var cell = element("td", { "class": "kk-progress__practice", "data-label": words.practice });
    if (!s.scenario) return cell;
    var text = s.scenario.state === "endings" ? format(words.practice_endings, s.scenario)
      : s.scenario.state === "in-progress" ? words.status_started : words.status_not_started;
    cell.setAttribute("data-state", s.scenario.state);
    cell.appendChild(element("a", { href: siteHref(s.module.scenario.url) }, text));
    if (s.module.scenario.required && !s.scenario.good) {
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(element("span", { "class": "kk-progress__required" }, "(" + words.practice_required + ")"));
    }
    return cell;
  }

  function tools(holder, data) {
    var words = data.words;
    var box = element("div", { "class": "kk-progress__tools" });
    var message = element("p", { "class": "kk-progress__message", role: "status" });

    var exportButton = element("button", { type: "button", "class": "md-button" }, words.export);
    exportButton.addEventListener("click", function () { exportFile(); });

    var fileId = "kk-progress-file";
    var importBox = element("p", { "class": "kk-progress__import" });
    importBox.appendChild(element("label", { "for": fileId }, words.import_label));
    var file = element("input", { type: "file", id: fileId, accept: ".json,application/json" });
    importBox.appendChild(file);
    file.addEventListener("change", function () {
      if (!file.files || !file.files[0]) return;
      file.files[0].text().then(function (text) {
        file.value = "";
        var parsed = rules.parseImport(text, data.course);
        if (parsed.error || !store.available) {
          rerender(data, words.import_failed, fileId);
          return;
        }
        ask(parsed.entries);
      }, function () {
        rerender(data, words.import_failed, fileId);
      });
    });

    // Before a file replaces anything, the learner sees what changes (passes in the file, now and
    // after) and says yes; «Avbryt» changes nothing. In the page rather than window.confirm, so it
    // is read out, styled and focused like the rest.
    var pending = null;
    var importConfirm = element("div", { "class": "kk-progress__import-confirm", hidden: "hidden",
      role: "group", "aria-labelledby": "kk-import-question", tabindex: "-1" });
    importConfirm.appendChild(element("p", { id: "kk-import-question", "class": "kk-progress__confirm-title" }, words.import));
    var importSummary = element("div", { "aria-live": "polite" });
    importConfirm.appendChild(importSummary);
    var importAnswer = answerButtons(importConfirm, words.import_yes, words.reset_no);
    function describe() {
      var summary = rules.importSummary(pending, data.course, store.read);
      importSummary.textContent = "";
      importSummary.appendChild(element("p", {}, format(words.import_summary, summary)));
      if (summary.lost.length) {
        importSummary.appendChild(element("p", { "class": "kk-progress__warning" }, format(words.import_lost,
          { modules: summary.lost.map(function (m) { return m.n + " " + m.title; }).join(", ") })));
      }
      importSummary.appendChild(element("p", {}, words.import_question));
    }
    function ask(entries) {
      pending = entries;
      confirm.hidden = true;
      describe();
      importConfirm.hidden = false;
      importConfirm.focus();
    }
    // Another tab may change the learner's data while the question is open: the summary follows.
    importConfirm.kkRedescribe = function () { if (pending) describe(); };
    importAnswer.no.addEventListener("click", function () {
      pending = null;
      importConfirm.hidden = true;
      var message = holder.querySelector(".kk-progress__message");
      if (message) message.textContent = words.import_cancelled;
      file.focus();
    });
    importAnswer.yes.addEventListener("click", function () {
      var entries = pending;
      pending = null;
      var ok = !!entries && importEntries(entries);
      rerender(data, ok ? words.imported : words.import_failed, ok ? null : fileId);
    });

    var resetButton = element("button", { type: "button", "class": "md-button kk-progress__reset" }, words.reset);
    var confirm = element("div", { "class": "kk-progress__confirm", hidden: "hidden", role: "group", "aria-labelledby": "kk-reset-question" });
    confirm.appendChild(element("p", { id: "kk-reset-question" }, words.reset_confirm));
    var resetAnswer = answerButtons(confirm, words.reset_yes, words.reset_no);
    resetButton.addEventListener("click", function () {
      importConfirm.hidden = true;
      pending = null;
      confirm.hidden = false;
      resetAnswer.no.focus();
    });
    resetAnswer.no.addEventListener("click", function () {
      confirm.hidden = true;
      resetButton.focus();
    });
    resetAnswer.yes.addEventListener("click", function () {
      store.names().forEach(store.remove);
      store.changed();
      rerender(data, words.reset_done, "kk-reset");
    });
    resetButton.id = "kk-reset";

    box.appendChild(exportButton);
    box.appendChild(importBox);
    box.appendChild(importConfirm);
    box.appendChild(resetButton);
    box.appendChild(confirm);
    box.appendChild(message);
    return box;
  }

  function rerender(data, text, focusId) {
    refresh();
    var message = document.querySelector(".kk-progress__message");
    if (message) message.textContent = text;
    var focus = focusId && document.getElementById(focusId);
    if (focus) focus.focus();
  }

  function exportFile() {
    var payload = rules.exportPayload(store.snapshot(), new Date().toISOString());
    var blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
    var link = element("a", { href: URL.createObjectURL(blob), download: rules.FILE_FORMAT + "-" + new Date().toISOString().slice(0, 10) + ".json" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  // Writes a checked file's entries (record.js's parseImport) in place of everything; should one
  // write fail, what was there is put back.
  function importEntries(entries) {
    if (!store.available) return false;
    var names = Object.keys(entries);
    var before = store.snapshot();
    store.names().forEach(store.remove);
    var written = names.every(function (name) { return store.write(name, entries[name]); });
    if (!written) {
      store.restore(before);
      return false;
    }
    store.changed();
    return true;
  }

  /* ---------- «Flytt til en annen enhet»: the progress as a link and a QR code ---------- */

  // The link (record.js's moveFragment) holds the learner's records in its fragment, which the
  // browser never sends to a server. Opened on another device, the page reads it, takes it out of
  // the address (so it stays in neither the history nor a bookmark), shows what it holds and
  // merges only when the learner says yes (record.js's mergeMove: the better of each record).
  var move = { incoming: null, open: false, message: null, focus: false };

  // Inside the SCORM package the LMS is the learner's record (the launch page frames the course),
  // and a course opened from a folder (file://) has no address another device could open.
  function moveHidden() {
    if (location.protocol === "file:") return true;
    try {
      return !!window.frameElement && window.frameElement.id === "kk-course-frame";
    } catch (e) {
      return false;
    }
  }

  // On every page: a move link opened on another page goes on to «Min fremdrift» with its fragment;
  // on «Min fremdrift» the fragment is read once and taken out of the address.
  function takeMoveLink(data) {
    if (moveHidden() || !rules.isMoveFragment(location.hash)) return;
    if (currentPath() !== data.course.progress) {
      location.replace(siteHref(data.course.progress) + location.hash);
      return;
    }
    move.incoming = location.hash;
    move.message = null;
    move.focus = true;
    move.open = false;
    try {
      history.replaceState(history.state, "", location.pathname + location.search);
    } catch (e) { /* the address keeps it; the data is read all the same */ }
  }

  function moveBanks(holder) {
    try {
      return JSON.parse(holder.getAttribute("data-banks") || "{}");
    } catch (e) {
      return {};
    }
  }

  function moveEntries() {
    return rules.exportPayload(store.snapshot(), new Date().toISOString()).entries;
  }

  // The QR code of `text` as SVG (dark on light whatever the colour scheme, with the standard
  // quiet zone of four modules), or null when the library is missing or the text does not fit.
  // Level M where the code stays at version 20 or below, else L (a screen is not a dirty label).
  function qrSvg(text, label) {
    var make = window.qrcode;
    if (typeof make !== "function") return null;
    var qr = null;
    ["M", "L"].some(function (level) {
      try {
        var code = make(0, level);
        code.addData(text, "Byte");
        code.make();
        qr = code;
        return (code.getModuleCount() - 17) / 4 <= 20;
      } catch (e) {
        return false;
      }
    });
    if (!qr) return null;
    var n = qr.getModuleCount(), quiet = 4, size = n + 2 * quiet, ns = "http://www.w3.org/2000/svg";
    var d = [];
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) {
        if (!qr.isDark(r, c)) continue;
        var run = 1;
        while (c + run < n && qr.isDark(r, c + run)) run++;
        d.push("M" + (c + quiet) + " " + (r + quiet) + "h" + run + "v1h-" + run + "z");
        c += run - 1;
      }
    }
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("class", "kk-move__qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("data-modules", String(n));
    var title = document.createElementNS(ns, "title");
    title.textContent = label;
    svg.appendChild(title);
    var back = document.createElementNS(ns, "rect");
    back.setAttribute("width", String(size));
    back.setAttribute("height", String(size));
    back.setAttribute("fill", "#ffffff");
    svg.appendChild(back);
    var dark = document.createElementNS(ns, "path");
    dark.setAttribute("d", d.join(""));
    dark.setAttribute("fill", "#000000");
    svg.appendChild(dark);
    return svg;
  }

  function renderMove(holder, data, state) {
    var words = data.words;
    holder.textContent = "";
    if (moveHidden()) {
      holder.hidden = true;
      return;
    }
    var section = element("section", { "class": "kk-move__section", "aria-labelledby": "kk-move-title" });
    section.appendChild(element("h2", { id: "kk-move-title" }, words.move_title));
    var message = element("p", { "class": "kk-move__message", role: "status", tabindex: "-1" });
    if (move.incoming) section.appendChild(moveQuestion(holder, data));
    section.appendChild(message);
    if (move.message) message.textContent = move.message;
    section.appendChild(element("p", {}, words.move_intro));
    var named = !!rules.clampName(state.progress.value.name);
    section.appendChild(element("p", { "class": "kk-move__warning" }, named ? words.move_warning_name : words.move_warning));

    var show = element("button", { type: "button", "class": "md-button", "aria-expanded": "false", "aria-controls": "kk-move-panel" }, words.move_show);
    var panel = element("div", { id: "kk-move-panel", "class": "kk-move__panel", hidden: "hidden" });
    section.appendChild(show);
    section.appendChild(panel);
    function draw() {
      panel.textContent = "";
      var link = siteHref(data.course.progress) + "#" + rules.moveFragment(moveEntries(), data.course, moveBanks(holder));
      var field = element("p", { "class": "kk-move__link" });
      field.appendChild(element("label", { "for": "kk-move-link" }, words.move_link_label));
      var text = element("textarea", { id: "kk-move-link", readonly: "readonly", rows: "4", spellcheck: "false" });
      text.value = link;
      field.appendChild(text);
      panel.appendChild(field);
      var copied = element("p", { "class": "kk-move__copied", "aria-live": "polite" });
      var copy = element("button", { type: "button", "class": "md-button" }, words.move_copy);
      copy.addEventListener("click", function () {
        function failed() {
          text.focus();
          text.select();
          copied.textContent = words.move_copy_failed;
        }
        copied.textContent = "";
        if (!navigator.clipboard || !navigator.clipboard.writeText) return failed();
        navigator.clipboard.writeText(link).then(function () { copied.textContent = words.move_copied; }, failed);
      });
      panel.appendChild(copy);
      panel.appendChild(copied);
      var figure = element("figure", { "class": "kk-move__figure" });
      var svg = qrSvg(link, words.move_qr_alt);
      figure.appendChild(svg || element("p", {}, words.move_qr_missing));
      panel.appendChild(figure);
    }
    show.addEventListener("click", function () {
      move.open = panel.hidden;
      if (move.open) draw();
      panel.hidden = !move.open;
      show.setAttribute("aria-expanded", String(move.open));
    });
    if (move.open) {
      draw();
      panel.hidden = false;
      show.setAttribute("aria-expanded", "true");
    }
    holder.appendChild(section);
  }

  // The two answers to a question asked in the page (import, reset, a moved record): the yes
  // button first and marked primary, then the one that changes nothing.
  function answerButtons(box, yesText, noText) {
    var yes = element("button", { type: "button", "class": "md-button md-button--primary" }, yesText);
    var no = element("button", { type: "button", "class": "md-button" }, noText);
    box.appendChild(yes);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(no);
    return { yes: yes, no: no };
  }

  // The question a link opened here asks: what it holds, now and after merging; yes or «Avbryt».
  function moveQuestion(holder, data) {
    var words = data.words;
    var box = element("div", { "class": "kk-move__confirm", role: "group", "aria-labelledby": "kk-move-question", tabindex: "-1" });
    var parsed = store.available ? rules.parseMove(move.incoming, data.course, moveBanks(holder)) : { error: "storage" };
    if (parsed.error) {
      move.incoming = null;
      move.message = parsed.error === "storage" ? words.move_no_storage : words.move_failed;
      setTimeout(function () { focusMoveMessage(); }, 0);
      return document.createDocumentFragment();
    }
    box.appendChild(element("p", { id: "kk-move-question", "class": "kk-progress__confirm-title" }, words.move_incoming));
    var summary = element("div", { "aria-live": "polite" });
    box.appendChild(summary);
    function describe() {
      var said = rules.mergeMove(parsed.entries, data.course, store.read).summary;
      summary.textContent = "";
      summary.appendChild(element("p", {}, format(words.move_summary, said)));
      summary.appendChild(element("p", {}, words.move_keeps));
      if (said.lost.length) {
        summary.appendChild(element("p", { "class": "kk-progress__warning" }, format(words.import_lost,
          { modules: said.lost.map(function (m) { return m.n + " " + m.title; }).join(", ") })));
      }
      summary.appendChild(element("p", {}, words.move_question));
    }
    describe();
    box.kkRedescribe = describe;
    var answer = answerButtons(box, words.move_yes, words.reset_no);
    answer.no.addEventListener("click", function () {
      move.incoming = null;
      move.message = words.move_cancelled;
      refresh();
      focusMoveMessage();
    });
    answer.yes.addEventListener("click", function () {
      move.incoming = null;
      var ok = mergeMoved(parsed.entries, data.course);
      move.message = ok ? words.move_done : words.move_failed;
      refresh();
      focusMoveMessage();
    });
    // Focused once, when the link has been read (on the box drawn last: the page may be drawn
    // twice as it loads); a later redraw leaves the learner's focus alone.
    if (move.focus) {
      setTimeout(function () {
        if (!box.isConnected || !move.focus) return;
        move.focus = false;
        box.focus();
      }, 0);
    }
    return box;
  }

  function focusMoveMessage() {
    var message = document.querySelector(".kk-move__message");
    if (message) message.focus();
  }

  // Writes the merge of the link's records with this browser's (read again now: another tab may
  // have written since the question was asked); should one write fail, what was there is put back.
  function mergeMoved(entries, course) {
    if (!store.available) return false;
    var merged = rules.mergeMove(entries, course, store.read).entries;
    var before = store.snapshot();
    var written = Object.keys(merged).every(function (name) { return store.write(name, merged[name]); });
    if (!written) {
      store.restore(before);
      return false;
    }
    store.changed();
    return true;
  }

  /* ---------- the certificate ---------- */

  function longDate(iso, lang) {
    var locale = lang === "en" ? "en-GB" : lang === "nn" ? "nn-NO" : "nb-NO";
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(new Date(iso));
  }

  function renderCertificate(holder, data, state) {
    var words = data.words;
    holder.textContent = "";
    document.body.classList.toggle("kk-certificate-page", true);
    if (state.done < state.total) {
      holder.appendChild(element("p", {}, words.certificate_remaining));
      var list = element("ul", { "class": "kk-certificate__remaining" });
      state.modules.filter(function (s) { return !s.completed; }).forEach(function (s) {
        var li = element("li");
        li.appendChild(element("a", { href: siteHref(s.module.url) }, s.module.n + " " + s.module.title));
        list.appendChild(li);
      });
      holder.appendChild(list);
      return;
    }
    var progress = state.progress.value;
    var form = element("p", { "class": "kk-certificate__form" });
    form.appendChild(element("label", { "for": "kk-certificate-name" }, words.certificate_name));
    var input = element("input", { type: "text", id: "kk-certificate-name", autocomplete: "name", maxlength: String(rules.NAME_MAX) });
    // Stored data may come from a file or an LMS: no longer than the field takes.
    input.value = rules.clampName(progress.name);
    form.appendChild(input);
    var print = element("button", { type: "button", "class": "md-button md-button--primary" }, words.certificate_print);
    print.addEventListener("click", function () { window.print(); });
    form.appendChild(print);
    holder.appendChild(form);

    var completedAt = rules.completionDate(state.modules);
    if (!completedAt) holder.appendChild(element("p", { "class": "kk-certificate__notice" }, words.certificate_no_date));
    // The sheet is what prints, on one A4 page (course.css): who issues it, to whom, for what course
    // and which version of each module, when, and what it does and does not certify.
    var sheet = element("div", { "class": "kk-certificate__sheet" });
    if (data.course.publisher) sheet.appendChild(element("p", { "class": "kk-certificate__issuer" }, data.course.publisher));
    sheet.appendChild(element("p", { "class": "kk-certificate__heading" }, words.certificate_title));
    sheet.appendChild(element("p", { "class": "kk-certificate__intro" }, words.certificate_intro));
    var nameLine = element("p", { "class": "kk-certificate__name" }, input.value);
    sheet.appendChild(nameLine);
    sheet.appendChild(element("p", { "class": "kk-certificate__done" }, words.course_done));
    sheet.appendChild(element("p", { "class": "kk-certificate__course" }, data.course.title));
    if (data.course.hours) {
      sheet.appendChild(element("p", { "class": "kk-certificate__hours" }, format(words.certificate_hours, { hours: data.course.hours })));
    }
    sheet.appendChild(element("p", { "class": "kk-certificate__modules-title" }, words.certificate_modules));
    var modules = element("ul", { "class": "kk-certificate__modules" });
    state.modules.forEach(function (s) {
      var said = [];
      if (s.passedVersion) said.push(format(words.certificate_version, { version: s.passedVersion }));
      said.push(s.best && s.best.h === s.module.hash ? s.best.percent + " %" : words.result_passed);
      modules.appendChild(element("li", { "data-module": s.module.id }, s.module.n + " " + s.module.title + ": " + said.join(", ")));
    });
    sheet.appendChild(modules);
    if (completedAt) {
      sheet.appendChild(element("p", { "class": "kk-certificate__date" },
        format(words.certificate_completed, { date: longDate(completedAt, data.course.lang) })));
    }
    sheet.appendChild(element("p", { "class": "kk-certificate__certifies" }, words.certificate_certifies));
    sheet.appendChild(element("p", { "class": "kk-certificate__publisher" },
      format(words.certificate_publisher, { publisher: data.course.publisher })));
    holder.appendChild(sheet);

    // A long name is set smaller, so the sheet keeps to one page (course.css).
    function fitName() {
      nameLine.classList.toggle("kk-certificate__name--long", input.value.length > 60);
    }
    fitName();
    input.addEventListener("input", function () {
      nameLine.textContent = input.value;
      fitName();
      var current = readProgress();
      if (current.problem === "unreadable") return;
      current.value.name = input.value;
      store.write("progress", current.value);
    });
  }

  /* ---------- page life ---------- */

  var current = null;

  // Each view is drawn on its own: one that fails (odd stored data, a changed theme) must not
  // leave the others undrawn, nor stop the page's other scripts.
  function safely(what, draw) {
    try {
      draw();
    } catch (e) {
      if (window.console) console.error("krisesenterkurs progress (" + what + "):", e);
    }
  }

  // The header indicator and the navigation marks, drawn on every page.
  function marks(data, state) {
    safely("indicator", function () { indicator(data, state); });
    safely("navigation", function () { navMarks(data, state); });
  }

  // What each `data-kk` holder of a page shows (the block's name in the Markdown).
  var VIEWS = { resume: renderResume, progress: renderProgress, certificate: renderCertificate, move: renderMove,
    "module-pages": renderPages };

  function refresh() {
    if (!current) return;
    var data = current, state = null;
    safely("state", function () { state = courseState(data); });
    if (!state) return;
    marks(data, state);
    var focused = focusKey(document.activeElement);
    Object.keys(VIEWS).forEach(function (kind) {
      Array.prototype.forEach.call(document.querySelectorAll('[data-kk="' + kind + '"]'), function (holder) {
        safely(kind, function () { VIEWS[kind](holder, data, state); });
      });
    });
    refocus(focused);
  }

  // A view drawn anew while it held the focus (the page drawn a second time as it loads, a move
  // link read while the question was open) would drop the keyboard user's place to <body>: the
  // same element of the new drawing takes it back.
  var FOCUS_KEYS = [".kk-move__confirm", ".kk-move__message", ".kk-progress__import-confirm", ".kk-progress__message"];
  function focusKey(el) {
    if (!el || el === document.body || !el.closest || !el.closest("[data-kk]")) return null;
    if (el.id) return "#" + el.id;
    for (var i = 0; i < FOCUS_KEYS.length; i++) if (el.matches(FOCUS_KEYS[i])) return FOCUS_KEYS[i];
    return null;
  }
  function refocus(key) {
    var active = document.activeElement;
    if (!key || (active && active !== document.body && active.isConnected)) return;
    var el = null;
    try { el = document.querySelector(key); } catch (e) { /* an id CSS cannot name: leave it */ }
    if (el) el.focus({ preventScroll: true });
  }

  function init() {
    current = manifest();
    if (!current || !store || !rules) return;
    document.body.classList.remove("kk-certificate-page");
    // At once: a learner who leaves right away has still visited the page. Should it fail, the
    // page is still drawn.
    safely("track", function () { track(current); });
    safely("move", function () { takeMoveLink(current); });
    // Drawing is a task of its own. Run at once, it would fall into the task in which Material
    // starts up (the last deferred script and DOMContentLoaded share one), and make it longer.
    setTimeout(refresh, 0);
  }

  // Another tab changed the learner's data: this page shows it. A view holding the learner's focus
  // (a name being typed, a question being answered) is not drawn anew under their hands; the
  // import question updates its summary instead.
  function refreshFromElsewhere() {
    if (!current) return;
    var data = current, state = null;
    safely("state", function () { state = courseState(data); });
    if (!state) return;
    marks(data, state);
    var focus = document.activeElement;
    Object.keys(VIEWS).forEach(function (kind) {
      Array.prototype.forEach.call(document.querySelectorAll('[data-kk="' + kind + '"]'), function (holder) {
        if (focus && focus !== document.body && holder.contains(focus)) {
          Array.prototype.forEach.call(holder.querySelectorAll(".kk-progress__import-confirm, .kk-move__confirm"), function (box) {
            safely(kind, function () { box.kkRedescribe(); });
          });
          return;
        }
        safely(kind, function () { VIEWS[kind](holder, data, state); });
      });
    });
  }

  if (store && store.watch) store.watch(refreshFromElsewhere);

  // A move link opened while its page is already showing (only the fragment changes: no new page).
  window.addEventListener("hashchange", function () {
    if (!current || !rules || !rules.isMoveFragment(location.hash)) return;
    safely("move", function () { takeMoveLink(current); });
    refresh();
  });

  document.addEventListener("krisesenterkurs:changed", function () {
    if (!current) return;
    var data = current, state = null;
    safely("state", function () { state = courseState(data); });
    if (state) marks(data, state);
  });

  window.krisesenterkurs.onPage(init);
})();
