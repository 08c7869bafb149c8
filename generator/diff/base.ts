/**
 * The model to compare with: an api-model.json file, or the one committed in git (`HEAD` by
 * default). Models written by older generators may lack newer members; they are filled with
 * empty defaults so the comparison never trips over them.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../errors.js';
import type { ApiModel } from '../model/api-model.js';

const run = promisify(execFile);

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The model in `json`, or undefined when it is not one. */
export function parseModel(json: string): ApiModel | undefined {
  let raw: Partial<ApiModel>;
  try {
    raw = JSON.parse(json) as Partial<ApiModel>;
  } catch {
    return undefined;
  }
  if (!raw || !Array.isArray(raw.operations) || !Array.isArray(raw.types)) return undefined;
  return {
    service: raw.service ?? {},
    diagnostics: [],
    operations: raw.operations.map((o) => ({
      ...o,
      tags: list(o.tags),
      routes: list<ApiModel['operations'][number]['routes'][number]>(o.routes).map((r) => ({ ...r, verbs: list(r.verbs), sources: list(r.sources) })),
      auth: { required: Boolean(o.auth?.required), roles: list(o.auth?.roles), permissions: list(o.auth?.permissions) },
      response: o.response ?? { kind: 'untyped' },
      parameters: list(o.parameters),
      sources: list(o.sources),
    })),
    types: raw.types.map((t) => ({
      ...t,
      fields: list<ApiModel['types'][number]['fields'][number]>(t.fields).map((f) => ({ ...f, examples: list(f.examples), sources: list(f.sources) })),
      // A model written before wire values were kept: its members travelled by name.
      enumMembers: list<ApiModel['types'][number]['enumMembers'][number]>(t.enumMembers).map((m) => ({ ...m, wire: m.wire ?? m.name })),
      rules: list(t.rules),
      sources: list(t.sources),
    })),
  };
}

/** Reads `<outDir>/api-model.json`; undefined when absent or unreadable (nothing to compare with). */
export async function readModelFile(file: string): Promise<ApiModel | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseModel(text);
}

/** Why `git show REV:<outDir>/<name>` gave nothing: git missing, no repository, an unknown revision, or the file not committed there. */
export type GitMiss = 'no-git' | 'no-repository' | 'no-revision' | 'not-committed';

/** `<outDir>/<name>` as committed at `ref`, or why there is none. */
export async function committedFile(outDir: string, ref: string, name: string): Promise<{ text: string } | { miss: GitMiss }> {
  // git resolves `REV:./path` against its working folder, which must exist: take the nearest one that does.
  let dir = outDir;
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const gitPath = `./${path.relative(dir, path.join(outDir, name)).split(path.sep).join('/')}`;
  const git = (...args: string[]) => run('git', args, { cwd: dir, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  try {
    return { text: (await git('show', `${ref}:${gitPath}`)).stdout };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') return { miss: 'no-git' };
    if (/not a git repository/i.test(err.stderr ?? '')) return { miss: 'no-repository' };
    const known = await git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).then(
      () => true,
      () => false,
    );
    return { miss: known ? 'not-committed' : 'no-revision' };
  }
}

/**
 * The base for `diff --base`: an existing file, else a git revision at which `<outDir>/api-model.json`
 * is read. `label` names it in reports.
 */
export async function loadBase(spec: string | undefined, outDir: string, cwd: string): Promise<{ model: ApiModel; label: string }> {
  if (spec !== undefined && (await stat(path.resolve(cwd, spec)).catch(() => undefined))?.isFile()) {
    const model = await readModelFile(path.resolve(cwd, spec));
    if (!model) throw new UsageError(`${spec}: not an api-model.json written by booster-codegen`);
    return { model, label: spec };
  }
  const ref = spec ?? 'HEAD';
  const rel = path.relative(cwd, path.join(outDir, 'api-model.json')).split(path.sep).join('/');
  const found = await committedFile(outDir, ref, 'api-model.json');
  if ('miss' in found) throw new UsageError(missMessage(found.miss, { ref, rel, spec, cwd, outDir }));
  const model = parseModel(found.text);
  if (!model) throw new UsageError(`${rel} at ${ref} is not an api-model.json written by booster-codegen`);
  return { model, label: `${ref}:${rel}` };
}

function missMessage(miss: GitMiss, o: { ref: string; rel: string; spec: string | undefined; cwd: string; outDir: string }): string {
  switch (miss) {
    case 'no-git':
      return `cannot run git to read ${o.rel} at ${o.ref}; give --base FILE`;
    case 'no-repository':
      return `${path.relative(o.cwd, o.outDir) || '.'} is not in a git repository, so there is no committed ${o.rel} to compare with; give --base FILE`;
    case 'no-revision':
      return o.spec === undefined
        ? `the repository has no commit yet, so there is no committed ${o.rel} to compare with; give --base FILE`
        : `--base ${o.ref}: neither a file nor a git revision`;
    case 'not-committed':
      return `${o.rel} is not committed at ${o.ref}; generate and commit it first, or give --base FILE`;
  }
}
