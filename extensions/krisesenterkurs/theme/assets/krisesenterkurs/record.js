/* The learner-record format: what the course keeps in localStorage, in one place.
 *
 * Every key is "krisesenterkurs:<site path>:<name>", where <name> is "progress"
 * or "quiz:<bank id>". A quiz record is {v, answers: {qid: {h, a}}, result, best,
 * passed}; the progress record is {v, visited, last: {url, title, at}, name}.
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
  var NAME = /^(progress|quiz:[a-z0-9]+(?:-[a-z0-9]+)*)$/;

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

  function isQuizRecord(value) {
    return isObject(value) && value.v === FORMAT && isObject(value.answers);
  }

  function isProgress(value) {
    return isObject(value) && value.v === FORMAT && (!value.visited || typeof value.visited === "object");
  }

  function isResult(r) {
    return !!r && typeof r === "object" && typeof r.percent === "number" && typeof r.h === "string";
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

  // Tabs, newlines and other C0 controls, and DEL. (A loop rather than a regular expression:
  // control characters in a pattern read as mistakes.)
  function hasControl(text) {
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x20 || c === 0x7f) return true;
    }
    return false;
  }

  // A stored link (the page to resume from, the LMS's lesson location) as a path inside this site,
  // or null. Stored data may come from a file or an LMS, so nothing in it is trusted to be a link:
  // no scheme (javascript:, data:), no leading slash, backslash or whitespace, no "//" (another
  // host), no ".." (another site on the host). Browsers drop tabs and newlines anywhere in an
  // address and read "\" as "/", so "java\tscript:" and "\\evil" are refused too.
  function safeLink(text) {
    if (typeof text !== "string") return null;
    if (hasControl(text) || /^\s/.test(text)) return null;
    var slashed = text.replace(/\\/g, "/");
    if (slashed.charAt(0) === "/" || slashed.indexOf("//") !== -1) return null;
    if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return null;
    if (/(^|\/)(\.|%2e){2}($|[/?#])/i.test(slashed)) return null;
    return text;
  }

  // The page «Fortsett der du slapp» offers, {url, title}, or null when there is none to trust.
  function resumeTarget(progress) {
    var last = isObject(progress) ? progress.last : null;
    if (!isObject(last) || typeof last.title !== "string") return null;
    var url = safeLink(last.url);
    return url === null ? null : { url: url, title: last.title };
  }

  /* ---------- a quiz record ---------- */

  function sameSet(a, b) {
    if (a.length !== b.length) return false;
    var sorted = b.slice().sort();
    return a.slice().sort().every(function (v, i) { return v === sorted[i]; });
  }

  // Whether the options chosen (indices) are exactly the right ones, in any order.
  function isRight(chosen, correct) {
    return sameSet(chosen, correct);
  }

  function validIndices(list, count) {
    return Array.isArray(list) && list.length > 0 && list.every(function (i) {
      return Number.isInteger(i) && i >= 0 && i < count;
    });
  }

  // The saved choice for a question with `count` options, or null. An answer to an older version
  // of the question (another hash) is not applied to the new text.
  function savedAnswer(record, qid, qhash, count) {
    var answers = isObject(record) && isObject(record.answers) ? record.answers : null;
    var entry = answers && own.call(answers, qid) ? answers[qid] : null;
    if (!isObject(entry) || entry.h !== qhash) return null;
    return validIndices(entry.a, count) ? entry.a : null;
  }

  function recordAnswer(record, qid, qhash, chosen) {
    record.answers[qid] = { h: qhash, a: chosen };
  }

  function forgetAnswer(record, qid) {
    delete record.answers[qid];
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

  // A module is completed once the current version of its bank has been passed.
  function isCompleted(m, quiz) {
    return !!quiz && !!quiz.passed && quiz.passed.h === m.hash;
  }

  // `quiz` is the module's quiz record (or null), `progress` the progress record.
  function moduleState(m, quiz, progress) {
    var state = { module: m, problem: null, completed: false, started: false, best: null, latest: null };
    if (isQuizRecord(quiz)) {
      state.completed = isCompleted(m, quiz);
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
      var state = moduleState(m, found.value, progress.value);
      state.problem = found.problem;
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

  // Records a visit to the page at `path` (relative to the site root): its modules count as
  // visited, and it becomes the page to resume from unless it is the front page, «Min fremdrift»
  // or the certificate. True when the record changed enough to be worth writing.
  function visit(progress, course, path, title, at) {
    var changed = false;
    course.modules.forEach(function (m) {
      if (path.indexOf(m.dir) === 0 && !progress.visited[m.id]) {
        progress.visited[m.id] = true;
        changed = true;
      }
    });
    var special = ["", "index.html", course.progress, course.certificate];
    if (special.indexOf(path) === -1) {
      if (!progress.last || progress.last.url !== path) changed = true;
      progress.last = { url: path, title: title, at: at };
    }
    return changed;
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
  // {entries} to write, or {error} ("unreadable", "format", "entries" or "entry", with `name`).
  // Quiz records are not limited to the banks in `course`: the file may hold banks that no
  // module uses, and they came from this course's own export.
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
      if (!NAME.test(name) || !(name === "progress" ? isProgress(value) : isQuizRecord(value))) {
        return { error: "entry", name: name };
      }
      out[name] = value;
    }
    return { entries: out };
  }

  kk.record = {
    FORMAT: FORMAT, FILE_FORMAT: FILE_FORMAT, PREFIX: PREFIX, NAME: NAME,
    isObject: isObject, keyPrefix: keyPrefix, nameOf: nameOf, quizName: quizName,
    isQuizRecord: isQuizRecord, isProgress: isProgress, isResult: isResult,
    emptyQuiz: emptyQuiz, emptyProgress: emptyProgress,
    format: format, siteRoot: siteRoot, safeLink: safeLink, resumeTarget: resumeTarget,
    isRight: isRight, savedAnswer: savedAnswer, recordAnswer: recordAnswer, forgetAnswer: forgetAnswer,
    attempt: attempt, recordAttempt: recordAttempt,
    isCompleted: isCompleted, moduleState: moduleState, readProgress: readProgress, courseState: courseState,
    nextLink: nextLink, visit: visit,
    exportPayload: exportPayload, parseImport: parseImport,
  };
  if (typeof module === "object" && module && module.exports) module.exports = kk.record;
})(typeof window !== "undefined" ? window : null);
