// TypeScript 5.0, resolved from this folder (its own node_modules), not the generator's.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module re-exporting another
module.exports = require('typescript');
