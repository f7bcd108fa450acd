/* What the SCORM 1.2 launch page reports to the LMS: its pure decisions, in one place.
 *
 * launch.js does the talking (the API, localStorage, the frame); this file only decides, so node
 * can load it (module.exports) and test every rule on its own (tests/js/scorm_report.test.js).
 * The launch page loads it as a file (assets/krisesenterkurs/scorm/), after record.js.
 *
 * SCORM 1.2 rules relied on (SCORM 1.2 Run-Time Environment, ADL 2001, section 3.4 "Data Model"):
 * - cmi.core.lesson_status is one of "passed", "completed", "failed", "incomplete", "browsed",
 *   "not attempted" (3.4.4, cmi.core.lesson_status).
 * - cmi.core.entry is read-only: "ab-initio" on the first launch of an attempt, "resume" when the
 *   last session ended with cmi.core.exit "suspend", otherwise "" (3.4.4, cmi.core.entry).
 * - cmi.core.exit is write-only: "time-out", "suspend", "logout" or "" (3.4.4, cmi.core.exit);
 *   "suspend" tells the LMS the learner means to come back, so the next launch gets entry "resume".
 * - cmi.core.session_time is write-only, a CMITimespan: HHHH:MM:SS.SS, hours of 2 to 4 digits,
 *   seconds with an optional fraction of 1 or 2 digits (3.4.2, CMITimespan); the LMS adds it to
 *   cmi.core.total_time when the session ends. Moodle's datamodels/scorm_12.js checks it against
 *   ^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$.
 * - cmi.core.score.raw is a CMIDecimal, or "" when no score was set (3.4.4).
 */
(function (root) {
  "use strict";

  var kk = root ? (root.krisesenterkurs = root.krisesenterkurs || {}) : {};
  if (kk.scormReport) {
    if (typeof module === "object" && module && module.exports) module.exports = kk.scormReport;
    return;
  }

  // How far along each status says the learner is; an unknown value counts as nothing.
  var RANK = { "": 0, "not attempted": 0, browsed: 1, incomplete: 2, failed: 2, completed: 3, passed: 4 };

  function rank(status) {
    return Object.prototype.hasOwnProperty.call(RANK, status) ? RANK[status] : 0;
  }

  // The score as a number, or null when the LMS holds none (score.raw is "" until set).
  function score(text) {
    if (typeof text === "number") return isFinite(text) ? text : null;
    if (typeof text !== "string" || !/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return null;
    return Number(text);
  }

  // What to report: {status, score}. `atLaunch` is what the LMS held when the session opened
  // ({status, score} as the LMS's strings), `local` what the learner's record on this device says.
  // Until the learner has acted in this session, nothing lower than the LMS's values is reported:
  // the record on this device may be empty or unreadable (another browser, storage blocked, data
  // the launch page could not decode), and that must not undo a pass the LMS already holds.
  function decide(atLaunch, local, acted) {
    if (acted) return { status: local.status, score: local.score };
    var launchScore = score(atLaunch.score);
    var status = rank(atLaunch.status) > rank(local.status) ? atLaunch.status : local.status;
    var best = launchScore !== null && launchScore > local.score ? launchScore : local.score;
    return { status: status, score: best };
  }

  // cmi.core.exit for a learner leaving now: "" once the course is done (nothing to resume),
  // "suspend" otherwise, so the LMS offers to resume and keeps the suspend data.
  function exitValue(status) {
    return status === "passed" || status === "completed" ? "" : "suspend";
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }

  // Milliseconds as a CMITimespan, HHHH:MM:SS.SS; at most 9999:59:59.99, the largest it can hold.
  function sessionTime(ms) {
    var cs = Math.max(0, Math.floor((Number(ms) || 0) / 10));
    cs = Math.min(cs, (9999 * 3600 + 59 * 60 + 59) * 100 + 99);
    var hours = Math.floor(cs / 360000);
    var minutes = Math.floor((cs % 360000) / 6000);
    var seconds = Math.floor((cs % 6000) / 100);
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(cs % 100, 2);
  }

  // How long to wait before the next LMSCommit: 0 to commit now, else the milliseconds left until
  // `interval` has passed since the last one (each commit is a request to the LMS's server).
  function commitDelay(lastAt, now, interval) {
    if (lastAt === null || lastAt === undefined) return 0;
    var left = lastAt + interval - now;
    return left > 0 ? left : 0;
  }

  // The address to open in the frame for a stored location, or null. The LMS hands back what it
  // was given but is not trusted: `text` is resolved with URL() against the package's root (an
  // absolute URL ending in "/"), as the browser would, and used only when it is a page of this
  // package: same origin, under the root's path, and not the launch page itself (which would nest
  // a second session inside the first).
  function frameTarget(text, rootHref, launchPage) {
    if (typeof text !== "string" || text === "") return null;
    var base, url;
    try {
      base = new URL(rootHref);
      url = new URL(text, base);
    } catch (e) {
      return null;
    }
    if (url.origin !== base.origin || url.protocol !== base.protocol) return null;
    if (url.username || url.password) return null;
    if (url.pathname.indexOf(base.pathname) !== 0) return null;
    var rest = url.pathname.slice(base.pathname.length);
    if (launchPage && rest === launchPage) return null;
    return url.href;
  }

  kk.scormReport = {
    rank: rank, score: score, decide: decide, exitValue: exitValue, sessionTime: sessionTime,
    commitDelay: commitDelay, frameTarget: frameTarget,
  };
  if (typeof module === "object" && module && module.exports) module.exports = kk.scormReport;
})(typeof window !== "undefined" ? window : null);
