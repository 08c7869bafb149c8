// The Node API (generator/index.ts, the package's entry): typed results, no printing and no exit
// unless asked, the CLI's messages through `log`, config objects, and runs abandoned by a signal.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  ConfigError,
  crawl,
  defineConfig,
  diff,
  formatDiff,
  generate,
  inspect,
  InputError,
  UsageError,
  type ApiModel,
  type Diagnostic,
  type GenerateResult,
  type Release,
  type UserConfig,
} from '../../generator/index.js';
import { INPUT, ROOT, stateFiles } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');

/** A folder holding a copy of the seeds in `docs/`. */
function workspace(): string {
  const dir = tempDir('booster-api-');
  cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
  return dir;
}

/** Nothing may print or exit: every test fails if the API writes to stdout or stderr, or calls process.exit. */
let printed: string[];
beforeEach(() => {
  printed = [];
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`process.exit(${code})`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(printed).toEqual([]);
});

describe('generate()', () => {
  it('writes the package and returns the model, the diagnostics, the files written and the release', async () => {
    const dir = workspace();
    const seen: Diagnostic[] = [];
    const result = await generate({ cwd: dir, input: 'docs', out: 'pkg', onDiagnostic: (d) => seen.push(d) });
    expectTypeOf(result).toEqualTypeOf<GenerateResult>();
    expectTypeOf(result.model).toEqualTypeOf<ApiModel | undefined>();
    expectTypeOf(result.release).toEqualTypeOf<Release | undefined>();
    expectTypeOf(result.exitCode).toEqualTypeOf<0 | 1 | 2>();
    expect(result).toMatchObject({ outcome: 'written', exitCode: 0, removed: [], stale: [], outDir: path.join(dir, 'pkg') });
    expect(result.model?.operations.map((o) => o.name)).toEqual(['CreateCustomer', 'ExportCustomer', 'UpdateCustomer']);
    expect(result.written).toEqual(expect.arrayContaining(['api-model.json', 'package.json', 'src/index.ts', 'src/types.ts']));
    expect(result.written.every((f) => existsSync(path.join(dir, 'pkg', f)))).toBe(true);
    expect(result.release).toMatchObject({ version: '0.1.0', previous: '0.1.0', changes: [] });
    expect(seen).toEqual(result.diagnostics);
    expect(result.counts.warning).toBe(result.diagnostics.filter((d) => d.severity === 'warning').length);
    expect(result.counts.warning).toBeGreaterThan(0);

    const again = await generate({ cwd: dir, input: 'docs', out: 'pkg' });
    expect(again).toMatchObject({ outcome: 'unchanged', exitCode: 0, written: [], diagnostics: [], counts: result.counts });
    expect(again.model).toBeUndefined();
  });

  it('check: fresh, then stale files listed, and nothing written', async () => {
    const dir = workspace();
    await generate({ cwd: dir, input: 'docs', out: 'pkg' });
    expect(await generate({ cwd: dir, input: 'docs', out: 'pkg', check: true })).toMatchObject({ outcome: 'fresh', exitCode: 0 });
    writeFileSync(path.join(dir, 'pkg/openapi.json'), '{}\n');
    const stale = await generate({ cwd: dir, input: 'docs', out: 'pkg', check: true });
    expect(stale).toMatchObject({ outcome: 'stale', exitCode: 1, stale: ['openapi.json'], written: [] });
    expect(readFileSync(path.join(dir, 'pkg/openapi.json'), 'utf8')).toBe('{}\n');
  });

  it('gives `log` exactly what the CLI prints on stderr', async () => {
    const [api, cli] = [workspace(), workspace()];
    for (const args of [['--verbose'], [], ['--check', '--strict']]) {
      const lines: string[] = [];
      const flags = { verbose: args.includes('--verbose'), check: args.includes('--check'), strict: args.includes('--strict') };
      const result = await generate({ cwd: api, input: 'docs', out: 'pkg', ...flags, log: (text) => lines.push(`${text}\n`) });
      const run = spawnSync(process.execPath, [BIN, 'generate', '--input', 'docs', '--out', 'pkg', ...args], { cwd: cli, encoding: 'utf8' });
      const noTimes = (text: string) => text.replace(/^time: .*$/m, 'time: …');
      expect(noTimes(lines.join('')), args.join(' ')).toBe(noTimes(run.stderr));
      expect(result.exitCode, args.join(' ')).toBe(run.status);
    }
  });

  it('takes a config object (defineConfig), checked as a file is', async () => {
    const dir = workspace();
    const config = defineConfig({ input: 'docs', out: 'pkg', packageName: '@acme/crm-client', packageVersion: '2.0.0', diagnostics: { SS063: 'off' } });
    expectTypeOf(config).toEqualTypeOf<UserConfig>();
    const result = await generate({ cwd: dir, config });
    expect(JSON.parse(readFileSync(path.join(dir, 'pkg/package.json'), 'utf8'))).toMatchObject({ name: '@acme/crm-client', version: '2.0.0' });
    expect(result.diagnostics.map((d) => d.code)).not.toContain('SS063');
    // Another config is another input: the incremental check runs again.
    expect((await generate({ cwd: dir, config: { ...config, packageVersion: '2.1.0' } })).outcome).toBe('written');
    // @ts-expect-error packageName is a string
    const bad: UserConfig = { packageName: 42 };
    await expect(generate({ cwd: dir, config: bad })).rejects.toThrow(ConfigError);
    await expect(generate({ cwd: dir, config: { out: 'pkg', input: 'missing' } })).rejects.toThrow(InputError);
  });

  it('abandoned by its signal before the journal: the output stays the previous run’s, no lock or staging left', async () => {
    const dir = workspace();
    await generate({ cwd: dir, input: 'docs', out: 'pkg' });
    const before = readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8');
    const page = path.join(
      dir,
      'docs',
      readdirSync(path.join(dir, 'docs')).find((f) => f.startsWith('003_'))!,
    );
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^(emailformstring.*\n)/m, '$1nicknameformstringNoNickname\n'));
    const controller = new AbortController();
    // Aborted once the model is built, while the files are being rendered and staged.
    const run = generate({ cwd: dir, input: 'docs', out: 'pkg', signal: controller.signal, onDiagnostic: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8')).toBe(before);
    expect(stateFiles(path.join(dir, 'pkg'))).toEqual(['manifest.json']);
    const next = await generate({ cwd: dir, input: 'docs', out: 'pkg' });
    expect(next.outcome).toBe('written');
    expect(readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8')).toContain('"nickname"');
  });
});

describe('inspect(), diff(), crawl()', () => {
  it('inspect returns the model and its diagnostics, writing nothing', async () => {
    const dir = workspace();
    const result = await inspect({ cwd: dir, input: 'docs' });
    expect(result.model.types.map((t) => t.name)).toContain('Customer');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.unusable).toBeUndefined();
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('diff classifies the changes since a base model, and formats them as the CLI does', async () => {
    const dir = workspace();
    await generate({ cwd: dir, input: 'docs', out: 'pkg' });
    const page = path.join(
      dir,
      'docs',
      readdirSync(path.join(dir, 'docs')).find((f) => f.startsWith('003_'))!,
    );
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^emailformstringNo.*\n/m, ''));
    const result = await diff({ cwd: dir, input: 'docs', out: 'pkg', base: 'pkg/api-model.json' });
    expect(result.changes.map((c) => `${c.impact} ${c.subject}`)).toEqual(['breaking SearchCustomer.email']);
    expect(result.counts).toEqual({ breaking: 1, 'non-breaking': 0, docs: 0 });
    expect(formatDiff(result, 'markdown', { cwd: dir })).toMatch(/^### API changes: 1 breaking/);
    expect(JSON.parse(formatDiff(result, 'json', { cwd: dir })).changes[0].sources[0].file).toMatch(/^docs\/003_/);
    await expect(diff({ cwd: dir, input: 'docs', base: 'no-such-file-or-rev' })).rejects.toThrow(UsageError);
  });

  it('crawl refuses a base that is no http(s) URL and bad limits, before fetching anything', async () => {
    const dir = tempDir('booster-api-crawl-');
    await expect(crawl({ baseUrl: 'ftp://example.com/', cwd: dir })).rejects.toThrow(UsageError);
    await expect(crawl({ baseUrl: 'http://127.0.0.1:9/', cwd: dir, concurrency: 0 })).rejects.toThrow('concurrency must be a positive integer');
    expect(readdirSync(dir)).toEqual([]);
  });
});
