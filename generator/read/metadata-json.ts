/**
 * Reads ServiceStack's machine-readable metadata (`/types/metadata`: the MetadataTypes JSON): every
 * class's own properties as a table captioned with its name, with the Data Type and Parameter
 * columns its HTML page would show; its enums and `inherits`; each operation's routes, auth, tags
 * and the response type it states outright (which a page shows only through its samples). Every
 * fact keeps the line and column of the JSON it came from.
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                              |
 * | ----- | -------- | -------------------------------------------------------------------- |
 * | SS130 | warning  | malformed JSON (what could be read is kept)                           |
 * | SS131 | info     | a JSON file that is not ServiceStack metadata (no `operations`): skipped |
 * | SS132 | warning  | an operation without a request type name (skipped)                    |
 * | SS133 | warning  | a property without a name or a type (skipped)                         |
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { MetadataFragments, MetadataOperationFragment, ParamRowFragment, ParamTableFragment, RouteFragment } from './fragments.js';
import { parseDotNetType } from './dotnet-type.js';
import { MAX_JSON_DEPTH, offsetLocator, tooDeepAt } from './json-sample.js';
import { parseVerbs, pathVariables } from './routes.js';
import { splitLines } from './lines.js';

// --- jsonc-parser nodes, read defensively: any member may be missing or of another type.
const member = (n: Node | undefined, key: string): Node | undefined =>
  n?.type === 'object' ? n.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
const text = (n: Node | undefined): string | undefined => (n?.type === 'string' ? String(n.value) : undefined);
const flag = (n: Node | undefined): boolean => n?.type === 'boolean' && n.value === true;
const num = (n: Node | undefined): number | undefined => (n?.type === 'number' ? Number(n.value) : undefined);
const items = (n: Node | undefined): Node[] => (n?.type === 'array' ? (n.children ?? []) : []);
const texts = (n: Node | undefined): string[] => items(n).flatMap((c) => (c.type === 'string' ? [String(c.value)] : []));

/** CLR names as ServiceStack's pages print them (`Int32` → `int`), so both sources agree. */
const CSHARP_ALIASES: Record<string, string> = {
  String: 'string',
  Int32: 'int',
  Int64: 'long',
  Int16: 'short',
  Boolean: 'bool',
  Double: 'double',
  Decimal: 'decimal',
  Single: 'float',
  Byte: 'byte',
  SByte: 'sbyte',
  UInt16: 'ushort',
  UInt32: 'uint',
  UInt64: 'ulong',
  Char: 'char',
  Object: 'object',
};

interface Ctx {
  file: string;
  at: (offset: number) => SourceLocation;
  bag: DiagnosticBag;
  /** Every type the file describes, by name: `types` and each operation's request and response. */
  types: Map<string, Node>;
}

export function readMetadataJson(file: string, source: string, bag: DiagnosticBag): MetadataFragments | undefined {
  const lines = splitLines(source).map((t, i) => ({ text: t, line: i + 1 }));
  // Offsets count '\n' as one character; a CRLF file is read as its LF twin so that they line up.
  const at = offsetLocator(file, lines);
  const errors: ParseError[] = [];
  const normalised = source.replace(/\r\n?/g, '\n');
  const deep = tooDeepAt(normalised);
  if (deep !== undefined) {
    bag.warn('SS130', at(deep), `malformed metadata JSON: nested more than ${MAX_JSON_DEPTH} levels deep; not read`);
    return undefined;
  }
  const root = parseTree(normalised, errors, { disallowComments: true });
  for (const e of errors.slice(0, 5)) bag.warn('SS130', at(e.offset), `malformed metadata JSON: ${printParseErrorCode(e.error)}`);
  const operations = member(root, 'operations');
  if (operations?.type !== 'array') {
    bag.info('SS131', { file, line: 1 }, 'JSON file is not ServiceStack metadata (/types/metadata); skipped');
    return undefined;
  }
  const ctx: Ctx = { file, at, bag, types: new Map() };
  const addType = (t: Node | undefined) => {
    const name = text(member(t, 'name'));
    if (t && name && !ctx.types.has(name)) ctx.types.set(name, t);
  };
  for (const op of items(operations)) [member(op, 'request'), member(op, 'response')].forEach(addType);
  items(member(root, 'types')).forEach(addType);
  const metadata: MetadataFragments = { file, operations: [], tables: [], enums: [], bases: [] };
  for (const op of items(operations)) {
    const read = readOperation(ctx, op);
    if (read) metadata.operations.push(read);
  }
  const routesOf = new Map(metadata.operations.map((o) => [o.name.value, o.routes]));
  for (const [name, node] of ctx.types) addTypeOf(ctx, metadata, name, node, routesOf.get(name));
  return metadata;
}

function readOperation(ctx: Ctx, op: Node): MetadataOperationFragment | undefined {
  const request = member(op, 'request');
  const nameNode = member(request, 'name');
  const name = text(nameNode);
  if (!name) {
    ctx.bag.warn('SS132', ctx.at(op.offset), 'operation without a request type name; skipped');
    return undefined;
  }
  const loc = (n: Node | undefined) => ctx.at((n ?? op).offset);
  const description = text(member(request, 'description'));
  const response = member(op, 'response');
  const responseName = text(member(response, 'name'));
  return {
    name: { value: name, loc: loc(nameNode) },
    ...(description ? { description: { value: description, loc: loc(member(request, 'description')) } } : {}),
    tags: texts(member(op, 'tags')).map((value) => ({ value, loc: loc(member(op, 'tags')) })),
    ...readAuth(op, loc),
    routes: readRoutes(ctx, op, request),
    ...(responseName
      ? { response: { type: responseName, loc: loc(member(response, 'name')) } }
      : flag(member(op, 'returnsVoid'))
        ? { response: { loc: loc(member(op, 'returnsVoid')) } }
        : {}),
  };
}

function readAuth(op: Node, loc: (n: Node | undefined) => SourceLocation): Pick<MetadataOperationFragment, 'auth'> {
  if (!flag(member(op, 'requiresAuth'))) return {};
  const list = (...keys: string[]) => keys.flatMap((k) => texts(member(op, k)));
  return {
    auth: {
      required: true,
      roles: list('requiredRoles', 'requiresAnyRole'),
      permissions: list('requiredPermissions', 'requiresAnyPermission'),
      loc: loc(member(op, 'requiresAuth')),
    },
  };
}

/** `routes` of the operation (newer hosts) or of its request type (older ones); no verbs means all verbs. */
function readRoutes(ctx: Ctx, op: Node, request: Node | undefined): RouteFragment[] {
  const list = member(op, 'routes') ?? member(request, 'routes');
  return items(list).flatMap((r) => {
    const path = text(member(r, 'path'));
    const written = text(member(r, 'verbs'))?.toUpperCase();
    const verbs = written ? parseVerbs(written) : [];
    if (!path || !verbs) return [];
    const summary = text(member(r, 'summary'));
    const notes = text(member(r, 'notes'));
    return [{ verbs, path: path.startsWith('/') ? path : `/${path}`, ...(summary ? { summary } : {}), ...(notes ? { notes } : {}), loc: ctx.at(r.offset) }];
  });
}

/**
 * One type: an enum becomes an enum table; a class with own properties a parameter table (none
 * without: ServiceStack shows none), and its `inherits` a base. `routes` is set for a request type.
 */
function addTypeOf(ctx: Ctx, metadata: MetadataFragments, name: string, node: Node, routes: RouteFragment[] | undefined): void {
  const loc = ctx.at((member(node, 'name') ?? node).offset);
  if (flag(member(node, 'isEnum'))) {
    const names = texts(member(node, 'enumNames'));
    const values = texts(member(node, 'enumMemberValues')).length ? texts(member(node, 'enumMemberValues')) : texts(member(node, 'enumValues'));
    // By index: a member without a description is a null in the list.
    const descriptions = items(member(node, 'enumDescriptions')).map((c) => (c.type === 'string' ? String(c.value) : ''));
    const at = ctx.at((member(node, 'enumNames') ?? node).offset);
    const members = names.map((n, i) => ({
      name: n,
      ...(values[i] !== undefined ? { value: values[i] } : {}),
      ...(descriptions[i] ? { description: descriptions[i] } : {}),
      loc: at,
    }));
    metadata.enums.push({ name, members, ...(flag(member(node, 'isEnumInt')) ? { integer: true } : {}), loc });
    return;
  }
  const inherits = member(node, 'inherits');
  const base = text(member(inherits, 'name'));
  if (base) metadata.bases.push({ type: name, base, loc: ctx.at((inherits ?? node).offset) });
  const rows = items(member(node, 'properties')).flatMap((p) => {
    const row = propertyRow(ctx, p, routes);
    return row ? [row] : [];
  });
  if (rows.length) metadata.tables.push({ caption: name, rows, loc } satisfies ParamTableFragment);
}

/** One property as the page's row would show it. `routes` is set for the request type only. */
function propertyRow(ctx: Ctx, p: Node, routes: RouteFragment[] | undefined): ParamRowFragment | undefined {
  const name = text(member(p, 'name'));
  const type = dataType(p);
  const parsed = type === undefined ? undefined : parseDotNetType(type);
  if (!name || !type || !parsed) {
    ctx.bag.warn('SS133', ctx.at(p.offset), `property ${name ?? '(no name)'} has no readable type (${type ?? 'none'}); skipped`);
    return undefined;
  }
  return {
    name,
    parameter: text(member(p, 'paramType')) ?? (routes ? requestParamType(name, routes) : 'form'),
    dataType: type,
    type: parsed,
    required: flag(member(p, 'isRequired')),
    description: describe(p),
    loc: ctx.at(p.offset),
  };
}

/** ServiceStack's rule for a request member's Parameter column when the DTO does not set one. */
function requestParamType(name: string, routes: RouteFragment[]): string {
  if (!routes.length) return 'query';
  if (routes.some((r) => (pathVariables(r.path) ?? []).some((v) => v.toLowerCase() === name.toLowerCase()))) return 'path';
  const hasBody = routes.some((r) => r.verbs.length === 0 || r.verbs.includes('POST') || r.verbs.includes('PUT'));
  return hasBody ? 'body' : 'query';
}

/** The description with allowable values and range appended as the HTML page shows them. */
function describe(p: Node): string {
  const allowed = texts(member(p, 'allowableValues'));
  const min = num(member(p, 'allowableMin'));
  const max = num(member(p, 'allowableMax'));
  return [
    text(member(p, 'description')) ?? '',
    allowed.length ? `Allowable Values: ${allowed.join(', ')}` : '',
    min !== undefined ? `Valid Range: ${min} - ${max ?? ''}`.trim() : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** `{type: "Nullable`1", genericArgs: ["Int32"]}` → `int?`; `List`1` + `["String"]` → `List<string>`. */
function dataType(p: Node): string | undefined {
  const type = text(member(p, 'type'));
  if (!type) return undefined;
  const args = texts(member(p, 'genericArgs')).map(csharp);
  const base = type.replace(/`\d+$/, '');
  if (base === 'Nullable' && args.length === 1) return `${args[0]}?`;
  return args.length ? `${base}<${args.join(',')}>` : csharp(type);
}

function csharp(type: string): string {
  return type
    .replace(/`\d+/g, '')
    .replace(/\b[A-Z]\w*\b/g, (n) => CSHARP_ALIASES[n] ?? n)
    .replace(/Nullable<([^<>]+)>/g, '$1?')
    .replace(/\s+/g, '');
}
