// Headless Chromium for the browser test of the generated client (test/package/browser.test.ts).
// Debian's `chromium` package is the browser; it is installed here, by the project, where it can
// be (root with apt-get): test tools that download a browser of their own cannot run on machines
// without internet access beyond the registries.
//   node scripts/chromium.js      prints the browser's path, installing it first where it can
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to drive: $CHROMIUM_PATH, else the first installed of the usual paths. */
export function findChromium() {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Installs Debian's chromium when it can (root, apt-get); the browser's path, or why there is none. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return { path: found };
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    return { reason: "no Chromium found (set CHROMIUM_PATH, or install Debian's chromium package: apt-get install chromium)" };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, encoding: 'utf8' });
  let result = install();
  if (result.status !== 0) {
    // A fresh machine's package lists may be missing or stale.
    spawnSync('apt-get', ['update'], { env, encoding: 'utf8' });
    result = install();
  }
  const installed = findChromium();
  return installed
    ? { path: installed }
    : { reason: `apt-get install chromium failed: ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' ')}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = ensureChromium();
  if (result.path) console.log(result.path);
  else {
    console.error(`chromium: ${result.reason}; the browser test will be skipped`);
    process.exitCode = 1;
  }
}
