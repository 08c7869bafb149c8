/**
 * What makes a name an identifier in generated TypeScript. Shared by the model's naming pass
 * (model/name-symbols.ts), which makes every generated identifier, and the emitters, which quote
 * what is not one.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield ' +
    'let static implements interface package private protected public await ' +
    'any boolean number string symbol unknown never object undefined bigint'
  ).split(' '),
);

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/**
 * A name usable as a TypeScript type and value identifier: DTO names that are reserved words or
 * not identifiers get a trailing `_` / their bad characters replaced. `$` goes too (no .NET name
 * has one), so that the name is also an OpenAPI component name (`^[a-zA-Z0-9._-]+$`).
 */
export function safeTypeName(name: string): string {
  if (/^[A-Za-z_]\w*$/.test(name)) return RESERVED.has(name) ? `${name}_` : name; // most names, as they are
  let n = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(n)) n = `_${n}`;
  return RESERVED.has(n) ? `${n}_` : n;
}

/** `CreateCustomer` → `createCustomer`, `XMLExport` → `xmlExport`: a method name. */
export function methodName(operation: string): string {
  const name = safeTypeName(operation).replace(/^[A-Z]+(?=[A-Z][a-z]|\d|_|$)|^[A-Z]/, (m) => m.toLowerCase());
  // `constructor` would declare the constructor, not a method.
  return name === 'constructor' ? 'constructor_' : name;
}

/** The configured client class name, as an identifier. */
export function classIdentifier(name: string): string {
  return isIdentifier(name) ? name : safeTypeName(name);
}
