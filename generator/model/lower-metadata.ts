/**
 * Pass "lower metadata": `/types/metadata` states the API's structure outright — each class's
 * table under its own name, its base (`inherits`), its enums, each operation's request and
 * response — so nothing of it is inferred: its tables are named by their captions, its bases and
 * responses are taken as stated, and its operations are sources like pages are.
 */
import type { MetadataFragments, MetadataOperationFragment } from '../read/fragments.js';
import type { Structure } from './lower-types.js';
import type { OperationSource } from './operations.js';
import { pushAll } from '../arrays.js';

export interface LoweredMetadata {
  structure: Structure;
  operations: OperationSource[];
}

export function lowerMetadata(sources: readonly MetadataFragments[]): LoweredMetadata {
  const lowered: LoweredMetadata = { structure: { tables: [], enums: [], bases: [], named: [] }, operations: [] };
  for (const metadata of sources) {
    const requests = new Set(metadata.operations.map((o) => o.name.value));
    const { structure } = lowered;
    for (const table of metadata.tables)
      structure.tables.push({ table, name: table.caption!, how: 'caption', role: requests.has(table.caption!) ? 'request' : 'reference' });
    for (const table of metadata.enums) structure.enums.push({ table, name: table.name! });
    pushAll(structure.bases, metadata.bases);
    for (const op of metadata.operations) {
      structure.named.push(op.name.value);
      if (op.response?.type) structure.named.push(op.response.type);
      lowered.operations.push(operationSource(metadata.file, op));
    }
  }
  return lowered;
}

function operationSource(file: string, op: MetadataOperationFragment): OperationSource {
  const stated = op.response;
  return {
    operation: op.name.value,
    ...(stated ? { response: { shape: stated.type ? { kind: 'typed', type: stated.type } : { kind: 'none' }, loc: stated.loc } } : {}),
    form: 'metadata-json',
    file,
    nameLoc: op.name.loc,
    routes: op.routes,
    ...(op.auth ? { auth: op.auth } : {}),
    ...(op.description ? { description: op.description.value } : {}),
    tags: op.tags.map((t) => t.value),
    declared: [],
  };
}
