/* The SCORM launch page's pure decisions (publishing/scorm/report.js).
 *
 * Run with `node --test tests/js/`. The browser tests (tests/browser/test_lms.py) check the same
 * rules through the package in a fake LMS; these check each rule on its own.
 */
"use strict";

var test = require("node:test");
var assert = require("node:assert/strict");
var path = require("node:path");

var R = require(path.join(__dirname, "..", "..", "extensions", "krisesenterkurs", "publishing", "scorm", "report.js"));

var describe = test.describe;
var it = test.it;

// SCORM 1.2 RTE 3.4.2, CMITimespan; the same pattern Moodle's datamodels/scorm_12.js checks.
var CMITIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;

describe("decide", function () {
  var empty = { status: "incomplete", score: 0 };

  it("keeps the LMS's pass and score while the learner has not acted", function () {
    assert.deepEqual(R.decide({ status: "passed", score: "90" }, empty, false), { status: "passed", score: 90 });
  });

  it("reports the local record once it is ahead of the LMS", function () {
    var local = { status: "passed", score: 100 };
    assert.deepEqual(R.decide({ status: "incomplete", score: "40" }, local, false), local);
  });

  it("takes the higher of each value on its own", function () {
    assert.deepEqual(R.decide({ status: "completed", score: "20" }, { status: "incomplete", score: 60 }, false),
      { status: "completed", score: 60 });
  });

  it("ignores an empty or odd score from the LMS", function () {
    assert.deepEqual(R.decide({ status: "", score: "" }, empty, false), empty);
    assert.deepEqual(R.decide({ status: "not attempted", score: "abc" }, empty, false), empty);
    assert.deepEqual(R.decide({ status: "bogus", score: "NaN" }, empty, false), empty);
  });

  it("follows the learner once they acted, even downwards", function () {
    assert.deepEqual(R.decide({ status: "passed", score: "100" }, { status: "incomplete", score: 20 }, true),
      { status: "incomplete", score: 20 });
  });
});

describe("exitValue", function () {
  it("suspends an unfinished course and leaves a finished one plainly (RTE 3.4.4 cmi.core.exit)", function () {
    assert.equal(R.exitValue("incomplete"), "suspend");
    assert.equal(R.exitValue(""), "suspend");
    assert.equal(R.exitValue("failed"), "suspend");
    assert.equal(R.exitValue("passed"), "");
    assert.equal(R.exitValue("completed"), "");
  });
});

describe("sessionTime", function () {
  it("formats HHHH:MM:SS.SS", function () {
    assert.equal(R.sessionTime(0), "0000:00:00.00");
    assert.equal(R.sessionTime(65432), "0000:01:05.43");
    assert.equal(R.sessionTime(((3 * 60 + 7) * 60 + 9) * 1000 + 990), "0003:07:09.99");
  });

  it("always matches CMITimespan, even for odd input", function () {
    [0, 1, 999, 59999, 3600000, 1e12, -5, NaN, "x", undefined].forEach(function (ms) {
      assert.match(R.sessionTime(ms), CMITIMESPAN, String(ms));
    });
    assert.equal(R.sessionTime(1e12), "9999:59:59.99");
    assert.equal(R.sessionTime(-5), "0000:00:00.00");
  });
});

describe("commitDelay", function () {
  it("commits at once the first time and after the interval", function () {
    assert.equal(R.commitDelay(null, 5000, 1000), 0);
    assert.equal(R.commitDelay(4000, 5000, 1000), 0);
    assert.equal(R.commitDelay(4000, 9000, 1000), 0);
  });

  it("waits out the rest of the interval", function () {
    assert.equal(R.commitDelay(4000, 4300, 1000), 700);
    assert.equal(R.commitDelay(4000, 4000, 1000), 1000);
  });
});

describe("frameTarget", function () {
  var ROOT = "https://lms.example/pluginfile/42/";

  it("opens pages of the package", function () {
    assert.equal(R.frameTarget("moduler/barn/quiz.html", ROOT), ROOT + "moduler/barn/quiz.html");
    assert.equal(R.frameTarget("index.html?x=1#a", ROOT), ROOT + "index.html?x=1#a");
    assert.equal(R.frameTarget(ROOT + "fremdrift.html", ROOT), ROOT + "fremdrift.html");
  });

  it("refuses anything that resolves elsewhere", function () {
    [
      "", " //evil.example/", "\t//evil.example/", "\\\\evil.example/", "/\\evil.example/", " javascript:alert(1)",
      "javascript:alert(1)", "\tjavascript:alert(1)", "//evil.example/", "../", "../../other/index.html",
      "%2e%2e/x.html", "moduler/%2e%2e/%2e%2e/../x", "https://evil.example/pluginfile/42/index.html",
      "http://lms.example/pluginfile/42/index.html", "https://user:pw@lms.example/pluginfile/42/index.html",
      "data:text/html,hi", "/pluginfile/43/index.html", "/pluginfile/42", null, undefined, 42,
    ].forEach(function (text) {
      assert.equal(R.frameTarget(text, ROOT), null, JSON.stringify(text));
    });
  });

  it("refuses the launch page itself", function () {
    assert.equal(R.frameTarget("scorm.html", ROOT, "scorm.html"), null);
    assert.equal(R.frameTarget("./scorm.html?again", ROOT, "scorm.html"), null);
  });

  it("never throws on a bad root", function () {
    assert.equal(R.frameTarget("index.html", "not a url"), null);
  });
});
