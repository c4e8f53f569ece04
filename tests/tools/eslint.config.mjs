// ESLint's check of the edition's scripts (docs/assets/, not vendor/; the service worker,
// hooks/offline_worker.js) and of the Node tests of them (tests/js/). Paths are the repository's:
// run from its root, as tests/test_javascript.py does:
//   tests/tools/node_modules/.bin/eslint --config tests/tools/eslint.config.mjs
// The pages' scripts are classic scripts (sourceType "script"; with "module" no-implicit-globals
// would be silently off): a name they leave on the page is an error, unless it is window.a4p's.
import js from "@eslint/js";
import globals from "globals";

const CHECKED = {
  ...js.configs.recommended.rules,
  "no-implicit-globals": "error",
};

export default [
  { ignores: ["docs/assets/vendor/"] }, // from npm, byte for byte (tests/test_search.py)
  {
    files: ["docs/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: CHECKED,
  },
  {
    // Material's inline script as a file (overrides/base.html), its code Material's, verbatim:
    // it sets the four globals Material's bundle reads, and ignores a refused localStorage.
    files: ["docs/assets/a4p-theme-scope.js"],
    languageOptions: {
      globals: { __md_scope: "writable", __md_hash: "writable", __md_get: "writable", __md_set: "writable" },
    },
    rules: {
      "no-empty": ["error", { allowEmptyCatch: true }],
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
  {
    files: ["hooks/offline_worker.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.serviceworker },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: CHECKED,
  },
  {
    files: ["tests/js/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: CHECKED,
  },
];
