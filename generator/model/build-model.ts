/**
 * Merges the fragments of every page into one ApiModel: name the unnamed (page-plan),
 * merge types and operations, find rules, apply the config, sort.
 */
import { DiagnosticBag, sortDiagnostics, type SourceLocation } from '../diagnostics.js';
import type { CodegenConfig } from '../config.js';
import type { IndexFragments, IndexOperationFragment, PageFragments } from '../read/fragments.js';
import type { ApiModel, TypeDef } from './api-model.js';
import { applyConfig } from './apply-config.js';
import { declaredClasses } from './declared.js';
import { addDeclaredEvidence, addJsonInstance, addXmlInstance, Evidence, memberTypeLookup, type MemberTypeLookup } from './evidence.js';
import { mergeOperations, sortLocs } from './operations.js';
import { mergeTypes } from './merge-types.js';
import { memberKey } from './naming.js';
import { planPage, routeKey, type Catalog, type PagePlan } from './page-plan.js';
import { runtimeExportNames } from '../emit/generated-names.js';
import { findRules } from './rules.js';
import { uniqueTypeNames } from './unique-names.js';

const CERTAIN = new Set(['caption', 'dto', 'sample', 'convention', 'catalog']);

function catalogFrom(pages: PageFragments[], evidence: Evidence): Catalog {
  const catalog: Catalog = { evidence, tableMembers: new Map(), declaredBases: new Map(), routeNames: new Map(), enumNames: new Set() };
  for (const page of pages) {
    for (const e of page.enums) if (e.name) catalog.enumNames.add(e.name);
    for (const t of page.tables)
      if (t.caption && !catalog.tableMembers.has(t.caption))
        catalog.tableMembers.set(t.caption, new Set(t.rows.flatMap((r) => (r.name ? [memberKey(r.name)] : []))));
    for (const c of declaredClasses(page)) {
      if (c.isEnum) catalog.enumNames.add(c.name);
      const base = c.bases[0];
      if (base && !catalog.declaredBases.has(c.name)) catalog.declaredBases.set(c.name, base);
    }
  }
  return catalog;
}

function addSampleEvidence(pages: PageFragments[], plans: PagePlan[] | undefined, evidence: Evidence): void {
  pages.forEach((page, i) => {
    let lookup: MemberTypeLookup | undefined; // only for a page with a sample of the format this pass reads
    const plan = plans?.[i];
    for (const s of page.samples) {
      const body = s.body;
      if (body?.format === 'xml' && body.root.localName !== 'anyType' && !plans) addXmlInstance(body.root.localName, body.root, (lookup ??= memberTypeLookup(page)), evidence);
      if (body?.format !== 'json' || !plan) continue;
      const type = s.direction === 'request' ? plan.operation : plan.response?.shape.kind === 'typed' ? plan.response.shape.type : undefined;
      if (type) addJsonInstance(type, body.value, (lookup ??= memberTypeLookup(page)), evidence);
    }
  });
}

export function buildModel(input: PageFragments[], config: CodegenConfig, configLoc: SourceLocation, bag: DiagnosticBag): ApiModel {
  // The model must not depend on the order pages arrive in.
  const sorted = [...input].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // Index pages list operations; they describe none, so they take no part in planning.
  const pages = sorted.filter((p) => !p.index);
  const indexes = sorted.flatMap((p) => (p.index ? [p.index] : []));
  const listed = listedOperations(indexes);
  const evidence = new Evidence();
  for (const page of pages) addDeclaredEvidence(page, evidence);
  addSampleEvidence(pages, undefined, evidence);
  const catalog = catalogFrom(pages, evidence);

  // First pass: operation names and the tables that can be named with certainty. JSON
  // samples only say which type they show once the operation is named. Titled tables are in the
  // catalog already, so only a page with an untitled one is walked.
  const firstPass = pages.map((p) => planPage(p, catalog, new DiagnosticBag(), { walk: p.tables.some((t) => !t.caption) }));
  addSampleEvidence(pages, firstPass, evidence);
  for (const plan of firstPass) {
    if (['heading', 'sample', 'dto'].includes(plan.operationFrom))
      for (const r of plan.page.routes) catalog.routeNames.set(routeKey(r.verbs, r.path), plan.operation);
    for (const t of plan.tables)
      if (CERTAIN.has(t.how) && !catalog.tableMembers.has(t.name))
        catalog.tableMembers.set(t.name, new Set(t.table.rows.flatMap((r) => (r.name ? [memberKey(r.name)] : []))));
  }
  const plans = pages.map((p) => planPage(p, catalog, bag));

  const typeList = mergeTypes(plans, pages, evidence, bag);
  const types = new Map<string, TypeDef>(typeList.map((t) => [t.name, t]));
  const operations = mergeOperations(plans, types, bag, listed);
  const described = new Set(operations.map((o) => o.name));
  for (const [name, row] of listed)
    if (!described.has(name))
      bag.warn('SS140', row.loc, `'${name}' is listed in the index but no page describes it; it is not generated (save its page, or run booster-codegen crawl)`);
  findRules(types, bag);
  if (!operations.length) bag.error('SS002', undefined, 'no operation found in the input');

  const serviceName = pages.find((p) => p.serviceName)?.serviceName?.value ?? indexes.find((i) => i.serviceName)?.serviceName?.value;
  const hosts = pages.flatMap((p) => p.samples.flatMap((s) => s.headers.filter((h) => h.name.toLowerCase() === 'host')));
  const host = hosts[0]?.value;
  for (const h of hosts) if (h.value !== host) bag.warn('SS059', h.loc, `sample host '${h.value}' differs from '${host}' at ${hosts[0]!.loc.file}:${hosts[0]!.loc.line}`);

  const model: ApiModel = {
    service: { ...(serviceName ? { name: serviceName } : {}), ...(host ? { host } : {}) },
    operations,
    types: typeList,
    diagnostics: [],
  };
  applyConfig(model, config, configLoc, bag);
  uniqueTypeNames(model, runtimeExportNames(config.clientName), bag);
  return finalize(model, bag);
}

/** The operations the index pages list, by name (the first listing wins). */
function listedOperations(indexes: IndexFragments[]): Map<string, IndexOperationFragment> {
  const listed = new Map<string, IndexOperationFragment>();
  for (const index of indexes) for (const op of index.operations) if (!listed.has(op.name)) listed.set(op.name, op);
  return listed;
}

/** Sorted, de-duplicated and stable, so that the model is byte-identical across runs. */
function finalize(model: ApiModel, bag: DiagnosticBag): ApiModel {
  const byName = <T extends { name: string }>(xs: T[]) => xs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  byName(model.operations);
  byName(model.types);
  for (const t of model.types) {
    t.sources = sortLocs(t.sources);
    for (const f of t.fields) f.sources = sortLocs(f.sources);
    for (const m of t.enumMembers) m.sources = sortLocs(m.sources);
    t.rules.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  }
  model.diagnostics = sortDiagnostics(bag.items);
  return model;
}
