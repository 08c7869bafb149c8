#!/usr/bin/env node
// The CLI is compiled to dist/ and bundled into one module by `npm install` (the `prepare`
// script): loading one file instead of some 180 modules takes a tenth of a second off every run.
import { existsSync } from 'node:fs';
import { inspect } from 'node:util';

const cli = new URL('../dist/generator/cli.bundle.js', import.meta.url);
import(cli.href).catch((error) => {
  // Only a CLI that was never built is an installation problem; any other error (a module that
  // the CLI imports missing, a bug escaping a command) is an internal error, shown with its stack.
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && !existsSync(cli))
    process.stderr.write(`booster-codegen: cannot start (${error.message}); run \`npm install\` to build the generator\n`);
  else process.stderr.write(`booster-codegen: internal error: ${inspect(error)}\n`);
  process.exit(2);
});
