/**
 * Builds the generated package the way its own package.json says: its dependencies installed when
 * it has any, then its `build` script, or, when it has none, `tsc -p tsconfig.json` (what the
 * repository's `npm run build` runs for output/). Whatever the package's `prepack` adds runs at `npm pack`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { install, npm, npmError, ReleaseStepError } from './npm.js';

interface PackageJson {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: unknown;
}

export async function readPackageJson(dir: string): Promise<PackageJson> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch (e) {
    throw new ReleaseStepError(`${path.join(dir, 'package.json')}: cannot read (${(e as Error).message})`);
  }
}

/** TypeScript's compiler: the project's own (from the working folder), else the generator's. */
function findTsc(cwd: string): string {
  for (const from of [path.join(cwd, 'package.json'), import.meta.url]) {
    try {
      return createRequire(from).resolve('typescript/bin/tsc');
    } catch {
      // not installed there
    }
  }
  throw new ReleaseStepError('the package has no build script and TypeScript is not installed to compile it (npm install --save-dev typescript)');
}

function tsc(dir: string, cwd: string): Promise<void> {
  const compiler = findTsc(cwd);
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [compiler, '-p', 'tsconfig.json'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (!error) resolve();
      else reject(new ReleaseStepError(`tsc -p tsconfig.json: ${stdout.trim().split('\n').slice(0, 5).join('; ') || error.message}`));
    }),
  );
}

/** Where a package is installed for the project (its working folder), else for the generator: its folder. */
function installedFolder(name: string, cwd: string): string | undefined {
  for (const from of [path.join(cwd, 'package.json'), import.meta.url]) {
    try {
      return path.dirname(createRequire(from).resolve(`${name}/package.json`));
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/**
 * The package's build tools (its devDependencies: TypeScript) as the project has them, linked into
 * its node_modules; the names the project lacks are returned, to be installed. The registry a
 * release publishes to need not serve build tools (a private one without uplinks often does not).
 */
async function linkBuildTools(dir: string, cwd: string, names: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const name of names) {
    const folder = installedFolder(name, cwd);
    if (!folder) {
      missing.push(name);
      continue;
    }
    const link = path.join(dir, 'node_modules', name);
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(folder, link, 'junction');
  }
  return missing;
}

/** Builds the package in `dir`; returns what it ran, for the log. */
export async function buildPackage(dir: string, cwd: string, registry: string | undefined): Promise<string> {
  const pkg = await readPackageJson(dir);
  const steps: string[] = [];
  const missing = await linkBuildTools(dir, cwd, Object.keys(pkg.devDependencies ?? {}));
  if (Object.keys(pkg.dependencies ?? {}).length || missing.length) {
    await install(dir, [], registry);
    steps.push('npm install');
  } else if (Object.keys(pkg.devDependencies ?? {}).length) steps.push("the project's build tools");
  if (pkg.scripts?.build) {
    const r = await npm(['run', 'build'], dir);
    if (r.code !== 0) throw new ReleaseStepError(`npm run build: ${npmError(r)}`);
    steps.push('npm run build');
  } else if (existsSync(path.join(dir, 'tsconfig.json'))) {
    await tsc(dir, cwd);
    steps.push('tsc -p tsconfig.json');
  }
  return steps.join(', ') || 'nothing to build';
}
