import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI tests run the built generator (the bundle the bin starts), as users do; build it once first. */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  // npm's own script, so that the tests build exactly what `npm install` builds.
  const npm = process.env.npm_execpath;
  if (npm) execFileSync(process.execPath, [npm, 'run', '-s', 'build:generator'], { cwd: root, stdio: 'inherit' });
  else execFileSync('npm', ['run', '-s', 'build:generator'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}
