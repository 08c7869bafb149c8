/**
 * The incremental check: a hash of everything an output depends on (the input pages, the
 * config, the generator's own code and templates). When it matches the manifest of the last
 * run and the files on disk are the ones that run wrote, there is nothing to do. Cheap to
 * import: no parser, no template engine, no formatter.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pushAll } from './arrays.js';
import { GENERATOR_DIR, PACKAGE_ROOT, TEMPLATES_DIR } from './package-root.js';
import { listInputTree } from './read/input-files.js';
import { sha256, stampOf, type FileHashes } from './write-output.js';

/** The generator's files that its hash covers, and the folders listed to find them (each root included). */
export interface GeneratorFiles {
  generatorDir: string;
  templatesDir: string;
  files: string[];
  folders: string[];
  /** When they were listed (Date.now()): what changed after is not in the hash. */
  listedAt: number;
}

/** Adds the generator's files under `dir` to `files`, sorted, and the folders listed to `folders`. */
async function listUnder(dir: string, files: string[], folders: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => undefined);
  if (!entries) return;
  folders.push(dir);
  const found: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) folders.push(path.join(e.parentPath, e.name));
    else if (e.isFile() && /\.([cm]?js|ts|hbs)$/.test(e.name) && !e.name.endsWith('.d.ts')) found.push(path.join(e.parentPath, e.name));
  }
  pushAll(files, found.sort());
}

let generatorHash: Promise<{ hash: string; generator: GeneratorFiles }> | undefined;

/** Hash of the running generator: its modules and its templates. */
function hashGenerator(): Promise<{ hash: string; generator: GeneratorFiles }> {
  generatorHash ??= (async () => {
    const generator: GeneratorFiles = { generatorDir: GENERATOR_DIR, templatesDir: TEMPLATES_DIR, files: [], folders: [], listedAt: Date.now() };
    await listUnder(GENERATOR_DIR, generator.files, generator.folders);
    await listUnder(TEMPLATES_DIR, generator.files, generator.folders);
    const parts = await Promise.all(generator.files.map(async (f) => `${path.relative(PACKAGE_ROOT, f)}\0${sha256(await readFile(f))}`));
    return { hash: sha256(parts.join('\n')), generator };
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

/** What the incremental check hashed: the hash, each page's hash and stamp, and where they were found. */
export interface InputHash {
  hash: string;
  inputs: FileHashes;
  /** The folders listed to find the pages, relative to the input folder (`''` for itself). */
  folders: string[];
  generator: GeneratorFiles;
}

/**
 * Hash of the inputs, the config (its text as read: `configText`, none for the defaults) and the generator, and each page's hash for the next run's
 * manifest. A page whose size and modification time are those `known` recorded is not read again.
 * The pages it reads go into `read`, when given, so that a run that follows need not read them twice.
 */
export async function inputHash(inputDir: string, configText: string | undefined, known: FileHashes = {}, read?: Map<string, Buffer>): Promise<InputHash> {
  const { files, folders } = await listInputTree(inputDir);
  const inputs: FileHashes = {};
  // One after the other, synchronously: a promise per page (1,000s of them) costs several times the reads.
  for (const f of files) inputs[f] = pageHash(inputDir, f, known[f], read);
  const parts = files.map((f) => `${f}\0${inputs[f]!.sha256}`);
  const { hash: generatorHash, generator } = await hashGenerator();
  return { hash: sha256([generatorHash, sha256(configText ?? '(defaults)'), ...parts].join('\n')), inputs, folders, generator };
}
