/**
 * Tables captioned as a generic type (`QueryResponse<PostComment> Parameters:`, or the definition
 * `QueryResponse<T>`): the table is the generic type's, so it is named by its definition
 * (`QueryResponse`), and its caption's type arguments are kept beside it for member lowering,
 * which reads `List<PostComment>` of such a table as the definition's `List<T>`.
 */
import { parseDotNetType } from '../read/dotnet-type.js';
import type { PageFragments, ParamTableFragment } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import { fromDotNet } from './type-ref.js';

export interface CaptionedPage {
  fragments: PageFragments;
  /** The caption's type arguments, by (renamed) table. */
  captionArgs: ReadonlyMap<ParamTableFragment, TypeRef[]>;
}

/** The page with each generic caption `X<A>` read as `X`; the page itself when it has none. */
export function splitGenericCaptions(fragments: PageFragments): CaptionedPage {
  const captionArgs = new Map<ParamTableFragment, TypeRef[]>();
  if (!fragments.tables.some((t) => t.caption?.includes('<'))) return { fragments, captionArgs };
  const tables = fragments.tables.map((table) => {
    const parsed = table.caption === undefined ? undefined : parseDotNetType(table.caption);
    if (!parsed?.args.length || parsed.arrayRank || parsed.nullable) return table;
    const renamed: ParamTableFragment = { ...table, caption: parsed.name };
    captionArgs.set(renamed, parsed.args.map(fromDotNet));
    return renamed;
  });
  return { fragments: { ...fragments, tables }, captionArgs };
}
