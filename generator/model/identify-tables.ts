/**
 * Pass "identify tables": which type each parameter table describes, page by page (page-plan.ts).
 * Two rounds, each over a catalog built whole: the first learns the tables it can name with
 * certainty (by caption, DTO source, sample, convention or an exact member set), so that the
 * second can name a pipe dump's untitled tables after tables other pages named.
 */
import { DiagnosticBag } from '../diagnostics.js';
import { withAutoQueryBase } from './autoquery.js';
import { buildCatalog, extendCatalog, rowKeys } from './catalog.js';
import type { Evidence } from './evidence.js';
import type { Structure } from './lower-types.js';
import type { ModelPage } from './model-page.js';
import type { NameSource, PageOperation } from './name-operations.js';
import { planPage, type PagePlan } from './page-plan.js';

const CERTAIN: ReadonlySet<NameSource> = new Set(['caption', 'dto', 'sample', 'convention', 'catalog']);

export function identifyTables(
  pages: readonly ModelPage[],
  named: readonly PageOperation[],
  stated: Structure,
  evidence: Evidence,
  bag: DiagnosticBag,
): PagePlan[] {
  const first = buildCatalog(pages, stated, evidence);
  const learned = new Map<string, ReadonlySet<string>>();
  // Titled tables are in the catalog already: only a page with an untitled one can teach it more.
  for (const page of named) {
    if (!page.page.fragments.tables.some((t) => !t.caption)) continue;
    for (const t of planPage(page, first, new DiagnosticBag()).tables)
      if (CERTAIN.has(t.how) && !first.tableMembers.has(t.name) && !learned.has(t.name)) learned.set(t.name, rowKeys(t.table));
  }
  const catalog = learned.size ? extendCatalog(first, learned) : first;
  return named.map((page) => withAutoQueryBase(planPage(page, catalog, bag), bag));
}
