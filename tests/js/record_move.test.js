/* «Flytt til en annen enhet»: the learner's records as a link fragment (record.js's moveFragment,
 * parseMove, mergeMove), and the vendored QR library the page draws it with.
 *
 * Run with `node --test tests/js/`. The course here has the real course's shape: five modules of
 * nine learning pages, banks of twelve questions in the real banks' mix of types, a scenario of
 * six endings in every module. The browser test (tests/browser/test_move_device.py) checks the
 * same link on the real course, through the page.
 */
"use strict";

var test = require("node:test");
var assert = require("node:assert/strict");
var crypto = require("node:crypto");
var fs = require("node:fs");
var path = require("node:path");

var ASSETS = path.join(__dirname, "..", "..", "extensions", "krisesenterkurs", "theme", "assets", "krisesenterkurs");
var R = require(path.join(ASSETS, "record.js"));
var QR_FILE = path.join(ASSETS, "vendor", "qrcode-generator-2.0.4.js");
var qrcode = require(QR_FILE);

var describe = test.describe;
var it = test.it;

// The bound this course holds a full course's link to (README, «Flytt til en annen enhet»): the
// fragment at most 700 characters, so that with a site address of up to 80 characters the link is
// at most 780 bytes, which a QR code of version 20 holds at level L (858 bytes), the size a
// phone's camera reads off a screen.
var FRAGMENT_MAX = 700;
var SITE = "https://kurs.eksempel.kommune.no/krisesentertilbudet-i-kommunene/fremdrift/";  // 77 characters
var AT = "2026-11-30T12:34:56.000Z";
var EARLIER = "2026-11-28T09:00:56.000Z";  // whole minutes before AT: the link keeps it exactly
var ENDINGS = ["slutt-god", "slutt-halvveis", "slutt-lukket", "slutt-bagatell", "slutt-brudd", "slutt-venter"];
var IDS = ["mandat", "barn-i-reetablering", "fortsettelsesvold", "voksne", "utover-vold"];

function course() {
  return {
    modules: IDS.map(function (id, i) {
      var dir = "moduler/" + id + "/";
      var pages = [dir];
      for (var p = 1; p < 9; p++) pages.push(dir + "side-" + p + "/");
      return { id: id, n: i + 1, title: "Modul " + id, dir: dir, url: dir, quiz: dir + "side-8/", bank: "bank-" + i,
        hash: "a1b2c3d4e5f" + i, pages: pages, version: "1.12",
        scenario: { id: "samtale-" + i, hash: "f0e1d2c3b4a" + i, url: dir + "side-6/", endings: ENDINGS, good: ["slutt-god"], required: false } };
    }),
    progress: "fremdrift/", certificate: "kursbevis/",
  };
}

function banks(c) {
  var out = {};
  c.modules.forEach(function (m, i) {
    out[m.bank] = [];
    for (var q = 0; q < 12; q++) out[m.bank].push(["sporsmal-" + i + "-" + q, "9f8e7d6c5b" + i + q]);
  });
  return out;
}

function result(h, correct, at) {
  return { h: h, correct: correct, total: 12, percent: Math.round((correct * 100) / 12), passed: correct * 100 >= 80 * 12, at: at || AT };
}

// The real banks' mix, per bank: single choice and true/false (one option), multiple choice (three
// options), and a matching question (six items) in two of them; every question answered.
function answerOf(k, i) {
  if (k < 8) return [k % 4];
  if (k < 11) return [0, 2, 3];
  return i % 2 ? [1, 0, 2, 1, 0, 2] : [3, 0, 4, 1, 2];
}

// A learner who has done everything: every module passed (the latest try worse than the best),
// every question answered and every page read, every scenario in progress with endings reached, a
// name and a long page title.
function fullRecords(c, b) {
  var entries = { progress: { v: 1, visited: {}, last: { url: c.modules[3].pages[4],
    title: "Hva tjenestene bør vite når voksne søker hjelp på krisesenteret", at: AT },
  name: "Åse Øyvor Ærlighet-Bjørnstad Kristiansen" } };
  entries.progress.seen = [];
  c.modules.forEach(function (m, i) {
    entries.progress.visited[m.id] = true;
    entries.progress.seen = entries.progress.seen.concat(m.pages);  // every page read
    var answers = {};
    b[m.bank].forEach(function (q, k) { answers[q[0]] = { h: q[1], a: answerOf(k, i), t: AT }; });
    entries[R.quizName(m.bank)] = { v: 1, answers: answers, cleared: "2026-11-29T10:00:56.000Z", seed: "z9y8x7",
      best: result(m.hash, 11), result: result(m.hash, 9), passed: { h: m.hash, at: EARLIER, version: "1.12" } };
    entries[R.scenarioName(m.scenario.id)] = { v: 1, h: m.scenario.hash, path: [0, 1, 2, 3, 0, 1, 2, 3, 0, 1], open: true,
      endings: { "slutt-god": AT, "slutt-brudd": AT, "slutt-venter": AT } };
  });
  return entries;
}

// storage.js's read over plain records.
function reader(records) {
  return function (name, isValid) {
    if (!Object.prototype.hasOwnProperty.call(records, name)) return { value: null, problem: null };
    var value = JSON.parse(JSON.stringify(records[name]));
    return isValid && !isValid(value) ? { value: null, problem: "unreadable" } : { value: value, problem: null };
  };
}

// A fragment with its check made anew: hostile links that a check alone would not stop.
function signed(body) {
  return "#flytt=" + body + ";" + R.moveCheck(body);
}

function qrVersion(text, level) {
  var qr = qrcode(0, level);
  qr.addData(text, "Byte");
  qr.make();
  return (qr.getModuleCount() - 17) / 4;
}

describe("the link's fragment", function () {
  var c = course(), b = banks(c), full = fullRecords(c, b);

  it("carries every record of a full course back as it was (times to the minute)", function () {
    var fragment = R.moveFragment(full, c, b);
    assert.ok(R.isMoveFragment("#" + fragment));
    var back = R.parseMove("#" + fragment, c, b);
    assert.equal(back.error, undefined);
    c.modules.forEach(function (m) {
      var sent = full[R.quizName(m.bank)], got = back.entries[R.quizName(m.bank)];
      assert.deepEqual(Object.keys(got.answers).sort(), Object.keys(sent.answers).sort());
      Object.keys(sent.answers).forEach(function (q) {
        assert.deepEqual(got.answers[q].a, sent.answers[q].a);
        assert.equal(got.answers[q].h, sent.answers[q].h);
      });
      assert.deepEqual(got.best, sent.best);
      assert.deepEqual(got.result, sent.result);
      assert.deepEqual(got.passed, sent.passed);
      assert.equal(got.seed, sent.seed);
      assert.equal(got.cleared, sent.cleared);
      var scenario = back.entries[R.scenarioName(m.scenario.id)];
      assert.deepEqual(scenario, full[R.scenarioName(m.scenario.id)]);
    });
    assert.deepEqual(back.entries.progress, full.progress);
    var state = R.courseState(c, reader(back.entries));
    assert.equal(state.done, 5);
  });

  it("fits the bound: a full course's link is a QR code of version 20 or less", function () {
    var fragment = R.moveFragment(full, c, b);
    assert.ok(fragment.length <= FRAGMENT_MAX, "fragment of " + fragment.length + " characters");
    var link = SITE + "#" + fragment;
    assert.ok(link.length <= 780, "link of " + link.length + " characters");
    assert.ok(qrVersion(link, "L") <= 20, "version " + qrVersion(link, "L"));
    assert.ok(link.length < R.MOVE_MAX);
  });

  it("keeps other times to the minute, never earlier", function () {
    var records = JSON.parse(JSON.stringify(full));
    records[R.quizName("bank-0")].passed.at = "2026-11-28T09:00:10.000Z";
    var got = R.parseMove("#" + R.moveFragment(records, c, b), c, b).entries[R.quizName("bank-0")].passed.at;
    var diff = Date.parse(got) - Date.parse("2026-11-28T09:00:10.000Z");
    assert.ok(diff >= 0 && diff < 60000, got);
  });

  it("is plain ASCII that needs no escaping in an address", function () {
    var fragment = R.moveFragment(full, c, b);
    assert.match(fragment, /^[A-Za-z0-9%+._~!*'();,=-]+$/);
    assert.equal(new URL(SITE + "#" + fragment).hash, "#" + fragment);
  });

  it("of an empty browser is short and reads back as nothing done", function () {
    var fragment = R.moveFragment({}, c, b);
    assert.ok(fragment.length < 40, fragment);
    var back = R.parseMove("#" + fragment, c, b);
    assert.deepEqual(back.entries, { progress: { v: 1, visited: {} } });
  });

  it("drops answers to another version of a bank and keeps its results as outdated, and its pass", function () {
    var fragment = R.moveFragment(full, c, b);
    var edited = course();
    edited.modules[0].hash = "0000001111ff";
    var back = R.parseMove("#" + fragment, edited, banks(edited));
    var got = back.entries[R.quizName(edited.modules[0].bank)];
    assert.deepEqual(got.answers, {});
    assert.equal(got.best.h, "a1b2c3");
    assert.notEqual(got.best.h, edited.modules[0].hash);
    assert.equal(R.courseState(edited, reader(back.entries)).done, 5);
  });

  it("leaves out records of banks and scenarios no module uses, and unreadable answers", function () {
    var records = JSON.parse(JSON.stringify(full));
    records["quiz:et-annet-kurs"] = { v: 1, answers: {} };
    records[R.quizName("bank-0")].answers["sporsmal-0-0"] = { h: "9f8e7d6c5b00", a: [12] };
    var back = R.parseMove("#" + R.moveFragment(records, c, b), c, b);
    assert.equal(back.entries["quiz:et-annet-kurs"], undefined);
    assert.equal(back.entries[R.quizName("bank-0")].answers["sporsmal-0-0"], undefined);
  });
});

describe("a hostile or broken link", function () {
  var c = course(), b = banks(c), good = "#" + R.moveFragment(fullRecords(c, b), c, b);

  it("cut short anywhere is refused", function () {
    for (var n = "#flytt=".length; n < good.length; n++) {
      var cut = R.parseMove(good.slice(0, n), c, b);
      assert.ok(cut.error, "accepted when cut at " + n);
    }
  });

  it("with a character changed is refused", function () {
    for (var n = "#flytt=2".length; n < good.length; n += 7) {
      var other = good[n] === "1" ? "2" : "1";
      var typed = R.parseMove(good.slice(0, n) + other + good.slice(n + 1), c, b);
      assert.ok(typed.error, "accepted with character " + n + " changed");
    }
  });

  it("that is no move link, another version or far too long is refused", function () {
    assert.equal(R.parseMove("", c, b).error, "format");
    assert.equal(R.parseMove("#kommunens-ansvar", c, b).error, "format");
    assert.equal(R.parseMove(null, c, b).error, "format");
    assert.equal(R.parseMove(signed("2;0;0;;;;;"), c, b).error, "format");
    assert.equal(R.parseMove("#flytt=1;" + "0".repeat(5000), c, b).error, "length");
  });

  // A link's sections, with one quiz (fields by index: 0 module, 1 bank hash, 2 answers, 3 time
  // answered, 4 cleared, 5 seed, 6 best, 7 result, 8 passed) or one scenario (0 module, 1 hash,
  // 2 path, 3 open, 4 endings, 5 time) changed from a well-formed one.
  function link(progress, quiz, scenario) {
    return ["1", "tpbey8", "0", "", "", ""].map(function (v, i) { return progress && i in progress ? progress[i] : v; })
      .concat([quiz === undefined ? "" : quiz, scenario === undefined ? "" : scenario]).join(";");
  }
  function quiz(changes) {
    var f = ["0", "a1b2c3", "", "", "", "", "", "", ""];
    Object.keys(changes || {}).forEach(function (i) { f[i] = changes[i]; });
    return f.join(".");
  }
  function scenario(changes) {
    var f = ["0", "f0e1d2", "01", "1", "1", "0"];
    Object.keys(changes || {}).forEach(function (i) { f[i] = changes[i]; });
    return f.join(".");
  }

  var HOSTILE = {
    "too few sections": link().replace(/;$/, ""),
    "too many sections": link() + ";;",
    "a clock that is no number": link({ 1: "-1" }),
    "a visited mask beyond the modules": link({ 2: "zz" }),
    "a page to resume from in no module": link({ 3: "9.0.0" }),
    "a page beyond the module's pages": link({ 3: "0.z.0" }),
    "a page to resume from with a field missing": link({ 3: "0.0" }),
    "a name of broken percent-encoding": link({ 5: "%E0%A4%A" }),
    "a name with a character no link has": link({ 5: "<script>" }),
    "a name longer than the field": link({ 5: "a".repeat(121) }),
    "a quiz of a module that does not exist": link(null, quiz({ 0: "7" })),
    "a quiz with a field missing": link(null, quiz().slice(0, -1)),
    "a quiz with a field too many": link(null, quiz() + "."),
    "a quiz of a bank hash that is no hash": link(null, quiz({ 1: "<>" })),
    "answers that are no indices": link(null, quiz({ 2: "a,b" })),
    "more answers than the bank has questions": link(null, quiz({ 2: "1,".repeat(12) + "1" })),
    "a broken seed": link(null, quiz({ 5: "ABC" })),
    "a result of more right than asked": link(null, quiz({ 6: "d_c_1_0" })),
    "a result of no questions": link(null, quiz({ 6: "0_0_1_0" })),
    "a result that is neither passed nor failed": link(null, quiz({ 6: "1_c_7_0" })),
    "a result with a broken hash": link(null, quiz({ 6: "xyz_1_c_1_0" })),
    "a pass with a broken hash": link(null, quiz({ 8: "xyz_0" })),
    "a pass without its separator": link(null, quiz({ 8: "0" })),
    "a time before 1970": link({ 1: "1" }, quiz({ 8: "_zzz" })),
    "a time that is no number": link(null, quiz({ 3: "-5" })),
    "the same quiz twice": link(null, quiz() + "~" + quiz()),
    "a scenario of a module without one": link(null, "", scenario()),
    "a scenario with endings beyond its endings": link(null, "", scenario({ 4: "zz" })),
    "a scenario path that is not choices": link(null, "", scenario({ 2: "a" })),
    "a scenario open without being 0 or 1": link(null, "", scenario({ 3: "2" })),
    "the same scenario twice": link(null, "", scenario() + "~" + scenario()),
    "a prototype's name as a module index": link(null, quiz({ 0: "__proto__" })),
  };

  Object.keys(HOSTILE).forEach(function (name) {
    it("with " + name + " is refused, with a valid check", function () {
      var cc = course();
      if (name === "a scenario of a module without one") delete cc.modules[0].scenario;
      var parsed = R.parseMove(signed(HOSTILE[name]), cc, banks(cc));
      assert.ok(parsed.error, JSON.stringify(parsed));
      assert.equal(parsed.entries, undefined);
    });
  });

  it("a well-formed minimal link with a valid check is read (the cases above fail for their own reason)", function () {
    var parsed = R.parseMove(signed(link({ 3: "0.1.5", 4: "Side+%C3%A9n", 5: "Kari" }, quiz({ 2: "1,,023", 6: "b_c_1_0", 7: "*", 8: "_0" }), scenario())), c, b);
    assert.equal(parsed.error, undefined, JSON.stringify(parsed));
    assert.deepEqual(parsed.entries[R.scenarioName("samtale-0")].path, [0, 1]);
    assert.equal(parsed.entries.progress.last.title, "Side én");
    assert.equal(parsed.entries.progress.name, "Kari");
    assert.deepEqual(parsed.entries["quiz:bank-0"].answers["sporsmal-0-2"].a, [0, 2, 3]);
    assert.equal(R.courseState(c, reader(parsed.entries)).done, 1);
    assert.equal(Object.getPrototypeOf(parsed.entries), Object.prototype);
  });

  it("never throws, whatever the text", function () {
    var samples = [good.replace(/\./g, ";"), good.replace(/~/g, "."), good + ";", "#flytt=1;;;;;;;;", "#flytt=" + "1;".repeat(2000)];
    samples.forEach(function (s) { assert.ok(R.parseMove(s, c, b).error); });
  });

  it("leaves nothing of the link's but the course's records", function () {
    var parsed = R.parseMove(good, c, b);
    Object.keys(parsed.entries).forEach(function (name) { assert.match(name, R.NAME); });
  });
});

describe("merging a link into another browser's records", function () {
  var c = course(), b = banks(c);

  // Device A passed module 1 at 90 %, began module 2; device B passed module 2 at 100 %,
  // took module 1 at 50 % and has a name.
  function deviceA() {
    return { progress: { v: 1, visited: { mandat: true, "barn-i-reetablering": true }, last: { url: c.modules[1].pages[2], title: "Side A", at: "2026-11-30T10:00:00.000Z" } },
      "quiz:bank-0": { v: 1, answers: {}, best: result(c.modules[0].hash, 11), result: result(c.modules[0].hash, 11), passed: { h: c.modules[0].hash, at: AT } },
      "quiz:bank-1": { v: 1, answers: { "sporsmal-1-0": { h: "9f8e7d6c5b10", a: [1], t: AT } } },
      "scenario:samtale-0": { v: 1, h: c.modules[0].scenario.hash, path: [], open: false, endings: { "slutt-god": AT } } };
  }
  function deviceB() {
    return { progress: { v: 1, visited: { voksne: true }, last: { url: c.modules[3].pages[1], title: "Side B", at: "2026-11-01T10:00:00.000Z" }, name: "Kari" },
      "quiz:bank-0": { v: 1, answers: {}, best: result(c.modules[0].hash, 6), result: result(c.modules[0].hash, 6) },
      "quiz:bank-1": { v: 1, answers: {}, best: result(c.modules[1].hash, 12), result: result(c.modules[1].hash, 12), passed: { h: c.modules[1].hash, at: AT } },
      "scenario:samtale-0": { v: 1, h: c.modules[0].scenario.hash, path: [1, 0], open: true, endings: { "slutt-brudd": AT } } };
  }

  it("keeps the better result of each module and never drops a pass", function () {
    var link = R.parseMove("#" + R.moveFragment(deviceA(), c, b), c, b).entries;
    var merged = R.mergeMove(link, c, reader(deviceB()));
    assert.deepEqual(merged.summary, { link: 1, now: 1, after: 2, total: 5, lost: [], name: false });
    var out = merged.entries;
    assert.equal(out["quiz:bank-0"].best.percent, 92);
    assert.ok(out["quiz:bank-0"].passed);
    assert.equal(out["quiz:bank-1"].best.percent, 100);
    assert.ok(out["quiz:bank-1"].passed);
    assert.deepEqual(out["quiz:bank-1"].answers["sporsmal-1-0"].a, [1]);
    assert.deepEqual(Object.keys(out.progress.visited).sort(), ["barn-i-reetablering", "mandat", "voksne"]);
    assert.equal(out.progress.last.title, "Side A");  // the newer
    assert.equal(out.progress.name, "Kari");  // this device's
    assert.deepEqual(Object.keys(out["scenario:samtale-0"].endings).sort(), ["slutt-brudd", "slutt-god"]);
    assert.deepEqual(out["scenario:samtale-0"].path, [1, 0]);  // this device's place
  });

  it("touches no record the link does not hold", function () {
    var link = R.parseMove("#" + R.moveFragment({ "quiz:bank-2": { v: 1, answers: {} } }, c, b), c, b).entries;
    var merged = R.mergeMove(link, c, reader(deviceB()));
    assert.deepEqual(Object.keys(merged.entries).sort(), ["progress", "quiz:bank-2"]);
    assert.equal(merged.summary.after, 1);
  });

  it("says when the link holds a name", function () {
    var link = R.parseMove("#" + R.moveFragment(deviceB(), c, b), c, b).entries;
    assert.equal(R.mergeMove(link, c, reader({})).summary.name, true);
    assert.equal(R.mergeMove(link, c, reader({})).entries.progress.name, "Kari");
  });
});

describe("the vendored QR library", function () {
  it("is the pinned qrcode-generator 2.0.4, unchanged, with its licence header", function () {
    var text = fs.readFileSync(QR_FILE);
    // sha256 of dist/qrcode.js in the npm package qrcode-generator@2.0.4 (README, dependencies).
    assert.equal(crypto.createHash("sha256").update(text).digest("hex"), "79ec86f82856005b1c887905cfccfcfbec3821ca61c7fd5a952faa5f778f791c");
    assert.match(text.toString("utf8"), /Copyright \(c\) 2009 Kazuhiko Arase[\s\S]*Licensed under the MIT license/);
    var readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    assert.match(readme, /qrcode-generator.{0,40}2\.0\.4/);
  });

  it("draws a code of the expected size for a link", function () {
    var qr = qrcode(0, "M");
    qr.addData("https://example.org/fremdrift/#flytt=1;0;0;;;;;;abc", "Byte");
    qr.make();
    assert.equal((qr.getModuleCount() - 17) % 4, 0);
    assert.ok(qr.getModuleCount() >= 21);
  });
});

describe("a pass's version in the link", function () {
  var c = course(), b = banks(c);
  function moved(passed) {
    var records = { "quiz:bank-0": { v: 1, answers: {}, passed: passed } };
    return R.parseMove("#" + R.moveFragment(records, c, b), c, b).entries["quiz:bank-0"].passed;
  }

  it("carries the current version in no characters, another version, and no version", function () {
    assert.equal(moved({ h: c.modules[0].hash, at: AT, version: "1.12" }).version, "1.12");
    assert.equal(moved({ h: c.modules[0].hash, at: AT, version: "1.3" }).version, "1.3");
    assert.equal(moved({ h: "0123456789ab", at: AT, version: "1.10.2" }).version, "1.10.2");
    assert.equal("version" in moved({ h: c.modules[0].hash, at: AT }), false);
  });

  it("refuses a link whose pass version is not one", function () {
    var fragment = R.moveFragment({ "quiz:bank-0": { v: 1, answers: {}, passed: { h: c.modules[0].hash, at: AT, version: "1.3" } } }, c, b);
    var body = fragment.slice("flytt=".length).split(";").slice(0, -1).join(";").replace("_1-3", "_x-3");
    assert.equal(R.parseMove(signed(body), c, b).error, "entry");
  });
});
