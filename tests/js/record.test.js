/* The learner-record format (theme/assets/krisesenterkurs/record.js): its pure functions.
 *
 * Run with `node --test tests/js/`. No packages: node:test and node:assert only.
 * The browser tests (tests/browser) check the same rules through the pages;
 * these check each rule on its own, hostile input included, in milliseconds.
 */
"use strict";

var test = require("node:test");
var assert = require("node:assert/strict");
var fs = require("node:fs");
var path = require("node:path");
var vm = require("node:vm");

var FILE = path.join(__dirname, "..", "..", "extensions", "krisesenterkurs", "theme", "assets", "krisesenterkurs", "record.js");
var R = require(FILE);

var describe = test.describe;
var it = test.it;

// A module of the course manifest (the data-course attribute), as the progress extension writes it.
function mod(id, extra) {
  var dir = "moduler/" + id + "/";
  var m = { id: id, bank: id, hash: "h-" + id, url: dir, quiz: dir + "quiz/", dir: dir, n: "1", title: "Modul " + id,
    pages: [dir, dir + "side/", dir + "quiz/"] };
  Object.keys(extra || {}).forEach(function (k) { m[k] = extra[k]; });
  return m;
}

var COURSE = { modules: [mod("mandat"), mod("barn")], progress: "fremdrift/", certificate: "kursbevis/" };

// storage.js's read(name, isValid) over a plain object of raw JSON texts, with its rules:
// a missing entry is {value: null, problem: null}; a corrupt or invalid one is "unreadable".
function reader(raw, seen) {
  return function (name, isValid) {
    if (seen) seen.push([name, isValid]);
    if (!Object.prototype.hasOwnProperty.call(raw, name)) return { value: null, problem: null };
    try {
      var value = JSON.parse(raw[name]);
      if (R.isObject(value) && (!isValid || isValid(value))) return { value: value, problem: null };
    } catch { /* unreadable */ }
    return { value: null, problem: "unreadable" };
  };
}

function result(h, percent, extra) {
  var r = { h: h, correct: 1, total: 1, percent: percent, passed: percent >= 80, at: "2026-01-01T00:00:00.000Z" };
  Object.keys(extra || {}).forEach(function (k) { r[k] = extra[k]; });
  return r;
}

var NON_OBJECTS = [null, undefined, 0, 1, "", "x", true, [], [1], function () {}];

describe("loading", function () {
  it("works in node without a window, and exports the module", function () {
    assert.equal(typeof R, "object");
    assert.equal(R.FORMAT, 1);
    assert.equal(typeof R.parseImport, "function");
  });

  it("defines window.krisesenterkurs.record in a browser, next to what is there already", function () {
    var source = fs.readFileSync(FILE, "utf8");
    var window = { krisesenterkurs: { store: "kept" } };
    vm.runInNewContext(source, { window: window, URL: URL });
    assert.equal(window.krisesenterkurs.store, "kept");
    assert.equal(typeof window.krisesenterkurs.record.isQuizRecord, "function");
    assert.equal(window.krisesenterkurs.record.FORMAT, 1);
  });

  it("is idempotent: a second load keeps the first object, also for module.exports", function () {
    var source = fs.readFileSync(FILE, "utf8");
    var window = {};
    vm.runInNewContext(source, { window: window, URL: URL });
    var first = window.krisesenterkurs.record;
    var module = { exports: {} };
    vm.runInNewContext(source, { window: window, URL: URL, module: module });
    assert.equal(window.krisesenterkurs.record, first);
    assert.equal(module.exports, first);
  });

  it("can be inlined in an HTML <script> element (the SCORM launch page does)", function () {
    var source = fs.readFileSync(FILE, "utf8");
    assert.doesNotMatch(source, /<\/script|<!--/i);
  });
});

describe("NAME, keyPrefix, nameOf, quizName", function () {
  it("accepts the progress record and quiz records with lowercase, hyphenated bank ids", function () {
    ["progress", "quiz:mandat", "quiz:barn-i-reetablering", "quiz:a1-b2"].forEach(function (name) {
      assert.ok(R.NAME.test(name), name);
    });
  });

  it("refuses everything else", function () {
    ["", "quiz:", "quiz:Mandat", "quiz:-a", "quiz:a-", "quiz:a--b", "quiz:a_b", "quiz:a:b", "progress ",
      " progress", "progress\n", "progressx", "theme", "theme:palette", "__proto__", "constructor",
      "quiz:__proto__", "quiz:a\n"].forEach(function (name) {
      assert.ok(!R.NAME.test(name), JSON.stringify(name));
    });
  });

  it("builds this site's keys", function () {
    assert.equal(R.keyPrefix("/kurs/"), "krisesenterkurs:/kurs/:");
    assert.equal(R.quizName("mandat"), "quiz:mandat");
    assert.equal(R.keyPrefix("/") + R.quizName("mandat"), "krisesenterkurs:/:quiz:mandat");
  });

  it("finds the name in this site's keys only", function () {
    assert.equal(R.nameOf("krisesenterkurs:/:progress", "/"), "progress");
    assert.equal(R.nameOf("krisesenterkurs:/kurs/:quiz:mandat", "/kurs/"), "quiz:mandat");
    // Another course on the same host, the theme's settings, other scripts, hostile keys.
    assert.equal(R.nameOf("krisesenterkurs:/et-annet-kurs/:quiz:mandat", "/"), null);
    assert.equal(R.nameOf("krisesenterkurs:/:quiz:mandat", "/et-annet-kurs/"), null);
    assert.equal(R.nameOf("krisesenterkurs:/a/:progress", "/b/"), null);  // a path of the same length
    assert.equal(R.nameOf("krisesenterkurs:/:theme:palette", "/"), null);
    assert.equal(R.nameOf("krisesenterkurs:/:__proto__", "/"), null);
    assert.equal(R.nameOf("other:/:progress", "/"), null);
    assert.equal(R.nameOf("xkrisesenterkurs:/:progress", "/"), null);
    [null, undefined, 1, {}].forEach(function (key) { assert.equal(R.nameOf(key, "/"), null); });
  });
});

describe("isQuizRecord, isProgress, isResult, isObject", function () {
  it("isObject is a JSON object: not null, not an array", function () {
    assert.ok(R.isObject({}));
    NON_OBJECTS.forEach(function (v) { assert.ok(!R.isObject(v), String(v)); });
  });

  it("isQuizRecord wants version 1 and an answers object", function () {
    assert.ok(R.isQuizRecord({ v: 1, answers: {} }));
    assert.ok(R.isQuizRecord({ v: 1, answers: { q: { h: "x", a: [0] } }, passed: { h: "x", at: "t" } }));
    [0, 2, "1", null, undefined].forEach(function (v) {
      assert.ok(!R.isQuizRecord({ v: v, answers: {} }), "v=" + v);
    });
    [undefined, null, [], [1], "x", 1].forEach(function (answers) {
      assert.ok(!R.isQuizRecord({ v: 1, answers: answers }), "answers=" + JSON.stringify(answers));
    });
    NON_OBJECTS.forEach(function (v) { assert.ok(!R.isQuizRecord(v), String(v)); });
  });

  it("isProgress wants version 1 and, if any, an object of visited modules", function () {
    assert.ok(R.isProgress({ v: 1, visited: {} }));
    assert.ok(R.isProgress({ v: 1 }));
    assert.ok(R.isProgress({ v: 1, visited: null }));
    assert.ok(!R.isProgress({ v: 0, visited: {} }));
    assert.ok(!R.isProgress({ v: 2, visited: {} }));
    assert.ok(!R.isProgress({ v: "1", visited: {} }));
    assert.ok(!R.isProgress({ v: 1, visited: "mandat" }));
    assert.ok(!R.isProgress({ v: 1, visited: true }));
    NON_OBJECTS.forEach(function (v) { assert.ok(!R.isProgress(v), String(v)); });
  });

  it("isResult wants a numeric percent and a bank hash", function () {
    assert.ok(R.isResult(result("h", 50)));
    assert.ok(!R.isResult({ h: "h", percent: "50" }));
    assert.ok(!R.isResult({ h: 1, percent: 50 }));
    assert.ok(!R.isResult({ percent: 50 }));
    NON_OBJECTS.forEach(function (v) { assert.ok(!R.isResult(v), String(v)); });
  });
});

describe("emptyQuiz, emptyProgress", function () {
  it("are valid, stored exactly as before, and new objects each time", function () {
    assert.equal(JSON.stringify(R.emptyQuiz()), '{"v":1,"answers":{}}');
    assert.equal(JSON.stringify(R.emptyProgress()), '{"v":1,"visited":{}}');
    assert.ok(R.isQuizRecord(R.emptyQuiz()));
    assert.ok(R.isProgress(R.emptyProgress()));
    var a = R.emptyQuiz();
    a.answers.q = 1;
    assert.deepEqual(R.emptyQuiz().answers, {});
    var p = R.emptyProgress();
    p.visited.mandat = true;
    assert.deepEqual(R.emptyProgress().visited, {});
  });
});

describe("format", function () {
  it("fills in placeholders and leaves unknown ones as written", function () {
    assert.equal(R.format("{done} av {total} moduler", { done: 2, total: 5 }), "2 av 5 moduler");
    assert.equal(R.format("{done}/{done}", { done: 0 }), "0/0");
    assert.equal(R.format("{x} og {y}", { x: "a" }), "a og {y}");
    assert.equal(R.format("ingen", {}), "ingen");
  });

  it("does not fill in from Object.prototype", function () {
    assert.equal(R.format("{constructor} {toString} {__proto__}", {}), "{constructor} {toString} {__proto__}");
  });

  it("does not read $-patterns in values", function () {
    assert.equal(R.format("{name}", { name: "$& $1 $$" }), "$& $1 $$");
  });
});

describe("siteRoot", function () {
  var page = "https://example.org/kurs/moduler/mandat/quiz/";

  it("resolves __config's base against the page it belongs to", function () {
    assert.equal(R.siteRoot('{"base": "../../.."}', page).href, "https://example.org/kurs/");
    assert.equal(R.siteRoot('{"base": "."}', "https://example.org/kurs/").href, "https://example.org/kurs/");
    assert.equal(R.siteRoot('{"base": "../.."}', "file:///tmp/kurs/moduler/mandat/index.html").href, "file:///tmp/kurs/");
  });

  it("takes a missing base as the page's own folder", function () {
    assert.equal(R.siteRoot("{}", page).href, page);
    assert.equal(R.siteRoot('{"base": ""}', page).href, page);
  });

  it("falls back to the host's root without a readable __config", function () {
    [null, undefined, "", "{not json", "null"].forEach(function (text) {
      assert.equal(R.siteRoot(text, page).href, "https://example.org/", String(text));
    });
  });

  it("is null where there is no site at all", function () {
    assert.equal(R.siteRoot(null, "about:blank"), null);
    assert.equal(R.siteRoot(null, "not a url"), null);
  });
});

describe("safeLink", function () {
  var base = "https://example.org/kurs/";

  it("gives the path inside the site, query and fragment kept", function () {
    var cases = {
      "moduler/mandat/": "moduler/mandat/", "moduler/mandat/quiz.html#q2": "moduler/mandat/quiz.html#q2",
      "index.html": "index.html", "fremdrift/?a=b:c": "fremdrift/?a=b:c", "moduler/x:y/": "moduler/x:y/",
      "": "", "a..b/": "a..b/", "moduler/..x/": "moduler/..x/",
      // Resolved as the browser would: what stays inside the site is a page of it.
      "moduler/./mandat/": "moduler/mandat/", "moduler/../fremdrift/": "fremdrift/",
      "/kurs/moduler/mandat/": "moduler/mandat/", "https://example.org/kurs/ordliste/": "ordliste/",
      " moduler/mandat/": "moduler/mandat/",
    };
    Object.keys(cases).forEach(function (link) {
      assert.equal(R.safeLink(link, base), cases[link], JSON.stringify(link));
    });
  });

  it("works for a package opened from a folder (file://), whose origin is opaque", function () {
    var pkg = "file:///home/kari/kurs/";
    assert.equal(R.safeLink("moduler/mandat/index.html", pkg), "moduler/mandat/index.html");
    ["javascript:alert(1)", "file:///etc/passwd", "../annet/", "data:text/html,x", "\\\\evil/x"].forEach(function (link) {
      assert.equal(R.safeLink(link, pkg), null, JSON.stringify(link));
    });
  });

  it("refuses schemes, whatever their case", function () {
    ["javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>",
      "vbscript:x", "http://evil.example/", "http:evil.example/", "file:///etc/passwd", "mailto:a@b",
      "blob:https://evil/1", "a+b.c-d:x", "http://example.org/kurs/", "https://user:pw@example.org/kurs/"].forEach(function (link) {
      assert.equal(R.safeLink(link, base), null, link);
    });
  });

  it("refuses what browsers would turn into a scheme or another host", function () {
    // Each of these leaves the site when a browser resolves it: the test data is hostile indeed.
    var hostile = [" javascript:alert(1)", "\tjavascript:alert(1)", "\njavascript:alert(1)",
      "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "\u0000javascript:alert(1)",
      "//evil.example/", "\\\\evil.example/", "\\/evil.example/", "/\\evil.example/", " //evil.example/",
      "\t//evil.example/", " \\\\evil.example/kurs/", "\t\\evil.example"];
    hostile.forEach(function (link) {
      assert.ok(new URL(link, base).href.indexOf(base) !== 0, "not hostile after all: " + JSON.stringify(link));
      assert.equal(R.safeLink(link, base), null, JSON.stringify(link));
    });
  });

  it("refuses paths that leave the site on the same host, however they are written", function () {
    ["/", "/etc/passwd", "/kursx/", "/kurs", "..", "../", "../annet-kurs/", "moduler/../../annet-kurs/",
      "%2e%2e/x", "%2E%2e/x", ".%2e/x", "..\\x", "moduler\\..\\..\\x", "..?x", "..#x", "\\moduler", "\\"].forEach(function (link) {
      assert.equal(R.safeLink(link, base), null, JSON.stringify(link));
    });
  });

  it("is null for what is not a string, and for a missing or unusable base; it never throws", function () {
    [null, undefined, 0, 1, true, [], ["moduler/"], {}, { toString: function () { return "moduler/"; } },
      function () {}].forEach(function (v) {
      assert.equal(R.safeLink(v, base), null, String(v));
    });
    [undefined, null, "", "moduler/", "not a url", "https://example.org/kurs", 1, {}].forEach(function (b) {
      assert.equal(R.safeLink("moduler/mandat/", b), null, String(b));
    });
    assert.equal(R.safeLink("moduler/", { toString: function () { throw new Error("x"); } }), null);
  });
});

describe("resumeTarget", function () {
  var base = "https://example.org/kurs/";

  it("gives the last page when its link and title can be trusted", function () {
    var progress = { v: 1, visited: {}, last: { url: "moduler/mandat/", title: "Mandat", at: "t" } };
    assert.deepEqual(R.resumeTarget(progress, base), { url: "moduler/mandat/", title: "Mandat" });
  });

  it("gives nothing for a hostile or malformed last page", function () {
    ["javascript:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)", "//evil.example/", "\\\\evil.example",
      " \\\\evil.example", "/annet/", "../annet/", 1, null, undefined].forEach(function (url) {
      assert.equal(R.resumeTarget({ v: 1, last: { url: url, title: "x" } }, base), null, JSON.stringify(url));
    });
    assert.equal(R.resumeTarget({ v: 1, last: { url: "moduler/", title: 1 } }, base), null);
    assert.equal(R.resumeTarget({ v: 1, last: { url: "moduler/" } }, base), null);
    assert.equal(R.resumeTarget({ v: 1 }, base), null);
    assert.equal(R.resumeTarget({ v: 1, last: "moduler/" }, base), null);
    assert.equal(R.resumeTarget({ v: 1, last: ["moduler/", "x"] }, base), null);
    NON_OBJECTS.forEach(function (v) { assert.equal(R.resumeTarget(v, base), null, String(v)); });
  });
});

describe("isRight", function () {
  it("is true for exactly the right options, in any order", function () {
    assert.ok(R.isRight([1], [1]));
    assert.ok(R.isRight([2, 0], [0, 2]));
    assert.ok(!R.isRight([0], [0, 2]));
    assert.ok(!R.isRight([0, 1, 2], [0, 2]));
    assert.ok(!R.isRight([1], [2]));
    assert.ok(!R.isRight([0, 0], [0, 1]));
    assert.ok(!R.isRight([], [0]));
  });

  it("leaves its arguments as they were", function () {
    var chosen = [2, 0], correct = [2, 1, 0];
    R.isRight(chosen, correct);
    assert.deepEqual(chosen, [2, 0]);
    assert.deepEqual(correct, [2, 1, 0]);
  });
});

describe("isRight and validAnswer for matching and ordering", function () {
  it("takes a matching or ordering answer as a list: every item, in its place", function () {
    assert.ok(R.isRight([2, 0, 0], [2, 0, 0], "matching"));
    assert.ok(!R.isRight([0, 0, 2], [2, 0, 0], "matching"));  // the same categories, on the wrong items
    assert.ok(!R.isRight([2, 0], [2, 0, 0], "matching"));
    assert.ok(R.isRight([0, 1, 2, 3], [0, 1, 2, 3], "ordering"));
    assert.ok(!R.isRight([1, 0, 2, 3], [0, 1, 2, 3], "ordering"));
    assert.ok(R.isRight([1, 0], [0, 1], "multiple"));  // choices stay a set
  });

  it("accepts only an answer that fits the question", function () {
    assert.ok(R.validAnswer([1, 0, 1], 2, "matching", 3));
    assert.ok(!R.validAnswer([1, 0], 2, "matching", 3));  // an item without a category
    assert.ok(!R.validAnswer([1, 2, 1], 2, "matching", 3));  // no third category
    assert.ok(R.validAnswer([2, 0, 1], 3, "ordering"));
    assert.ok(!R.validAnswer([0, 0, 1], 3, "ordering"));  // a step twice, one missing
    assert.ok(!R.validAnswer([0, 1], 3, "ordering"));
    assert.ok(R.validAnswer([0, 9], 10, "ordering") === false);
    assert.ok(R.validAnswer([0, 2], 3, "multiple"));
    assert.ok(!R.validAnswer(["0"], 3, "single"));
  });

  it("finds a saved answer by the question's type", function () {
    var record = { v: 1, answers: { m: { h: "x", a: [1, 0, 1] }, o: { h: "y", a: [2, 0, 1] } } };
    assert.deepEqual(R.savedAnswer(record, "m", "x", 2, "matching", 3), [1, 0, 1]);
    assert.equal(R.savedAnswer(record, "m", "x", 2, "matching", 4), null);  // the question gained an item
    assert.deepEqual(R.savedAnswer(record, "o", "y", 3, "ordering"), [2, 0, 1]);
    assert.equal(R.savedAnswer(record, "o", "y", 4, "ordering"), null);
  });
});

describe("shownOrder and the attempt's seed", function () {
  function isPermutation(order, count) {
    return order.length === count && order.slice().sort(function (a, b) { return a - b; }).every(function (v, i) { return v === i; });
  }

  it("draws the same order from the same seed and question, and others from others", function () {
    assert.deepEqual(R.shownOrder("abc", "q1", 5), R.shownOrder("abc", "q1", 5));
    var orders = new Set();
    for (var s = 0; s < 40; s++) {
      var order = R.shownOrder("s" + s, "q1", 4);
      assert.ok(isPermutation(order, 4), order);
      orders.add(order.join(""));
    }
    assert.ok(orders.size > 12, orders.size);  // of 24 orders: not stuck on a few
    assert.notDeepEqual(R.shownOrder("abc", "q1", 6), R.shownOrder("abc", "q2", 6));
  });

  it("puts the key in every position about as often (no help from position)", function () {
    var at = [0, 0, 0, 0];
    for (var s = 0; s < 4000; s++) at[R.shownOrder(s.toString(36), "q", 4).indexOf(0)] += 1;
    at.forEach(function (n) { assert.ok(n > 850 && n < 1150, at); });
  });

  it("never shows steps to put in order in the right order", function () {
    for (var s = 0; s < 300; s++) {
      var order = R.shownOrder("s" + s, "steps", 3, true);
      assert.ok(isPermutation(order, 3));
      assert.notDeepEqual(order, [0, 1, 2]);
    }
  });

  it("keeps a record's seed, gives one to a record without, and a new one on «Prøv igjen»", function () {
    var record = R.emptyQuiz();
    var seed = R.attemptSeed(record);
    assert.match(seed, /^[0-9a-z]+$/);
    assert.equal(R.attemptSeed(record), seed);
    record.seed = "<script>";
    assert.notEqual(R.attemptSeed(record), "<script>");
    var seeds = new Set();
    for (var i = 0; i < 20; i++) seeds.add(R.startOver(record, "2026-03-01T10:00:00.000Z").seed);
    assert.ok(seeds.size > 15);
  });

  it("merges two tabs to the seed of the latest attempt", function () {
    var stored = { v: 1, answers: {}, seed: "aaa" }, mine = { v: 1, answers: {}, seed: "bbb" };
    assert.equal(R.mergeQuiz(stored, mine).seed, "aaa");  // the same attempt: the first tab's
    mine.cleared = "2026-03-01T10:00:00.000Z";  // this tab started over
    assert.equal(R.mergeQuiz(stored, mine).seed, "bbb");
    assert.equal(R.mergeQuiz({ v: 1, answers: {}, seed: 5 }, { v: 1, answers: {} }).seed, undefined);
  });
});

describe("savedAnswer, recordAnswer, forgetAnswer", function () {
  function withAnswer(entry) {
    return { v: 1, answers: { q1: entry } };
  }

  it("gives back a saved answer to this version of the question", function () {
    assert.deepEqual(R.savedAnswer(withAnswer({ h: "x", a: [0, 2] }), "q1", "x", 3), [0, 2]);
  });

  it("ignores an answer to another version of the question", function () {
    assert.equal(R.savedAnswer(withAnswer({ h: "old", a: [0] }), "q1", "x", 3), null);
    assert.equal(R.savedAnswer(withAnswer({ a: [0] }), "q1", "x", 3), null);
  });

  it("ignores choices the question does not have", function () {
    [[3], [-1], [1.5], ["1"], [null], [], "0", 0, null, undefined, { 0: 0, length: 1 }].forEach(function (a) {
      assert.equal(R.savedAnswer(withAnswer({ h: "x", a: a }), "q1", "x", 3), null, JSON.stringify(a));
    });
  });

  it("ignores missing, malformed and inherited entries", function () {
    assert.equal(R.savedAnswer({ v: 1, answers: {} }, "q1", "x", 3), null);
    assert.equal(R.savedAnswer(withAnswer("x"), "q1", "x", 3), null);
    assert.equal(R.savedAnswer(withAnswer([0]), "q1", "x", 3), null);
    assert.equal(R.savedAnswer({ v: 1, answers: Object.create({ q1: { h: "x", a: [0] } }) }, "q1", "x", 3), null);
    assert.equal(R.savedAnswer({ v: 1, answers: {} }, "__proto__", undefined, 3), null);
    assert.equal(R.savedAnswer({ v: 1, answers: {} }, "constructor", undefined, 3), null);
    NON_OBJECTS.forEach(function (v) { assert.equal(R.savedAnswer(v, "q1", "x", 3), null, String(v)); });
    assert.equal(R.savedAnswer({ v: 1, answers: [] }, "0", "x", 3), null);
  });

  it("records and forgets an answer in the stored shape", function () {
    var record = R.emptyQuiz();
    R.recordAnswer(record, "q1", "x", [0, 2]);
    assert.equal(JSON.stringify(record), '{"v":1,"answers":{"q1":{"h":"x","a":[0,2]}}}');
    assert.deepEqual(R.savedAnswer(record, "q1", "x", 3), [0, 2]);
    R.recordAnswer(record, "q2", "y", [1]);
    R.forgetAnswer(record, "q1");
    assert.equal(JSON.stringify(record), '{"v":1,"answers":{"q2":{"h":"y","a":[1]}}}');
  });
});

describe("attempt, recordAttempt", function () {
  var AT = "2026-03-01T10:00:00.000Z", LATER = "2026-03-02T10:00:00.000Z";

  it("scores an attempt, in the stored shape", function () {
    assert.equal(JSON.stringify(R.attempt("b1", 4, 5, 80, AT)),
      '{"h":"b1","correct":4,"total":5,"percent":80,"passed":true,"at":"' + AT + '"}');
    assert.deepEqual(R.attempt("b1", 0, 5, 80, AT).percent, 0);
    assert.equal(R.attempt("b1", 1, 3, 30, AT).percent, 33);
    assert.equal(R.attempt("b1", 5, 6, 80, AT).percent, 83);
  });

  it("decides passing on whole numbers, not on the rounded percentage", function () {
    var r = R.attempt("b1", 2, 3, 67, AT);
    assert.equal(r.percent, 67);
    assert.equal(r.passed, false);  // 200 < 201
    assert.equal(R.attempt("b1", 2, 3, 66, AT).passed, true);
    assert.equal(R.attempt("b1", 3, 5, 60, AT).passed, true);
    assert.equal(R.attempt("b1", 2, 5, 60, AT).passed, false);
  });

  it("keeps the first result as latest and best, and dates a pass", function () {
    var record = R.emptyQuiz();
    assert.equal(R.recordAttempt(record, R.attempt("b1", 4, 5, 80, AT)), record);
    assert.equal(JSON.stringify(record), '{"v":1,"answers":{},' +
      '"result":{"h":"b1","correct":4,"total":5,"percent":80,"passed":true,"at":"' + AT + '"},' +
      '"best":{"h":"b1","correct":4,"total":5,"percent":80,"passed":true,"at":"' + AT + '"},' +
      '"passed":{"h":"b1","at":"' + AT + '"}}');
  });

  it("does not date a failed attempt as a pass", function () {
    var record = R.recordAttempt(R.emptyQuiz(), R.attempt("b1", 1, 5, 80, AT));
    assert.equal(record.passed, undefined);
    assert.equal(record.best.percent, 20);
  });

  it("keeps the best result unless the new one is at least as good", function () {
    var record = R.recordAttempt(R.emptyQuiz(), R.attempt("b1", 4, 5, 80, AT));
    R.recordAttempt(record, R.attempt("b1", 2, 5, 80, LATER));
    assert.equal(record.result.percent, 40);
    assert.equal(record.best.percent, 80);
    assert.equal(record.best.at, AT);
    R.recordAttempt(record, R.attempt("b1", 4, 5, 80, LATER));
    assert.equal(record.best.at, LATER);  // as good: the newer one
  });

  it("keeps the date of the first pass of a version of the bank", function () {
    var record = R.recordAttempt(R.emptyQuiz(), R.attempt("b1", 4, 5, 80, AT));
    R.recordAttempt(record, R.attempt("b1", 5, 5, 80, LATER));
    assert.deepEqual(record.passed, { h: "b1", at: AT });
  });

  it("starts over for a new version of the bank", function () {
    var record = R.recordAttempt(R.emptyQuiz(), R.attempt("old", 5, 5, 80, AT));
    R.recordAttempt(record, R.attempt("new", 1, 5, 80, LATER));
    assert.equal(record.best.h, "new");  // a worse result, but for the bank as it is now
    assert.equal(record.best.percent, 20);
    assert.deepEqual(record.passed, { h: "old", at: AT });  // not passed yet in the new version
    R.recordAttempt(record, R.attempt("new", 4, 5, 80, LATER));
    assert.deepEqual(record.passed, { h: "new", at: LATER });
  });

  it("replaces malformed stored results instead of failing", function () {
    [5, "x", null, [], {}].forEach(function (junk) {
      var record = { v: 1, answers: {}, best: junk, passed: junk };
      R.recordAttempt(record, R.attempt("b1", 4, 5, 80, AT));
      assert.equal(record.best.h, "b1", JSON.stringify(junk));
      assert.deepEqual(record.passed, { h: "b1", at: AT }, JSON.stringify(junk));
    });
  });
});

describe("scenarioState and a module that requires its scenario", function () {
  function withScenario(required) {
    var m = mod("mandat");
    m.scenario = { id: "nav-ringer", hash: "sh", url: "moduler/mandat/samtaletrening/",
      endings: ["god", "blandet", "darlig"], good: ["god"], required: required };
    return m;
  }
  var passed = { v: 1, answers: {}, passed: { h: "h-mandat", at: "t" } };
  function practised(path, endings, h) {
    return { v: 1, h: h || "sh", path: path, open: false, endings: endings };
  }

  it("tells not started, in progress and endings reached, by node id", function () {
    var m = withScenario(false);
    assert.deepEqual(R.scenarioState(m, null), { state: "not-started", reached: 0, total: 3, good: false });
    assert.equal(R.scenarioState(m, practised([0, 1], {})).state, "in-progress");
    assert.equal(R.scenarioState(m, practised([0, 1], {}, "old")).state, "not-started");  // an edited scenario drops the path
    var s = R.scenarioState(m, practised([], { darlig: "t", blandet: "t", borte: "t" }, "old"));
    assert.deepEqual(s, { state: "endings", reached: 2, total: 3, good: false });  // kept across versions
    assert.equal(R.scenarioState(m, practised([], { god: "t" })).good, true);
    assert.equal(R.scenarioState(m, { v: 1, h: "sh", path: "x", endings: {} }).state, "not-started");  // not a record
    assert.equal(R.scenarioState(mod("barn"), null), null);  // no scenario
  });

  it("completes a module with the quiz alone unless module.yml requires the scenario", function () {
    assert.ok(R.isCompleted(withScenario(false), passed, null));
    assert.ok(!R.isCompleted(withScenario(true), passed, null));
    assert.ok(!R.isCompleted(withScenario(true), passed, practised([], { darlig: "t" })));
    assert.ok(R.isCompleted(withScenario(true), passed, practised([], { god: "t" })));
    assert.ok(!R.isCompleted(withScenario(true), { v: 1, answers: {} }, practised([], { god: "t" })));
  });

  it("courseState reads each module's scenario record", function () {
    var m = withScenario(true);
    var stored = { "quiz:mandat": passed, "scenario:nav-ringer": practised([], { god: "t" }) };
    var read = function (name, valid) { return { value: stored[name] && valid(stored[name]) ? stored[name] : null, problem: null }; };
    var state = R.courseState({ modules: [m] }, read);
    assert.equal(state.done, 1);
    assert.deepEqual(state.modules[0].scenario, { state: "endings", reached: 1, total: 3, good: true });
  });
});

describe("isCompleted, moduleState", function () {
  var m = mod("mandat");
  var visited = { v: 1, visited: { mandat: true } };
  var none = { v: 1, visited: {} };

  it("isCompleted wants a pass, of any version of the bank unless a change asks for a new attempt", function () {
    assert.ok(R.isCompleted(m, { v: 1, answers: {}, passed: { h: "h-mandat", at: "t" } }));
    // An edited bank (another hash) does not take an earned pass away.
    assert.ok(R.isCompleted(m, { v: 1, answers: {}, passed: { h: "old", at: "t" } }));
    var marked = mod("mandat", { version: "1.4", retake: { version: "1.3", date: "2026-12-03" } });
    assert.ok(!R.isCompleted(marked, { v: 1, answers: {}, passed: { h: "h-mandat", at: "t", version: "1.2" } }));
    assert.ok(R.isCompleted(marked, { v: 1, answers: {}, passed: { h: "old", at: "t", version: "1.3" } }));
    assert.ok(!R.isCompleted(m, { v: 1, answers: {} }));
    [null, undefined, { passed: "h-mandat" }, { passed: null }].forEach(function (q) {
      assert.ok(!R.isCompleted(m, q), JSON.stringify(q));
    });
  });

  it("a module nobody has touched", function () {
    var s = R.moduleState(m, null, none);
    assert.deepEqual(s, { module: m, problem: null, completed: false, passed: false, started: false, best: null,
      latest: null, scenario: null, pass: "none", passedVersion: null });
  });

  it("a visited module has been started", function () {
    assert.equal(R.moduleState(m, null, visited).started, true);
    assert.equal(R.moduleState(mod("barn"), null, visited).started, false);
  });

  it("answers or a result start a module", function () {
    assert.equal(R.moduleState(m, { v: 1, answers: { q: { h: "x", a: [0] } } }, none).started, true);
    var s = R.moduleState(m, { v: 1, answers: {}, result: result("h-mandat", 40) }, none);
    assert.equal(s.started, true);
    assert.deepEqual(s.latest, result("h-mandat", 40));
    assert.equal(R.moduleState(m, { v: 1, answers: {} }, none).started, false);
  });

  it("a pass of the current bank completes the module and dates it", function () {
    var q = { v: 1, answers: {}, best: result("h-mandat", 100), passed: { h: "h-mandat", at: "2026-02-03" } };
    var s = R.moduleState(m, q, none);
    assert.equal(s.completed, true);
    assert.equal(s.started, true);
    assert.equal(s.passedAt, "2026-02-03");
    assert.deepEqual(s.best, result("h-mandat", 100));
  });

  it("a pass of an older bank still does, and says the module was updated since", function () {
    var s = R.moduleState(m, { v: 1, answers: {}, passed: { h: "old", at: "t" } }, none);
    assert.equal(s.completed, true);
    assert.equal(s.pass, "updated");
    assert.equal(s.passedAt, "t");
    assert.equal(s.passedVersion, null);  // an older record: the version is not known
  });

  it("a pass voided by a retake does not complete the module", function () {
    var marked = mod("mandat", { version: "2.0", retake: { version: "2.0", date: "2027-01-10" } });
    var s = R.moduleState(marked, { v: 1, answers: {}, passed: { h: "h-mandat", at: "2027-01-01T00:00:00Z", version: "1.4" } }, none);
    assert.deepEqual([s.completed, s.pass, s.passedAt, s.started], [false, "retake", null, true]);
  });

  it("malformed results are not shown", function () {
    var s = R.moduleState(m, { v: 1, answers: {}, best: { percent: "100" }, result: 7 }, none);
    assert.equal(s.best, null);
    assert.equal(s.latest, null);
  });

  it("ignores records that are not quiz records, and missing progress, instead of failing", function () {
    [{ v: 1 }, { v: 2, answers: {}, passed: { h: "h-mandat" } }, { v: 1, answers: [1] }, "x", 5, []].forEach(function (q) {
      var s = R.moduleState(m, q, none);
      assert.equal(s.completed, false, JSON.stringify(q));
      assert.equal(s.started, false, JSON.stringify(q));
    });
    [null, undefined, {}, { v: 1, visited: null }].forEach(function (p) {
      assert.equal(R.moduleState(m, null, p).started, false, JSON.stringify(p));
    });
  });
});

describe("readProgress, courseState", function () {
  it("readProgress reads 'progress' with isProgress, and always has visited", function () {
    var seen = [];
    var found = R.readProgress(reader({ progress: '{"v":1,"last":{"url":"a/","title":"A","at":"t"}}' }, seen));
    assert.deepEqual(seen, [["progress", R.isProgress]]);
    assert.deepEqual(found, { value: { v: 1, last: { url: "a/", title: "A", at: "t" }, visited: {} }, problem: null });
  });

  it("readProgress starts afresh when there is nothing, or nothing readable", function () {
    assert.deepEqual(R.readProgress(reader({})), { value: { v: 1, visited: {} }, problem: null });
    assert.deepEqual(R.readProgress(reader({ progress: "{oops" })), { value: { v: 1, visited: {} }, problem: "unreadable" });
    assert.deepEqual(R.readProgress(reader({ progress: '{"v":0}' })), { value: { v: 1, visited: {} }, problem: "unreadable" });
  });

  it("courseState reads each module's quiz record with isQuizRecord and counts completed modules", function () {
    var seen = [];
    var raw = {
      progress: '{"v":1,"visited":{"barn":true}}',
      "quiz:mandat": JSON.stringify({ v: 1, answers: {}, passed: { h: "h-mandat", at: "t" } }),
    };
    var state = R.courseState(COURSE, reader(raw, seen));
    assert.deepEqual(seen, [["progress", R.isProgress], ["quiz:mandat", R.isQuizRecord], ["quiz:barn", R.isQuizRecord]]);
    assert.equal(state.done, 1);
    assert.equal(state.total, 2);
    assert.equal(state.problem, null);
    assert.equal(state.modules[0].completed, true);
    assert.equal(state.modules[1].completed, false);
    assert.equal(state.modules[1].started, true);
    assert.deepEqual(state.progress.value.visited, { barn: true });
  });

  it("courseState reports the first storage problem, the progress record's first", function () {
    var state = R.courseState(COURSE, reader({ "quiz:barn": '{"v":1,"answers":[]}' }));
    assert.equal(state.problem, "unreadable");
    assert.equal(state.modules[0].problem, null);
    assert.equal(state.modules[1].problem, "unreadable");
    var unavailable = function () { return { value: null, problem: "unavailable" }; };
    assert.equal(R.courseState(COURSE, unavailable).problem, "unavailable");
    var mixed = function (name) {
      return { value: null, problem: name === "progress" ? "unavailable" : "unreadable" };
    };
    assert.equal(R.courseState(COURSE, mixed).problem, "unavailable");
  });

  it("courseState counts a module passed on another version of a bank, but not one a retake voided", function () {
    var raw = { "quiz:mandat": JSON.stringify({ v: 1, answers: {}, passed: { h: "old", at: "t" } }) };
    assert.equal(R.courseState(COURSE, reader(raw)).done, 1);
    var marked = { modules: [mod("mandat", { version: "1.1", retake: { version: "1.1", date: "2026-05-01" } }), mod("barn")] };
    raw["quiz:mandat"] = JSON.stringify({ v: 1, answers: {}, passed: { h: "old", at: "t", version: "1.0" } });
    assert.equal(R.courseState(marked, reader(raw)).done, 0);
  });
});

describe("nextLink", function () {
  var words = { review_module: "R", take_quiz: "Q", continue_module: "C", start_module: "S" };
  var m = mod("mandat");
  function state(extra) {
    var s = { module: m, completed: false, started: false, best: null, latest: null };
    Object.keys(extra).forEach(function (k) { s[k] = extra[k]; });
    return s;
  }

  it("offers review, the quiz, going on, or starting", function () {
    assert.deepEqual(R.nextLink(state({ completed: true, started: true, latest: result("h-mandat", 100) }), words),
      { href: m.url, text: "R" });
    assert.deepEqual(R.nextLink(state({ started: true, latest: result("h-mandat", 20) }), words), { href: m.quiz, text: "Q" });
    assert.deepEqual(R.nextLink(state({ started: true, best: result("old", 100) }), words), { href: m.quiz, text: "Q" });
    assert.deepEqual(R.nextLink(state({ started: true, best: result("h-mandat", 100) }), words), { href: m.url, text: "C" });
    assert.deepEqual(R.nextLink(state({ started: true }), words), { href: m.url, text: "C" });
    assert.deepEqual(R.nextLink(state({}), words), { href: m.url, text: "S" });
  });
});

describe("visit", function () {
  var AT = "2026-03-01T10:00:00.000Z";

  it("marks the page's module as visited, the page as seen, and makes it the one to resume from", function () {
    var p = R.emptyProgress();
    assert.equal(R.visit(p, COURSE, "moduler/mandat/quiz/", "Test deg selv", AT), true);
    assert.equal(JSON.stringify(p), '{"v":1,"visited":{"mandat":true},' +
      '"last":{"url":"moduler/mandat/quiz/","title":"Test deg selv","at":"' + AT + '"},"seen":["moduler/mandat/quiz/"]}');
  });

  it("changes nothing worth writing on the same page again", function () {
    var p = R.emptyProgress();
    R.visit(p, COURSE, "moduler/mandat/", "Mandat", AT);
    assert.equal(R.visit(p, COURSE, "moduler/mandat/", "Mandat", "later"), false);
    assert.equal(R.visit(p, COURSE, "moduler/barn/", "Barn", "later"), true);
    assert.deepEqual(p.visited, { mandat: true, barn: true });
  });

  it("does not resume from the front page, «Min fremdrift», the certificate or other pages outside the modules", function () {
    ["", "index.html", "fremdrift/", "kursbevis/", "om-kurset/", "ordliste/"].forEach(function (path) {
      var p = R.emptyProgress();
      assert.equal(R.visit(p, COURSE, path, "x", AT), false, path);
      assert.equal(p.last, undefined, path);
    });
  });

  it("does not resume from a facilitator's guide or handout: the learning page before it stays", function () {
    var p = R.emptyProgress();
    R.visit(p, COURSE, "moduler/mandat/side/", "Side", AT);
    assert.equal(R.visit(p, COURSE, "moduler/mandat/workshopleder/", "Veiledning for workshopleder", "later"), false);
    assert.equal(R.visit(p, COURSE, "moduler/barn/utdelingsark/", "Utdelingsark", "later"), true);  // barn: visited
    assert.deepEqual(p.last, { url: "moduler/mandat/side/", title: "Side", at: AT });
    assert.deepEqual(p.visited, { mandat: true, barn: true });
  });
});

describe("resumePoint and resumeWords", function () {
  var base = "https://example.org/kurs/";
  var words = { resume: "Fortsett der du slapp:", resume_none: "Start:", resume_next: "Neste modul:",
    resume_module: "Modul {n}: {module}", resume_page: "Modul {n}: {module} – {page}",
    resume_done: "Alt fullført.", resume_certificate: "Hent kursbeviset" };
  var THREE = { modules: [mod("mandat", { n: 1, title: "Mandat" }), mod("barn", { n: 2, title: "Barn" }),
    mod("vold", { n: 3, title: "Vold" })], progress: "fremdrift/", certificate: "kursbevis/" };
  function passed(id) {
    return JSON.stringify({ v: 1, answers: {}, passed: { h: "h-" + id, at: "2026-03-01T10:00:00.000Z" } });
  }
  function point(raw) {
    return R.resumePoint(THREE, R.courseState(THREE, reader(raw)), base);
  }
  function progress(last, visited) {
    return { progress: JSON.stringify({ v: 1, visited: visited || {}, last: last }) };
  }
  function withQuizzes(raw, ids) {
    ids.forEach(function (id) { raw["quiz:" + id] = passed(id); });
    return raw;
  }

  it("resumes at the last learning page of a module not completed, named with its module", function () {
    var p = point(progress({ url: "moduler/barn/side/", title: "Samvær", at: "t" }, { barn: true }));
    assert.deepEqual(p, { kind: "page", url: "moduler/barn/side/", module: THREE.modules[1], title: "Samvær" });
    assert.deepEqual(R.resumeWords(p, words), { lead: "Fortsett der du slapp:", text: "Modul 2: Barn – Samvær" });
  });

  it("names a module's front page once when its heading is the module's title", function () {
    var p = point(progress({ url: "moduler/barn/", title: "Barn", at: "t" }, { barn: true }));
    assert.equal(R.resumeWords(p, words).text, "Modul 2: Barn");
  });

  it("goes to the next module's first page once the last page's module is completed, not to its passed quiz", function () {
    var p = point(withQuizzes(progress({ url: "moduler/mandat/quiz/", title: "Test deg selv", at: "t" }, { mandat: true }), ["mandat"]));
    assert.deepEqual(p, { kind: "next", url: "moduler/barn/", module: THREE.modules[1], title: null });
    assert.deepEqual(R.resumeWords(p, words), { lead: "Neste modul:", text: "Modul 2: Barn" });
  });

  it("skips modules completed already and goes round to an earlier one left", function () {
    var raw = withQuizzes(progress({ url: "moduler/barn/quiz/", title: "Test deg selv", at: "t" }), ["barn", "vold"]);
    assert.equal(point(raw).url, "moduler/mandat/");
    raw = withQuizzes(progress({ url: "moduler/mandat/side/", title: "Side", at: "t" }), ["mandat", "barn"]);
    assert.equal(point(raw).url, "moduler/vold/");
  });

  it("takes a quiz passed before a change marked retake as not completed: the quiz is offered again", function () {
    THREE.modules[0].version = "1.1";
    THREE.modules[0].retake = { version: "1.1", date: "2026-05-01" };
    var raw = progress({ url: "moduler/mandat/quiz/", title: "Test deg selv", at: "t" }, { mandat: true });
    raw["quiz:mandat"] = JSON.stringify({ v: 1, answers: {}, passed: { h: "old", at: "t", version: "1.0" } });
    var kind = point(raw).kind;
    delete THREE.modules[0].version;
    delete THREE.modules[0].retake;
    assert.equal(kind, "page");
    raw["quiz:mandat"] = JSON.stringify({ v: 1, answers: {}, passed: { h: "old", at: "t" } });
    assert.equal(point(raw).kind, "next");  // no retake: an edited bank keeps the pass
    raw["quiz:mandat"] = JSON.stringify({ v: 1, answers: {} });
    assert.equal(point(raw).kind, "page");
    assert.equal(point(raw).url, "moduler/mandat/quiz/");
  });

  it("does not go to a facilitator's page, or any page outside the modules, kept by an older record", function () {
    ["moduler/mandat/workshopleder/", "moduler/barn/utdelingsark/", "ordliste/"].forEach(function (url) {
      var p = point(progress({ url: url, title: "x", at: "t" }, { mandat: true }));
      assert.deepEqual([p.kind, p.url], ["next", "moduler/mandat/"], url);
    });
  });

  it("points a learner who has done nothing to the first module, and one who has done everything to the certificate", function () {
    var p = point({});
    assert.deepEqual(p, { kind: "start", url: "moduler/mandat/", module: THREE.modules[0], title: null });
    assert.deepEqual(R.resumeWords(p, words), { lead: "Start:", text: "Modul 1: Mandat" });
    p = point(withQuizzes(progress({ url: "moduler/vold/quiz/", title: "Test deg selv", at: "t" }), ["mandat", "barn", "vold"]));
    assert.deepEqual(p, { kind: "done", url: "kursbevis/", module: null, title: null });
    assert.deepEqual(R.resumeWords(p, words), { lead: "Alt fullført.", text: "Hent kursbeviset" });
  });

  it("never leads off the site, whatever the stored last page says", function () {
    ["javascript:alert(1)", "//evil.example/moduler/mandat/side/", "https://evil.example/kurs/moduler/mandat/side/"]
      .forEach(function (url) {
        var p = point(progress({ url: url, title: "x", at: "t" }));
        assert.deepEqual([p.kind, p.url], ["start", "moduler/mandat/"], url);
      });
  });
});

describe("exportPayload", function () {
  it("holds every readable entry, parsed, in the progress file's shape", function () {
    var payload = R.exportPayload({ progress: '{"v":1,"visited":{}}', "quiz:mandat": '{"v":1,"answers":{}}', "quiz:barn": "{oops" }, "T");
    assert.deepEqual(payload, { format: "krisesenterkurs-fremdrift", version: 1, exported: "T",
      entries: { progress: { v: 1, visited: {} }, "quiz:mandat": { v: 1, answers: {} } } });
    assert.deepEqual(Object.keys(payload), ["format", "version", "exported", "entries"]);
  });

  it("leaves out names that are not learner data, __proto__ included", function () {
    var raw = JSON.parse('{"__proto__": "{\\"polluted\\": true}", "theme": "{}", "progress": "{\\"v\\":1}"}');
    var payload = R.exportPayload(raw, "T");
    assert.deepEqual(Object.keys(payload.entries), ["progress"]);
    assert.equal(Object.getPrototypeOf(payload.entries), Object.prototype);
    assert.equal(payload.entries.polluted, undefined);
  });

  it("is read back by parseImport", function () {
    var raw = { progress: '{"v":1,"visited":{"mandat":true}}', "quiz:mandat": '{"v":1,"answers":{"q":{"h":"x","a":[1]}}}' };
    var parsed = R.parseImport(JSON.stringify(R.exportPayload(raw, "T"), null, 2), COURSE);
    assert.deepEqual(parsed, { entries: { progress: { v: 1, visited: { mandat: true } }, "quiz:mandat": { v: 1, answers: { q: { h: "x", a: [1] } } } } });
  });
});

describe("parseImport", function () {
  var GOOD = {
    format: "krisesenterkurs-fremdrift", version: 1, exported: "2026-03-01T10:00:00.000Z",
    entries: {
      progress: { v: 1, visited: { mandat: true }, last: { url: "moduler/mandat/", title: "Mandat", at: "t" } },
      "quiz:mandat": { v: 1, answers: { q1: { h: "x", a: [0] } }, passed: { h: "h-mandat", at: "t" } },
    },
  };
  function withEntries(entries) {
    return JSON.stringify({ format: GOOD.format, version: GOOD.version, exported: GOOD.exported, entries: entries });
  }

  it("gives the entries of a good file", function () {
    assert.deepEqual(R.parseImport(JSON.stringify(GOOD), COURSE), { entries: GOOD.entries });
    assert.deepEqual(R.parseImport(withEntries({}), COURSE), { error: "foreign" });
  });

  it("takes a scenario's record and refuses a malformed one", function () {
    var scenario = { v: 1, h: "abc", path: [0, 1], open: false, endings: { "slutt-god": "t" } };
    var entries = Object.assign({}, GOOD.entries, { "scenario:nav-ringer": scenario });
    assert.deepEqual(R.parseImport(withEntries(entries), COURSE), { entries: entries });
    [{ v: 1, h: "abc", path: {}, endings: {} }, { v: 1, path: [], endings: {} }, { v: 1, h: "a", path: [], endings: [] }].forEach(
      function (bad) {
        var withBad = Object.assign({}, GOOD.entries, { "scenario:nav-ringer": bad });
        assert.deepEqual(R.parseImport(withEntries(withBad), COURSE), { error: "entry", name: "scenario:nav-ringer" });
      });
    assert.equal(R.nameOf("krisesenterkurs:/:scenario:nav-ringer", "/"), "scenario:nav-ringer");
  });

  it("refuses what is not JSON", function () {
    ["", "{ dette er ikke json", "undefined", null, undefined].forEach(function (text) {
      assert.equal(R.parseImport(text, COURSE).error, text === null ? "format" : "unreadable", String(text));
    });
  });

  it("refuses another format or version", function () {
    ["[]", "null", "1", '"krisesenterkurs-fremdrift"', "{}"].forEach(function (text) {
      assert.deepEqual(R.parseImport(text, COURSE), { error: "format" }, text);
    });
    [{ format: "noe-annet" }, { version: 2 }, { version: 0 }, { version: "1" }, { format: undefined }].forEach(function (change) {
      var file = JSON.parse(JSON.stringify(GOOD));
      Object.keys(change).forEach(function (k) { file[k] = change[k]; });
      assert.deepEqual(R.parseImport(JSON.stringify(file), COURSE), { error: "format" }, JSON.stringify(change));
    });
  });

  it("refuses a file without an entries object", function () {
    [undefined, null, [], [{ v: 1 }], "progress", 1].forEach(function (entries) {
      assert.deepEqual(R.parseImport(withEntries(entries), COURSE), { error: "entries" }, JSON.stringify(entries));
    });
  });

  it("refuses the whole file for one bad entry", function () {
    var bad = {
      "settings": { v: 1 },
      "theme:palette": { v: 1 },
      "quiz:Mandat": { v: 1, answers: {} },
      "quiz:mandat": { v: 1 },
      "progress": "x",
    };
    Object.keys(bad).forEach(function (name) {
      var entries = JSON.parse(JSON.stringify(GOOD.entries));
      entries[name] = bad[name];
      assert.deepEqual(R.parseImport(withEntries(entries), COURSE), { error: "entry", name: name }, name);
    });
  });

  it("refuses entries in another version or shape", function () {
    [["progress", { v: 0, visited: {} }], ["progress", { v: 2 }], ["progress", { v: 1, visited: "mandat" }],
      ["progress", [1]], ["progress", null], ["quiz:mandat", { v: 0, answers: {} }], ["quiz:mandat", { v: 1, answers: [] }],
      ["quiz:mandat", []], ["quiz:mandat", 1], ["quiz:mandat", null]].forEach(function (pair) {
      var entries = {};
      entries[pair[0]] = pair[1];
      assert.equal(R.parseImport(withEntries(entries), COURSE).error, "entry", JSON.stringify(pair));
    });
  });

  it("refuses prototype-pollution keys and pollutes nothing", function () {
    ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString"].forEach(function (key) {
      var text = '{"format":"krisesenterkurs-fremdrift","version":1,"entries":{' +
        '"progress":{"v":1,"visited":{}},' + JSON.stringify(key) + ':{"v":1,"answers":{},"polluted":true}}}';
      assert.deepEqual(R.parseImport(text, COURSE), { error: "entry", name: key }, key);
    });
    assert.equal({}.polluted, undefined);
    assert.equal(Object.prototype.polluted, undefined);
  });

  it("gives a plain object of entries, with nothing but the file's names", function () {
    var text = '{"format":"krisesenterkurs-fremdrift","version":1,"entries":{"progress":{"v":1,"visited":{}},' +
      '"quiz:mandat":{"v":1,"answers":{}}},"__proto__":{"entries":{"quiz:x":{"v":1,"answers":{}}}}}';
    var parsed = R.parseImport(text, COURSE);
    assert.deepEqual(Object.keys(parsed.entries), ["progress", "quiz:mandat"]);
    assert.equal(Object.getPrototypeOf(parsed.entries), Object.prototype);
    var inherited = R.parseImport('{"__proto__":{"format":"krisesenterkurs-fremdrift","version":1,"entries":{}}}', COURSE);
    assert.equal(inherited.error, "format");  // the file's own keys only: JSON's "__proto__" is not its prototype
  });
});

describe("mergeQuiz (two tabs: re-read and merge before every write)", function () {
  var T0 = "2026-03-01T10:00:00.000Z", T1 = "2026-03-01T10:05:00.000Z", T2 = "2026-03-01T10:10:00.000Z";

  function answered(ids, at) {
    var record = R.emptyQuiz();
    ids.forEach(function (id) { R.recordAnswer(record, id, "h-" + id, [0], at); });
    return record;
  }
  function passedRecord(ids, at) {
    var record = answered(ids, at);
    return R.recordAttempt(record, R.attempt("bank", ids.length, ids.length, 80, at));
  }
  var TWELVE = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12"];

  it("dates an answer it records, and a start-over", function () {
    var record = R.emptyQuiz();
    R.recordAnswer(record, "q1", "x", [1], T0);
    assert.deepEqual(record.answers.q1, { h: "x", a: [1], t: T0 });
    R.startOver(record, T1);
    assert.deepEqual(record.answers, {});
    assert.equal(record.cleared, T1);
  });

  it("keeps a newer pass with all its answers when a stale tab answers one question", function () {
    var stored = passedRecord(TWELVE, T1);
    var stale = answered(["q1"], T2);  // the tab was opened before the pass and never saw it
    var merged = R.mergeQuiz(stored, stale);
    assert.equal(Object.keys(merged.answers).length, 12);
    assert.deepEqual(merged.answers.q1, stored.answers.q1);  // the first answer of an attempt stands
    assert.deepEqual(merged.result, stored.result);
    assert.deepEqual(merged.best, stored.best);
    assert.deepEqual(merged.passed, stored.passed);
  });

  it("adds this tab's answers to questions the other tab has not answered", function () {
    var merged = R.mergeQuiz(answered(["q1", "q2"], T0), answered(["q3"], T1));
    assert.deepEqual(Object.keys(merged.answers).sort(), ["q1", "q2", "q3"]);
  });

  it("lets «Prøv igjen» in this tab replace the stored answers, but never the pass itself", function () {
    var stored = passedRecord(TWELVE, T0);
    var mine = JSON.parse(JSON.stringify(stored));
    R.startOver(mine, T1);
    R.recordAnswer(mine, "q1", "h-q1", [1], T2);
    var merged = R.mergeQuiz(stored, mine);
    assert.deepEqual(Object.keys(merged.answers), ["q1"]);
    assert.deepEqual(merged.answers.q1.a, [1]);
    assert.equal(merged.cleared, T1);
    assert.deepEqual(merged.passed, stored.passed);
    assert.deepEqual(merged.best, stored.best);
  });

  it("lets a start-over in the other tab drop this tab's older answers", function () {
    var stored = R.startOver(answered(["q1"], T0), T1);
    R.recordAnswer(stored, "q2", "h-q2", [0], T2);
    var merged = R.mergeQuiz(stored, answered(["q1", "q3"], T0));
    assert.deepEqual(Object.keys(merged.answers), ["q2"]);
  });

  it("keeps the latest result, the better best of a bank version and the first pass of a version", function () {
    var a = R.recordAttempt(R.emptyQuiz(), R.attempt("bank", 5, 5, 80, T0));
    var b = R.recordAttempt(R.emptyQuiz(), R.attempt("bank", 1, 5, 80, T1));
    [R.mergeQuiz(a, b), R.mergeQuiz(b, a)].forEach(function (merged) {
      assert.equal(merged.result.at, T1);
      assert.equal(merged.best.percent, 100);
      assert.deepEqual(merged.passed, { h: "bank", at: T0 });
    });
    var newer = R.recordAttempt(R.emptyQuiz(), R.attempt("new", 1, 5, 80, T2));
    assert.equal(R.mergeQuiz(a, newer).best.h, "new");  // a result for the bank as it is now
    assert.deepEqual(R.mergeQuiz(newer, a).passed, { h: "bank", at: T0 });  // a pass is never dropped
  });

  it("gives a new record and changes neither side", function () {
    var stored = passedRecord(["q1"], T0), mine = answered(["q2"], T1);
    var before = JSON.stringify([stored, mine]);
    var merged = R.mergeQuiz(stored, mine);
    assert.equal(JSON.stringify([stored, mine]), before);
    assert.notEqual(merged, stored);
    assert.notEqual(merged, mine);
    assert.ok(R.isQuizRecord(merged));
  });

  it("takes this tab's record when the stored one is missing or unreadable, and never throws", function () {
    var mine = answered(["q1"], T0);
    NON_OBJECTS.concat([{ v: 0, answers: {} }, { v: 1, answers: [] }]).forEach(function (v) {
      assert.deepEqual(R.mergeQuiz(v, mine), mine, String(v));
      assert.deepEqual(R.mergeQuiz(mine, v), mine, String(v));
    });
    assert.deepEqual(R.mergeQuiz(null, null), R.emptyQuiz());
  });

  it("ignores malformed entries, results and dates on either side", function () {
    var odd = { v: 1, answers: { q1: "x", q2: { h: "h", a: [0], t: 5 }, __proto__: { h: "h", a: [0] } },
      result: { percent: "100" }, best: 1, passed: { h: 2 }, cleared: {} };
    var merged = R.mergeQuiz(odd, answered(["q3"], T0));
    assert.deepEqual(Object.keys(merged.answers).sort(), ["q2", "q3"]);
    assert.equal(merged.result, undefined);
    assert.equal(merged.best, undefined);
    assert.equal(merged.passed, undefined);
    assert.equal(merged.cleared, undefined);
    assert.equal({}.h, undefined);
  });
});

describe("parseImport: only a file of this course", function () {
  function file(entries) {
    return JSON.stringify({ format: "krisesenterkurs-fremdrift", version: 1, exported: "T", entries: entries });
  }

  it("refuses a file that holds none of this course's banks", function () {
    [{}, { progress: { v: 1, visited: {} } }, { "quiz:ekstra": { v: 1, answers: {} } },
      { progress: { v: 1, visited: {} }, "quiz:annet-kurs": { v: 1, answers: {} } }].forEach(function (entries) {
      assert.deepEqual(R.parseImport(file(entries), COURSE), { error: "foreign" }, JSON.stringify(entries));
    });
  });

  it("accepts a file with one of this course's banks, and keeps the others it holds", function () {
    var entries = { "quiz:barn": { v: 1, answers: {} }, "quiz:ekstra": { v: 1, answers: {} } };
    assert.deepEqual(R.parseImport(file(entries), COURSE), { entries: entries });
  });
});

describe("importSummary", function () {
  var passed = function (m) { return { v: 1, answers: {}, passed: { h: m.hash, at: "2026-01-01T00:00:00Z" } }; };
  var THREE = { modules: [mod("mandat"), mod("barn"), mod("vold")], progress: "fremdrift/", certificate: "kursbevis/" };

  it("counts modules passed in the file, now, and after the import, and names what would be lost", function () {
    var now = {}, entries = {};
    THREE.modules.forEach(function (m) { now["quiz:" + m.bank] = JSON.stringify(passed(m)); });
    entries["quiz:mandat"] = passed(THREE.modules[0]);
    entries["quiz:barn"] = { v: 1, answers: {}, result: { h: "old", correct: 1, total: 2, percent: 50, passed: false } };
    var summary = R.importSummary(entries, THREE, reader(now));
    assert.deepEqual(summary, { file: 1, now: 3, after: 1, total: 3, lost: [THREE.modules[1], THREE.modules[2]] });
  });

  it("loses nothing when the file holds every pass there is", function () {
    var entries = { "quiz:mandat": passed(THREE.modules[0]) };
    assert.deepEqual(R.importSummary(entries, THREE, reader({})), { file: 1, now: 0, after: 1, total: 3, lost: [] });
  });
});

describe("completionDate, clampName (the certificate)", function () {
  it("gives the latest valid date of the modules' passes", function () {
    var states = [{ passedAt: "2026-03-01T10:00:00.000Z" }, { passedAt: "2026-03-05T10:00:00.000Z" }, { passedAt: "2026-02-01" }];
    assert.equal(R.completionDate(states), "2026-03-05T10:00:00.000Z");
  });

  it("is null when a pass has no readable date, rather than a wrong one", function () {
    ["ikke en dato", "", 12345, null, undefined, {}, [], "2026-13-45", "Infinity"].forEach(function (at) {
      assert.equal(R.completionDate([{ passedAt: "2026-03-01T10:00:00.000Z" }, { passedAt: at }]), null, JSON.stringify(at));
    });
    assert.equal(R.completionDate([]), null);
  });

  it("clamps a stored name to the input's limit, and gives '' for what is not a name", function () {
    assert.equal(R.NAME_MAX, 120);
    assert.equal(R.clampName("Kari Nordmann"), "Kari Nordmann");
    assert.equal(R.clampName("x".repeat(10000)), "x".repeat(R.NAME_MAX));
    [null, undefined, 1, {}, ["Kari"]].forEach(function (v) { assert.equal(R.clampName(v), "", String(v)); });
  });
});

describe("a pass and later versions of its module (passStanding, recordAttempt)", function () {
  var m = mod("mandat", { version: "1.4" });
  var marked = mod("mandat", { version: "2.1", retake: { version: "2.0", date: "2027-01-10" } });
  function pass(extra) {
    var p = { h: "h-mandat", at: "2027-01-01T10:00:00.000Z" };
    Object.keys(extra || {}).forEach(function (k) { p[k] = extra[k]; });
    return p;
  }

  it("compares versions as numbers", function () {
    assert.ok(R.compareVersions("1.9", "1.10") < 0);
    assert.ok(R.compareVersions("2.0", "1.12.3") > 0);
    assert.equal(R.compareVersions("1.4", "1.4"), 0);
    assert.ok(R.compareVersions("1.4", "1.4.1") < 0);
    ["1", "v1.2", "1.2.3.4", "", null, 1.2].forEach(function (v) { assert.equal(R.isVersion(v), false, String(v)); });
  });

  it("a pass of the current version and bank is current", function () {
    assert.equal(R.passStanding(m, pass({ version: "1.4" })), "current");
    assert.equal(R.passStanding(m, null), "none");
    assert.equal(R.passStanding(m, { at: "t" }), "none");
  });

  it("an edited bank or a newer version of the module keeps the pass, as updated", function () {
    assert.equal(R.passStanding(m, pass({ h: "old", version: "1.4" })), "updated");
    assert.equal(R.passStanding(m, pass({ version: "1.3" })), "updated");
    assert.equal(R.passStanding(m, pass({ h: "old", version: "1.0" })), "updated");
  });

  it("a change marked retake voids a pass earned before its version, not one earned in or after it", function () {
    assert.equal(R.passStanding(marked, pass({ version: "1.9" })), "retake");
    assert.equal(R.passStanding(marked, pass({ h: "old", version: "2.0" })), "updated");
    assert.equal(R.passStanding(marked, pass({ version: "2.1" })), "current");
  });

  it("an old record (a pass without a version) still counts, and a retake judges it by its date", function () {
    assert.equal(R.passStanding(m, pass()), "current");
    assert.equal(R.passStanding(m, pass({ h: "old" })), "updated");
    assert.equal(R.passStanding(marked, pass({ at: "2027-01-09T23:00:00.000Z" })), "retake");
    assert.equal(R.passStanding(marked, pass({ h: "old", at: "2027-01-12T08:00:00.000Z" })), "updated");
    // No readable date: nothing says it came before the change, so it stands.
    assert.equal(R.passStanding(marked, pass({ at: "ikke en dato" })), "current");
    assert.equal(R.passStanding(marked, pass({ version: "bad", at: undefined })), "current");
  });

  it("recordAttempt keeps the module's version with the pass, and the first pass of a version", function () {
    var record = R.emptyQuiz();
    R.recordAttempt(record, R.attempt("h-mandat", 9, 10, 80, "2027-01-01T00:00:00Z"), m);
    assert.deepEqual(record.passed, { h: "h-mandat", at: "2027-01-01T00:00:00Z", version: "1.4" });
    R.recordAttempt(record, R.attempt("h-mandat", 10, 10, 80, "2027-02-01T00:00:00Z"), m);
    assert.equal(record.passed.at, "2027-01-01T00:00:00Z");
    // A pass in a newer version of the module (same bank) is the one the certificate names.
    R.recordAttempt(record, R.attempt("h-mandat", 10, 10, 80, "2027-03-01T00:00:00Z"), mod("mandat", { version: "1.5" }));
    assert.deepEqual(record.passed, { h: "h-mandat", at: "2027-03-01T00:00:00Z", version: "1.5" });
    // Without the module (an old page), the pass is kept as before, without a version.
    var plain = R.recordAttempt(R.emptyQuiz(), R.attempt("h-mandat", 9, 10, 80, "2027-01-01T00:00:00Z"));
    assert.deepEqual(plain.passed, { h: "h-mandat", at: "2027-01-01T00:00:00Z" });
  });

  it("a pass voided by a retake is replaced by the new attempt's pass; a failed attempt keeps it", function () {
    var record = { v: 1, answers: {}, passed: pass({ version: "1.9" }) };
    R.recordAttempt(record, R.attempt("h-mandat", 2, 10, 80, "2027-02-01T00:00:00Z"), marked);
    assert.deepEqual(record.passed, pass({ version: "1.9" }));
    assert.equal(R.isCompleted(marked, record), false);
    R.recordAttempt(record, R.attempt("h-mandat", 9, 10, 80, "2027-02-02T00:00:00Z"), marked);
    assert.deepEqual(record.passed, { h: "h-mandat", at: "2027-02-02T00:00:00Z", version: "2.1" });
    assert.equal(R.isCompleted(marked, record), true);
  });

  it("mergeQuiz keeps the newer of two passes of different versions, the first of one version", function () {
    var older = { v: 1, answers: {}, passed: pass({ version: "1.9" }) };
    var newer = { v: 1, answers: {}, passed: pass({ version: "2.1", at: "2027-02-02T00:00:00.000Z" }) };
    assert.deepEqual(R.mergeQuiz(older, newer).passed, newer.passed);
    assert.deepEqual(R.mergeQuiz(newer, older).passed, newer.passed);
    var again = { v: 1, answers: {}, passed: pass({ version: "1.9", at: "2027-01-05T00:00:00.000Z" }) };
    assert.deepEqual(R.mergeQuiz(again, older).passed, older.passed);
  });

  it("moduleState names the version a pass was earned in, for the certificate", function () {
    var s = R.moduleState(m, { v: 1, answers: {}, passed: pass({ version: "1.3" }) }, { v: 1, visited: {} });
    assert.deepEqual([s.completed, s.pass, s.passedVersion], [true, "updated", "1.3"]);
    var voided = R.moduleState(marked, { v: 1, answers: {}, passed: pass({ version: "1.3" }) }, { v: 1, visited: {} });
    assert.deepEqual([voided.completed, voided.pass, voided.passedVersion], [false, "retake", null]);
  });

  it("nextLink offers the quiz when a retake voided the pass", function () {
    var s = R.moduleState(marked, { v: 1, answers: {}, passed: pass({ version: "1.3" }) }, { v: 1, visited: {} });
    assert.equal(R.nextLink(s, { review_module: "R", take_quiz: "Q", continue_module: "C", start_module: "S" }).text, "Q");
  });
});
