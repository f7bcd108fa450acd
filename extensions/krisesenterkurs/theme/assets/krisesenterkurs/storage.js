/* The learner's data in localStorage, shared by quiz.js and progress.js.
 *
 * Every key is "krisesenterkurs:<site path>:<name>", so two courses on one
 * host never share data and nothing else on the page is touched.
 */
(function () {
  "use strict";

  if (window.krisesenterkurs && window.krisesenterkurs.store) return;  // loaded already

  var PREFIX = "krisesenterkurs";
  // The learner's course data; the theme's own settings (":theme..." keys) are not part of it.
  var NAME = /^(progress|quiz:[a-z0-9]+(?:-[a-z0-9]+)*)$/;

  // Worked out once, on the page the script loads with: Material's instant navigation keeps
  // that page's __config, whose "base" is relative to it, while the address changes.
  var SITE = (function () {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base || ".", location.href).pathname;
    } catch (e) {
      return "/";
    }
  })();

  function siteKey() {
    return SITE;
  }

  var local = (function () {
    try {
      var probe = PREFIX + ":probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  })();

  function fullKey(name) {
    return PREFIX + ":" + siteKey() + ":" + name;
  }

  // {value, problem}: value is the parsed JSON or null; problem is "unavailable", "unreadable" or null.
  function read(name, isValid) {
    if (!local) return { value: null, problem: "unavailable" };
    var raw;
    try {
      raw = local.getItem(fullKey(name));
    } catch (e) {
      return { value: null, problem: "unavailable" };
    }
    if (raw === null) return { value: null, problem: null };
    try {
      var value = JSON.parse(raw);
      if (value && typeof value === "object" && !Array.isArray(value) && (!isValid || isValid(value))) {
        return { value: value, problem: null };
      }
    } catch (e) { /* unreadable */ }
    return { value: null, problem: "unreadable" };
  }

  function write(name, value) {
    if (!local) return false;
    try {
      local.setItem(fullKey(name), JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  function remove(name) {
    if (!local) return false;
    try {
      local.removeItem(fullKey(name));
      return true;
    } catch (e) {
      return false;
    }
  }

  // The learner data this course has stored for this site, e.g. ["progress", "quiz:mandat"].
  function names() {
    if (!local) return [];
    var start = fullKey(""), found = [];
    try {
      for (var i = 0; i < local.length; i++) {
        var key = local.key(i);
        if (key && key.indexOf(start) === 0 && NAME.test(key.slice(start.length))) found.push(key.slice(start.length));
      }
    } catch (e) { /* nothing readable */ }
    return found.sort();
  }

  // Raw text of every stored entry, for export and for restoring after a failed import.
  function snapshot() {
    var out = {};
    names().forEach(function (name) {
      try { out[name] = local.getItem(fullKey(name)); } catch (e) { /* skip */ }
    });
    return out;
  }

  function restore(raw) {
    names().forEach(remove);
    Object.keys(raw).forEach(function (name) {
      try { local.setItem(fullKey(name), raw[name]); } catch (e) { /* best effort */ }
    });
  }

  function changed() {
    document.dispatchEvent(new CustomEvent("krisesenterkurs:changed"));
  }

  // Runs `init` once the page is there, and again after every instant navigation. Material's
  // document$ does not emit when the course is opened from a folder (file://), so it cannot be
  // the only trigger.
  function onPage(init) {
    // On the first page both triggers fire for the same address; run once per address.
    var last = null;
    function once() {
      if (last === location.href) return;
      last = location.href;
      init();
    }
    function start() {
      once();
      if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(once);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  window.krisesenterkurs = window.krisesenterkurs || {};
  window.krisesenterkurs.onPage = onPage;
  window.krisesenterkurs.store = {
    available: !!local, read: read, write: write, remove: remove, names: names,
    snapshot: snapshot, restore: restore, changed: changed, siteKey: siteKey,
  };
})();
