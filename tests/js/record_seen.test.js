/* The learning pages a learner has opened (record.js: the progress record's `seen`): recorded by
 * visit, kept by merging, carried compactly by the move link and the LMS (packSeen, unpackSeen),
 * and used by resumePoint. Run with `node --test tests/js/`.
 */
"use strict";

var test = require("node:test");
var assert = require("node:assert/strict");
var path = require("node:path");

var R = require(path.join(__dirname, "..", "..", "extensions", "krisesenterkurs", "theme", "assets", "krisesenterkurs", "record.js"));

var describe = test.describe;
var it = test.it;
var AT = "2026-03-01T10:00:00.000Z";

function mod(id, n, extra) {
  var dir = "moduler/" + id + "/";
  var m = { id: id, bank: id, hash: "h-" + id, url: dir, quiz: dir + "quiz/", dir: dir, n: n, title: "Modul " + id,
    pages: [dir, dir + "a/", dir + "b/", dir + "samtaletrening/", dir + "quiz/"] };
  Object.keys(extra || {}).forEach(function (k) { m[k] = extra[k]; });
  return m;
}

var COURSE = { modules: [mod("mandat", 1), mod("barn", 2), mod("vold", 3)], progress: "fremdrift/", certificate: "kursbevis/" };

function reader(records) {
  return function (name, isValid) {
    if (!Object.prototype.hasOwnProperty.call(records, name)) return { value: null, problem: null };
    var value = JSON.parse(JSON.stringify(records[name]));
    return isValid && !isValid(value) ? { value: null, problem: "unreadable" } : { value: value, problem: null };
  };
}

describe("seen pages in the progress record", function () {
  it("visit records each learning page once, and no facilitator's page or page outside the modules", function () {
    var p = R.emptyProgress();
    assert.equal(R.visit(p, COURSE, "moduler/mandat/", "Mandat", AT), true);
    assert.equal(R.visit(p, COURSE, "moduler/mandat/a/", "A", AT), true);
    R.visit(p, COURSE, "moduler/mandat/", "Mandat", AT);
    R.visit(p, COURSE, "moduler/mandat/workshopleder/", "Workshop", AT);
    R.visit(p, COURSE, "ordliste/", "Ordliste", AT);
    assert.deepEqual(p.seen, ["moduler/mandat/", "moduler/mandat/a/"]);
    assert.ok(R.pageSeen(p, "moduler/mandat/a/"));
    assert.ok(!R.pageSeen(p, "moduler/mandat/b/"));
  });

  it("a record from before pages were recorded stays valid and has seen none", function () {
    var old = { v: 1, visited: { mandat: true }, last: { url: "moduler/mandat/a/", title: "A", at: AT } };
    assert.ok(R.isProgress(old));
    assert.ok(!R.pageSeen(old, "moduler/mandat/a/"));
    var p = JSON.parse(JSON.stringify(old));
    R.visit(p, COURSE, "moduler/mandat/b/", "B", AT);
    assert.deepEqual(p.seen, ["moduler/mandat/b/"]);
  });

  it("a `seen` that is no list of addresses is refused, as the file import refuses it", function () {
    [{ v: 1, seen: "moduler/" }, { v: 1, seen: [1] }, { v: 1, seen: new Array(R.SEEN_MAX + 1).fill("x") }].forEach(function (p) {
      assert.ok(!R.isProgress(p), JSON.stringify(p).slice(0, 60));
    });
  });

  it("merging keeps the pages seen on either device", function () {
    var a = { v: 1, visited: {}, seen: ["moduler/mandat/", "moduler/mandat/a/"] };
    var b = { v: 1, visited: {}, seen: ["moduler/mandat/a/", "moduler/barn/"] };
    assert.deepEqual(R.mergeProgress(a, b).seen, ["moduler/mandat/", "moduler/mandat/a/", "moduler/barn/"]);
    assert.deepEqual(R.mergeProgress({ v: 1, visited: {} }, b).seen, b.seen);
    assert.deepEqual(R.mergeProgress(a, { v: 1, visited: {} }).seen, a.seen);
  });
});

describe("packSeen and unpackSeen", function () {
  var modules = COURSE.modules, all = modules.reduce(function (l, m) { return l.concat(m.pages); }, []);

  it("carry any set of pages back as it was, in the manifest's order", function () {
    [[], ["moduler/mandat/"], ["moduler/vold/quiz/", "moduler/barn/a/"], all, all.slice(1), all.filter(function (u, i) { return i % 3; })]
      .forEach(function (seen) {
        var text = R.packSeen({ seen: seen }, modules);
        assert.deepEqual(R.unpackSeen(text, modules), all.filter(function (u) { return seen.indexOf(u) !== -1; }), text);
      });
  });

  it("are short: every page read is one character, none read is none", function () {
    assert.equal(R.packSeen({ seen: all }, modules), "-");
    assert.equal(R.packSeen({}, modules), "");
    assert.ok(R.packSeen({ seen: all.filter(function (u, i) { return i % 2; }) }, modules).length <= Math.ceil(all.length / 5));
  });

  it("leave out a page the course no longer has", function () {
    assert.deepEqual(R.unpackSeen(R.packSeen({ seen: ["moduler/gammel/", "moduler/barn/"] }, modules), modules), ["moduler/barn/"]);
  });

  it("refuse what packSeen could not have written", function () {
    ["x", "--", "-zz", "vvvv", "00000000", null].forEach(function (text) {
      assert.throws(function () { R.unpackSeen(text, modules); }, String(text));
    });
  });
});

describe("the move link carries the pages seen", function () {
  var banks = { mandat: [], barn: [], vold: [] };

  it("there and back, and merged with the union of both devices'", function () {
    var sent = { progress: { v: 1, visited: { mandat: true }, seen: ["moduler/mandat/", "moduler/mandat/b/"] } };
    var back = R.parseMove("#" + R.moveFragment(sent, COURSE, banks), COURSE, banks);
    assert.equal(back.error, undefined);
    assert.deepEqual(back.entries.progress.seen, sent.progress.seen);
    var here = { progress: { v: 1, visited: { barn: true }, seen: ["moduler/barn/"] } };
    var merged = R.mergeMove(back.entries, COURSE, reader(here)).entries.progress;
    assert.deepEqual(merged.seen.slice().sort(), ["moduler/barn/", "moduler/mandat/", "moduler/mandat/b/"]);
  });

  it("a link made before pages were recorded (eight sections) is still read, with none seen", function () {
    var body = ["1", "tpbey8", "1", "", "", "", "", ""].join(";");
    var back = R.parseMove("#flytt=" + body + ";" + R.moveCheck(body), COURSE, banks);
    assert.equal(back.error, undefined);
    assert.equal(back.entries.progress.seen, undefined);
    assert.deepEqual(back.entries.progress.visited, { mandat: true });
  });
});

describe("resumePoint with the pages seen", function () {
  var base = "https://example.org/kurs/";
  var practice = { id: "s", hash: "hs", url: "moduler/barn/samtaletrening/", endings: ["god"], good: ["god"], required: true };
  var C = { modules: [mod("mandat", 1), mod("barn", 2, { scenario: practice })], progress: "fremdrift/", certificate: "kursbevis/" };

  function point(records) {
    return R.resumePoint(C, R.courseState(C, reader(records)), base);
  }

  it("after the quiz is passed but the module still needs its scenario, leads to the first page not seen", function () {
    var records = { progress: { v: 1, visited: { barn: true }, seen: ["moduler/barn/", "moduler/barn/quiz/"],
      last: { url: "moduler/barn/quiz/", title: "Test deg selv", at: AT } },
    "quiz:barn": { v: 1, answers: {}, passed: { h: "h-barn", at: AT } } };
    assert.deepEqual(point(records), { kind: "page", url: "moduler/barn/a/", module: C.modules[1], title: null });
    records.progress.seen = C.modules[1].pages.slice();
    assert.equal(point(records).url, "moduler/barn/samtaletrening/");
  });

  it("a quiz not passed is still where the learner resumes", function () {
    var records = { progress: { v: 1, visited: { barn: true }, last: { url: "moduler/barn/quiz/", title: "Test deg selv", at: AT } } };
    assert.equal(point(records).url, "moduler/barn/quiz/");
  });
});
