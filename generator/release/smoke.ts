/**
 * The consumer's smoke test of a packed tarball: installed into a scratch project as a user
 * installs it, then imported by its name in a fresh Node, which must find the client class and
 * Standard Schema validators that validate. What it proves is that the tarball works, not that
 * the API is right (the generator's own tests are for that).
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { install, ReleaseStepError } from './npm.js';

/** Run in the consumer: prints `{ exports, schemas }`, or throws what is wrong. */
function importCheck(name: string, clientName: string): string {
  return `
const m = await import(${JSON.stringify(name)});
const names = Object.keys(m);
if (typeof m[${JSON.stringify(clientName)}] !== 'function') throw new Error('no class ' + ${JSON.stringify(clientName)} + ' among its exports: ' + names.join(', '));
const schemas = names.filter((n) => typeof m[n]?.['~standard']?.validate === 'function');
if (!schemas.length) throw new Error('no Standard Schema validator among its exports');
for (const n of schemas) {
  const result = await m[n]['~standard'].validate({});
  if (!result || typeof result !== 'object' || !('issues' in result || 'value' in result)) throw new Error(n + ' did not validate');
}
console.log(JSON.stringify({ exports: names.length, schemas: schemas.length }));
`;
}

function node(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd }, (error, stdout, stderr) => {
      if (!error) resolve(stdout);
      else
        reject(
          new ReleaseStepError(
            `the installed package fails to load: ${
              (stderr
                .trim()
                .split('\n')
                .find((l) => /Error/.test(l)) ??
                stderr.trim()) ||
              error.message
            }`,
          ),
        );
    }),
  );
}

/** Installs `tarball` into `<scratch>/consumer` and imports it; returns a line for the log. */
export async function smokeTest(tarball: string, name: string, clientName: string, scratch: string, registry: string | undefined): Promise<string> {
  const consumer = path.join(scratch, 'consumer');
  await mkdir(consumer, { recursive: true });
  await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'booster-codegen-smoke-test', private: true, type: 'module' }));
  await install(consumer, [tarball], registry);
  const { exports, schemas } = JSON.parse(await node(['--input-type=module', '-e', importCheck(name, clientName)], consumer)) as {
    exports: number;
    schemas: number;
  };
  return `installed into a scratch project and imported: ${exports} exports, ${clientName}, ${schemas} validators`;
}
