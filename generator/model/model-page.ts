/**
 * Pass "lower DTO sources": each page with its DTO classes (Python, C#, TypeScript) in the one
 * shape the later passes read (declared.ts), and its tables captioned as a generic type's use
 * named by the generic type (generic-captions.ts). Done once per page, here; no pass converts them again.
 */
import type { PageFragments, ParamTableFragment } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import { declaredClasses, type DeclaredClass } from './declared.js';
import { splitGenericCaptions } from './generic-captions.js';

export interface ModelPage {
  fragments: PageFragments;
  declared: readonly DeclaredClass[];
  /** The type arguments of tables captioned `X<A>` (now captioned `X`), by table. */
  captionArgs: ReadonlyMap<ParamTableFragment, TypeRef[]>;
}

export function lowerPages(pages: readonly PageFragments[]): ModelPage[] {
  return pages.map((page) => {
    const { fragments, captionArgs } = splitGenericCaptions(page);
    return { fragments, declared: declaredClasses(fragments), captionArgs };
  });
}
