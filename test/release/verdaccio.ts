/**
 * A throwaway npm registry for the release tests: Verdaccio (a devDependency) on 127.0.0.1, on a
 * free port, with its own storage and config in a temporary folder, and no uplink, so that nothing
 * reaches the internet. Anyone may publish packages of the `@booster-test` scope, nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export const TEST_SCOPE = '@booster-test';

export interface Registry {
  url: string;
  /**
   * The environment npm runs in: the user config names this registry (with a placeholder token:
   * npm publishes nothing without credentials, and Verdaccio takes a token it did not issue for an
   * anonymous user, whom the config lets publish the test scope), and a cache of its own.
   */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const VERDACCIO = path.join(ROOT, 'node_modules/verdaccio/bin/verdaccio');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string): string {
  return `storage: ${JSON.stringify(path.join(dir, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}
    max_users: -1
uplinks: {}
packages:
  '${TEST_SCOPE}/*':
    access: $all
    publish: $anonymous
    unpublish: $anonymous
  '**':
    access: $all
    publish: $authenticated
log: { type: stdout, format: pretty, level: error }
`;
}

/** Stops Verdaccio; it is also killed if the test process ends first (a crash, a timeout), so that none outlives the tests. */
function stopper(child: ChildProcess): () => Promise<void> {
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return () =>
    new Promise((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Starts Verdaccio in `dir`; resolves with the registry, or with why it could not start (the tests are then skipped). */
export async function startVerdaccio(dir: string, timeoutMs = 30_000): Promise<Registry | string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'config.yaml'), config(dir));
  const port = await freePort().catch((e: Error) => e);
  if (port instanceof Error) return `no port to bind on 127.0.0.1 (${port.message})`;
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [VERDACCIO, '--config', path.join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d: Buffer) => (output += d.toString()));
  const stop = stopper(child);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(`${url}-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      writeFileSync(path.join(dir, 'npmrc'), `registry=${url}\n//127.0.0.1:${port}/:_authToken=placeholder-for-anonymous\n`);
      const env = {
        ...process.env,
        npm_config_userconfig: path.join(dir, 'npmrc'),
        npm_config_cache: path.join(dir, 'npm-cache'),
        npm_config_loglevel: 'error',
      };
      return { url, env, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  return `Verdaccio did not start on ${url} within ${timeoutMs} ms: ${output.trim().split('\n').slice(-3).join(' | ') || 'no output'}`;
}
