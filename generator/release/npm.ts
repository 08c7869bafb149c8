/**
 * npm, run as a child process for the release: the user's own npm, with the user's own config
 * (registry, credentials), so that a release goes where `npm publish` would send it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

export interface NpmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** npm's own script when this runs under npm (`npm run release`), else `npm` on the PATH. */
function npmCommand(): { file: string; prefix: string[]; shell: boolean } {
  const script = process.env.npm_execpath;
  if (script && /npm-cli\.js$/.test(script)) return { file: process.execPath, prefix: [script], shell: false };
  return { file: 'npm', prefix: [], shell: process.platform === 'win32' };
}

/** Runs npm in `cwd`; never throws for npm's own failures (the exit code says), only when npm cannot be started. */
export function npm(args: readonly string[], cwd: string): Promise<NpmResult> {
  const { file, prefix, shell } = npmCommand();
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...prefix, ...args],
      {
        cwd,
        shell,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(new Error(`cannot run npm: ${error.message}`));
        else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** npm's error in one line: its `npm error` lines without the log file's, or the last line it printed. */
export function npmError(r: NpmResult): string {
  const lines = r.stderr
    .split('\n')
    .map((l) => l.replace(/^npm (error|ERR!) ?/, '').trim())
    .filter((l) => l && !/complete log of this run/i.test(l));
  return lines.slice(0, 3).join('; ') || r.stdout.trim().split('\n').at(-1) || `npm exited ${r.code}`;
}

const registryFlag = (registry: string | undefined) => (registry ? ['--registry', registry] : []);

/** The registry npm publishes `name` to: its scope's registry when the user's config names one, else the default one. */
export async function registryFor(name: string, cwd: string): Promise<string> {
  const scope = /^(@[^/]+)\//.exec(name)?.[1];
  if (scope) {
    const scoped = await npm(['config', 'get', `${scope}:registry`], cwd);
    const value = scoped.stdout.trim();
    if (scoped.code === 0 && value && value !== 'undefined' && value !== 'null') return value;
  }
  const r = await npm(['config', 'get', 'registry'], cwd);
  if (r.code !== 0) throw new ReleaseStepError(`npm config get registry: ${npmError(r)}`);
  return r.stdout.trim();
}

/**
 * Whether `name@version` is on the registry: true or false, or the reason the registry could not
 * say (unreachable, unauthorised). A package the registry has never seen is not there (E404).
 */
export async function versionExists(name: string, version: string, registry: string, cwd: string): Promise<boolean | string> {
  const r = await npm(['view', `${name}@${version}`, 'version', '--json', ...registryFlag(registry)], cwd);
  if (r.code === 0) return r.stdout.trim() !== '';
  const code = (() => {
    try {
      return (JSON.parse(r.stdout) as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  })();
  return code === 'E404' ? false : npmError(r);
}

export interface Packed {
  tarball: string;
  name: string;
  version: string;
  size: number;
  files: { path: string; size: number }[];
}

/** `npm pack` of the folder into `destination` (its prepack runs: the package's own guards and build). */
export async function pack(dir: string, destination: string): Promise<Packed> {
  const r = await npm(['pack', '--json', '--pack-destination', destination], dir);
  if (r.code !== 0) throw new ReleaseStepError(`npm pack: ${npmError(r)}`);
  // Scripts run by pack (prepack) may print before the JSON: it is the last value on stdout.
  const json = r.stdout.slice(r.stdout.startsWith('[') ? 0 : r.stdout.lastIndexOf('\n[') + 1);
  const [info] = JSON.parse(json) as { filename: string; name: string; version: string; size: number; files: { path: string; size: number }[] }[];
  if (!info) throw new ReleaseStepError('npm pack made no tarball');
  return { tarball: path.join(destination, info.filename), name: info.name, version: info.version, size: info.size, files: info.files };
}

export async function publish(tarball: string, registry: string, o: { tag?: string; access?: 'public' | 'restricted' }, cwd: string): Promise<void> {
  const flags = [...(o.tag ? ['--tag', o.tag] : []), ...(o.access ? ['--access', o.access] : [])];
  const r = await npm(['publish', tarball, ...registryFlag(registry), ...flags], cwd);
  if (r.code !== 0) throw new ReleaseStepError(`npm publish: ${npmError(r)}`);
}

/** `npm install` in `dir` (the packages named, or its package.json's), from the cache where it can. */
export async function install(dir: string, packages: readonly string[], registry: string | undefined): Promise<void> {
  const r = await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', ...registryFlag(registry), ...packages], dir);
  if (r.code !== 0) throw new ReleaseStepError(`npm install${packages.length ? '' : ' (the package’s dependencies)'}: ${npmError(r)}`);
}

/** A step of the release that failed: the release is refused with its message. */
export class ReleaseStepError extends Error {}
