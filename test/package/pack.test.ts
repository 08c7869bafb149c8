/**
 * The generated package as its users get it: packed by npm (its prepack builds dist/ with the
 * package's build.mjs), installed from the tarball into a scratch project offline, checked by
 * @arethetypeswrong/cli and publint, then type-checked by consumer projects of every module
 * setting (node16 and nodenext, each as ES module and CommonJS; bundler; TypeScript 5.0, the
 * minimum the README states) and run against a loopback server. Two packages, the seeds'
 * (output/) and a synthetic API's: one tarball each, and one TypeScript program per consumer
 * setting checks both.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { publint } from 'publint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../generator/config.js';
import { BUILD_TYPESCRIPT } from '../../generator/emit/package.js';
import { renderAll } from '../hostile/harness.js';
import { clientMethods, validInstance } from '../hostile/instances.js';
import { ROOT } from '../helpers.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';
import { tempDir } from '../temp-dirs.js';

const run = promisify(execFile);
const quiet = { ...process.env, npm_config_loglevel: 'error', npm_config_audit: 'false', npm_config_fund: 'false' };
const npm = async (args: string[], cwd: string) => (await run('npm', args, { cwd, env: quiet, maxBuffer: 16 * 1024 * 1024 })).stdout;

const SYNTHETIC = { ...DEFAULT_CONFIG, packageName: 'synthetic-api-client', clientName: 'SyntheticClient' };

let work: string;
let consumer: string;
const tarballs: Record<'seeds' | 'synthetic', string> = { seeds: '', synthetic: '' };
/** The synthetic API's first operation: its function, request type and a valid request. */
let synthetic: { method: string; request: string; value: unknown };

/** A package folder whose build finds TypeScript as the package's devDependency would give it. */
function packageFolder(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules/typescript'), path.join(dir, 'node_modules/typescript'), 'dir');
  return dir;
}

async function pack(dir: string): Promise<string> {
  const [packed] = JSON.parse(await npm(['pack', '--json', '--pack-destination', work], dir)) as { filename: string }[];
  return path.join(work, packed!.filename);
}

beforeAll(async () => {
  work = tempDir('booster-pack-');
  const seeds = packageFolder('seeds');
  cpSync(path.join(ROOT, 'output'), seeds, { recursive: true, filter: (src) => !/[\\/](\.booster-codegen|dist|node_modules)$/.test(src) });
  const { model, files } = await renderAll(docsFiles(syntheticDocs({ operations: 6, seed: 2 })), SYNTHETIC);
  const other = packageFolder('synthetic');
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(other, file)), { recursive: true });
    writeFileSync(path.join(other, file), text);
  }
  const op = model.operations[0]!;
  synthetic = { method: clientMethods(model)[0]!, request: model.names!.types.get(op.request)!.id, value: validInstance(model, op.request) };
  [tarballs.seeds, tarballs.synthetic] = await Promise.all([pack(seeds), pack(other)]);
  consumer = path.join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  await npm(['install', '--offline', tarballs.seeds, tarballs.synthetic], consumer);
}, 180_000);

describe('the packed package', () => {
  it('holds dist/ in both formats with their types, the sources, and nothing of the build', async () => {
    const listed = (await run('tar', ['-tzf', tarballs.seeds])).stdout.trim().split('\n').sort();
    for (const f of ['index.js', 'index.d.ts', 'index.cjs', 'index.d.cts', 'operations.js', 'operations.cjs', 'core.d.cts'])
      expect(listed).toContain(`package/dist/${f}`);
    expect(listed.filter((f) => !/^package\/(dist|src)\/[\w.-]+$|^package\/(package\.json|README\.md|CHANGELOG\.md|openapi\.json)$/.test(f))).toEqual([]);
    expect(listed.some((f) => f.endsWith('build.mjs') || f.endsWith('tsconfig.json'))).toBe(false);
  });

  it('builds with the TypeScript the generator is tested with', () => {
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(BUILD_TYPESCRIPT).toBe(own.devDependencies.typescript);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'output/package.json'), 'utf8')).devDependencies).toEqual({ typescript: BUILD_TYPESCRIPT });
  });

  it('@arethetypeswrong/cli finds no problem in any module resolution (seeds, synthetic)', async () => {
    const attw = path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    // Both at once: each is a TypeScript program of its own. attw exits 1 on problems, with its report.
    const reports = await Promise.all(
      Object.values(tarballs).map(async (tarball) => {
        const { stdout } = await run(process.execPath, [attw, tarball, '--format', 'json'], { maxBuffer: 64 * 1024 * 1024 }).catch(
          (e: { stdout: string }) => e,
        );
        return JSON.parse(stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
      }),
    );
    for (const report of reports) {
      expect(report.analysis.problems).toEqual([]);
      expect(Object.keys(report.analysis.entrypoints)).toEqual(['.', './openapi.json', './package.json']);
    }
  }, 60_000);

  it.each(['seeds', 'synthetic'] as const)('%s: publint has nothing to say, suggestions included', async (which) => {
    const bytes = readFileSync(tarballs[which]);
    const { messages } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, strict: true });
    expect(messages).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Consumers: one usage, written for an ES module, a CommonJS module and a bundled program.

const CREATE = {
  privacyPolicyAcceptanceStorage: true,
  canBeContactedByMaison: true,
  clientType: 'PRIVATE',
  countryId: 'it',
  posCode: 'ES100:102048',
  brand: 'CAR',
  title: 'Mr.',
  lastName: 'Rossi',
  languageId: 'ita',
  gender: 'M',
};

/** The usage: both packages, the class and the functions, a typed error; `@ts-expect-error` lines prove the types are no `any`. */
function usage(): string {
  const s = synthetic;
  return `import {
  ApiError,
  BoosterClient,
  bearer,
  createClient,
  createCustomer,
  exportCustomer,
  CreateCustomerSchema,
  type CreateCustomer,
  type Operations,
} from 'booster-api-client';
import { SyntheticClient, bearer as syntheticBearer, createClient as createSyntheticClient, ${s.method}, type ${s.request} } from 'synthetic-api-client';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

export async function main(baseUrl: string): Promise<string> {
  const request: CreateCustomer = ${JSON.stringify(CREATE)};
  if (!CreateCustomerSchema.is(request)) throw new Error('invalid');
  const api = new BoosterClient({ baseUrl, auth: { bearer: async () => 'token-1' } });
  const created: Operations['CreateCustomer']['response'] = await api.createCustomer(request);
  const client = createClient({ baseUrl, auth: bearer('token-1') });
  const { asyncTaskId } = await exportCustomer(client, { brand: 'CAR', posCodes: ['P1'], downloadRequestId: 'r-1' });
  let status = 0;
  try {
    await api.updateCustomer({ ...request, boosterCustomerId: -1 });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    status = e.status;
  }
  const other: ${s.request} = JSON.parse(${JSON.stringify(JSON.stringify(s.value))});
  await new SyntheticClient({ baseUrl, auth: { bearer: 'token-2' } }).${s.method}(other);
  await ${s.method}(createSyntheticClient({ baseUrl, auth: syntheticBearer('token-2') }), other);
  return JSON.stringify({ created, asyncTaskId, status });
}

export function misuse(): void {
  const client = createClient({ baseUrl: 'https://x' });
  // @ts-expect-error the request is a typed DTO
  void createCustomer(client, { brand: 1 });
  // @ts-expect-error the response is typed
  void createCustomer(client, ${JSON.stringify(CREATE)}).then((r) => r.noSuchMember);
}

main(process.env.BASE_URL!).then(
  (out) => console.log(out),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
`;
}

type Ts = typeof ts;
/** TypeScript 5.0 (test/package/typescript-minimum), through the newer one's API, which it shares for what is used here. */
const ts50 = createRequire(import.meta.url)('typescript-minimum') as Ts;

/** A compiler host whose default library files are parsed once per TypeScript, whatever the program. */
function cachingHost(compiler: Ts, options: ts.CompilerOptions, libs: Map<string, ts.SourceFile | undefined>): ts.CompilerHost {
  const host = compiler.createCompilerHost(options);
  const libDir = path.dirname(compiler.getDefaultLibFilePath(options));
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    if (path.dirname(file) !== libDir) return read(file, language, ...rest);
    if (!libs.has(file)) libs.set(file, read(file, language, ...rest));
    return libs.get(file);
  };
  return host;
}

/** Type-checks `files` as one program (emitting into `outDir` when given); returns the diagnostics as text. */
function compile(compiler: Ts, libs: Map<string, ts.SourceFile | undefined>, files: string[], settings: ts.CompilerOptions, outDir?: string): string {
  const options: ts.CompilerOptions = {
    strict: true,
    target: compiler.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    ...settings,
    ...(outDir ? { outDir } : { noEmit: true }),
  };
  const program = compiler.createProgram(files, options, cachingHost(compiler, options, libs));
  const diagnostics = [...compiler.getPreEmitDiagnostics(program), ...(outDir ? program.emit().diagnostics : [])];
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => consumer, getNewLine: () => '\n' };
  return compiler.formatDiagnostics(diagnostics, host);
}

describe('consumer projects', () => {
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];
  const files = { esm: '', cjs: '', bundler: '' };

  beforeAll(async () => {
    for (const [kind, ext] of [
      ['esm', 'mts'],
      ['cjs', 'cts'],
      ['bundler', 'ts'],
    ] as const) {
      files[kind] = path.join(consumer, `${kind}.${ext}`);
      writeFileSync(files[kind], usage());
    }
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/customer') res.end(JSON.stringify({ boosterCustomerId: 42 }));
      else if (req.url === '/customer/CAR/export') res.end(JSON.stringify({ asyncTaskId: '0f8fad5bd9cb469fa16570867728950e' }));
      else if (req.url === '/customer/-1') {
        res.statusCode = 404;
        res.end(JSON.stringify({ responseStatus: { errorCode: 'NotFound', message: 'no such customer' } }));
      } else res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Runs a compiled consumer; resolves to what it printed. */
  async function runs(script: string): Promise<string> {
    seen.length = 0;
    const { stdout } = await run(process.execPath, [script], { cwd: consumer, env: { ...process.env, BASE_URL: baseUrl }, timeout: 20_000 });
    expect(seen.filter((r) => r.includes('/customer'))).toEqual([
      'POST /customer Bearer token-1',
      'POST /customer/CAR/export Bearer token-1',
      'PUT /customer/-1 Bearer token-1',
    ]);
    expect(seen.filter((r) => !r.includes('/customer'))).toEqual([expect.stringMatching(/ Bearer token-2$/), expect.stringMatching(/ Bearer token-2$/)]);
    return stdout;
  }
  const expected = '{"created":{"boosterCustomerId":42},"asyncTaskId":"0f8fad5bd9cb469fa16570867728950e","status":404}\n';

  const libs = new Map<string, ts.SourceFile | undefined>();
  const libs50 = new Map<string, ts.SourceFile | undefined>();

  it(`nodenext (TypeScript ${ts.versionMajorMinor}): an ES module and a CommonJS one compile and run`, async () => {
    const out = path.join(consumer, 'out');
    const settings = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
    expect(compile(ts, libs, [files.esm, files.cjs], settings, out)).toBe('');
    expect(await runs(path.join(out, 'esm.mjs'))).toBe(expected);
    expect(await runs(path.join(out, 'cjs.cjs'))).toBe(expected);
  }, 60_000);

  it(`node16 (TypeScript ${ts.versionMajorMinor}): an ES module and a CommonJS one compile`, () => {
    expect(compile(ts, libs, [files.esm, files.cjs], { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 })).toBe('');
  }, 60_000);

  it(`bundler (TypeScript ${ts.versionMajorMinor}): compiles, and runs bundled by esbuild`, async () => {
    expect(compile(ts, libs, [files.bundler], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler })).toBe('');
    const bundle = path.join(consumer, 'bundle.mjs');
    await build({ entryPoints: [files.bundler], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'silent' });
    expect(await runs(bundle)).toBe(expected);
  }, 60_000);

  it(`TypeScript ${ts50.version} (the stated minimum): nodenext ES module and CommonJS, and bundler, compile`, () => {
    const nodenext = { module: ts50.ModuleKind.NodeNext, moduleResolution: ts50.ModuleResolutionKind.NodeNext };
    expect(compile(ts50, libs50, [files.esm, files.cjs], nodenext)).toBe('');
    const bundler = { module: ts50.ModuleKind.ESNext, moduleResolution: ts50.ModuleResolutionKind.Bundler };
    expect(compile(ts50, libs50, [files.bundler], bundler)).toBe('');
  }, 60_000);
});

describe('tree-shaking, as a consumer bundles the installed package', () => {
  /** The minified bundle of a program importing from the package. */
  async function bundled(program: string): Promise<string> {
    const entry = path.join(consumer, `shake-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(entry, program);
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
    return result.outputFiles[0]!.text;
  }

  it('a program that imports one schema gets no client and no other schema', async () => {
    const code = await bundled("import { EmailSchema } from 'booster-api-client';\nconsole.log(EmailSchema.is({}));\n");
    expect(code).toContain('"Email"');
    expect(code).not.toContain('CreateCustomer');
    expect(code).not.toMatch(/\bfetch\b/);
  });

  it('a program that calls one operation function gets that operation and no validator', async () => {
    const code = await bundled(
      "import { createClient, createCustomer } from 'booster-api-client';\ncreateCustomer(createClient({ baseUrl: 'https://x' }), {}).then(console.log);\n",
    );
    expect(code).toContain('"/customer"');
    expect(code).not.toContain('/customer/{brand}/export');
    // Strings only the validators hold: their vendor name and their messages.
    expect(code).not.toContain('booster-codegen');
    expect(code).not.toContain('expected a string');
  });
});
