/**
 * Naming pass: every type gets a TypeScript name of its own. Types are declared under
 * `safeTypeName(name)`: a name that is not an identifier loses its odd characters (`Foo.Bar`,
 * `Foo Bar` → `Foo_Bar`) and a reserved word gets a `_` (`default` → `default_`), so two docs
 * names can meet as one. And the package entry point exports the types next to what the
 * generator itself names (`ApiError`, `ValidationError`, `Issue`, the client class, the
 * `Operations` map, and `XSchema` for every type `X`): a type named like one of those would hide
 * it. Such a type is renamed with a suffix, everywhere the model names it, and reported.
 * Generated names never move, and neither does a type that clashes with nothing.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { safeTypeName } from '../emit/escape.js';
import type { ApiModel, TypeDef } from './api-model.js';
import { renameTypes } from './apply-config.js';

/**
 * `runtimeNames`: the names the generated modules export besides the types (see
 * `generatedNames` in emit/render.ts).
 */
export function uniqueTypeNames(model: ApiModel, runtimeNames: ReadonlySet<string>, bag: DiagnosticBag): void {
  const byName = [...model.types].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const schemaOf = new Set(byName.map((t) => `${safeTypeName(t.name)}Schema`));
  const taken = new Map<string, string>();
  const clash = (id: string): string | undefined =>
    taken.has(id) ? `'${taken.get(id)}'` : runtimeNames.has(id) ? `the generated '${id}'` : schemaOf.has(id) ? `the schema '${id}'` : undefined;
  // Names that already are what TypeScript declares go first: `Foo_Bar` stays, `Foo.Bar` moves.
  const order = [...byName.filter((t) => safeTypeName(t.name) === t.name), ...byName.filter((t) => safeTypeName(t.name) !== t.name)];
  const renames = new Map<string, string>();
  for (const t of order) {
    const wanted = safeTypeName(t.name);
    const why = clash(wanted);
    if (!why) {
      taken.set(wanted, t.name);
      continue;
    }
    let n = 2;
    while (clash(`${wanted}_${n}`) || model.types.some((x) => x.name === `${wanted}_${n}`)) n++;
    const to = `${wanted}_${n}`;
    taken.set(to, t.name);
    renames.set(t.name, to);
    bag.warn('SS064', locationOf(t, model), `type '${t.name}' would be declared in TypeScript as '${wanted}', like ${why}; named it '${to}' (rename it in codegen.config.json)`);
  }
  if (renames.size) renameTypes(model, renames);
}

function locationOf(t: TypeDef, model: ApiModel) {
  return t.sources[0] ?? model.operations.find((o) => o.request === t.name)?.sources[0];
}
