// `npm run build` compiles output/ only when it is one run's complete output: a write killed while
// its files were moving into place (a journal left in output/.booster-codegen/) stops the build.
import path from 'node:path';
import { GENERATE_COMMAND } from '../dist/generator/generate-command.js';
import { unfinishedWrite, unfinishedWriteMessage } from '../dist/generator/write-output.js';

const out = process.argv[2] ?? 'output';
if (await unfinishedWrite(path.resolve(out))) {
  process.stderr.write(`build: ${unfinishedWriteMessage(out, GENERATE_COMMAND)}\n`);
  process.exit(1);
}
