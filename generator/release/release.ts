/**
 * `release`: from the docs to a published package, refusing at the first step that fails.
 *   1. generate into a scratch copy of the output (the version and CHANGELOG entry come from the
 *      API diff); refuse docs with errors (or, `strict`, warnings), and check that the copy is what
 *      the docs give;
 *   2. refuse a version the registry already has;
 *   3. build the copy as its package.json says, pack it, install the tarball into a scratch project
 *      and import it;
 *   4. unless `dryRun`: generate the output folder itself, check that it holds exactly the files that
 *      were packed, and publish the tarball that was tested.
 * The output folder is written only once everything else passed, so a refused release leaves it as
 * it was (no version bumped for a release that never happened). An output holding an unfinished
 * write is refused before anything: the kill that left it deserves a look (`generate` finishes it).
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate, type GenerateResult } from '../api/generate.js';
import { formatReport } from '../api/report.js';
import { resolveRun, type RunOptions } from '../config.js';
import { GENERATE_COMMAND } from '../generate-command.js';
import { readManifest, sha256, STATE_DIR, unfinishedWrite, unfinishedWriteMessage } from '../write-output.js';
import { buildPackage, readPackageJson } from './build.js';
import { pack, publish, registryFor, ReleaseStepError, versionExists, type Packed } from './npm.js';
import { smokeTest } from './smoke.js';

export interface ReleaseOptions extends RunOptions {
  /** The registry to publish to (default: the one the user's npm config names for the package's scope). */
  registry?: string;
  /** Everything but writing the output folder and publishing; shows what would be published. */
  dryRun?: boolean;
  /** The npm dist-tag (default npm's: latest). */
  tag?: string;
  /** npm's access level; npmjs.com publishes a scoped package as restricted unless told `public` (or by the package's publishConfig). */
  access?: 'public' | 'restricted';
  /** Refuse docs that give warnings too. */
  strict?: boolean;
  /** Receives each step's message, without a final newline; nothing is printed when absent. */
  log?: (text: string) => void;
  /** Only problems reach `log`. */
  quiet?: boolean;
  /** Notes reach `log` too. */
  verbose?: boolean;
}

export type ReleaseOutcome = 'published' | 'dry-run' | 'refused';

export interface ReleaseResult {
  outcome: ReleaseOutcome;
  /** The CLI's exit code: 0 published (for a dry run: every step but publishing passed), 1 refused, 2 unusable docs. */
  exitCode: 0 | 1 | 2;
  /** Why the release was refused. */
  refusal?: string;
  /** The package as packed: name, version, size, files; absent when refused before packing. */
  packed?: Omit<Packed, 'tarball'>;
  registry?: string;
  /** This version's CHANGELOG.md entry, when it has one (a first release has none). */
  changelogEntry?: string;
  /** The generate step's result (into the scratch copy). */
  generated?: GenerateResult;
  /** Paths of the output folder the release wrote (a dry run: would write). */
  written: string[];
}

type Say = (text: string) => void;

interface Run {
  options: ReleaseOptions;
  cwd: string;
  outDir: string;
  outRel: string;
  clientName: string;
  scratch: string;
  /** The scratch copy of the output that is generated, checked, built and packed. */
  copy: string;
  say: Say;
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Runs the release pipeline; see the module's comment. Bad config or input throws, as `generate` does. */
export async function release(options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const cwd = options.cwd ?? process.cwd();
  const { config, outDir } = await resolveRun(options);
  const outRel = path.relative(cwd, outDir) || '.';
  const say: Say = (text) => (options.quiet ? undefined : options.log?.(text));
  const partial: Partial<ReleaseResult> = {};
  const scratch = await mkdtemp(path.join(tmpdir(), 'booster-release-'));
  try {
    if (await unfinishedWrite(outDir)) throw new Refusal(unfinishedWriteMessage(outRel, GENERATE_COMMAND));
    const run: Run = { options, cwd, outDir, outRel, clientName: config.clientName, scratch, copy: path.join(scratch, 'package'), say };
    partial.generated = await generateCopy(run);
    partial.written = await outputChanges(run);
    return await shipCopy(run, partial);
  } catch (e) {
    if (!(e instanceof Refusal || e instanceof ReleaseStepError)) throw e;
    options.log?.(`booster-codegen: release refused: ${e.message}`);
    return { written: [], ...partial, outcome: 'refused', exitCode: e instanceof Refusal ? e.exitCode : 1, refusal: e.message };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Step 1: the output copied to the scratch folder and generated there; its diagnostics printed; refused when they are errors. */
async function generateCopy(run: Run): Promise<GenerateResult> {
  const { options, copy } = run;
  await copyOutput(run.outDir, copy);
  const generated = await generate({ ...options, out: copy, quiet: true, log: undefined });
  const failed = generated.exitCode !== 0;
  if (generated.model && (failed || !options.quiet)) options.log?.(formatReport(generated, Boolean(options.verbose), run.cwd));
  if (generated.outcome === 'unusable') throw new Refusal(`the docs are unusable: ${generated.unusable}`, 2);
  if (generated.outcome === 'strict-failure') throw new Refusal(`--strict: the docs give ${generated.counts.warning} warning(s)`);
  if (generated.counts.error) throw new Refusal(`the docs give ${generated.counts.error} error(s); fix them, or set their level in the config`);
  // --check, rendering again (not the incremental shortcut): the same docs give the same files.
  const check = await generate({ ...options, out: copy, check: true, force: true, log: undefined });
  if (check.outcome !== 'fresh') throw new Refusal(`generating twice gave two outputs (${check.stale.join(', ')}): please report this`);
  const r = generated.release;
  run.say(
    r && r.version !== r.previous
      ? `generated: version ${r.previous} -> ${r.version}, ${r.changes.length} API change(s)`
      : `generated: no API change since ${run.outRel}/ was last generated`,
  );
  return generated;
}

/** The output's files and its manifest (so that checks are the incremental ones); not its lock, journal, staging, build or modules. */
async function copyOutput(outDir: string, copy: string): Promise<void> {
  if (!existsSync(outDir)) return; // never generated: the copy starts empty
  const skip = new Set(['node_modules', 'dist'].map((d) => path.join(outDir, d)));
  const state = path.join(outDir, STATE_DIR);
  await cp(outDir, copy, {
    recursive: true,
    preserveTimestamps: true,
    filter: (src) => !skip.has(src) && (!src.startsWith(state + path.sep) || src === path.join(state, 'manifest.json')),
  });
}

/** Files of the output folder that the copy's generation changes (by content) or removes. */
async function outputChanges(run: Run): Promise<string[]> {
  const [now, next] = await Promise.all([readManifest(run.outDir), readManifest(run.copy)]);
  const changed: string[] = [];
  for (const [rel, hash] of Object.entries(next?.files ?? {})) {
    const current = await readFile(path.join(run.outDir, rel)).catch(() => undefined);
    if (!current || sha256(current) !== hash) changed.push(rel);
  }
  const removed = Object.keys(now?.files ?? {}).filter((rel) => !(rel in (next?.files ?? {})) && existsSync(path.join(run.outDir, rel)));
  return [...changed, ...removed].sort();
}

/** Steps 2 to 4 on the checked copy. */
async function shipCopy(run: Run, partial: Partial<ReleaseResult>): Promise<ReleaseResult> {
  const { options, say } = run;
  const { name, version } = await readPackageJson(run.copy);
  if (!name || !version) throw new Refusal('the generated package.json has no name or version');
  const registry = options.registry ?? (await registryFor(name, run.cwd));
  partial.registry = registry;
  const exists = await versionExists(name, version, registry, run.cwd);
  if (typeof exists === 'string') throw new Refusal(`cannot ask ${registry} whether ${name}@${version} is published: ${exists}`);
  if (exists) throw new Refusal(`${name}@${version} is already on ${registry}; a new version needs a change of the docs (or of packageVersion in the config)`);
  say(`registry: ${registry} has no ${name}@${version} yet`);
  say(`built: ${await buildPackage(run.copy, run.cwd, registry)}`);
  const { tarball, ...packed } = await pack(run.copy, run.scratch);
  say(`packed: ${path.basename(tarball)} (${packed.files.length} files, ${kB(packed.size)})`);
  say(`smoke test: ${await smokeTest(tarball, name, run.clientName, run.scratch, registry)}`);
  const changelogEntry = await entryOf(run.copy, version);
  const result = { written: [], ...partial, packed, registry, ...(changelogEntry !== undefined ? { changelogEntry } : {}) };
  const tag = options.tag ?? 'latest';
  if (options.dryRun) {
    say(dryRunSummary(run, result.written, packed, registry, tag, changelogEntry));
    return { ...result, outcome: 'dry-run', exitCode: 0 };
  }
  await writeOutput(run, result.written);
  await publish(tarball, registry, { ...(options.tag ? { tag: options.tag } : {}), ...(options.access ? { access: options.access } : {}) }, run.cwd);
  say(`published ${name}@${version} to ${registry} (tag ${tag})`);
  return { ...result, outcome: 'published', exitCode: 0 };
}

/** Generates the output folder itself, which must then hold exactly the files that were packed (the docs may have changed meanwhile). */
async function writeOutput(run: Run, expected: readonly string[]): Promise<void> {
  const written = await generate({ ...run.options, quiet: true, log: undefined });
  if (written.exitCode !== 0 || (await outputChanges(run)).length)
    throw new Refusal(`${run.outRel}/ is not what was tested: the docs or config changed during the release; run it again`);
  const check = await generate({ ...run.options, check: true, log: undefined });
  if (check.outcome !== 'fresh') throw new Refusal(`${run.outRel}/ is stale after generating it (${check.stale.join(', ')})`);
  for (const f of expected) run.say(`wrote ${run.outRel}/${f}`);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The `## <version>` section of CHANGELOG.md. */
async function entryOf(dir: string, version: string): Promise<string | undefined> {
  const changelog = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8').catch(() => undefined);
  const start = changelog?.search(new RegExp(`^## ${version.replace(/[.+]/g, '\\$&')}\\s*$`, 'm')) ?? -1;
  if (!changelog || start < 0) return undefined;
  const next = changelog.slice(start + 3).search(/^## /m);
  return changelog.slice(start, next < 0 ? undefined : start + 3 + next).trimEnd();
}

function dryRunSummary(
  run: Run,
  written: readonly string[],
  packed: Omit<Packed, 'tarball'>,
  registry: string,
  tag: string,
  entry: string | undefined,
): string {
  const lines = [
    `dry run: would write ${written.length ? written.map((f) => `${run.outRel}/${f}`).join(', ') : `nothing (${run.outRel}/ is what the docs give)`}`,
    `dry run: would publish ${packed.name}@${packed.version} to ${registry} (tag ${tag}): ${packed.files.length} files, ${kB(packed.size)}`,
    ...packed.files.map((f) => `  ${f.path} (${kB(f.size)})`),
    entry ? `CHANGELOG.md entry:\n${entry}` : `no CHANGELOG.md entry for ${packed.version} (a first release, or the docs did not change the API)`,
  ];
  return lines.join('\n');
}
