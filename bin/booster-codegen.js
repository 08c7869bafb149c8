#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the `prepare` script).
import('../dist/generator/cli.js').catch((error) => {
  process.stderr.write(`booster-codegen: cannot start (${error.message}); run \`npm install\` to build the generator\n`);
  process.exit(2);
});
