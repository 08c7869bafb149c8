/**
 * The emitters' view of the model's symbol table (model/name-symbols.ts): they read every
 * identifier from it and never make one. A name missing from it is a generator bug, not
 * something to invent a name for.
 */
import type { ApiModel, SymbolNames, TypeSymbols } from '../model/api-model.js';

export function namesOf(model: ApiModel): SymbolNames {
  if (!model.names) throw new Error('internal error: the model has no names (the naming pass did not run)');
  return model.names;
}

export function typeSymbols(names: SymbolNames, type: string): TypeSymbols {
  const symbols = names.types.get(type);
  if (!symbols) throw new Error(`internal error: no name for type '${type}'`);
  return symbols;
}

/** The TypeScript name of a type. */
export function typeId(names: SymbolNames, type: string): string {
  return typeSymbols(names, type).id;
}

/** The client method of an operation. */
export function methodOf(names: SymbolNames, operation: string): string {
  const method = names.methods.get(operation);
  if (method === undefined) throw new Error(`internal error: no method name for operation '${operation}'`);
  return method;
}
