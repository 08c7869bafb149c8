// The generator as a package someone installs: its tarball (as `npm pack` makes it from the build
// the test setup ran) passes publint and are-the-types-wrong, and, unpacked into a project's
// node_modules, gives the typed API (`import { generate } from 'booster-codegen'`) and the bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT, ROOT } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';

const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

let work: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  work = tempDir('booster-generator-pack-');
  // The build is the test setup's (npm run build:generator); packing must not run it again.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error' },
    }),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path).sort();
}, 60_000);

/**
 * A project with the tarball unpacked as node_modules/booster-codegen, and the generator's
 * dependencies linked from this repository's node_modules (what `npm install` would fetch; the
 * tests stay offline).
 */
function consumer(): string {
  const dir = tempDir('booster-generator-consumer-');
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, 'booster-codegen'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', path.join(modules, 'booster-codegen'), '--strip-components=1']);
  for (const dep of Object.keys(pkg.dependencies)) {
    mkdirSync(path.dirname(path.join(modules, dep)), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(modules, dep), 'dir');
  }
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
  return dir;
}

describe('the booster-codegen package', () => {
  it('holds the bin, the built API with its types, and the templates: no sources, maps, tests or code cache', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/booster-codegen.js',
        // The bin is a CommonJS script: bin/package.json says so (the package itself is ESM).
        'bin/package.json',
        'dist/generator/cli.bundle.cjs',
        'dist/generator/up-to-date.cjs',
        'dist/generator/index.js',
        'dist/generator/index.d.ts',
      ]),
    );
    expect(files).toEqual(expect.arrayContaining(['templates/types.ts.hbs', 'package.json', 'README.md']));
    // templates/: the Handlebars templates and the generated package's static files, copied as they are (runtime/, package/).
    expect(files).toEqual(expect.arrayContaining(['templates/runtime/core.ts', 'templates/package/build.mjs']));
    const expected =
      /^(bin\/[\w-]+\.js|bin\/package\.json|dist\/generator\/.+\.(js|d\.ts|cjs)|templates\/[\w.]+\.hbs|templates\/(runtime|package)\/[\w.-]+\.(ts|mjs)|package\.json|README\.md)$/;
    expect(files.filter((f) => !expected.test(f))).toEqual([]);
  });

  it('passes publint, strict', () => {
    const run = spawnSync(bin('publint'), ['run', tarball, '--strict'], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('All good!');
    expect(run.status).toBe(0);
  });

  it('passes are-the-types-wrong as the ESM-only package it is (Node >= 20.19 require()s ESM)', () => {
    const run = spawnSync(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { problems: Record<string, { resolutionKind?: string }[]> };
    // The esm-only profile ignores node10 and CommonJS-from-node16 resolutions; every other one must be clean.
    const problems = Object.values(report.problems)
      .flat()
      .filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
    expect(problems).toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);

  it('installed, gives the typed API to TypeScript and Node, and the bin', () => {
    const dir = consumer();
    writeFileSync(
      path.join(dir, 'use.ts'),
      `import { defineConfig, generate, type GenerateResult } from 'booster-codegen';
const config = defineConfig({ input: 'docs', out: 'pkg', packageName: '@acme/crm' });
const result: GenerateResult = await generate({ config });
const operations: string[] = result.model?.operations.map((o) => o.name) ?? [];
console.log(JSON.stringify({ outcome: result.outcome, exitCode: result.exitCode, operations, version: result.release?.version }));
`,
    );
    const typeRoots = path.join(ROOT, 'node_modules/@types');
    // Declarations are tsc's own output, so not checked again (with @types/node that is 20 s); their resolution is attw's to check.
    const flags = [
      '--strict',
      '--skipLibCheck',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--types',
      'node',
      '--typeRoots',
      typeRoots,
    ];
    execFileSync(process.execPath, [TSC, ...flags, 'use.ts'], { cwd: dir });
    const run = spawnSync(process.execPath, ['use.js'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      outcome: 'written',
      exitCode: 0,
      operations: ['CreateCustomer', 'ExportCustomer', 'UpdateCustomer'],
      version: '0.1.0',
    });
    expect(JSON.parse(readFileSync(path.join(dir, 'pkg/package.json'), 'utf8')).name).toBe('@acme/crm');

    const cli = spawnSync(process.execPath, ['node_modules/booster-codegen/bin/booster-codegen.js', 'generate', '--input', 'docs', '--out', 'pkg', '--check'], {
      cwd: dir,
      encoding: 'utf8',
    });
    // The config object is not on disk: against the defaults (booster-api-client), the package.json is stale.
    expect(cli.stderr).toContain('pkg/package.json');
    expect(cli.status).toBe(1);
  }, 60_000);
});
