/**
 * Pass "gather evidence": the member sets each type is seen with outside its tables — DTO source
 * classes, then XML, JSON and JSV sample instances (nested ones included) — by type name. Table
 * identification matches untitled tables against them, and member lowering reads their samples.
 */
import { Evidence, addDeclaredEvidence, addJsonInstance, addXmlInstance, memberTypeLookup, type MemberTypeLookup } from './evidence.js';
import type { PageOperation } from './name-operations.js';

export function gatherEvidence(named: readonly PageOperation[]): Evidence {
  const evidence = new Evidence();
  for (const { page } of named) addDeclaredEvidence(page.declared, evidence);
  for (const format of ['xml', 'json', 'jsv'] as const) for (const page of named) addSamples(page, format, evidence);
  return evidence;
}

/** A page's sample instances of one format: an XML root names its type; a JSON or JSV one is the operation's request or response. */
function addSamples(named: PageOperation, format: 'xml' | 'json' | 'jsv', evidence: Evidence): void {
  let lookup: MemberTypeLookup | undefined; // only for a page with a sample of this format
  const page = named.page.fragments;
  for (const s of page.samples) {
    const body = s.body;
    if (body?.format !== format) continue;
    if (body.format === 'xml') {
      if (body.root.localName !== 'anyType') addXmlInstance(body.root.localName, body.root, (lookup ??= memberTypeLookup(page)), evidence);
      continue;
    }
    const response = named.response?.shape;
    const type = s.direction === 'request' ? named.operation : response?.kind === 'typed' ? response.type : undefined;
    if (type) addJsonInstance(type, body.value, (lookup ??= memberTypeLookup(page)), evidence, body.format);
  }
}
