/* The learner's data in localStorage, shared by quiz.js and progress.js.
 *
 * Every key is "krisesenterkurs:<site path>:<name>", so two courses on one
 * host never share data and nothing else on the page is touched. The key
 * names and the site root follow record.js (the learner-record format), which
 * loads before this script; this one only does the storage I/O.
 */
(function () {
  "use strict";

  if (window.krisesenterkurs && window.krisesenterkurs.store) return;  // loaded already

  var kk = (window.krisesenterkurs = window.krisesenterkurs || {});
  var rules = kk.record;  // the learner-record format (record.js)

  // Runs `init` once the page is there, and again after every instant navigation. Material's
  // document$ does not emit when the course is opened from a folder (file://), so it cannot be
  // the only trigger.
  function onPage(init) {
    // On the first page both triggers fire for the same page; run once per page drawn. A page is
    // known by its content element, not its address: instant navigation may put a fresh copy of
    // the page in place at the same address (a link to the page itself), which needs drawing too.
    var last = null;
    function once() {
      var page = document.querySelector("[data-md-component=container]") || document.body;
      if (last === page) return;
      last = page;
      init();
    }
    function start() {
      once();
      if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(once);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  // The other scripts need onPage even when the store cannot be set up.
  kk.onPage = onPage;

  if (!rules) {
    // Without the format there is no safe way to read or write; the quizzes then say that
    // nothing is kept, as when localStorage is blocked.
    if (window.console) console.error("krisesenterkurs: record.js must load before storage.js");
    return;
  }

  // Worked out once, on the page the script loads with: Material's instant navigation keeps
  // that page's __config, whose "base" is relative to it, while the address changes.
  var SITE = (function () {
    var config = null;
    try {
      config = document.getElementById("__config").textContent;
    } catch (e) { /* no __config: the root is "/" */ }
    var root = rules.siteRoot(config, location.href);
    return root ? root.pathname : "/";
  })();

  function siteKey() {
    return SITE;
  }

  var local = (function () {
    try {
      var probe = rules.PREFIX + ":probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  })();

  function fullKey(name) {
    return rules.keyPrefix(siteKey()) + name;
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
      if (rules.isObject(value) && (!isValid || isValid(value))) {
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
    var found = [];
    try {
      for (var i = 0; i < local.length; i++) {
        var name = rules.nameOf(local.key(i), siteKey());
        if (name) found.push(name);
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

  // Calls `handler(name)` when another tab or window changes this site's learner data (`name` is
  // null when it cleared the storage): a page open for a while must not keep showing, nor write
  // back, what it read when it loaded. A page is not told of its own writes.
  function watch(handler) {
    if (!local) return;
    window.addEventListener("storage", function (event) {
      if (event.storageArea && event.storageArea !== local) return;
      if (event.key === null) return handler(null);
      var name = rules.nameOf(event.key, siteKey());
      if (name) handler(name);
    });
  }

  kk.store = {
    available: !!local, read: read, write: write, remove: remove, names: names,
    snapshot: snapshot, restore: restore, changed: changed, siteKey: siteKey, watch: watch,
  };
})();
