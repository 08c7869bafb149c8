import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });

let work: string;
let tarball: string;
let consumer: string;

/** Builds output/ as `npm run build` does, packs it, and installs the tarball into a fresh project, offline. */
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'booster-pack-'));
  const pkg = path.join(work, 'pkg');
  cpSync(path.join(ROOT, 'output'), pkg, { recursive: true, filter: (src) => !src.includes('.booster-codegen') && !src.includes(`${path.sep}dist`) });
  execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: pkg });
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], pkg)) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, packed[0]!.filename);
  consumer = path.join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-audit', '--no-fund', tarball], consumer);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published package', () => {
  it('contains exactly what a consumer needs', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listed).toContain('package/dist/index.js');
    expect(listed).toContain('package/dist/index.d.ts');
    expect(listed).toContain('package/dist/client.js');
    expect(listed).toContain('package/openapi.json');
    expect(listed).toContain('package/README.md');
    expect(listed.filter((f) => !/^package\/(dist|src)\/[\w.-]+$|^package\/(package\.json|README\.md|openapi\.json)$/.test(f))).toEqual([]);
    expect(readdirSync(path.join(consumer, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['booster-api-client']);
  });

  it('type-checks a usage file under tsc --strict, and runs it against a loopback server', async () => {
    const usage = `
import { BoosterClient, CreateCustomerSchema, ApiError, type CreateCustomer, type Operations } from 'booster-api-client';
const api = new BoosterClient({ baseUrl: process.env.BASE_URL!, auth: { bearer: async () => 'token-1' } });
const request: CreateCustomer = {
  privacyPolicyAcceptanceStorage: true, canBeContactedByMaison: true, clientType: 'PRIVATE', countryId: 'it',
  posCode: 'ES100:102048', brand: 'CAR', title: 'Mr.', lastName: 'Rossi', languageId: 'ita', gender: 'M',
};
if (!CreateCustomerSchema.is(request)) throw new Error('invalid');
const created: Operations['CreateCustomer']['response'] = await api.createCustomer(request);
const { asyncTaskId } = await api.exportCustomer({ brand: 'CAR', posCodes: ['ES100:102048'], downloadRequestId: 'r-1' });
try { await api.updateCustomer({ ...request, boosterCustomerId: -1 }); } catch (e) { if (!(e instanceof ApiError)) throw e; console.log('status', e.status); }
console.log(JSON.stringify({ created, asyncTaskId }));
`;
    writeFileSync(path.join(consumer, 'usage.ts'), usage);
    execFileSync(
      process.execPath,
      [
        TSC,
        '--strict',
        '--noEmit',
        '--skipLibCheck',
        'false',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        '--typeRoots',
        path.join(ROOT, 'node_modules/@types'),
        'usage.ts',
      ],
      { cwd: consumer },
    );
    execFileSync(
      process.execPath,
      [
        TSC,
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        '--typeRoots',
        path.join(ROOT, 'node_modules/@types'),
        'usage.ts',
      ],
      { cwd: consumer },
    );

    const seen: string[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/customer') res.end(JSON.stringify({ boosterCustomerId: 42 }));
      else if (req.url === '/customer/CAR/export') res.end(JSON.stringify({ asyncTaskId: '0f8fad5bd9cb469fa16570867728950e' }));
      else {
        res.statusCode = 404;
        res.end(JSON.stringify({ responseStatus: { errorCode: 'NotFound', message: 'no such customer' } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['usage.js'], { cwd: consumer, env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}` } });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          code === 0 ? resolve(out) : reject(new Error(`usage.js exited ${code}: ${out}`));
        });
      });
      expect(output).toContain('status 404');
      expect(output).toContain('{"created":{"boosterCustomerId":42},"asyncTaskId":"0f8fad5bd9cb469fa16570867728950e"}');
      expect(seen).toEqual(['POST /customer Bearer token-1', 'POST /customer/CAR/export Bearer token-1', 'PUT /customer/-1 Bearer token-1']);
    } finally {
      server.close();
    }
  }, 60_000);

  it('tree-shakes: a bundle that imports only a schema does not contain the client', async () => {
    writeFileSync(
      path.join(consumer, 'schema-only.js'),
      "import { CreateCustomerSchema } from 'booster-api-client';\nconsole.log(CreateCustomerSchema.is({}));\n",
    );
    const result = await build({
      entryPoints: [path.join(consumer, 'schema-only.js')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      absWorkingDir: consumer,
      mainFields: ['module', 'main'],
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('CreateCustomer');
    expect(code).not.toContain('BoosterClient');
    expect(code).not.toMatch(/\bfetch\(/);
  });
});
