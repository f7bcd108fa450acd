// The scenario's pure rules: the path through the graph, the summary, resuming a stored record.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const rules = require("../../extensions/krisesenterkurs/theme/assets/krisesenterkurs/scenario.js");
const recordRules = require("../../extensions/krisesenterkurs/theme/assets/krisesenterkurs/record.js");

const model = {
  start: "start",
  tags: { apner: { label: "Åpner", helpful: true }, lukker: { label: "Lukker", helpful: false } },
  nodes: {
    start: { choices: [{ next: "avklare", tags: ["apner"] }, { next: "slutt-darlig", tags: ["lukker"] }] },
    avklare: { choices: [{ next: "slutt-god", tags: [] }, { next: "slutt-blandet", tags: ["apner", "lukker"] }] },
    "slutt-god": { ending: "good", choices: null },
    "slutt-blandet": { ending: "mixed", choices: null },
    "slutt-darlig": { ending: "poor", choices: null },
  },
};

test("a path of choice numbers walks the graph to the node it reaches", () => {
  assert.deepEqual(rules.walk(model, []), { steps: [], at: "start", ok: true });
  assert.deepEqual(rules.walk(model, [0, 1]), {
    steps: [{ id: "start", choice: 0 }, { id: "avklare", choice: 1 }], at: "slutt-blandet", ok: true,
  });
});

test("a path that does not fit the graph starts again from the start", () => {
  for (const path of [[5], [0, 0, 0], ["0"], [0.5], null, "01", [1, 0]]) {
    assert.deepEqual(rules.walk(model, path), { steps: [], at: "start", ok: false }, JSON.stringify(path));
  }
});

test("the summary counts helpful and unhelpful choices by their tags", () => {
  assert.deepEqual(rules.summary(model, [0, 0]), { total: 2, helpful: 1, unhelpful: 0 });
  assert.deepEqual(rules.summary(model, [0, 1]), { total: 2, helpful: 1, unhelpful: 1 });  // mixed tags: not helpful
  assert.deepEqual(rules.summary(model, [1]), { total: 1, helpful: 0, unhelpful: 1 });
});

test("a stored path resumes only for the same version of the scenario", () => {
  const record = { v: 1, h: "abc", path: [0], open: true, endings: { "slutt-god": "2026-12-03" } };
  assert.deepEqual(rules.resume(record, "abc", model), { path: [0], open: true });
  assert.deepEqual(rules.resume(record, "def", model), { path: [], open: false });
  assert.deepEqual(rules.resume({ ...record, path: [9] }, "abc", model), { path: [], open: false });
  for (const bad of [null, [], { v: 2, h: "abc", path: [], endings: {} }, { v: 1, h: "abc", path: {}, endings: {} },
    { v: 1, h: "abc", path: [], endings: [] }, { v: 1, h: "abc", path: [] }]) {
    assert.equal(recordRules.isScenarioRecord(bad), false, JSON.stringify(bad));
  }
});
