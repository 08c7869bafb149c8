/**
 * Pass "lower DTO sources": each page with its DTO classes (Python, C#, TypeScript) in the one
 * shape the later passes read (declared.ts). Done once per page, here; no pass converts them again.
 */
import type { PageFragments } from '../read/fragments.js';
import { declaredClasses, type DeclaredClass } from './declared.js';

export interface ModelPage {
  fragments: PageFragments;
  declared: readonly DeclaredClass[];
}

export function lowerPages(pages: readonly PageFragments[]): ModelPage[] {
  return pages.map((fragments) => ({ fragments, declared: declaredClasses(fragments) }));
}
