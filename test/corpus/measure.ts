/**
 * The measurement: every API rendered in every form, read by the generator, its model scored
 * against the expected facts. `each op`: every operation's page read alone, the scores summed;
 * `together`: all of an API's pages read as one input.
 */
import { APIS, type ApiSpec } from './apis.js';
import { compareFacts, expectedFacts, type FactScore } from './facts.js';
import { FORMS, renderApi, renderPage, type PageForm } from './render.js';
import { modelOf } from '../helpers.js';

export type Scope = 'each op' | 'together';
export const SCOPES: readonly Scope[] = ['each op', 'together'];

export interface Measurement {
  form: PageForm;
  scope: Scope;
  api: string;
  score: FactScore;
}

/** `form|scope|api`, the key of floor.json. */
export const measurementKey = (m: Pick<Measurement, 'form' | 'scope' | 'api'>) => `${m.form}|${m.scope}|${m.api}`;

export function measure(api: ApiSpec, form: PageForm, scope: Scope): Measurement {
  if (scope === 'together') return { form, scope, api: api.key, score: compareFacts(modelOf(renderApi(api, form)), expectedFacts(api)) };
  const scores = api.operations.map((op) => compareFacts(modelOf([renderPage(api, op, form)]), expectedFacts(api, [op])));
  return { form, scope, api: api.key, score: sum(scores) };
}

export function measureAll(): Measurement[] {
  return FORMS.flatMap((form) => SCOPES.flatMap((scope) => APIS.map((api) => measure(api, form, scope))));
}

export function sum(scores: readonly FactScore[]): FactScore {
  const wrongByKind: Record<string, number> = {};
  for (const s of scores) for (const [k, n] of Object.entries(s.wrongByKind)) wrongByKind[k] = (wrongByKind[k] ?? 0) + n;
  return {
    total: scores.reduce((n, s) => n + s.total, 0),
    right: scores.reduce((n, s) => n + s.right, 0),
    wrong: scores.flatMap((s) => s.wrong),
    wrongByKind,
  };
}
