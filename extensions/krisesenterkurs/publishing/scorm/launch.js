/* SCORM 1.2 launch page: one SCO holding the whole course.
 *
 * The course runs in the frame below exactly as on the web, keeping the
 * learner's data in localStorage. This page finds the LMS (walking
 * window.parent, then window.opener), opens one session for the whole visit,
 * restores the learner's data from cmi.suspend_data before the course loads,
 * and reports back after every change: status, score, last page and a compact
 * copy of the data. Without an LMS it just shows the course.
 *
 * The learner-record format (key names, record shapes, what counts as
 * completed, which stored links are safe) is the theme's record.js, and what
 * to report when (never below the LMS's values at launch, exit, session time,
 * commit batching, which stored locations may be opened) is report.js; the
 * launch page loads both, as files, just before this script. The SCORM 1.2
 * rules relied on are cited in report.js.
 */
(function () {
  "use strict";

  var COURSE = JSON.parse(document.getElementById("kk-scorm-course").textContent);
  var frame = document.getElementById("kk-course-frame");
  var notice = document.getElementById("kk-scorm-status");
  var rules = window.krisesenterkurs && window.krisesenterkurs.record;
  var decisions = window.krisesenterkurs && window.krisesenterkurs.scormReport;
  if (!rules || !decisions) {
    // Without the format nothing can be read or reported safely; the course itself still runs.
    if (window.console) console.error("krisesenterkurs: the launch page is missing record.js or report.js");
    frame.src = "index.html";
    return;
  }
  // This page sits at the root of the site, so the course's pages keep their data under this path.
  var ROOT = new URL(".", location.href);
  var LAUNCH_PAGE = location.pathname.slice(ROOT.pathname.length);
  var PREFIX = rules.keyPrefix(ROOT.pathname);
  var LIMIT = 4096;
  // Each commit is a request to the LMS's server: changes are sent at most once a second.
  var COMMIT_INTERVAL = 1000;

  // Told once, in the page, where a screen reader hears it too: progress the LMS will not get.
  var told = {};
  function tell(key, text) {
    if (told[key] || !notice) return;
    told[key] = true;
    notice.hidden = false;
    var line = document.createElement("span");
    line.textContent = text;
    if (notice.firstChild) notice.appendChild(document.createTextNode(" "));
    notice.appendChild(line);
  }

  function findAPI(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win.API) return win.API;
      } catch (e) { /* a frame from another origin: keep climbing */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = findAPI(window.parent !== window ? window.parent : null) || (window.opener ? findAPI(window.opener) : null);

  /* ---------- the learner's data in localStorage ---------- */

  // Every entry of this course, parsed; null when localStorage cannot be used at all (blocked for
  // the LMS's frame, say), so that nothing is reported from data that could not be read.
  function entries() {
    var out = {};
    try {
      var storage = window.localStorage;
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        var name = rules.nameOf(key, ROOT.pathname);
        if (name) {
          try { out[name] = JSON.parse(storage.getItem(key)); } catch (e) { /* unreadable: leave it */ }
        }
      }
    } catch (e) {
      return null;
    }
    return out;
  }

  // Replaces this course's entries with `data`; false when localStorage refused, and then what
  // this device held is put back rather than left half replaced (a full quota, say).
  function replaceEntries(data) {
    var storage, before = {};
    try {
      storage = window.localStorage;
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (rules.nameOf(key, ROOT.pathname)) before[key] = storage.getItem(key);
      }
    } catch (e) {
      return false;
    }
    // New entries are written first and old ones removed only once all are in: a write that fails
    // (quota) changes nothing, and the ones already written are undone.
    var written = [];
    try {
      Object.keys(data).forEach(function (name) {
        storage.setItem(PREFIX + name, JSON.stringify(data[name]));
        written.push(PREFIX + name);
      });
      Object.keys(before).forEach(function (key) { if (written.indexOf(key) === -1) storage.removeItem(key); });
      return true;
    } catch (e) {
      try {
        written.forEach(function (key) {
          if (Object.prototype.hasOwnProperty.call(before, key)) storage.setItem(key, before[key]);
          else storage.removeItem(key);
        });
      } catch (e2) { /* nothing more can be done; the learner is told */ }
      return false;
    }
  }

  // The learner's quiz records as one text: it changes only when they answer, retake, reset or
  // import, not when they merely open pages (which records visits).
  function quizState(data) {
    if (!data) return null;
    return JSON.stringify(Object.keys(data).filter(function (name) { return name.indexOf("quiz:") === 0; }).sort()
      .map(function (name) { return [name, data[name]]; }));
  }

  /* ---------- a compact form of it for cmi.suspend_data (at most 4,096 characters) ---------- */

  function seconds(iso) { var t = Date.parse(iso); return isNaN(t) ? "" : Math.round(t / 1000).toString(36); }
  function iso(s) { return s ? new Date(parseInt(s, 36) * 1000).toISOString() : new Date(0).toISOString(); }
  function short(hash) { return String(hash || "").slice(0, 6); }
  function full(h6, bank) { return h6 === short(bank.hash) ? bank.hash : h6; }

  function packResult(r) {
    return r && typeof r === "object" ? [short(r.h), r.correct, r.total, r.percent, r.passed ? 1 : 0, seconds(r.at)] : 0;
  }

  function unpackResult(a, bank) {
    return Array.isArray(a) ? { h: full(a[0], bank), correct: a[1], total: a[2], percent: a[3], passed: a[4] === 1, at: iso(a[5]) } : undefined;
  }

  function encode(data) {
    var progress = data.progress || {};
    var visited = 0;
    COURSE.modules.forEach(function (m, i) { if (progress.visited && progress.visited[m.id]) visited |= 1 << i; });
    var last = progress.last || {};
    // The pages seen: a bit per learning page (record.js's packSeen), so a learner who has read them
    // all costs one character of the LMS's 4,096.
    var packed = { f: 1, p: [visited, last.url || "", last.title || "", seconds(last.at), progress.name || "",
      rules.packSeen(progress, COURSE.modules)], q: [] };
    COURSE.banks.forEach(function (bank, b) {
      var record = data[rules.quizName(bank.id)];
      if (!record) return;
      var answers = bank.questions.map(function (q) {
        var a = record.answers && record.answers[q[0]];
        return a && a.h === q[1] && Array.isArray(a.a) ? a.a.join("") : "";
      }).join(",").replace(/,+$/, "");
      // The module's version the pass was earned in goes too: an edit not marked as a retake keeps it.
      var passed = record.passed ? [short(record.passed.h), seconds(record.passed.at)] : 0;
      if (passed && rules.isVersion(record.passed.version)) passed.push(record.passed.version);
      // The attempt's seed (record.js): on another device the options stand in the same order.
      var seed = typeof record.seed === "string" ? record.seed : "";
      packed.q.push([b, short(bank.hash), answers, packResult(record.best), packResult(record.result), passed, seed]);
    });
    // Each scenario practised: its path in progress (choice numbers, one digit each: 2 to 4 choices)
    // for the version it was made in, and the endings reached, by node id (kept across versions).
    (COURSE.scenarios || []).forEach(function (scenario, s) {
      var record = data[rules.scenarioName(scenario.id)];
      if (!rules.isScenarioRecord(record)) return;
      var reached = Object.keys(record.endings).filter(function (id) { return /^[a-z0-9-]+$/.test(id); });
      var latest = reached.map(function (id) { return record.endings[id]; }).filter(function (at) { return !isNaN(Date.parse(at)); }).sort().pop();
      var path = record.path.every(function (n) { return Number.isInteger(n) && n >= 0 && n < 10; }) ? record.path.join("") : "";
      (packed.s = packed.s || []).push([s, short(record.h), path, record.open ? 1 : 0, reached.join(","), seconds(latest)]);
    });
    return JSON.stringify(packed);
  }

  function decode(text) {
    var packed = JSON.parse(text);
    if (!packed || packed.f !== 1 || !Array.isArray(packed.p) || !Array.isArray(packed.q)) throw new Error("not ours");
    var out = {};
    var p = packed.p, visited = {};
    COURSE.modules.forEach(function (m, i) { if (p[0] & (1 << i)) visited[m.id] = true; });
    out.progress = rules.emptyProgress();
    out.progress.visited = visited;
    if (p[1]) out.progress.last = { url: p[1], title: p[2], at: iso(p[3]) };
    if (p[4]) out.progress.name = p[4];
    // Saved before pages were recorded (no sixth field), or unreadable: none seen, nothing else lost.
    try {
      var seen = p.length > 5 ? rules.unpackSeen(p[5], COURSE.modules) : [];
      if (seen.length) out.progress.seen = seen;
    } catch (e) { /* left out */ }
    packed.q.forEach(function (entry) {
      var bank = COURSE.banks[entry[0]];
      if (!bank) return;
      var record = rules.emptyQuiz();
      // Answers are stored by position, so they only apply to the version of the bank they came from.
      if (entry[1] === short(bank.hash) && entry[2]) {
        entry[2].split(",").forEach(function (chosen, i) {
          var q = bank.questions[i];
          if (chosen && q) record.answers[q[0]] = { h: q[1], a: chosen.split("").map(Number) };
        });
      }
      var best = unpackResult(entry[3], bank), result = unpackResult(entry[4], bank);
      if (best) record.best = best;
      if (result) record.result = result;
      if (Array.isArray(entry[5])) {
        record.passed = { h: full(entry[5][0], bank), at: iso(entry[5][1]) };
        if (rules.isVersion(entry[5][2])) record.passed.version = entry[5][2];
      }
      if (typeof entry[6] === "string" && entry[6]) record.seed = entry[6];  // record.js refuses a bad one
      out[rules.quizName(bank.id)] = record;
    });
    (Array.isArray(packed.s) ? packed.s : []).forEach(function (entry) {
      var scenario = (COURSE.scenarios || [])[entry[0]];
      if (!scenario || !Array.isArray(entry)) return;
      var same = entry[1] === short(scenario.hash);
      var endings = {};
      String(entry[4] || "").split(",").forEach(function (id) { if (/^[a-z0-9-]+$/.test(id)) endings[id] = iso(entry[5]); });
      // A path from another version of the scenario is dropped (as scenario.js does), the endings kept.
      var path = same && /^[0-9]*$/.test(String(entry[2])) ? String(entry[2]).split("").filter(Boolean).map(Number) : [];
      out[rules.scenarioName(scenario.id)] = { v: rules.FORMAT, h: same ? scenario.hash : String(entry[1]), path: path,
        open: same && entry[3] === 1 && path.length > 0, endings: endings };
    });
    return out;
  }

  /* ---------- the LMS session ---------- */

  function get(name) { try { return String(api.LMSGetValue(name) || ""); } catch (e) { return ""; } }
  function set(name, value) { try { api.LMSSetValue(name, String(value)); } catch (e) { /* the LMS refused it */ } }

  var reported = {};
  function report(name, value) {
    if (reported[name] === String(value)) return false;
    reported[name] = String(value);
    set(name, value);
    return true;
  }

  function framePath() {
    try {
      var here = frame.contentWindow.location;
      var path = here.pathname.indexOf(ROOT.pathname) === 0 ? here.pathname.slice(ROOT.pathname.length) : "";
      return (path + here.search + here.hash).slice(0, 255);
    } catch (e) {
      return "";
    }
  }

  var lastCommit = null, pending = null;
  function commit() {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    lastCommit = Date.now();
    try { api.LMSCommit(""); } catch (e) { /* the LMS keeps what it has */ }
  }
  // Changes that come close together (one checked question writes several records, a page load
  // its visit) go to the LMS in one commit.
  function commitSoon() {
    if (pending !== null) return;
    var wait = decisions.commitDelay(lastCommit, Date.now(), COMMIT_INTERVAL);
    if (wait === 0) commit();
    else pending = setTimeout(commit, wait);
  }

  // What the LMS held when this session opened, and whether this device's copy of the learner's
  // data is theirs to send: not when the LMS's copy could not be decoded or put in localStorage,
  // until the learner acts (answers, retakes, resets or imports).
  var atLaunch = { status: "", score: "" };
  var localIsTheirs = true;
  var launchQuizzes = null;

  var unreadable = false;  // said once, not after every page the learner opens
  function sync(leaving) {
    var data = entries();
    var changed = false;
    if (data) {
      var acted = quizState(data) !== launchQuizzes;
      // The site's rule (record.js): the quiz, and a good ending of the scenario where module.yml requires it.
      var done = COURSE.modules.filter(function (m) {
        return rules.isCompleted(m, data[rules.quizName(m.bank)], m.scenario ? data[rules.scenarioName(m.scenario.id)] : null);
      }).length;
      var local = { status: done === COURSE.modules.length ? "passed" : "incomplete", score: Math.round((100 * done) / COURSE.modules.length) };
      var chosen = decisions.decide(atLaunch, local, acted);
      if (acted || localIsTheirs) {
        var suspend = encode(data);
        if (suspend.length <= LIMIT) changed = report("cmi.suspend_data", suspend) || changed;
        else if (window.console) console.warn("krisesenterkurs: progress is too large for cmi.suspend_data", suspend.length);
      }
      changed = report("cmi.core.score.min", 0) || changed;
      changed = report("cmi.core.score.max", 100) || changed;
      changed = report("cmi.core.score.raw", chosen.score) || changed;
      changed = report("cmi.core.lesson_status", chosen.status) || changed;
    } else if (!unreadable) {
      // Reporting the empty data would overwrite what the LMS holds from an earlier visit.
      unreadable = true;
      if (window.console) console.warn("krisesenterkurs: localStorage cannot be read; the LMS keeps the progress it has");
      tell("storage", "Nettleseren lar ikke kurset lagre fremdriften din, så det du gjør nå, blir ikke registrert i læringsplattformen. Det som allerede er registrert der, beholdes.");
    }
    var path = framePath();
    if (path) changed = report("cmi.core.lesson_location", path) || changed;
    if (changed && !leaving) commitSoon();
  }

  if (!api) {
    frame.src = "index.html";
    return;
  }

  var started = Date.now();
  var opened = false;
  try {
    var answer = api.LMSInitialize("");
    opened = answer === true || String(answer) === "true";
  } catch (e) { /* refused, as below */ }
  if (!opened) {
    // Without a session nothing can be reported; the course still runs, and the learner knows.
    if (window.console) console.warn("krisesenterkurs: LMSInitialize failed; nothing is reported to the LMS");
    tell("init", "Kurset fikk ikke kontakt med læringsplattformen, så fremdriften din blir ikke registrert der nå. Den lagres i denne nettleseren. Lukk kurset og åpne det på nytt for å prøve igjen.");
    frame.src = "index.html";
    return;
  }

  var entry = get("cmi.core.entry");
  atLaunch = { status: get("cmi.core.lesson_status"), score: get("cmi.core.score.raw") };
  reported["cmi.core.lesson_status"] = atLaunch.status;
  reported["cmi.core.score.raw"] = atLaunch.score;
  if (decisions.rank(atLaunch.status) < decisions.rank("incomplete")) {
    report("cmi.core.lesson_status", "incomplete");
    commitSoon();
  }
  var saved = get("cmi.suspend_data");
  if (saved) {
    // Either way the LMS's copy is not sent back until the learner changes something.
    reported["cmi.suspend_data"] = saved;
    var restored = null;
    try {
      restored = decode(saved);
    } catch (e) {
      if (window.console) console.warn("krisesenterkurs: the LMS's saved progress could not be read; it is kept until the learner acts", e);
    }
    localIsTheirs = restored !== null && replaceEntries(restored);
    if (!localIsTheirs) {
      if (window.console) console.warn("krisesenterkurs: the LMS's saved progress could not be restored; it is kept until the learner acts");
      tell("restore", "Fremdriften din fra læringsplattformen kunne ikke hentes inn her. Det som er registrert der, beholdes til du svarer på noe nytt.");
    }
  }
  launchQuizzes = quizState(entries());

  // A new attempt (entry "ab-initio") starts at the front page; a resumed one where the learner
  // was. The LMS hands back what it was given, but it is not trusted to be a page of this course:
  // record.js's filter first, then the address as the browser resolves it (report.js).
  var stored = entry === "ab-initio" ? "" : get("cmi.core.lesson_location");
  var link = stored ? rules.safeLink(stored, ROOT.href) : null;
  frame.src = (link !== null && decisions.frameTarget(link, ROOT.href, LAUNCH_PAGE)) || "index.html";

  // localStorage writes in the course frame reach this page as storage events.
  window.addEventListener("storage", function (event) {
    if (!event.key || event.key.indexOf(PREFIX) === 0) sync(false);
  });
  frame.addEventListener("load", function () { sync(false); });

  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    sync(true);
    // Written before LMSFinish, which closes the session: the LMS adds session_time to the
    // learner's total time, and exit "suspend" makes the next launch a resume.
    set("cmi.core.session_time", decisions.sessionTime(Date.now() - started));
    set("cmi.core.exit", decisions.exitValue(reported["cmi.core.lesson_status"]));
    commit();
    try { api.LMSFinish(""); } catch (e) { /* ignore */ }
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  window.krisesenterkursScorm = { encode: encode, decode: decode, sync: sync, finish: finish, limit: LIMIT };
})();
