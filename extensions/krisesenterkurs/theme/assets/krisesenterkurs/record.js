/* The learner-record format: what the course keeps in localStorage, in one place.
 *
 * Every key is "krisesenterkurs:<site path>:<name>", where <name> is "progress"
 * or "quiz:<bank id>". A quiz record is {v, answers: {qid: {h, a, t}}, cleared, result,
 * best, passed} (t: when the answer was checked; cleared: the last «Prøv igjen»; both
 * optional, for merging two tabs' records); the progress record is
 * {v, visited, last: {url, title, at}, name}; a scenario's ("scenario:<id>") is
 * {v, h, path, open, endings: {node id: when}} (scenario.js: h is the scenario's
 * hash, path the choices made, open whether the last choice's feedback is showing).
 * quiz.js writes them, progress.js reads them back, and the SCORM launch page
 * (publishing/scorm, which inlines this file) moves them to and from the LMS,
 * so the rules live here once instead of in three copies that could drift.
 *
 * A plain script, not an ES module: the course must also run from a folder
 * (file://), where module scripts are refused. Nothing here touches the page
 * or the storage, so node can load it (module.exports) and test it.
 */
(function (root) {
  "use strict";

  var kk = root ? (root.krisesenterkurs = root.krisesenterkurs || {}) : {};
  if (kk.record) {  // loaded already: keep the first copy, which the other scripts may hold
    if (typeof module === "object" && module && module.exports) module.exports = kk.record;
    return;
  }

  var FORMAT = 1;
  var FILE_FORMAT = "krisesenterkurs-fremdrift";
  var PREFIX = "krisesenterkurs";
  // The learner's course data; the theme's own settings (":theme..." keys) are not part of it.
  var NAME = /^(progress|(?:quiz|scenario):[a-z0-9]+(?:-[a-z0-9]+)*)$/;

  var own = Object.prototype.hasOwnProperty;

  /* ---------- keys and shapes ---------- */

  // A JSON object, as every stored entry is: not null, not an array.
  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  // Everything before the name in this site's keys; `sitePath` is the site root's path, e.g. "/kurs/".
  function keyPrefix(sitePath) {
    return PREFIX + ":" + sitePath + ":";
  }

  // The name in one of this site's learner-data keys, or null for any other key (another
  // course on the same host, the theme's settings, other scripts' data).
  function nameOf(key, sitePath) {
    var start = keyPrefix(sitePath);
    if (typeof key !== "string" || key.indexOf(start) !== 0) return null;
    var name = key.slice(start.length);
    return NAME.test(name) ? name : null;
  }

  function quizName(bankId) {
    return "quiz:" + bankId;
  }

  function scenarioName(scenarioId) {
    return "scenario:" + scenarioId;
  }

  function isScenarioRecord(value) {
    return isObject(value) && value.v === FORMAT && typeof value.h === "string" && Array.isArray(value.path) &&
      value.path.length <= 200 && isObject(value.endings);
  }

  // Which rule a stored entry's name calls for.
  function validFor(name) {
    if (name === "progress") return isProgress;
    return name.indexOf("scenario:") === 0 ? isScenarioRecord : isQuizRecord;
  }

  function isQuizRecord(value) {
    return isObject(value) && value.v === FORMAT && isObject(value.answers);
  }

  function isProgress(value) {
    return isObject(value) && value.v === FORMAT && (!value.visited || typeof value.visited === "object");
  }

  // A percentage outside 0–100 is no result this course gave, and would not fit on a certificate.
  function isResult(r) {
    return !!r && typeof r === "object" && typeof r.percent === "number" && r.percent >= 0 && r.percent <= 100 &&
      typeof r.h === "string";
  }

  // New objects each time: the callers fill them in.
  function emptyQuiz() {
    return { v: FORMAT, answers: {} };
  }

  function emptyProgress() {
    return { v: FORMAT, visited: {} };
  }

  /* ---------- small helpers ---------- */

  // "{done} av {total}" with values; an unknown placeholder stays as written, so a missing value
  // shows. Only the values' own keys count: "{constructor}" is not filled in from Object.prototype.
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) {
      return own.call(values, key) ? String(values[key]) : m;
    });
  }

  // The site root as a URL. Material's __config gives "base" relative to the page it belongs to;
  // instant navigation keeps the first page's __config while the address changes, so callers work
  // this out once, on the page the script loads with. Without a readable __config it is "/".
  function siteRoot(configText, locationHref) {
    try {
      var config = JSON.parse(configText);
      return new URL(config.base || ".", locationHref);
    } catch (e) {
      try {
        return new URL("/", locationHref);
      } catch (e2) {
        return null;  // an address without a path (about:blank): there is no site to speak of
      }
    }
  }

  // A stored link (the page to resume from, the LMS's lesson location) as a path inside the site
  // whose root is `base` (an absolute URL ending in "/"), or null. Stored data may come from a file
  // or an LMS, so nothing in it is trusted to be a link: it is resolved as the browser would resolve
  // it (which drops tabs and newlines, reads "\\" as "/", trims spaces, decodes "%2e%2e") and kept
  // only when it lands on this site: the same scheme and origin (for file:// the origin is opaque,
  // so the scheme and the path decide), no user name, a path under the root's. A filter of the text
  // itself would have to foresee every one of those rewritings; the URL parser is the browser's own.
  function safeLink(text, base) {
    if (typeof text !== "string" || typeof base !== "string") return null;
    try {
      var root = new URL(base);
      if (root.pathname.slice(-1) !== "/") return null;
      var url = new URL(text, root);
      if (url.protocol !== root.protocol || url.origin !== root.origin || url.host !== root.host) return null;
      if (url.username || url.password) return null;
      if (url.pathname.indexOf(root.pathname) !== 0) return null;
      return url.pathname.slice(root.pathname.length) + url.search + url.hash;
    } catch (e) {
      return null;
    }
  }

  // The page «Fortsett der du slapp» offers, {url, title}, or null when there is none to trust;
  // `base` is the site root's absolute URL, as for safeLink.
  function resumeTarget(progress, base) {
    var last = isObject(progress) ? progress.last : null;
    if (!isObject(last) || typeof last.title !== "string") return null;
    var url = safeLink(last.url, base);
    return url === null ? null : { url: url, title: last.title };
  }

  /* ---------- a quiz record ---------- */

  function sameSet(a, b) {
    if (a.length !== b.length) return false;
    var sorted = b.slice().sort();
    return a.slice().sort().every(function (v, i) { return v === sorted[i]; });
  }

  function sameList(a, b) {
    return a.length === b.length && a.every(function (v, i) { return v === b[i]; });
  }

  // An answer is a list of numbers, by the author's order: for single, multiple and true/false the
  // options chosen (a set: any order); for matching the category chosen for each item, item by item;
  // for ordering the steps as the learner placed them. Only the whole answer is right.
  var LISTS = { matching: true, ordering: true };

  function isRight(chosen, correct, type) {
    return LISTS[type] ? sameList(chosen, correct) : sameSet(chosen, correct);
  }

  function validIndices(list, count) {
    return Array.isArray(list) && list.length > 0 && list.every(function (i) {
      return Number.isInteger(i) && i >= 0 && i < count;
    });
  }

  // Whether `list` can be an answer to a question of `type` with `count` options (categories for
  // matching, steps for ordering) and, for matching, `items` items.
  function validAnswer(list, count, type, items) {
    if (!validIndices(list, count)) return false;
    if (type === "matching") return list.length === items;
    if (type === "ordering") {
      return list.length === count && sameList(list.slice().sort(function (x, y) { return x - y; }), list.map(function (v, i) { return i; }));
    }
    return true;
  }

  // The saved answer to a question (see validAnswer), or null. An answer to an older version of
  // the question (another hash) is not applied to the new text.
  function savedAnswer(record, qid, qhash, count, type, items) {
    var answers = isObject(record) && isObject(record.answers) ? record.answers : null;
    var entry = answers && own.call(answers, qid) ? answers[qid] : null;
    if (!isObject(entry) || entry.h !== qhash) return null;
    return validAnswer(entry.a, count, type, items) ? entry.a : null;
  }

  /* ---------- the order options are shown in, per attempt ---------- */

  // Each attempt has a seed; a question's options (single and multiple choice) and steps (ordering)
  // are shown in an order drawn from the seed and the question's id. The seed is kept with the
  // answers, so a reload shows the same order; «Prøv igjen» draws a new seed, so a new order.
  // Answers are kept by the author's order, so the order shown never changes what they mean.
  var SEED = /^[0-9a-z]{1,12}$/;

  function newSeed() {
    return Math.floor(Math.random() * 2176782336).toString(36);  // up to six base-36 digits
  }

  function isSeed(value) {
    return typeof value === "string" && SEED.test(value);
  }

  // The record's seed, given one first if it has none (or a broken one).
  function attemptSeed(record) {
    if (!isSeed(record.seed)) record.seed = newSeed();
    return record.seed;
  }

  // A small seeded generator (FNV-1a of the text, then mulberry32): the same seed and question
  // give the same order on every browser.
  function generator(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return function () {
      h = (h + 0x6d2b79f5) | 0;
      var x = Math.imul(h ^ (h >>> 15), 1 | h);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  // The author's indices 0..count-1 in the order to show. `notAsWritten` (ordering, where the
  // author's order is the answer) never gives the author's order back.
  function shownOrder(seed, qid, count, notAsWritten) {
    var order = [], random = generator(seed + ":" + qid);
    for (var i = 0; i < count; i++) order.push(i);
    for (var j = count - 1; j > 0; j--) {
      var k = Math.floor(random() * (j + 1)), v = order[j];
      order[j] = order[k];
      order[k] = v;
    }
    if (notAsWritten && count > 1 && order.every(function (v, n) { return v === n; })) order.push(order.shift());
    return order;
  }

  // `at` (ISO time) dates the answer, so that two tabs' records can be merged (mergeQuiz).
  function recordAnswer(record, qid, qhash, chosen, at) {
    record.answers[qid] = at ? { h: qhash, a: chosen, t: at } : { h: qhash, a: chosen };
  }

  function forgetAnswer(record, qid) {
    delete record.answers[qid];
  }

  // «Prøv igjen»: the answers go, and the time says which answers another tab may still bring back
  // (those given after it). Results and the pass stay: completing a module is never undone.
  function startOver(record, at) {
    record.answers = {};
    record.cleared = at;
    record.seed = newSeed();
    return record;
  }

  function isTime(value) {
    return typeof value === "string" && value !== "" && isFinite(Date.parse(value));
  }

  function later(a, b) {
    return Date.parse(a) > Date.parse(b);
  }

  function isPass(p) {
    return isObject(p) && typeof p.h === "string";
  }

  // Two records of one quiz, the stored one and this tab's, as one new record; neither is changed.
  // Each tab re-reads and merges before it writes, so a tab opened earlier never writes back its
  // older picture of the record. Answers count from the latest «Prøv igjen» of either tab; within an
  // attempt, a question's first answer stands (a checked question is locked on every tab, so a
  // second answer to it can only come from a tab that had not seen the first). The latest result
  // is the newest; the best is the better of one bank version or the one of the newer version; a
  // pass is never dropped (the first of a bank version, else the newer version's).
  function mergeQuiz(stored, mine) {
    var a = isQuizRecord(stored) ? stored : null, b = isQuizRecord(mine) ? mine : null;
    if (!a || !b) return JSON.parse(JSON.stringify(a || b || emptyQuiz()));
    var out = emptyQuiz();
    var cleared = [a.cleared, b.cleared].filter(isTime).sort(function (x, y) { return Date.parse(x) - Date.parse(y); }).pop();
    if (cleared) out.cleared = cleared;
    // The seed of the latest attempt: the one that started over last, else the stored one.
    var seeded = [a, b].filter(function (r) { return isSeed(r.seed); });
    var latest = seeded.filter(function (r) { return r.cleared === cleared; })[0] || seeded[0];
    if (latest) out.seed = latest.seed;
    [a, b].forEach(function (record) {
      Object.keys(record.answers).forEach(function (qid) {
        var entry = record.answers[qid];
        if (!isObject(entry) || typeof entry.h !== "string" || !Array.isArray(entry.a)) return;
        var t = isTime(entry.t) ? entry.t : null;
        // An undated answer is from before dates were kept: older than any «Prøv igjen».
        if (cleared && (!t || later(cleared, t))) return;
        var kept = own.call(out.answers, qid) ? out.answers[qid] : null;
        if (kept && !(t && kept.t && later(kept.t, t))) return;
        out.answers[qid] = { h: entry.h, a: entry.a.slice() };
        if (t) out.answers[qid].t = t;
      });
    });
    var result = newer(isResult(a.result) ? a.result : null, isResult(b.result) ? b.result : null);
    if (result) out.result = copy(result);
    var best = better(isResult(a.best) ? a.best : null, isResult(b.best) ? b.best : null);
    if (best) out.best = copy(best);
    var passed = firstPass(isPass(a.passed) ? a.passed : null, isPass(b.passed) ? b.passed : null);
    if (passed) out.passed = copy(passed);
    return out;
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // The newer of two dated things (an undated one counts as the older); on a tie, the first.
  function newer(x, y) {
    if (!x || !y) return x || y;
    if (!isTime(y.at)) return x;
    if (!isTime(x.at)) return y;
    return later(y.at, x.at) ? y : x;
  }

  function better(x, y) {
    if (!x || !y) return x || y;
    if (x.h !== y.h) return newer(x, y);
    return y.percent > x.percent ? y : x;
  }

  function firstPass(x, y) {
    if (!x || !y) return x || y;
    if (x.h !== y.h) return newer(x, y);
    return newer(x, y) === x ? y : x;
  }

  // A finished attempt: `correct` of `total` right against a pass mark in percent. Passing is
  // decided on whole numbers, so a rounded percentage never passes a learner who did not.
  function attempt(bankHash, correct, total, passMark, at) {
    return { h: bankHash, correct: correct, total: total, percent: Math.round((correct * 100) / total),
      passed: correct * 100 >= passMark * total, at: at };
  }

  // Keeps a finished attempt (from attempt()) in the record: as the latest result; as the best if it
  // is at least as good, or the best was for another version of the bank; and the first pass of
  // this version of the bank dates the module's completion.
  function recordAttempt(record, result) {
    record.result = result;
    if (!record.best || record.best.h !== result.h || record.best.percent <= result.percent) {
      record.best = result;
    }
    if (result.passed && (!record.passed || record.passed.h !== result.h)) {
      record.passed = { h: result.h, at: result.at };
    }
    return record;
  }

  /* ---------- the course: the manifest's modules and the learner's records ---------- */

  // A module's scenario (samtaletrening) as «Min fremdrift» tells it: "not-started", "in-progress"
  // (a path begun, no ending yet) or "endings" (reached of total, and whether a good one), from
  // its record. Endings reached are counted by node id, so an edited scenario keeps them.
  function scenarioState(m, record) {
    var s = m.scenario;
    if (!s) return null;
    var out = { state: "not-started", reached: 0, total: s.endings.length, good: false };
    if (!isScenarioRecord(record)) return out;
    var reached = s.endings.filter(function (id) { return own.call(record.endings, id) && !!record.endings[id]; });
    out.reached = reached.length;
    out.good = reached.some(function (id) { return s.good.indexOf(id) !== -1; });
    if (out.reached) out.state = "endings";
    else if (record.h === s.hash && record.path.length) out.state = "in-progress";
    return out;
  }

  // A module is completed once the current version of its bank has been passed, and, when its
  // module.yml requires the scenario, a good ending of the scenario reached.
  function isCompleted(m, quiz, scenario) {
    var passed = !!quiz && !!quiz.passed && quiz.passed.h === m.hash;
    if (!passed || !m.scenario || !m.scenario.required) return passed;
    var s = scenarioState(m, scenario);
    return !!s && s.good;
  }

  // `quiz` is the module's quiz record (or null), `progress` the progress record, `scenario` the
  // record of the module's scenario (or null).
  function moduleState(m, quiz, progress, scenario) {
    var state = { module: m, problem: null, completed: false, started: false, best: null, latest: null,
      scenario: scenarioState(m, scenario) };
    if (isQuizRecord(quiz)) {
      state.completed = isCompleted(m, quiz, scenario);
      state.passedAt = state.completed ? quiz.passed.at : null;
      state.best = isResult(quiz.best) ? quiz.best : null;
      state.latest = isResult(quiz.result) ? quiz.result : null;
      state.started = Object.keys(quiz.answers).length > 0 || !!state.latest;
    }
    state.started = state.started || state.completed ||
      !!(isObject(progress) && progress.visited && progress.visited[m.id]);
    return state;
  }

  // The progress record through `read(name, isValid)` (storage.js's read: {value, problem}): a fresh
  // one when there is none or it cannot be read, and always with `visited`.
  function readProgress(read) {
    var found = read("progress", isProgress);
    var value = found.value || emptyProgress();
    value.visited = value.visited || {};
    return { value: value, problem: found.problem };
  }

  // Every module's state and the totals; `problem` is the first storage problem met, if any.
  function courseState(course, read) {
    var progress = readProgress(read);
    var modules = course.modules.map(function (m) {
      var found = read(quizName(m.bank), isQuizRecord);
      var practised = m.scenario ? read(scenarioName(m.scenario.id), isScenarioRecord) : { value: null, problem: null };
      var state = moduleState(m, found.value, progress.value, practised.value);
      state.problem = found.problem || practised.problem;
      return state;
    });
    var done = modules.filter(function (s) { return s.completed; });
    var problem = progress.problem || (modules.filter(function (s) { return s.problem; })[0] || {}).problem || null;
    return { progress: progress, modules: modules, done: done.length, total: modules.length, problem: problem };
  }

  // What «Min fremdrift» offers next for a module: {href (relative to the site), text}.
  function nextLink(s, words) {
    if (s.completed) return { href: s.module.url, text: words.review_module };
    if (s.latest || (s.best && s.best.h !== s.module.hash)) return { href: s.module.quiz, text: words.take_quiz };
    if (s.started) return { href: s.module.url, text: words.continue_module };
    return { href: s.module.url, text: words.start_module };
  }

  // The module of which the page at `path` (relative to the site root) is a learning page, or null:
  // a facilitator's guide or handout, or a page outside the modules. The manifest lists each
  // module's learning pages in the learner's order (`pages`).
  function moduleOfPage(course, path) {
    var found = null;
    course.modules.forEach(function (m) {
      if (!found && Array.isArray(m.pages) && m.pages.indexOf(path) !== -1) found = m;
    });
    return found;
  }

  // Records a visit to the page at `path` (relative to the site root): its modules count as
  // visited, and a learning page of a module becomes the page to resume from (a facilitator's guide
  // or handout, the front page, «Min fremdrift» and the other pages outside the modules do not).
  // True when the record changed enough to be worth writing.
  function visit(progress, course, path, title, at) {
    var changed = false;
    course.modules.forEach(function (m) {
      if (path.indexOf(m.dir) === 0 && !progress.visited[m.id]) {
        progress.visited[m.id] = true;
        changed = true;
      }
    });
    if (moduleOfPage(course, path)) {
      if (!progress.last || progress.last.url !== path) changed = true;
      progress.last = { url: path, title: title, at: at };
    }
    return changed;
  }

  // Where «Fortsett der du slapp» leads, from the course state (courseState) and the site root
  // `base` (an absolute URL, as for safeLink): {kind, url, module, title}.
  //   "page"   the last learning page seen, in a module not yet completed (title: the page's);
  //   "next"   a module completed (or the last page unknown): the first page of the next module
  //            not completed, after the last page's module and then from the start of the course;
  //   "start"  nothing done yet: the first module;
  //   "done"   every module completed: the certificate.
  // A quiz passed is never offered again, nor a facilitator's page (visit does not keep one; a
  // stored link to one, from an older record, counts as no last page).
  function resumePoint(course, state, base) {
    var modules = course.modules, states = state.modules;
    var last = resumeTarget(state.progress && state.progress.value, base);
    var m = last ? moduleOfPage(course, last.url) : null;
    var at = m ? modules.indexOf(m) : -1;
    if (m && !states[at].completed) return { kind: "page", url: last.url, module: m, title: last.title };
    var next = -1;
    for (var i = 1; i <= modules.length && next === -1; i++) {
      var j = (at + i) % modules.length;  // after the last page's module, round to the start (at -1: from 0)
      if (!states[j].completed) next = j;
    }
    if (next === -1) return { kind: "done", url: course.certificate, module: null, title: null };
    var begun = at !== -1 || states.some(function (s) { return s.started || s.completed; });
    return { kind: begun ? "next" : "start", url: modules[next].url, module: modules[next], title: null };
  }

  // The words for a resumePoint: {lead, text} (the sentence before the link, the link's text).
  // A module's front page whose heading is the module's title is named once.
  function resumeWords(point, words) {
    var m = point.module;
    if (point.kind === "done") return { lead: words.resume_done, text: words.resume_certificate };
    var name = format(words.resume_module, { n: m.n, module: m.title });
    if (point.kind === "page" && point.title && point.title !== m.title) {
      name = format(words.resume_page, { n: m.n, module: m.title, page: point.title });
    }
    var lead = { page: words.resume, next: words.resume_next, start: words.resume_none }[point.kind];
    return { lead: lead, text: name };
  }

  /* ---------- the progress file (export and import) ---------- */

  // The export file's content from the raw stored text of each entry; unreadable entries stay behind.
  function exportPayload(raw, at) {
    var entries = {};
    Object.keys(raw).forEach(function (name) {
      if (!NAME.test(name)) return;
      try { entries[name] = JSON.parse(raw[name]); } catch (e) { /* unreadable: left out */ }
    });
    return { format: FILE_FORMAT, version: FORMAT, exported: at, entries: entries };
  }

  // Checks a whole progress file before anything is written, so a bad file changes nothing:
  // {entries} to write, or {error} ("unreadable", "format", "entries", "entry" with `name`, or
  // "foreign"). A file must hold a record of at least one of the banks in `course`: one with none
  // (another course's, or only a progress record) would replace the learner's data with nothing of
  // this course. Beside those, it may hold banks no module uses: they came from this course's own
  // export.
  function parseImport(text, course) {
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { return { error: "unreadable" }; }
    if (!isObject(parsed) || parsed.format !== FILE_FORMAT || parsed.version !== FORMAT) return { error: "format" };
    var entries = parsed.entries;
    if (!isObject(entries)) return { error: "entries" };
    var names = Object.keys(entries), out = {};
    for (var i = 0; i < names.length; i++) {
      var name = names[i], value = entries[name];
      // The name is checked first: "__proto__" and the like never become keys of `out`.
      if (!NAME.test(name) || !validFor(name)(value)) {
        return { error: "entry", name: name };
      }
      out[name] = value;
    }
    var ours = course.modules.some(function (m) { return own.call(out, quizName(m.bank)); });
    return ours ? { entries: out } : { error: "foreign" };
  }

  // What importing `entries` (from parseImport) would change, for the learner to confirm first:
  // modules passed in the file, now (through storage.js's `read`) and after (the file replaces
  // everything), of `total`, and the modules passed now that would no longer be.
  function importSummary(entries, course, read) {
    var before = courseState(course, read);
    var after = courseState(course, function (name, isValid) {
      var value = own.call(entries, name) ? entries[name] : null;
      return { value: value && (!isValid || isValid(value)) ? value : null, problem: null };
    });
    var lost = before.modules.filter(function (s, i) { return s.completed && !after.modules[i].completed; })
      .map(function (s) { return s.module; });
    return { file: after.done, now: before.done, after: after.done, total: before.total, lost: lost };
  }

  /* ---------- the certificate ---------- */

  // The name field's maxlength: a stored name (from a file, an LMS, another version) is cut to it,
  // so the certificate never shows more than a learner could type.
  var NAME_MAX = 120;

  function clampName(value) {
    return typeof value === "string" ? value.slice(0, NAME_MAX) : "";
  }

  // The date the course was completed (the last module's pass), or null when any pass has no
  // readable date: a certificate then shows no date rather than a wrong one.
  function completionDate(states) {
    var dates = states.map(function (s) { return s.passedAt; });
    if (!dates.length || !dates.every(isTime)) return null;
    return dates.reduce(function (x, y) { return later(y, x) ? y : x; });
  }

  kk.record = {
    FORMAT: FORMAT, FILE_FORMAT: FILE_FORMAT, PREFIX: PREFIX, NAME: NAME,
    isObject: isObject, keyPrefix: keyPrefix, nameOf: nameOf, quizName: quizName,
    scenarioName: scenarioName, isScenarioRecord: isScenarioRecord, validFor: validFor,
    isQuizRecord: isQuizRecord, isProgress: isProgress, isResult: isResult,
    emptyQuiz: emptyQuiz, emptyProgress: emptyProgress,
    format: format, siteRoot: siteRoot, safeLink: safeLink, resumeTarget: resumeTarget,
    isRight: isRight, validAnswer: validAnswer, savedAnswer: savedAnswer,
    attemptSeed: attemptSeed, shownOrder: shownOrder, recordAnswer: recordAnswer, forgetAnswer: forgetAnswer,
    startOver: startOver, mergeQuiz: mergeQuiz, attempt: attempt, recordAttempt: recordAttempt,
    isCompleted: isCompleted, scenarioState: scenarioState, moduleState: moduleState, readProgress: readProgress,
    courseState: courseState, nextLink: nextLink, visit: visit, moduleOfPage: moduleOfPage, resumePoint: resumePoint,
    resumeWords: resumeWords,
    exportPayload: exportPayload, parseImport: parseImport, importSummary: importSummary,
    NAME_MAX: NAME_MAX, clampName: clampName, completionDate: completionDate,
  };
  if (typeof module === "object" && module && module.exports) module.exports = kk.record;
})(typeof window !== "undefined" ? window : null);
