/**
 * AutoQuery's shape where only tables show it. `QueryCustomers : QueryDb<Customer>` is printed
 * as the request's table, then `QueryBase`'s (`QueryDb<T>` has no members of its own, so no
 * table), and the response `QueryResponse<Customer>`. A page walk that finds `QueryBase` right
 * under a request returning `QueryResponse<X>` has found AutoQuery's `QueryDb<X>` and its base:
 * the request extends `QueryDb<X>` (ServiceStack's declaration puts `QueryBase` under it). A DTO
 * source naming the base decides instead; a note says what was inferred (SS093).
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { PagePlan } from './page-plan.js';

export function withAutoQueryBase(plan: PagePlan, bag: DiagnosticBag): PagePlan {
  const shape = plan.response?.shape;
  if (shape?.kind !== 'typed' || shape.type !== 'QueryResponse' || shape.args?.length !== 1) return plan;
  const link = plan.bases.find((b) => b.type === plan.operation && b.base === 'QueryBase' && b.how !== 'dto');
  if (!link) return plan;
  const args = shape.args;
  const item = args[0]!.kind === 'ref' ? args[0]!.name : 'T';
  bag.info(
    'SS093',
    link.loc,
    `'${plan.operation}' extends QueryBase and returns QueryResponse<${item}>: read as AutoQuery's QueryDb<${item}> ` +
      `(no source names its base; QueryData<${item}> would show the same tables)`,
  );
  const bases = plan.bases.map((b) => (b === link ? { ...b, base: 'QueryDb', args, how: 'convention' as const } : b));
  return { ...plan, bases };
}
