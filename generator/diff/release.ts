/**
 * What `generate` releases when the docs changed: the next package version and a CHANGELOG.md
 * entry, both derived from the diff between the last release's model and the new one. The last
 * release is the output as committed in git (`HEAD`, or the revision `--base` names); where the
 * output is not committed, the last generated one on disk. Against a commit, runs while the docs
 * are being edited rewrite one pending entry rather than stacking bumps, and the committed docs
 * give back the committed output. The version follows semver as the package's users feel it:
 *   - from 1.0.0: breaking → major, non-breaking → minor, documentation only → patch;
 *   - before 1.0.0 (where semver promises nothing): breaking → minor, anything else → patch.
 * A bump starts from the version in <out>/package.json (or its CHANGELOG.md's newest entry, when
 * higher), or the config's packageVersion when there is none or the config's is higher (so a
 * version set by hand, in either place, is kept), and drops any pre-release tag. Comparing with the model on disk makes a second run with the same docs a no-op.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CodegenConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { ApiModel } from '../model/api-model.js';
import { committedFile, parseModel } from './base.js';
import { countByImpact, diffModels, renamesOf, type Change } from './compare.js';
import { markdownSections, summary, type ReportOptions } from './report.js';

export type Bump = 'major' | 'minor' | 'patch';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parse(v: string): { nums: [number, number, number]; pre?: string } | undefined {
  const m = SEMVER.exec(v.trim());
  return m ? { nums: [Number(m[1]), Number(m[2]), Number(m[3])], ...(m[4] ? { pre: m[4] } : {}) } : undefined;
}

/** The higher of the version on disk and the configured one; the configured one when either is not semver. */
export function startVersion(onDisk: string | undefined, configured: string): string {
  const a = onDisk === undefined ? undefined : parse(onDisk);
  const b = parse(configured);
  if (!a || !b) return configured;
  const byNumbers = a.nums[0] - b.nums[0] || a.nums[1] - b.nums[1] || a.nums[2] - b.nums[2];
  // A release is higher than its pre-releases.
  const cmp = byNumbers || (a.pre === b.pre ? 0 : !a.pre ? 1 : !b.pre ? -1 : a.pre < b.pre ? -1 : 1);
  return cmp > 0 ? onDisk! : configured;
}

/**
 * The version the output last released: package.json's, or the newest CHANGELOG.md entry's when
 * that is higher. An output left by a run killed mid-write (before recovery came first) could hold
 * a CHANGELOG entry for a version its package.json never got; the entry's version is the released one.
 */
export function releasedVersion(packageVersion: string | undefined, changelog: string | undefined): string | undefined {
  const entry = changelog === undefined ? undefined : /^## (\S+)/m.exec(changelog)?.[1];
  if (entry === undefined || !parse(entry)) return packageVersion;
  return packageVersion === undefined ? entry : startVersion(entry, packageVersion);
}

export function bumpFor(changes: readonly Change[], version: string): Bump | undefined {
  if (!changes.length) return undefined;
  const c = countByImpact(changes);
  const preOne = parse(version)?.nums[0] === 0;
  if (c.breaking) return preOne ? 'minor' : 'major';
  return c['non-breaking'] && !preOne ? 'minor' : 'patch';
}

export function bumpVersion(version: string, bump: Bump): string {
  const v = parse(version);
  if (!v)
    throw new UsageError(
      `package version '${version}' is not a semantic version (x.y.z), so it cannot be bumped; set packageVersion in the config, or pass --no-bump`,
    );
  const [major, minor, patch] = v.nums;
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

const HEADER = `# Changelog

<!-- \`booster-codegen generate\` adds an entry whenever the API docs change. Versions: from 1.0.0,
breaking → major, non-breaking → minor, documentation only → patch; before 1.0.0, breaking → minor,
anything else → patch. Entries below are yours to edit. -->
`;

export function changelogEntry(version: string, previous: string, changes: readonly Change[], o: ReportOptions): string {
  return `## ${version}\n\n${summary(changes)} since ${previous}, in the docs under \`${o.inputDir || '.'}\`.\n\n${markdownSections(changes, o, 3)}`;
}

/** The changelog with `entry` first, above any earlier entry; whatever precedes them is kept. */
export function prependEntry(existing: string | undefined, entry: string): string {
  if (existing === undefined || !existing.trim()) return `${HEADER}\n${entry}`;
  const first = existing.search(/^## /m);
  return first < 0 ? `${existing.trimEnd()}\n\n${entry}` : `${existing.slice(0, first)}${entry}\n${existing.slice(first)}`;
}

export interface Release {
  /** The version the package gets in this run. */
  version: string;
  /** The version it had (or the configured one when higher). */
  previous: string;
  changes: Change[];
  /** CHANGELOG.md as it must be after this run; undefined when there is none. */
  changelog?: string;
  /** What the release was computed against: `HEAD:output/`, another revision, or the output on disk. */
  base: string;
}

/** A released output as the versioning reads it. */
interface Released {
  model?: ApiModel;
  packageVersion?: string;
  changelog?: string;
}

/**
 * The version and changelog entry of this run. `baseRef`: the git revision of the last release
 * (default `HEAD`, when the output is committed there); `bump: false` keeps the version on disk.
 */
export async function planRelease(
  outDir: string,
  model: ApiModel,
  config: CodegenConfig,
  bump: boolean,
  o: Omit<ReportOptions, 'base'>,
  baseRef?: string,
): Promise<Release> {
  const committed = bump ? await committedRelease(outDir, baseRef) : undefined;
  // The model on disk is the base only where none is committed (at 10,000 operations it is 70 MB of JSON).
  const onDisk = await readReleased((name) => readFile(path.join(outDir, name), 'utf8').catch(() => undefined), bump && !committed);
  const base = committed?.released ?? onDisk;
  const previous = startVersion(releasedVersion(base.packageVersion, base.changelog), config.packageVersion);
  // The changelog as the user has it, less the entries of versions after the last release (an earlier run's pending entry).
  const stripped = committed ? withoutEntriesAfter(onDisk.changelog, previous) : onDisk.changelog;
  // A changelog left with no entry where the release had none is no file (the committed output had none).
  const kept = committed && !committed.released.changelog && !/^## /m.test(stripped ?? '') ? undefined : stripped;
  const changes = base.model ? diffModels(base.model, model, renamesOf(config)) : [];
  const level = bumpFor(changes, previous);
  const label = committed?.label ?? 'the output on disk';
  if (!level) return { version: previous, previous, changes, ...(kept !== undefined ? { changelog: kept } : {}), base: label };
  const version = bumpVersion(previous, level);
  const entry = changelogEntry(version, previous, changes, { ...o, base: previous });
  return { version, previous, changes, changelog: prependEntry(kept, entry), base: label };
}

async function readReleased(read: (name: string) => Promise<string | undefined>, withModel: boolean): Promise<Released> {
  const [pkg, changelog, model] = await Promise.all([read('package.json'), read('CHANGELOG.md'), withModel ? read('api-model.json') : undefined]);
  let packageVersion: unknown;
  try {
    packageVersion = pkg === undefined ? undefined : (JSON.parse(pkg) as { version?: unknown }).version;
  } catch {
    packageVersion = undefined;
  }
  const parsed = model === undefined ? undefined : parseModel(model);
  return {
    ...(parsed ? { model: parsed } : {}),
    ...(typeof packageVersion === 'string' ? { packageVersion } : {}),
    ...(changelog !== undefined ? { changelog } : {}),
  };
}

/**
 * The release committed at `ref` (default HEAD): undefined when the output's model is not committed
 * there (no git, no repository, a new output), and then the output on disk is the base. A
 * revision named by `--base` must hold it.
 */
async function committedRelease(outDir: string, ref: string | undefined): Promise<{ released: Released; label: string } | undefined> {
  const rev = ref ?? 'HEAD';
  const model = await committedFile(outDir, rev, 'api-model.json');
  if ('miss' in model) {
    if (ref === undefined) return undefined;
    throw new UsageError(
      `--base ${ref}: ${model.miss === 'not-committed' ? 'the output is not committed at that revision' : 'not a git revision of this repository'}`,
    );
  }
  const files = new Map([['api-model.json', model.text]]);
  for (const name of ['package.json', 'CHANGELOG.md']) {
    const found = await committedFile(outDir, rev, name);
    if ('text' in found) files.set(name, found.text);
  }
  return { released: await readReleased(async (name) => files.get(name), true), label: `${rev}:${path.basename(outDir)}/` };
}

/** The changelog without its leading entries for versions above `version` (semver order); whatever precedes the entries is kept. */
export function withoutEntriesAfter(changelog: string | undefined, version: string): string | undefined {
  if (changelog === undefined) return undefined;
  let text = changelog;
  for (;;) {
    const first = /^## (\S+)[^\n]*\n/m.exec(text);
    if (!first || startVersion(first[1]!, version) === version) return text;
    const next = text.slice(first.index + first[0].length).search(/^## /m);
    text = next < 0 ? text.slice(0, first.index).trimEnd() + '\n' : text.slice(0, first.index) + text.slice(first.index + first[0].length + next);
  }
}
