// Material's partials/javascripts/base.html snippet as a file (no inline script: README,
// Hosting), changed: the theme's keys carry the course's prefix ("krisesenterkurs:<site
// path>:theme"); get and set swallow a storage that throws, even on reading `localStorage`
// (Material reads it outside its `try`, breaking the page when storage is blocked); the scope
// comes from this tag's data-scope; Zensical's trailing-slash step and data-platform are kept.
// "kk-js" on <html> lets the quiz show its buttons from the first paint.
(function () {
  var scope = new URL(document.currentScript.getAttribute("data-scope") || ".", location);
  if (!scope.pathname.endsWith("/")) scope = new URL(scope.pathname + "/", location);
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    return [...text].reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_key = function (key, base) {
    return "krisesenterkurs:" + base.pathname + ":theme" + key;
  };
  window.__md_get = function (key, storage, base) {
    try {
      return JSON.parse((storage || localStorage).getItem(__md_key(key, base || __md_scope)));
    } catch (e) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      (storage || localStorage).setItem(__md_key(key, base || __md_scope), JSON.stringify(value));
    } catch (e) {}
  };
  document.documentElement.setAttribute("data-platform", navigator.platform);
  document.documentElement.classList.add("kk-js");
})();
