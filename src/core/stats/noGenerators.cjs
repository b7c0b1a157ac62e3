// Stands in for @stdlib/assert-has-generator-support in the built app (see
// vite.config.ts). That probe tests for `function*` by evaluating a string,
// which the app's Content Security Policy (script-src 'self', no
// 'unsafe-eval') blocks and reports on every page load. Answering "no" makes
// stdlib's continued-fraction and series tools (behind the chi-square
// p-value's incomplete gamma) use their plain-loop versions: the same
// algorithm, with no code made from strings. CommonJS, because stdlib
// require()s it and calls the export itself.
'use strict';

module.exports = function hasGeneratorSupport() {
  return false;
};
