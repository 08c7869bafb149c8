/** Pass "finalize": the model sorted, de-duplicated and stable, so that it is byte-identical across runs and input orders. */
import { sortDiagnostics, type DiagnosticBag } from '../diagnostics.js';
import type { ApiModel } from './api-model.js';
import { sortLocs } from './operations.js';

export function finalize(model: ApiModel, bag: DiagnosticBag): ApiModel {
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
