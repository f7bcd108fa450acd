/* The learner's progress across the course: indicator, navigation marks,
 * «Fortsett der du slapp», «Min fremdrift» (with export, import and reset)
 * and the certificate.
 *
 * What the course contains comes from the manifest every page carries
 * (rendered by the krisesenterkurs.progress Markdown extension at build
 * time); what the learner has done comes from localStorage via storage.js.
 */
(function () {
  "use strict";

  var FORMAT = 1;
  var FILE_FORMAT = "krisesenterkurs-fremdrift";
  var NAME = /^(progress|quiz:[a-z0-9]+(?:-[a-z0-9]+)*)$/;
  var store = window.krisesenterkurs && window.krisesenterkurs.store;

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
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base || ".", location.href);
    } catch (e) {
      return new URL("/", location.href);
    }
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
    return template.replace(/\{(\w+)\}/g, function (m, key) { return key in values ? String(values[key]) : m; });
  }

  function isProgress(value) {
    return value.v === FORMAT && (!value.visited || typeof value.visited === "object");
  }

  function isQuiz(value) {
    return value.v === FORMAT && !!value.answers && typeof value.answers === "object";
  }

  function readProgress() {
    if (!store) return { value: { v: FORMAT, visited: {} }, problem: "unavailable" };
    var found = store.read("progress", isProgress);
    var value = found.value || { v: FORMAT, visited: {} };
    value.visited = value.visited || {};
    return { value: value, problem: found.problem };
  }

  function isResult(r) {
    return !!r && typeof r === "object" && typeof r.percent === "number" && typeof r.h === "string";
  }

  function moduleState(m, progress) {
    var found = store ? store.read("quiz:" + m.bank, isQuiz) : { value: null, problem: null };
    var quiz = found.value;
    var state = { module: m, problem: found.problem, completed: false, started: false, best: null, latest: null };
    if (quiz) {
      state.completed = !!quiz.passed && quiz.passed.h === m.hash;
      state.passedAt = state.completed ? quiz.passed.at : null;
      state.best = isResult(quiz.best) ? quiz.best : null;
      state.latest = isResult(quiz.result) ? quiz.result : null;
      state.started = Object.keys(quiz.answers).length > 0 || !!state.latest;
    }
    state.started = state.started || state.completed || !!progress.visited[m.id];
    return state;
  }

  function courseState(data) {
    var progress = readProgress();
    var modules = data.course.modules.map(function (m) { return moduleState(m, progress.value); });
    var done = modules.filter(function (s) { return s.completed; });
    var problem = progress.problem || (modules.filter(function (s) { return s.problem; })[0] || {}).problem || null;
    return { progress: progress, modules: modules, done: done.length, total: modules.length, problem: problem };
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

  function resultText(result, m, words) {
    if (!result) return words.no_result;
    var text = result.percent + " % (" + (result.passed ? words.result_passed : words.result_failed) + ")";
    return result.h === m.hash ? text : text + " – " + words.outdated;
  }

  /* ---------- on every page ---------- */

  function track(data) {
    // Corrupt stored progress is left alone until the learner acts on it.
    var progress = readProgress();
    if (progress.problem) return;
    var path = currentPath();
    var record = progress.value;
    var changed = false;
    data.course.modules.forEach(function (m) {
      if (path.indexOf(m.dir) === 0 && !record.visited[m.id]) {
        record.visited[m.id] = true;
        changed = true;
      }
    });
    var special = ["", "index.html", data.course.progress, data.course.certificate];
    if (special.indexOf(path) === -1) {
      var h1 = document.querySelector("article h1");
      var title = h1 ? Array.prototype.filter.call(h1.childNodes, function (n) {
        return !(n.classList && n.classList.contains("headerlink"));
      }).map(function (n) { return n.textContent; }).join("").trim() : document.title;
      if (!record.last || record.last.url !== path) changed = true;
      record.last = { url: path, title: title, at: new Date().toISOString() };
    }
    if (changed) store.write("progress", record);
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
    var last = state.progress.value.last;
    var p = element("p", { "class": "kk-resume__line" });
    if (last && typeof last.url === "string" && typeof last.title === "string") {
      p.appendChild(element("strong", {}, data.words.resume + " "));
      p.appendChild(element("a", { href: siteHref(last.url) }, last.title));
    } else {
      var first = data.course.modules[0];
      p.appendChild(document.createTextNode(data.words.resume_none + " "));
      p.appendChild(element("a", { href: siteHref(first.url) }, first.n + " " + first.title));
    }
    holder.appendChild(p);
  }

  /* ---------- «Min fremdrift» ---------- */

  function nextLink(s, words) {
    if (s.completed) return { href: s.module.url, text: words.review_module };
    if (s.latest || (s.best && s.best.h !== s.module.hash)) return { href: s.module.quiz, text: words.take_quiz };
    if (s.started) return { href: s.module.url, text: words.continue_module };
    return { href: s.module.url, text: words.start_module };
  }

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
    [words.module, words.status, words.best, words.latest, words.next].forEach(function (h) {
      head.appendChild(element("th", { scope: "col" }, h));
    });
    table.appendChild(element("thead")).appendChild(head);
    var body = element("tbody");
    state.modules.forEach(function (s) {
      var row = element("tr", { "data-module": s.module.id });
      var name = element("th", { scope: "row" });
      name.appendChild(element("a", { href: siteHref(s.module.url) }, s.module.n + " " + s.module.title));
      row.appendChild(name);
      var status = s.completed ? words.status_completed : s.started ? words.status_started : words.status_not_started;
      var statusCell = element("td", { "class": "kk-progress__status", "data-label": words.status,
        "data-status": s.completed ? "completed" : s.started ? "started" : "not-started" });
      statusCell.appendChild(element("span", { "aria-hidden": "true", "class": "kk-icon" }, s.completed ? "✓ " : s.started ? "◔ " : "○ "));
      statusCell.appendChild(document.createTextNode(status));
      row.appendChild(statusCell);
      row.appendChild(element("td", { "class": "kk-progress__best", "data-label": words.best }, resultText(s.best, s.module, words)));
      row.appendChild(element("td", { "class": "kk-progress__latest", "data-label": words.latest }, resultText(s.latest, s.module, words)));
      var next = nextLink(s, words);
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
        var ok = importText(text, data);
        file.value = "";
        rerender(data, ok ? words.imported : words.import_failed, ok ? null : fileId);
      }, function () {
        rerender(data, words.import_failed, fileId);
      });
    });

    var resetButton = element("button", { type: "button", "class": "md-button kk-progress__reset" }, words.reset);
    var confirm = element("div", { "class": "kk-progress__confirm", hidden: "hidden", role: "group", "aria-labelledby": "kk-reset-question" });
    confirm.appendChild(element("p", { id: "kk-reset-question" }, words.reset_confirm));
    var yes = element("button", { type: "button", "class": "md-button md-button--primary" }, words.reset_yes);
    var no = element("button", { type: "button", "class": "md-button" }, words.reset_no);
    confirm.appendChild(yes);
    confirm.appendChild(document.createTextNode(" "));
    confirm.appendChild(no);
    resetButton.addEventListener("click", function () {
      confirm.hidden = false;
      no.focus();
    });
    no.addEventListener("click", function () {
      confirm.hidden = true;
      resetButton.focus();
    });
    yes.addEventListener("click", function () {
      store.names().forEach(store.remove);
      store.changed();
      rerender(data, words.reset_done, "kk-reset");
    });
    resetButton.id = "kk-reset";

    box.appendChild(exportButton);
    box.appendChild(importBox);
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
    var entries = {};
    var raw = store.snapshot();
    Object.keys(raw).forEach(function (name) {
      try { entries[name] = JSON.parse(raw[name]); } catch (e) { /* unreadable entries stay behind */ }
    });
    var payload = { format: FILE_FORMAT, version: FORMAT, exported: new Date().toISOString(), entries: entries };
    var blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
    var link = element("a", { href: URL.createObjectURL(blob), download: FILE_FORMAT + "-" + new Date().toISOString().slice(0, 10) + ".json" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  // Checks the whole file before anything is written; a bad file changes nothing.
  function importText(text, data) {
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { return false; }
    if (!parsed || parsed.format !== FILE_FORMAT || parsed.version !== FORMAT) return false;
    var entries = parsed.entries;
    if (!entries || typeof entries !== "object" || Array.isArray(entries)) return false;
    var names = Object.keys(entries);
    var valid = names.every(function (name) {
      var value = entries[name];
      if (!NAME.test(name) || !value || typeof value !== "object" || Array.isArray(value)) return false;
      return name === "progress" ? isProgress(value) : isQuiz(value);
    });
    if (!valid || !store || !store.available) return false;
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
    var input = element("input", { type: "text", id: "kk-certificate-name", autocomplete: "name", maxlength: "120" });
    input.value = typeof progress.name === "string" ? progress.name : "";
    form.appendChild(input);
    var print = element("button", { type: "button", "class": "md-button md-button--primary" }, words.certificate_print);
    print.addEventListener("click", function () { window.print(); });
    form.appendChild(print);
    holder.appendChild(form);

    var completedAt = state.modules.map(function (s) { return s.passedAt; }).sort().pop();
    var sheet = element("div", { "class": "kk-certificate__sheet" });
    sheet.appendChild(element("p", { "class": "kk-certificate__heading" }, words.certificate_title));
    sheet.appendChild(element("p", { "class": "kk-certificate__intro" }, words.certificate_intro));
    var nameLine = element("p", { "class": "kk-certificate__name" }, input.value);
    sheet.appendChild(nameLine);
    sheet.appendChild(element("p", { "class": "kk-certificate__done" }, words.course_done));
    sheet.appendChild(element("p", { "class": "kk-certificate__course" }, data.course.title));
    sheet.appendChild(element("p", { "class": "kk-certificate__modules-title" }, words.certificate_modules));
    var modules = element("ul", { "class": "kk-certificate__modules" });
    state.modules.forEach(function (s) {
      modules.appendChild(element("li", {}, s.module.n + " " + s.module.title + ": " +
        (s.best && s.best.h === s.module.hash ? s.best.percent + " %" : words.result_passed)));
    });
    sheet.appendChild(modules);
    sheet.appendChild(element("p", { "class": "kk-certificate__date" },
      format(words.certificate_completed, { date: longDate(completedAt, data.course.lang) })));
    sheet.appendChild(element("p", { "class": "kk-certificate__publisher" },
      format(words.certificate_publisher, { publisher: data.course.publisher })));
    holder.appendChild(sheet);

    input.addEventListener("input", function () {
      nameLine.textContent = input.value;
      var current = readProgress();
      if (current.problem === "unreadable") return;
      current.value.name = input.value;
      store.write("progress", current.value);
    });
  }

  /* ---------- page life ---------- */

  var current = null;

  function refresh() {
    if (!current) return;
    var state = courseState(current);
    indicator(current, state);
    navMarks(current, state);
    var views = { resume: renderResume, progress: renderProgress, certificate: renderCertificate };
    Object.keys(views).forEach(function (kind) {
      Array.prototype.forEach.call(document.querySelectorAll('[data-kk="' + kind + '"]'), function (holder) {
        views[kind](holder, current, state);
      });
    });
  }

  function init() {
    current = manifest();
    if (!current || !store) return;
    document.body.classList.remove("kk-certificate-page");
    track(current);  // at once: a learner who leaves right away has still visited the page
    // Drawing is a task of its own. Run at once, it would fall into the task in which Material
    // starts up (the last deferred script and DOMContentLoaded share one), and make it longer.
    setTimeout(refresh, 0);
  }

  document.addEventListener("krisesenterkurs:changed", function () {
    if (!current) return;
    var state = courseState(current);
    indicator(current, state);
    navMarks(current, state);
  });

  window.krisesenterkurs.onPage(init);
})();
