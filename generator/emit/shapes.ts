/**
 * The object shapes that validators.ts, client.ts's date revivers and openapi.json describe one by
 * one: every type of the model (a generic one with its parameters unknown), then every use of a
 * generic type that needs its own (`QueryResponse<PostComment>`: model/instances.ts), with its
 * arguments in place of the parameters. Their names come from the naming pass.
 */
import type { ApiModel, SymbolNames, TypeDef, TypeRef, TypeSymbols } from '../model/api-model.js';
import { chainOf, type ChainLink } from '../model/chain.js';
import { instanceKey } from '../model/generics.js';
import { typeSymbols } from './symbols.js';

export interface Shape {
  def: TypeDef;
  symbols: TypeSymbols;
  /** How messages name it: the type's name, or the use (`QueryResponse<PostComment>`). */
  label: string;
  /** The type (with the use's arguments) and its bases, nearest first. */
  chain: ChainLink[];
  /** The use's arguments, for an instance. */
  args?: TypeRef[];
}

export function shapesOf(model: ApiModel, names: SymbolNames): Shape[] {
  const types = new Map(model.types.map((t) => [t.name, t]));
  const shapes: Shape[] = model.types.map((def) => ({
    def,
    symbols: typeSymbols(names, def.name),
    label: def.name,
    chain: chainOf(def.name, undefined, types),
  }));
  for (const [key, symbols] of names.instances) {
    const def = types.get(symbols.type);
    if (def) shapes.push({ def, symbols, label: key, chain: chainOf(def.name, symbols.args, types), args: symbols.args });
  }
  return shapes;
}

/** The symbols that describe a reference: its use's (`QueryResponse<PostComment>`) when it has its own, else its type's; none when the type is not in the model. */
export function refSymbols(name: string, args: readonly TypeRef[] | undefined, names: SymbolNames): TypeSymbols | undefined {
  return (args?.length ? names.instances.get(instanceKey(name, args)) : undefined) ?? names.types.get(name);
}
