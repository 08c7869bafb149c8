// The fast path of a no-op `generate` (generator/up-to-date/): it answers only when nothing the
// output depends on changed, falls through to the full run on any change or doubt, and when it
// answers, says exactly what the full run says.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerUpToDate, type Installation } from '../../generator/up-to-date/answer.js';
import { RECORD_FILE } from '../../generator/up-to-date/record.js';
import { RACY_MS, writeUpToDateRecord, type RecordedRun } from '../../generator/up-to-date/write-record.js';
import { STATE_DIR, stampOf, type Manifest } from '../../generator/write-output.js';
import { INPUT, ROOT } from '../helpers.js';

const CONFIG = '{ "input": "docs", "out": "out" }\n';
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

/** Writes `files` under `dir` (folders made as needed). */
function put(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/**
 * A generator, docs, config and output in a fresh folder, with the record a run left. Their times
 * are set long ago, so that any edit moves them; the run is taken to start a minute from now, so
 * that all of them count as settled (their status-change times, which cannot be set back, are now).
 */
async function recordedTree() {
  const root = mkdtempSync(path.join(tmpdir(), 'booster-up-to-date-'));
  const at = (...parts: string[]) => path.join(root, ...parts);
  put(root, {
    'gen/cli.js': 'generator\n',
    'gen/emit/types.js': 'emitter\n',
    'tpl/types.ts.hbs': '{{name}}\n',
    'docs/001_UpdateCustomer.txt': 'UpdateCustomer page\n',
    'docs/html/002_CreateCustomer.html': '<h2>CreateCustomer</h2>\n',
    'out/src/index.ts': 'export {};\n',
    'out/openapi.json': '{}\n',
    'codegen.config.json': CONFIG,
  });
  const folders = ['gen', 'gen/emit', 'tpl', 'docs', 'docs/html'];
  for (const rel of ['gen/cli.js', 'gen/emit/types.js', 'tpl/types.ts.hbs', 'docs/001_UpdateCustomer.txt', 'docs/html/002_CreateCustomer.html', ...folders])
    utimesSync(at(rel), LONG_AGO, LONG_AGO);
  const inputs = Object.fromEntries(
    ['001_UpdateCustomer.txt', 'html/002_CreateCustomer.html'].map((f) => [f, { stamp: stampOf(statSync(at('docs', f))), sha256: 'hashed by the run' }]),
  );
  const outputs = ['openapi.json', 'src/index.ts'];
  const manifest: Manifest = {
    inputHash: 'hash of the run',
    inputs,
    files: Object.fromEntries(outputs.map((f) => [f, 'sha256 of the file'])),
    stamps: Object.fromEntries(outputs.map((f) => [f, stampOf(statSync(at('out', f)))])),
    diagnostics: { error: 0, warning: 2, info: 1 },
  };
  put(root, { [`out/${STATE_DIR}/manifest.json`]: JSON.stringify(manifest) });
  const later = Date.now() + 60_000;
  const run: RecordedRun = {
    outDir: at('out'),
    inputDir: at('docs'),
    configText: CONFIG,
    inputs,
    folders: ['', 'html'],
    generator: {
      generatorDir: at('gen'),
      templatesDir: at('tpl'),
      files: [at('gen/cli.js'), at('gen/emit/types.js'), at('tpl/types.ts.hbs')],
      folders: folders.slice(0, 3).map((f) => at(f)),
      listedAt: later,
    },
    manifest,
    startedAt: later,
  };
  expect(await writeUpToDateRecord(run)).toBe(true);
  const installation: Installation = { generatorDir: at('gen'), templatesDir: at('tpl') };
  /** What the fast path answers for `args` run in the folder: the exit code and what it printed, or undefined. */
  const answer = (args: string[], where = installation) => {
    let printed = '';
    const exitCode = answerUpToDate(args, root, where, (text) => void (printed += text));
    return exitCode === undefined ? undefined : { exitCode, printed };
  };
  return { root, at, run, answer };
}

const UP_TO_DATE = 'out/ is up to date: the docs, config and generator have not changed (0 error(s), 2 warning(s) last time; --force regenerates)\n';

describe('the fast path, when nothing changed', () => {
  it.each([
    [['generate'], 0, UP_TO_DATE],
    [['generate', '--quiet'], 0, ''],
    [['generate', '--check'], 0, UP_TO_DATE],
    [['generate', '--strict'], 1, `${UP_TO_DATE}booster-codegen: --strict: 2 warning(s) and error(s)\n`],
    [['generate', '--strict', '--quiet'], 1, 'booster-codegen: --strict: 2 warning(s) and error(s)\n'],
    [['generate', '--input=docs', '--out', 'out', '--config', 'codegen.config.json', '--verbose'], 0, UP_TO_DATE],
  ])('answers %j with exit code %i', async (args, exitCode, printed) => {
    const { answer } = await recordedTree();
    expect(answer(args)).toEqual({ exitCode, printed });
  });

  it('names the output folder as the working folder sees it, and reports the errors of the last run (exit 1)', async () => {
    const { at, run, answer } = await recordedTree();
    await writeUpToDateRecord({ ...run, manifest: { ...run.manifest, diagnostics: { error: 3, warning: 0, info: 0 } } });
    expect(answer(['generate', '--out', '../' + path.basename(path.dirname(at('out'))) + '/out'])).toEqual({
      exitCode: 1,
      printed:
        'out/ is up to date: the docs, config and generator have not changed (3 error(s), 0 warning(s) last time; --force regenerates)\nbooster-codegen: 3 error(s) in the docs\n',
    });
  });
});

describe('the fast path falls through to the full run', () => {
  it.each<[string, (at: (...parts: string[]) => string) => void]>([
    ['a page edited in place, keeping its size', (at) => writeFileSync(at('docs/001_UpdateCustomer.txt'), 'UpdateCustomer PAGE\n')],
    ['a page touched (the full run finds the same hash)', (at) => utimesSync(at('docs/001_UpdateCustomer.txt'), new Date(), new Date())],
    ['a page added', (at) => writeFileSync(at('docs/003_ExportCustomer.txt'), 'ExportCustomer\n')],
    ['a page added in a subfolder', (at) => writeFileSync(at('docs/html/003_ExportCustomer.html'), 'ExportCustomer\n')],
    ['a subfolder added', (at) => mkdirSync(at('docs/json'))],
    ['a page removed', (at) => rmSync(at('docs/html/002_CreateCustomer.html'))],
    ['a page renamed', (at) => renameSync(at('docs/001_UpdateCustomer.txt'), at('docs/009_UpdateCustomer.txt'))],
    ['a page replaced by another of the same size and time', (at) => replaceKeepingTimes(at('docs/001_UpdateCustomer.txt'), 'updatecustomer page\n')],
    ['the config edited', (at) => writeFileSync(at('codegen.config.json'), CONFIG.replace('{ ', '{ "packageName": "x", '))],
    ['the config reformatted (its text is what the full run hashes)', (at) => writeFileSync(at('codegen.config.json'), CONFIG.replaceAll(' ', ''))],
    ['the config removed', (at) => rmSync(at('codegen.config.json'))],
    ['the generator rebuilt', (at) => writeFileSync(at('gen/emit/types.js'), 'emitter, rebuilt\n')],
    ['a module added to the generator', (at) => writeFileSync(at('gen/emit/client.js'), 'client\n')],
    ['a template edited', (at) => writeFileSync(at('tpl/types.ts.hbs'), '{{Name}}\n')],
    ['a generated file edited', (at) => writeFileSync(at('out/src/index.ts'), 'export {}; \n')],
    ['a generated file deleted', (at) => rmSync(at('out/openapi.json'))],
    ['a lock held', (at) => writeFileSync(at('out', STATE_DIR, 'lock'), `${process.pid}\n`)],
    ['an unfinished write (journal)', (at) => writeFileSync(at('out', STATE_DIR, 'journal.json'), '{"moves":[],"removals":[],"staging":"staging-1"}')],
    ['a staging folder left by a killed run', (at) => mkdirSync(at('out', STATE_DIR, 'staging-999999'))],
    ['the manifest rewritten', (at) => writeFileSync(at('out', STATE_DIR, 'manifest.json'), readFileSync(at('out', STATE_DIR, 'manifest.json')))],
    ['the manifest removed', (at) => rmSync(at('out', STATE_DIR, 'manifest.json'))],
    ['the record damaged', (at) => writeFileSync(at('out', STATE_DIR, RECORD_FILE), readFileSync(at('out', STATE_DIR, RECORD_FILE)).subarray(0, -8))],
    ['the record removed', (at) => rmSync(at('out', STATE_DIR, RECORD_FILE))],
  ])('on %s', async (_, change) => {
    const { at, answer } = await recordedTree();
    expect(answer(['generate'])).toBeDefined();
    change(at);
    expect(answer(['generate'])).toBeUndefined();
    expect(answer(['generate', '--quiet', '--check'])).toBeUndefined();
  });

  it('for another installation of the generator, or other docs given', async () => {
    const { at, answer } = await recordedTree();
    expect(answer(['generate'], { generatorDir: at('tpl'), templatesDir: at('tpl') })).toBeUndefined();
    expect(answer(['generate'], { generatorDir: at('gen'), templatesDir: at('gen') })).toBeUndefined();
    cpSync(at('docs'), at('docs2'), { recursive: true });
    expect(answer(['generate', '--input', 'docs2'])).toBeUndefined();
    expect(answer(['generate', '--config', 'missing.json'])).toBeUndefined();
  });

  it.each([
    [['generate', '--force']],
    [['generate', '--watch']],
    [['generate', '--no-bump']],
    [['generate', '--base', 'HEAD']],
    [['generate', '--no-quiet']],
    [['generate', '--quiet=true']],
    [['generate', '--quiet', 'false']],
    [['generate', '--quiet', '--quiet']],
    [['generate', '--input']],
    [['generate', '--input=']],
    [['generate', '--input', '--quiet']],
    [['generate', '--input', 'docs', '--input', 'docs']],
    [['generate', 'docs']],
    [['generate', '-h']],
    [['generate', '--help']],
    [['generate', '--version']],
    [['--quiet', 'generate']],
    [['inspect']],
    [[]],
  ])('for the command line %j', async (args) => {
    const { answer } = await recordedTree();
    expect(answer(args)).toBeUndefined();
  });
});

describe('the record', () => {
  it('is not written when what the run read may have changed in the same tick of the clock', async () => {
    const { at, run } = await recordedTree();
    rmSync(at('out', STATE_DIR, RECORD_FILE));
    // The generator's folders were made just now: a run that started now cannot trust their stamps.
    expect(await writeUpToDateRecord({ ...run, startedAt: Date.now(), generator: { ...run.generator, listedAt: Date.now() } })).toBe(false);
    expect(existsSync(at('out', STATE_DIR, RECORD_FILE))).toBe(false);
  });

  it('is not written when a path it would name is gone', async () => {
    const { at, run } = await recordedTree();
    rmSync(at('out', STATE_DIR, RECORD_FILE));
    rmSync(at('gen/cli.js'));
    expect(await writeUpToDateRecord(run)).toBe(false);
    expect(existsSync(at('out', STATE_DIR, RECORD_FILE))).toBe(false);
  });
});

/** Replaces `file` by a rename, with the same size and times: only its inode tells. */
function replaceKeepingTimes(file: string, text: string): void {
  const { atime, mtime } = statSync(file);
  writeFileSync(`${file}.new`, text);
  utimesSync(`${file}.new`, atime, mtime);
  renameSync(`${file}.new`, file);
}

describe('bin/booster-codegen.js', () => {
  const BIN = path.join(ROOT, 'bin/booster-codegen.js');
  const INSTALLED: Installation = { generatorDir: path.join(ROOT, 'dist/generator'), templatesDir: path.join(ROOT, 'templates') };
  const cli = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('answers a no-op from the record exactly as the full run does (stdout, stderr, exit code)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booster-up-to-date-bin-'));
    cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
    // What the run reads must be older than the run by RACY_MS for its record to be written.
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 200));
    const record = path.join(dir, 'pkg', STATE_DIR, RECORD_FILE);
    expect(cli(['generate', '--quiet', '--input', 'docs', '--out', 'pkg'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(record)).toBe(true);
    for (const extra of [[], ['--quiet'], ['--strict'], ['--strict', '--quiet'], ['--check']]) {
      const args = ['generate', '--input', 'docs', '--out', 'pkg', ...extra];
      expect(
        answerUpToDate(args, dir, INSTALLED, () => {}),
        `the fast path answers ${extra.join(' ')}`,
      ).toBeDefined();
      const fast = cli(args, dir);
      rmSync(record);
      const full = cli(args, dir);
      expect(fast, extra.join(' ')).toEqual(full);
      // The full run leaves the record again (a check writes nothing: the run after it does).
      if (!existsSync(record)) cli(['generate', '--quiet', '--input', 'docs', '--out', 'pkg'], dir);
    }
    expect(cli(['generate', '--strict', '--input', 'docs', '--out', 'pkg'], dir)).toMatchObject({ code: 1 });
    // A page edited: the fast path steps aside and the full run writes.
    const page = path.join(dir, 'docs/002_893a8cf0c7c0b088.txt');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Create customer', 'Create Customer'));
    expect(cli(['generate', '--input', 'docs', '--out', 'pkg'], dir).stderr).toContain('wrote pkg/src/client.ts');
  }, 60_000);
});
