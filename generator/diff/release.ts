/**
 * What `generate` releases when the docs changed: the next package version and a CHANGELOG.md
 * entry, both derived from the diff between the model on disk (the last generated one) and the
 * new model. The version follows semver as the package's users feel it:
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
import { readModelFile } from './base.js';
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
}

/** Compares the new model with the one in `outDir` and decides the version and changelog. */
export async function planRelease(outDir: string, model: ApiModel, config: CodegenConfig, bump: boolean, o: Omit<ReportOptions, 'base'>): Promise<Release> {
  const [onDisk, changelog, previousModel] = await Promise.all([
    readFile(path.join(outDir, 'package.json'), 'utf8').then(
      (t) => (JSON.parse(t) as { version?: unknown }).version,
      () => undefined,
    ),
    readFile(path.join(outDir, 'CHANGELOG.md'), 'utf8').catch(() => undefined),
    bump ? readModelFile(path.join(outDir, 'api-model.json')) : undefined,
  ]);
  const previous = startVersion(releasedVersion(typeof onDisk === 'string' ? onDisk : undefined, changelog), config.packageVersion);
  const changes = previousModel ? diffModels(previousModel, model, renamesOf(config)) : [];
  const level = bumpFor(changes, previous);
  if (!level) return { version: previous, previous, changes, ...(changelog !== undefined ? { changelog } : {}) };
  const version = bumpVersion(previous, level);
  const entry = changelogEntry(version, previous, changes, { ...o, base: previous });
  return { version, previous, changes, changelog: prependEntry(changelog, entry) };
}
