/* The learner-record format: what the course keeps in localStorage, in one place.
 *
 * Every key is "krisesenterkurs:<site path>:<name>", where <name> is "progress"
 * or "quiz:<bank id>". A quiz record is {v, answers: {qid: {h, a, t}}, cleared, result,
 * best, passed} (t: when the answer was checked; cleared: the last «Prøv igjen»; both
 * optional, for merging two tabs' records; passed is {h, at, version}: the bank's hash and the
 * module's version it was earned in, see passStanding; a record from before versions were kept
 * has none); the progress record is
 * {v, visited, seen, last: {url, title, at}, name} (seen: the learning pages opened, by their
 * address from the site root, as the manifest lists them; optional: older records have none); a scenario's ("scenario:<id>") is
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

  // The most pages a record's `seen` may list: far above any course's, low enough that a file or a
  // link cannot make the record huge.
  var SEEN_MAX = 1000;

  function isSeen(list) {
    return Array.isArray(list) && list.length <= SEEN_MAX && list.every(function (url) { return typeof url === "string" && url.length <= 500; });
  }

  function isProgress(value) {
    return isObject(value) && value.v === FORMAT && (!value.visited || typeof value.visited === "object") &&
      (value.seen === undefined || isSeen(value.seen));
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
    if (x.h !== y.h || x.version !== y.version) return newer(x, y);
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
  // this version of the bank and of the module `m` (the manifest's entry, when known) dates the
  // module's completion, with the module's version it was earned in.
  function recordAttempt(record, result, m) {
    record.result = result;
    if (!record.best || record.best.h !== result.h || record.best.percent <= result.percent) {
      record.best = result;
    }
    var version = m && isVersion(m.version) ? m.version : undefined;
    var old = isPass(record.passed) ? record.passed : null;
    if (result.passed && (!old || old.h !== result.h || (version && old.version !== version))) {
      record.passed = { h: result.h, at: result.at };
      if (version) record.passed.version = version;
    }
    return record;
  }

  /* ---------- a pass and later versions of its module ---------- */

  var VERSION = /^\d+\.\d+(\.\d+)?$/;  // as module.yml writes them (course/modules.py)

  function isVersion(value) {
    return typeof value === "string" && VERSION.test(value);
  }

  // Negative when version a comes before b ("1.9" before "1.10").
  function compareVersions(a, b) {
    var x = a.split(".").map(Number), y = b.split(".").map(Number);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var d = (x[i] || 0) - (y[i] || 0);
      if (d) return d;
    }
    return 0;
  }

  // What a stored pass is worth for module `m` (the manifest's entry: hash, version, and retake,
  // {version, date} of the newest change module.yml marks `retake: true`):
  //   "none"     no pass;
  //   "retake"   earned before a change that asks for a new attempt: it no longer completes the
  //              module (a pass without a version, from an older record, is judged by its date);
  //   "updated"  it stands, but the module (or its bank) has changed since it was earned;
  //   "current"  earned in the module's current version.
  // An edit the editor did not mark as a retake never takes an earned pass away.
  function passStanding(m, passed) {
    if (!isPass(passed)) return "none";
    var version = isVersion(passed.version) ? passed.version : null;
    var retake = isObject(m.retake) && isVersion(m.retake.version) ? m.retake : null;
    if (retake) {
      var before = version ? compareVersions(version, retake.version) < 0
        : isTime(passed.at) && isTime(retake.date) && later(retake.date, passed.at);
      if (before) return "retake";
    }
    var older = version && isVersion(m.version) && compareVersions(version, m.version) < 0;
    return older || passed.h !== m.hash ? "updated" : "current";
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

  // A module is completed once its quiz has been passed (in any version since the last change that
  // asks for a new attempt: passStanding), and, when its module.yml requires the scenario, a good
  // ending of the scenario reached.
  function isCompleted(m, quiz, scenario) {
    var standing = quiz ? passStanding(m, quiz.passed) : "none";
    var passed = standing === "current" || standing === "updated";
    if (!passed || !m.scenario || !m.scenario.required) return passed;
    var s = scenarioState(m, scenario);
    return !!s && s.good;
  }

  // `quiz` is the module's quiz record (or null), `progress` the progress record, `scenario` the
  // record of the module's scenario (or null).
  function moduleState(m, quiz, progress, scenario) {
    var state = { module: m, problem: null, completed: false, passed: false, started: false, best: null, latest: null,
      scenario: scenarioState(m, scenario), pass: "none", passedVersion: null };
    if (isQuizRecord(quiz)) {
      state.completed = isCompleted(m, quiz, scenario);
      // pass: passStanding's word; passedVersion: the module's version the pass was earned in, if known.
      state.pass = passStanding(m, quiz.passed);
      state.passedAt = state.completed ? quiz.passed.at : null;
      state.passedVersion = state.completed && isVersion(quiz.passed.version) ? quiz.passed.version : null;
      state.best = isResult(quiz.best) ? quiz.best : null;
      state.latest = isResult(quiz.result) ? quiz.result : null;
      state.started = Object.keys(quiz.answers).length > 0 || !!state.latest || state.pass !== "none";
      // passed: the pass still stands (an edit not marked retake keeps it), for resumePoint.
      state.passed = state.pass === "current" || state.pass === "updated";
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
    if (s.latest || s.pass === "retake" || (s.best && s.best.h !== s.module.hash)) return { href: s.module.quiz, text: words.take_quiz };
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

  // The module (the manifest's entry) whose quiz is the bank `bankId`, or null.
  function moduleOfBank(course, bankId) {
    var modules = isObject(course) && Array.isArray(course.modules) ? course.modules : [];
    return modules.filter(function (m) { return isObject(m) && m.bank === bankId; })[0] || null;
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
      if (!Array.isArray(progress.seen)) progress.seen = [];
      if (progress.seen.indexOf(path) === -1 && progress.seen.length < SEEN_MAX) {
        progress.seen.push(path);
        changed = true;
      }
    }
    return changed;
  }

  // Whether the learning page at `path` has been opened (its address from the site root).
  function pageSeen(progress, path) {
    return isObject(progress) && Array.isArray(progress.seen) && progress.seen.indexOf(path) !== -1;
  }

  // Every learning page of the course, in manifest order: the places packSeen's bits stand for.
  function allPages(modules) {
    return modules.reduce(function (list, m) { return list.concat(Array.isArray(m.pages) ? m.pages : []); }, []);
  }

  // The pages seen, compactly, for a link or an LMS: one bit per learning page of the course (in
  // manifest order), five to a base-32 digit, trailing zeros left off; when most pages are seen,
  // "-" and the pages not seen instead, so a learner who has read everything costs one character.
  function packSeen(progress, modules) {
    var pages = allPages(modules);
    var bits = pages.map(function (url) { return pageSeen(progress, url); });
    var count = bits.filter(Boolean).length, flip = count * 2 > pages.length;
    if (flip) bits = bits.map(function (b) { return !b; });
    while (bits.length && !bits[bits.length - 1]) bits.pop();
    var text = "";
    for (var i = 0; i < bits.length; i += 5) {
      var digit = 0;
      for (var j = 0; j < 5; j++) if (bits[i + j]) digit += 1 << j;
      text += digit.toString(32);
    }
    return (flip ? "-" : "") + text;
  }

  // packSeen's text back as the list of pages; throws on anything packSeen could not have written.
  function unpackSeen(text, modules) {
    if (typeof text !== "string" || !/^-?[0-9a-v]*$/.test(text)) throw new Error("seen");
    var pages = allPages(modules), flip = text.charAt(0) === "-", digits = flip ? text.slice(1) : text;
    if (digits.length > Math.ceil(pages.length / 5)) throw new Error("seen");
    var bits = pages.map(function (url, i) {
      var d = i < digits.length * 5 ? parseInt(digits.charAt(Math.floor(i / 5)), 32) : 0;
      return Math.floor(d / Math.pow(2, i % 5)) % 2 === 1;
    });
    if (digits.length && parseInt(digits.charAt(digits.length - 1), 32) >= Math.pow(2, pages.length - (digits.length - 1) * 5)) {
      throw new Error("seen");  // a bit beyond the last page
    }
    return pages.filter(function (url, i) { return bits[i] !== flip; });
  }

  // Where «Fortsett der du slapp» leads, from the course state (courseState) and the site root
  // `base` (an absolute URL, as for safeLink): {kind, url, module, title}.
  //   "page"   the last learning page seen, in a module not yet completed (title: the page's);
  //   "next"   a module completed (or the last page unknown): the first page of the next module
  //            not completed, after the last page's module and then from the start of the course;
  //   "start"  nothing done yet: the first module;
  //   "done"   every module completed: the certificate.
  // A quiz passed is never offered again, nor a facilitator's page (visit does not keep one; a
  // stored link to one, from an older record, counts as no last page). When the last page is the
  // quiz, passed, of a module not yet completed (its scenario still needs a good ending), the
  // module's first learning page not yet seen comes instead ("page", title null), else its
  // scenario's page.
  function resumePoint(course, state, base) {
    var modules = course.modules, states = state.modules;
    var progress = state.progress && state.progress.value;
    var last = resumeTarget(progress, base);
    var m = last ? moduleOfPage(course, last.url) : null;
    var at = m ? modules.indexOf(m) : -1;
    if (m && !states[at].completed) {
      if (!(states[at].passed && last.url === m.quiz)) return { kind: "page", url: last.url, module: m, title: last.title };
      var unseen = m.pages.filter(function (url) { return url !== m.quiz && !pageSeen(progress, url); })[0];
      var then = unseen || (m.scenario && m.scenario.url) || null;
      if (then) return { kind: "page", url: then, module: m, title: null };
    }
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

  /* ---------- the link to another device («Flytt til en annen enhet») ---------- */

  // The learner's records travel in the address's fragment ("#flytt=..."), which the browser never
  // sends to a server, as one line of text short enough for a QR code a phone's camera reads: see
  // MOVE_MAX. It leans on the course manifest (module order, bank and scenario hashes, learning
  // pages, a scenario's endings) and the banks' questions in order (the «Flytt» block's
  // data-banks: [[qid, qhash], ...] per bank), so the link names no module, page or question:
  //
  //   1;clock;visited;m.p.at;title;name;quizzes;scenarios;seen    (";" never occurs inside a section)
  //   clock       the link's latest time, in seconds since 1970 (base 36); every other time is
  //               the minutes before it (base 36), or empty for none
  //   visited     base-36 bit mask of the modules visited, by manifest order
  //   m.p.at      the page to resume from: module and page index, and when (or empty)
  //   title, name the last page's title and the learner's name, percent-encoded, "+" for a space
  //   quizzes     "~"-separated: m.h.answers.t.cleared.seed.best.result.passed
  //                 h        the first 6 hex digits of the bank's hash when the record was sent
  //                 answers  "," between questions, by the bank's order; one base-36 digit per
  //                          chosen index (every index is below 10: the banks' schema)
  //                 t        when the latest answer was checked (every answer gets it back)
  //                 best, result  correct_total_passed_at, with "h6_" first for another bank
  //                          version; result "*" when it is the best
  //                 passed   at, or h6_at; then nothing when the pass is of the module's current
  //                          version, "_" when it has none, else _version ("-" for ".")
  //   scenarios   "~"-separated: m.h.path.open.endings.at (endings: bit mask by the manifest's list)
  //   seen        the learning pages opened (packSeen); a link made before pages were recorded
  //               has no such section, and is read as none seen
  //   numbers     base 36 (module indices, counts, bit masks)
  // and last ";" and a check (FNV-1a of everything before it, base 36), so that a link cut short
  // (by a chat program, a half-read QR code) or typed over is refused rather than read as less.
  // A record of a bank or scenario no module uses is not carried, nor answers to another version
  // of a bank than the receiving site's (by position, they would answer other questions).
  var MOVE_KEY = "flytt";
  var MOVE_VERSION = "1";
  // The longest fragment a link may hold (the hostile-input bound), and the longest link the page
  // offers as a QR code: a full course's link is far below both (tests/js/record_move.test.js).
  var MOVE_MAX = 4000;
  var HEX6 = /^[0-9a-f]{6}$/;

  function short6(hash) {
    return String(hash || "").slice(0, 6);
  }

  // Times go as minutes before the link's own time (its latest, in seconds): a few characters each.
  function moveClock(times) {
    var latest = times.map(function (t) { return Date.parse(t); }).filter(function (t) { return isFinite(t) && t >= 0; })
      .sort(function (x, y) { return x - y; }).pop();
    var base = latest === undefined ? 0 : Math.ceil(latest / 1000);
    return {
      base: base.toString(36),
      time: function (iso) {
        var t = Date.parse(iso);
        return isFinite(t) && t >= 0 ? Math.floor((base - t / 1000) / 60).toString(36) : "";
      },
    };
  }

  // The clock of a link being read: a time from it, or undefined for none; a part that is no time
  // makes the link refused.
  function movedClock(text) {
    if (!/^[0-9a-z]{1,7}$/.test(text)) throw new Error("time");
    var base = parseInt(text, 36);
    return function (part) {
      if (part === "") return undefined;
      if (!/^[0-9a-z]{1,6}$/.test(part)) throw new Error("time");
      var d = new Date((base - parseInt(part, 36) * 60) * 1000);
      if (!isFinite(d.getTime()) || d.getTime() < 0) throw new Error("time");
      return d.toISOString();
    };
  }

  function moveInt(text, max) {
    if (!/^[0-9a-z]{1,9}$/.test(text)) throw new Error("number");
    var n = parseInt(text, 36);
    if (n > max) throw new Error("number");
    return n;
  }

  function packMoveResult(r, bankHash, clock) {
    if (!isResult(r) || !Number.isInteger(r.correct) || !Number.isInteger(r.total) || r.total < 1 || r.correct < 0 ||
      r.correct > r.total) return "";
    var h = short6(r.h) === short6(bankHash) ? "" : short6(r.h) + "_";
    return h + [r.correct.toString(36), r.total.toString(36), r.passed ? 1 : 0, clock.time(r.at)].join("_");
  }

  // `sent` is the hash of the bank the record was sent for (the receiving site's own when they
  // match), which a result without a hash of its own is for.
  function unpackMoveResult(text, bankHash, sent, movedTime) {
    if (text === "") return undefined;
    var parts = text.split("_");
    var h = sent;
    if (parts.length === 5) {
      if (!HEX6.test(parts[0])) throw new Error("hash");
      h = parts[0] === short6(bankHash) ? bankHash : parts[0];
      parts.shift();
    }
    if (parts.length !== 4 || (parts[2] !== "0" && parts[2] !== "1")) throw new Error("result");
    var correct = moveInt(parts[0], 1000), total = moveInt(parts[1], 1000);
    if (total < 1 || correct > total) throw new Error("result");
    var out = { h: h, correct: correct, total: total, percent: Math.round((correct * 100) / total), passed: parts[2] === "1" };
    var at = movedTime(parts[3]);
    if (at) out.at = at;
    return out;
  }

  function latestTime(times) {
    return times.filter(isTime).sort(function (x, y) { return Date.parse(x) - Date.parse(y); }).pop();
  }

  function packMoveQuiz(m, record, questions, clock) {
    var list = Array.isArray(questions) ? questions : [];
    var answers = isObject(record.answers) ? record.answers : {};
    var dates = [];
    var chosen = list.map(function (q) {
      var entry = Array.isArray(q) && own.call(answers, q[0]) ? answers[q[0]] : null;
      if (!isObject(entry) || entry.h !== q[1] || !validIndices(entry.a, 10)) return "";
      dates.push(entry.t);
      return entry.a.join("");
    }).join(",").replace(/,+$/, "");
    var best = packMoveResult(record.best, m.hash, clock), result = packMoveResult(record.result, m.hash, clock);
    if (result && result === best) result = "*";
    var passed = isPass(record.passed) ? (short6(record.passed.h) === short6(m.hash) ? "" : short6(record.passed.h)) + "_" +
      clock.time(record.passed.at) + movedVersion(record.passed.version, m) : "";
    return [short6(m.hash), chosen, clock.time(latestTime(dates)), isTime(record.cleared) ? clock.time(record.cleared) : "",
      isSeed(record.seed) ? record.seed : "", best, result, passed];
  }

  // A pass's version in the link: nothing for the module's current version (the common case, and
  // the link stays within its bound), "_1-4" for another, "_" for a pass from before versions were kept.
  function movedVersion(version, m) {
    if (!isVersion(version)) return "_";
    return version === m.version ? "" : "_" + version.replace(/\./g, "-");
  }

  function unpackMoveQuiz(m, fields, questions, movedTime) {
    if (fields.length !== 9 || !HEX6.test(fields[1])) throw new Error("quiz");
    var record = emptyQuiz();
    var same = fields[1] === short6(m.hash) && Array.isArray(questions);
    var sent = fields[1] === short6(m.hash) ? m.hash : fields[1];
    var t = movedTime(fields[3]);
    if (fields[2] !== "") {
      var pieces = fields[2].split(",");
      if (!pieces.every(function (p) { return /^[0-9]{0,10}$/.test(p); })) throw new Error("answers");
      if (same) {
        if (pieces.length > questions.length) throw new Error("answers");
        pieces.forEach(function (p, i) {
          var q = questions[i];
          if (!p || !Array.isArray(q) || typeof q[0] !== "string" || typeof q[1] !== "string") return;
          recordAnswer(record, q[0], q[1], p.split("").map(Number), t);
        });
      }
    }
    var cleared = movedTime(fields[4]);
    if (cleared) record.cleared = cleared;
    if (fields[5] !== "") {
      if (!isSeed(fields[5])) throw new Error("seed");
      record.seed = fields[5];
    }
    var best = unpackMoveResult(fields[6], m.hash, sent, movedTime);
    var result = fields[7] === "*" ? best && copy(best) : unpackMoveResult(fields[7], m.hash, sent, movedTime);
    if (best) record.best = best;
    if (result) record.result = result;
    if (fields[8] !== "") {
      var p = fields[8].split("_");
      if (p.length < 2 || p.length > 3 || (p[0] !== "" && !HEX6.test(p[0]))) throw new Error("passed");
      record.passed = { h: p[0] === "" ? sent : p[0] === short6(m.hash) ? m.hash : p[0] };
      var at = movedTime(p[1]);
      if (at) record.passed.at = at;
      var version = p.length === 3 ? p[2].replace(/-/g, ".") : m.version;
      if (p.length === 3 && p[2] !== "" && !isVersion(version)) throw new Error("passed");
      if (isVersion(version)) record.passed.version = version;
    }
    return record;
  }

  function packMoveScenario(m, record, clock) {
    var s = m.scenario, bits = 0;
    s.endings.forEach(function (id, i) { if (own.call(record.endings, id) && record.endings[id]) bits += Math.pow(2, i); });
    var path = record.path.every(function (n) { return Number.isInteger(n) && n >= 0 && n < 10; }) ? record.path.join("") : "";
    var at = latestTime(s.endings.filter(function (id) { return own.call(record.endings, id); })
      .map(function (id) { return record.endings[id]; }));
    return [short6(record.h), path, record.open && path ? 1 : 0, bits.toString(36), clock.time(at)];
  }

  function unpackMoveScenario(m, fields, movedTime) {
    var s = m.scenario;
    if (fields.length !== 6 || !HEX6.test(fields[1]) || !/^[0-9]{0,200}$/.test(fields[2]) ||
      (fields[3] !== "0" && fields[3] !== "1")) throw new Error("scenario");
    var bits = moveInt(fields[4] || "0", Math.pow(2, s.endings.length) - 1);
    var at = movedTime(fields[5]) || new Date(0).toISOString();
    var same = fields[1] === short6(s.hash);
    var endings = {};
    s.endings.forEach(function (id, i) { if (Math.floor(bits / Math.pow(2, i)) % 2) endings[id] = at; });
    // A path from another version of the scenario is dropped (as scenario.js does), the endings kept.
    var path = same ? fields[2].split("").filter(Boolean).map(Number) : [];
    return { v: FORMAT, h: same ? s.hash : fields[1], path: path, open: same && fields[3] === "1" && path.length > 0, endings: endings };
  }

  // A text (a page's title, the learner's name) in the link: "+" for a space, as in a form.
  function enc(text) {
    return encodeURIComponent(text).replace(/%20/g, "+");
  }

  function dec(text) {
    if (!/^[A-Za-z0-9%+._~!*'()-]*$/.test(text)) throw new Error("text");
    return decodeURIComponent(text.replace(/\+/g, " "));
  }

  // Every time in the records the link carries, for its clock.
  function moveTimes(entries, course) {
    var times = [];
    function add(t) { if (isTime(t)) times.push(t); }
    if (isProgress(entries.progress) && isObject(entries.progress.last)) add(entries.progress.last.at);
    course.modules.forEach(function (m) {
      var quiz = entries[quizName(m.bank)];
      if (isQuizRecord(quiz)) {
        Object.keys(quiz.answers).forEach(function (q) { if (isObject(quiz.answers[q])) add(quiz.answers[q].t); });
        add(quiz.cleared);
        [quiz.best, quiz.result, quiz.passed].forEach(function (r) { if (isObject(r)) add(r.at); });
      }
      var scenario = m.scenario ? entries[scenarioName(m.scenario.id)] : null;
      if (isScenarioRecord(scenario)) Object.keys(scenario.endings).forEach(function (id) { add(scenario.endings[id]); });
    });
    return times;
  }

  // The fragment ("flytt=...", without "#") for the learner's records `entries` ({name: parsed
  // record}, as from exportPayload's entries), for `course` (the manifest) and `banks` (the block's
  // data-banks: {bank id: [[qid, qhash], ...]}).
  function moveFragment(entries, course, banks) {
    var progress = isProgress(entries.progress) ? entries.progress : emptyProgress();
    var clock = moveClock(moveTimes(entries, course));
    var visited = 0, last = "", title = "";
    course.modules.forEach(function (m, i) {
      if (isObject(progress.visited) && progress.visited[m.id] === true) visited += Math.pow(2, i);
    });
    if (isObject(progress.last) && typeof progress.last.url === "string") {
      var m = moduleOfPage(course, progress.last.url);
      if (m) {
        last = [course.modules.indexOf(m).toString(36), m.pages.indexOf(progress.last.url).toString(36), clock.time(progress.last.at)].join(".");
        title = typeof progress.last.title === "string" ? enc(progress.last.title.slice(0, NAME_MAX)) : "";
      }
    }
    var quizzes = [], scenarios = [];
    course.modules.forEach(function (m, i) {
      var quiz = entries[quizName(m.bank)];
      if (isQuizRecord(quiz)) {
        var questions = isObject(banks) && own.call(banks, m.bank) ? banks[m.bank] : null;
        quizzes.push([i.toString(36)].concat(packMoveQuiz(m, quiz, questions, clock)).join("."));
      }
      var scenario = m.scenario ? entries[scenarioName(m.scenario.id)] : null;
      if (m.scenario && isScenarioRecord(scenario)) scenarios.push([i.toString(36)].concat(packMoveScenario(m, scenario, clock)).join("."));
    });
    var body = [MOVE_VERSION, clock.base, visited.toString(36), last, title, enc(clampName(progress.name)),
      quizzes.join("~"), scenarios.join("~"), packSeen(progress, course.modules)].join(";");
    return MOVE_KEY + "=" + body + ";" + moveCheck(body);
  }

  // The check at the end of a link: FNV-1a (32 bits) of the text before it, in base 36.
  function moveCheck(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  }

  // Whether an address's fragment (location.hash, with or without "#") is a move link at all.
  function isMoveFragment(hash) {
    return typeof hash === "string" && hash.replace(/^#/, "").indexOf(MOVE_KEY + "=") === 0;
  }

  // Reads a fragment made by moveFragment, on the receiving site: {entries} ({name: record}, every
  // one of them passing the file import's rules, validFor), or {error}: "length" (longer than any
  // link this course makes), "format" (not this course's link, or another version of it), "entry"
  // (a part is broken: cut short, typed over, or made up). Nothing in it is trusted: every part
  // is checked before anything is built from it, and only this course's modules' records come out.
  function parseMove(hash, course, banks) {
    if (!isMoveFragment(hash)) return { error: "format" };
    var text = hash.replace(/^#/, "").slice(MOVE_KEY.length + 1);
    if (text.length > MOVE_MAX) return { error: "length" };
    var sections = text.split(";");
    if (sections[0] !== MOVE_VERSION) return { error: "format" };
    var check = sections.pop();
    if ((sections.length !== 8 && sections.length !== 9) || check !== moveCheck(sections.join(";"))) return { error: "entry" };
    try {
      var modules = course.modules, out = {};
      var movedTime = movedClock(sections[1]);
      var progress = emptyProgress();
      var visited = moveInt(sections[2] || "0", Math.pow(2, modules.length) - 1);
      modules.forEach(function (m, i) { if (Math.floor(visited / Math.pow(2, i)) % 2) progress.visited[m.id] = true; });
      var title = dec(sections[4]), name = dec(sections[5]);
      if (title.length > NAME_MAX || name.length > NAME_MAX) throw new Error("text");
      if (sections[3] !== "") {
        var l = sections[3].split(".");
        if (l.length !== 3) throw new Error("last");
        var m = modules[moveInt(l[0], modules.length - 1)];
        var page = Array.isArray(m.pages) ? m.pages[moveInt(l[1], m.pages.length - 1)] : undefined;
        if (typeof page !== "string") throw new Error("last");
        progress.last = { url: page, title: title };
        var at = movedTime(l[2]);
        if (at) progress.last.at = at;
      }
      if (name) progress.name = name;
      var seenPages = unpackSeen(sections[8] || "", modules);
      if (seenPages.length) progress.seen = seenPages;
      out.progress = progress;
      var seen = {};
      [[sections[6], "quiz"], [sections[7], "scenario"]].forEach(function (pair) {
        if (pair[0] === "") return;
        pair[0].split("~").forEach(function (part) {
          var fields = part.split(".");
          var m = modules[moveInt(fields[0], modules.length - 1)], key;
          if (pair[1] === "quiz") {
            key = quizName(m.bank);
            if (own.call(seen, key)) throw new Error("twice");
            out[key] = unpackMoveQuiz(m, fields, isObject(banks) && own.call(banks, m.bank) ? banks[m.bank] : null, movedTime);
          } else {
            if (!m.scenario) throw new Error("scenario");
            key = scenarioName(m.scenario.id);
            if (own.call(seen, key)) throw new Error("twice");
            out[key] = unpackMoveScenario(m, fields, movedTime);
          }
          seen[key] = true;
        });
      });
      // The file import's rules, last: what the link gave must be records the course could have written.
      var bad = Object.keys(out).filter(function (n) { return !NAME.test(n) || !validFor(n)(out[n]); });
      if (bad.length) return { error: "entry", name: bad[0] };
      return { entries: out };
    } catch (e) {
      return { error: "entry" };
    }
  }

  // Two scenario records as one: every ending reached on either device (the earlier time), and
  // this device's place in the conversation when it has one in the current version, else the link's.
  function mergeScenario(stored, incoming, hash) {
    var a = isScenarioRecord(stored) ? stored : null, b = isScenarioRecord(incoming) ? incoming : null;
    if (!a || !b) return copy(a || b);
    var out = copy(a.h === hash && a.path.length ? a : b.h === hash && b.path.length ? b : a);
    out.endings = {};
    [a, b].forEach(function (r) {
      Object.keys(r.endings).forEach(function (id) {
        if (!/^[a-z0-9-]+$/.test(id) || !r.endings[id]) return;
        var kept = own.call(out.endings, id) ? out.endings[id] : null;
        if (!kept || (isTime(kept) && isTime(r.endings[id]) && later(kept, r.endings[id]))) out.endings[id] = r.endings[id];
      });
    });
    return out;
  }

  // Two progress records as one: modules visited and pages seen on either, the newer page to resume
  // from, and this device's name unless it has none.
  function mergeProgress(stored, incoming) {
    var a = isProgress(stored) ? stored : emptyProgress(), b = isProgress(incoming) ? incoming : emptyProgress();
    var out = copy(a);
    out.visited = isObject(out.visited) ? out.visited : {};
    if (isObject(b.visited)) Object.keys(b.visited).forEach(function (id) { if (b.visited[id] === true) out.visited[id] = true; });
    if (isSeen(b.seen) && b.seen.length) {
      out.seen = isSeen(a.seen) ? a.seen.slice() : [];
      b.seen.forEach(function (url) { if (out.seen.indexOf(url) === -1 && out.seen.length < SEEN_MAX) out.seen.push(url); });
    }
    var mine = isObject(a.last) ? a.last : null, theirs = isObject(b.last) ? b.last : null;
    var last = mine && theirs ? newer(mine, theirs) : mine || theirs;
    if (last) out.last = copy(last);
    if (!clampName(a.name) && clampName(b.name)) out.name = clampName(b.name);
    return out;
  }

  // What merging the link's `entries` (parseMove) with this device's records (storage.js's `read`)
  // gives: {entries} to write, every record of the course the better of the two (mergeQuiz: the
  // best result, a pass never dropped; mergeScenario; mergeProgress), and {summary}: modules
  // completed in the link, now and after, of total, and any completed now that would not be after
  // (none, by these rules: the page says so should it ever happen).
  function mergeMove(entries, course, read) {
    var out = {};
    Object.keys(entries).forEach(function (name) {
      var found = read(name, validFor(name));
      var stored = found.value;
      if (name === "progress") out[name] = mergeProgress(stored, entries[name]);
      else if (name.indexOf("scenario:") === 0) {
        var m = course.modules.filter(function (x) { return x.scenario && scenarioName(x.scenario.id) === name; })[0];
        out[name] = mergeScenario(stored, entries[name], m ? m.scenario.hash : null);
      } else out[name] = mergeQuiz(stored, entries[name]);
    });
    function reader(source) {
      return function (name, isValid) {
        if (own.call(source, name)) return { value: source[name], problem: null };
        return source === out ? read(name, isValid) : { value: null, problem: null };
      };
    }
    var link = courseState(course, reader(entries)), now = courseState(course, read), after = courseState(course, reader(out));
    var lost = now.modules.filter(function (s, i) { return s.completed && !after.modules[i].completed; })
      .map(function (s) { return s.module; });
    return { entries: out, summary: { link: link.done, now: now.done, after: after.done, total: now.total, lost: lost,
      name: !!clampName(entries.progress && entries.progress.name) } };
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
    isVersion: isVersion, compareVersions: compareVersions, passStanding: passStanding,
    isCompleted: isCompleted, scenarioState: scenarioState, moduleState: moduleState, readProgress: readProgress,
    courseState: courseState, nextLink: nextLink, visit: visit, moduleOfPage: moduleOfPage, moduleOfBank: moduleOfBank, resumePoint: resumePoint,
    SEEN_MAX: SEEN_MAX, pageSeen: pageSeen, packSeen: packSeen, unpackSeen: unpackSeen,
    resumeWords: resumeWords,
    exportPayload: exportPayload, parseImport: parseImport, importSummary: importSummary,
    NAME_MAX: NAME_MAX, clampName: clampName, completionDate: completionDate,
    MOVE_KEY: MOVE_KEY, MOVE_MAX: MOVE_MAX, moveFragment: moveFragment, isMoveFragment: isMoveFragment,
    parseMove: parseMove, moveCheck: moveCheck, mergeMove: mergeMove, mergeScenario: mergeScenario, mergeProgress: mergeProgress,
  };
  if (typeof module === "object" && module && module.exports) module.exports = kk.record;
})(typeof window !== "undefined" ? window : null);
