/**
 * A generic type's parameters: as a DTO class declares them (`QueryResponse<T>`), else as a table
 * caption writes them (`QueryResponse<T> Parameters:`), else as ServiceStack declares its own.
 * A type that no source declares but whose tables are captioned as uses of it
 * (`Paged<PostComment>`) is generic all the same: its parameters are named by the model (`T`, or
 * `T1`, `T2`…), and `inferred` says where that was read.
 */
import type { SourceLocation } from '../../diagnostics.js';
import type { TypeRef } from '../api-model.js';
import type { TypeFacts } from '../facts.js';
import { inferredParameters } from '../generics.js';
import type { LoweredTypes } from '../lower-types.js';
import { RANKING, strongest } from '../sources.js';

export interface TypeParameters {
  names: string[];
  /** Set when no source names them: the table captioned as a use that they were inferred from. */
  inferred?: { loc: SourceLocation; caption: TypeRef[] };
}

export function typeParametersOf(t: TypeFacts, lowered: LoweredTypes): TypeParameters {
  const stated = strongest(t.typeParameters, RANKING.typeParameters);
  if (stated) return { names: stated.value };
  for (const table of lowered.sources.get(t.name)?.tables ?? []) {
    const args = lowered.captionArgs.get(table.table);
    if (args) return { names: inferredParameters(args.length), inferred: { loc: table.table.loc, caption: args } };
  }
  return { names: [] };
}
