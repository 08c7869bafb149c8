/**
 * The incremental check: a hash of everything an output depends on (the input pages, the
 * config, the generator's own code and templates). When it matches the manifest of the last
 * run and the files on disk are the ones that run wrote, there is nothing to do. Cheap to
 * import: no parser, no template engine, no formatter.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { GENERATOR_DIR, PACKAGE_ROOT, TEMPLATES_DIR } from './package-root.js';
import { listInputFiles } from './read/input-files.js';
import { sha256, stampOf, type FileHashes } from './write-output.js';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.([cm]?js|ts|hbs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

let generatorHash: Promise<string> | undefined;

/** Hash of the running generator: its modules and its templates. */
function hashGenerator(): Promise<string> {
  generatorHash ??= (async () => {
    const files = [...(await filesUnder(GENERATOR_DIR)), ...(await filesUnder(TEMPLATES_DIR))];
    const parts = await Promise.all(files.map(async (f) => `${path.relative(PACKAGE_ROOT, f)}\0${sha256(await readFile(f))}`));
    return sha256(parts.join('\n'));
  })();
  return generatorHash;
}

/**
 * One page's stamp and hash; the bytes it reads go into `read`. A page that cannot be read (a
 * symlink loop, no permission) is hashed as its error, so the run goes on and reading reports it
 * (SS001); when it becomes readable, its hash changes.
 */
function pageHash(inputDir: string, file: string, cached: FileHashes[string] | undefined, read: Map<string, Buffer> | undefined): FileHashes[string] {
  const full = path.join(inputDir, file);
  try {
    const stamp = stampOf(statSync(full));
    if (cached?.stamp === stamp) return cached;
    const bytes = readFileSync(full);
    read?.set(file, bytes);
    return { stamp, sha256: sha256(bytes) };
  } catch (e) {
    return { stamp: '', sha256: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

/**
 * Hash of the inputs, the config (its text as read: `configText`, none for the defaults) and the generator, and each page's hash for the next run's
 * manifest. A page whose size and modification time are those `known` recorded is not read again.
 * The pages it reads go into `read`, when given, so that a run that follows need not read them twice.
 */
export async function inputHash(
  inputDir: string,
  configText: string | undefined,
  known: FileHashes = {},
  read?: Map<string, Buffer>,
): Promise<{ hash: string; inputs: FileHashes }> {
  const files = await listInputFiles(inputDir);
  const inputs: FileHashes = {};
  // One after the other, synchronously: a promise per page (1,000s of them) costs several times the reads.
  for (const f of files) inputs[f] = pageHash(inputDir, f, known[f], read);
  const parts = files.map((f) => `${f}\0${inputs[f]!.sha256}`);
  return { hash: sha256([await hashGenerator(), sha256(configText ?? '(defaults)'), ...parts].join('\n')), inputs };
}
