/**
 * Merges the fragments of every page into one ApiModel, as a list of named passes, each in its
 * own file and each reading only what earlier passes produced:
 *
 * lower metadata → lower DTO sources → service → name operations → gather evidence → identify tables →
 * lower types → resolve bases → lower members → sample types → resolve types → operations → rules → config →
 * redeclarations → naming → finalize.
 *
 * `timings`, when given, gets each pass's wall time (`generate --verbose` prints them); `released`
 * is called where the pages, then the facts, are let go (the CLI collects the heap there on large
 * runs: generator/heap.ts).
 */
import type { CodegenConfig } from '../config.js';
import { type DiagnosticBag, type SourceLocation } from '../diagnostics.js';
import type { IndexFragments, IndexOperationFragment, PageFragments } from '../read/fragments.js';
import type { ApiModel, TypeDef } from './api-model.js';
import { applyConfig } from './apply-config.js';
import { finalize } from './finalize.js';
import { gatherEvidence } from './gather-evidence.js';
import { identifyTables } from './identify-tables.js';
import { lowerMembers } from './lower-members.js';
import { lowerTypes, planStructure } from './lower-types.js';
import { lowerPages } from './model-page.js';
import { nameOperations } from './name-operations.js';
import { lowerMetadata } from './lower-metadata.js';
import { mergeOperations, pageOperationSource, type OperationSource } from './operations.js';
import { resolveBases } from './resolve/base.js';
import { resolveTypes } from './resolve-types.js';
import { findRules } from './rules.js';
import { describeService } from './service.js';
import { nameSymbols } from './name-symbols.js';
import { reportRedeclarations } from './redeclared.js';
import { dropUnusedSampleTypes } from './sample-types.js';

export interface PassTiming {
  pass: string;
  ms: number;
}

type PassTimer = <T>(pass: string, run: () => T) => T;

function passTimer(timings: PassTiming[] | undefined): PassTimer {
  return (pass, run) => {
    const start = timings && performance.now();
    const result = run();
    if (timings) timings.push({ pass, ms: performance.now() - start! });
    return result;
  };
}

export function buildModel(input: PageFragments[], config: CodegenConfig, configLoc: SourceLocation, bag: DiagnosticBag, timings?: PassTiming[]): ApiModel {
  return buildModelFrom(() => input, config, configLoc, bag, timings);
}

/**
 * buildModel, with the pages read by `readInput` when the passes need them: the caller keeps no
 * reference to them, so that at 10,000 operations the pages (and then the facts) are released as
 * soon as the passes that read them are done rather than held until the model is finished.
 */
export function buildModelFrom(
  readInput: () => PageFragments[],
  config: CodegenConfig,
  configLoc: SourceLocation,
  bag: DiagnosticBag,
  timings?: PassTiming[],
  released: () => void = () => {},
): ApiModel {
  const time = passTimer(timings);
  const { types, sources, indexes, service } = resolveInput(readInput, config, bag, time, released);
  released();
  const operations = time('operations', () => operationsOf(sources, types, indexes, config, bag));
  time('rules', () => findRules(new Map(types.map((t) => [t.name, t])), bag));
  const model: ApiModel = { service, operations, types, diagnostics: [] };
  time('config', () => applyConfig(model, config, configLoc, bag));
  time('redeclarations', () => reportRedeclarations(model, bag));
  time('naming', () => nameSymbols(model, config.clientName, bag));
  return time('finalize', () => finalize(model, bag));
}

/** What the pages say, lowered to facts and resolved into types; the facts are released on return. */
function resolveInput(readInput: () => PageFragments[], config: CodegenConfig, bag: DiagnosticBag, time: PassTimer, released: () => void) {
  const { lowered, evidence, ...rest } = lowerInput(readInput, config, bag, time);
  released();
  const baseOf = time('resolve bases', () => resolveBases(lowered.store, bag));
  time('lower members', () => lowerMembers(lowered, evidence, baseOf, bag));
  time('sample types', () => dropUnusedSampleTypes(lowered));
  const types = time('resolve types', () => resolveTypes(lowered, baseOf, bag));
  return { types, ...rest };
}

/** The passes that read the pages themselves; what they return holds no page, so that the pages are released on return. */
function lowerInput(readInput: () => PageFragments[], config: CodegenConfig, bag: DiagnosticBag, time: PassTimer) {
  // The model must not depend on the order pages arrive in. Index pages list operations; they describe none.
  const sorted = [...readInput()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const indexes = sorted.flatMap((p) => (p.index ? [p.index] : []));
  const metadata = time('lower metadata', () => lowerMetadata(sorted.flatMap((p) => (p.metadata ? [p.metadata] : []))));
  const pages = time('lower DTO sources', () => lowerPages(sorted.filter((p) => !p.index && !p.metadata)));
  const service = time('service', () =>
    describeService(
      pages.map((p) => p.fragments),
      indexes,
      config.baseUrl,
      bag,
    ),
  );
  const named = time('name operations', () => nameOperations(pages, bag));
  const evidence = time('gather evidence', () => gatherEvidence(named, metadata.structure));
  const plans = time('identify tables', () => identifyTables(pages, named, metadata.structure, evidence, bag));
  const structures = [...plans.map(planStructure), metadata.structure];
  const lowered = time('lower types', () => lowerTypes(structures, pages, evidence));
  const sources = [...plans.map(pageOperationSource), ...metadata.operations];
  return { lowered, evidence, sources, indexes, service };
}

/** The operations the pages describe; those the index lists that no page describes are reported (SS140). */
function operationsOf(plans: OperationSource[], typeList: TypeDef[], indexes: IndexFragments[], config: CodegenConfig, bag: DiagnosticBag) {
  const listed = new Map<string, IndexOperationFragment>();
  for (const index of indexes) for (const op of index.operations) if (!listed.has(op.name)) listed.set(op.name, op);
  const authConfigured = new Set(Object.keys(config.operations).filter((name) => config.operations[name]!.requiresAuth !== undefined));
  const operations = mergeOperations(plans, new Map(typeList.map((t) => [t.name, t])), bag, listed, authConfigured);
  const described = new Set(operations.map((o) => o.name));
  for (const [name, row] of listed)
    if (!described.has(name))
      bag.warn(
        'SS140',
        row.loc,
        `'${name}' is listed in the index but no page describes it; it is not generated (save its page, or run booster-codegen crawl)`,
      );
  if (!operations.length) bag.error('SS002', undefined, 'no operation found in the input');
  return operations;
}
