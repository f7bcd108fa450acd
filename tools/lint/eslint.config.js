// The lint gate for the course's browser scripts (theme/assets, the SCORM launch page) and their
// node tests. The browser scripts are plain scripts, not modules: they must run from file:// and
// inside an LMS frame without a bundler.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  // Third-party files as published (theme/assets/krisesenterkurs/vendor, README's dependencies).
  { ignores: ["extensions/krisesenterkurs/theme/assets/krisesenterkurs/vendor/**"] },
  js.configs.recommended,
  {
    files: ["extensions/krisesenterkurs/theme/assets/**/*.js", "extensions/krisesenterkurs/publishing/scorm/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
      eqeqeq: ["error", "always"],
      "no-var": "off",
    },
  },
  {
    // Material's snippets, as files: the helpers base.js defines are globals its bundle reads too.
    files: ["extensions/krisesenterkurs/theme/assets/krisesenterkurs/material/*.js"],
    languageOptions: {
      globals: { __md_scope: "writable", __md_hash: "writable", __md_key: "writable", __md_get: "writable", __md_set: "writable" },
    },
  },
  {
    files: ["tests/js/**/*.js", "tools/lint/eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
