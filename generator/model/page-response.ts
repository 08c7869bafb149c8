/**
 * An operation's response as one page tells it: what its DTO source states (`IReturn<T>`, or a
 * ServiceStack base that returns one: `QueryDb<X>`), its request line (`/oneway/`: none), or its
 * response sample: the XML root (a DataContract name read back: `QueryResponseOfCustomer…`), else
 * the titled table or DTO class whose members the JSON or JSV sample's keys fit (a generic class's
 * arguments from the sample too), else `{Operation}Response` by ServiceStack's convention.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import type { JsonNode, ParamTableFragment, XmlElement } from '../read/fragments.js';
import type { ResponseShape, TypeRef } from './api-model.js';
import { builtinType, type BuiltinType } from './builtins.js';
import { fit, FITS, rowKeys } from './catalog.js';
import { demangleGenericName, elementNames, pageGenerics } from './datacontract-names.js';
import type { DeclaredClass } from './declared.js';
import { withParameters } from './generics.js';
import type { ModelPage } from './model-page.js';
import { memberKey } from './naming.js';
import { fromDotNet } from './type-ref.js';

/** Where a table's or a response's name comes from. `dto`: a DTO source class (Python, C#, TypeScript…) says so. */
export type NameSource = 'caption' | 'dto' | 'sample' | 'convention' | 'catalog' | 'position' | 'fallback';

export interface PageResponse {
  shape: ResponseShape;
  loc: SourceLocation;
  how: NameSource;
}

/**
 * The titled table the JSON response sample shows: the one whose members the sample's keys explain
 * best (the sample holds inherited members too), unless `{Operation}Response` has a table of its own.
 */
function captionFitting(page: ModelPage, operation: string, sampleKeys: readonly string[]): ParamTableFragment | undefined {
  const tables = page.fragments.tables.filter((t) => t.caption !== undefined && t.caption !== operation);
  if (tables.some((t) => t.caption === `${operation}Response`)) return undefined;
  const keys = new Set(sampleKeys);
  let best: ParamTableFragment | undefined;
  let bestScore = FITS;
  for (const t of tables) {
    const score = fit(rowKeys(t), keys);
    if (score > bestScore || (score === bestScore && best === undefined)) [best, bestScore] = [t, score];
  }
  return best;
}

/** A page without samples whose tables include one captioned `{Operation}Response`: ServiceStack's convention names it the response. */
function captionedResponse(page: ModelPage, operation: string): PageResponse | undefined {
  const table = page.fragments.tables.find((t) => t.caption === `${operation}Response`);
  return table && { shape: { kind: 'typed', type: table.caption! }, loc: table.loc, how: 'caption' };
}

/** The response an XML root names: a generic type's use by its DataContract name (`QueryResponseOfCustomer…`), else the root's name. */
function xmlRootType(page: ModelPage, root: XmlElement): ResponseShape {
  const known = new Set([...elementNames(root), ...page.declared.map((c) => c.name), ...page.fragments.tables.flatMap((t) => (t.caption ? [t.caption] : []))]);
  const generic = demangleGenericName(root.localName, pageGenerics(page), known);
  return generic ? { kind: 'typed', ...generic } : { kind: 'typed', type: root.localName };
}

/**
 * The response the request class's `IReturn<T>` names, unless its generic arguments were erased
 * (JavaScript's `createResponse() { return new QueryResponse() }`): a generic type named without
 * them says less than the base and the sample do.
 */
function statedResponse(page: ModelPage, operation: string): DeclaredClass['response'] {
  const stated = page.declared.find((c) => c.name === operation && c.response)?.response;
  if (stated?.shape.kind !== 'typed' || stated.shape.args) return stated;
  const name = stated.shape.type;
  const generic = page.declared.find((c) => c.name === name)?.typeParameters.length ?? builtinType(name)?.typeParameters?.length;
  return generic ? undefined : stated;
}

/**
 * The response a request class's ServiceStack base returns (`QueryDb<Customer>` is an
 * `IReturn<QueryResponse<Customer>>`: builtins.ts), for a DTO source written without `IReturn<T>`
 * (a tab of an operation page: ServiceStack writes no operation there, so no marker). JavaScript
 * erases the base's arguments (`extends QueryDb`): they are read from the response sample then,
 * where it shows them (`results: [{…PostComment's members…}]`).
 */
function inheritedResponse(page: ModelPage, operation: string, sample?: JsonObject): DeclaredClass['response'] {
  const request = page.declared.find((c) => c.name === operation && c.bases.length);
  const base = request && builtinType(request.bases[0]!, request.baseArgs?.length);
  const returns = base?.returns && parseDotNetType(base.returns);
  if (!request || !base?.typeParameters || !returns) return undefined;
  const stated = request.baseArgs?.length === base.typeParameters.length ? request.baseArgs : undefined;
  const returned = builtinType(returns.name, returns.args.length);
  const shown = (a: string) => (sample && returned ? argumentShown(page, builtinClass(returned), a, sample) : undefined);
  const args = returns.args.map((a) => {
    const at = base.typeParameters!.indexOf(a.name);
    return at < 0 ? fromDotNet(a) : stated ? stated[at] : shown(returned!.typeParameters![returns.args.indexOf(a)]!);
  });
  if (!args.every((a): a is TypeRef => a !== undefined)) return undefined;
  return { shape: { kind: 'typed', type: returns.name, ...(args.length ? { args } : {}) }, loc: request.loc };
}

/** ServiceStack's declaration of one of its types as the members a sample is matched against. */
function builtinClass(t: BuiltinType): ShownClass {
  const params = t.typeParameters ?? [];
  const members = t.members.map(([name, written]) => {
    const parsed = parseDotNetType(written);
    return { key: memberKey(name), ...(parsed ? { type: withParameters(fromDotNet(parsed), params) } : {}) };
  });
  return { name: t.name, typeParameters: [...params], members };
}

/**
 * The DTO class the JSON response sample shows: the one (no enum) whose members, its bases' on the
 * page included, best match the sample's keys both ways (most of its members in the sample, most of
 * the sample's keys its members), the request's only where no other fits as well (`EchoTypes :
 * IReturn<EchoTypes>`). A generic class's arguments are read from the sample too.
 */
function classFitting(page: ModelPage, operation: string, sample: JsonObject): ResponseShape | undefined {
  const byName = declaredByName(page);
  const best = bestClass(page, objectKeys(sample), byName, operation);
  if (!best) return undefined;
  const args = best.typeParameters.map((p) => argumentShown(page, best, p, sample, byName));
  const known = args.every((a): a is TypeRef => a !== undefined);
  return { kind: 'typed', type: best.name, ...(args.length && known ? { args } : {}) };
}

type JsonObject = Extract<JsonNode, { kind: 'object' }>;

function declaredByName(page: ModelPage): Map<string, DeclaredClass> {
  return new Map(page.declared.map((c) => [c.name, c]));
}

function objectKeys(o: JsonObject): Set<string> {
  return new Set(o.members.map((m) => memberKey(m.key)));
}

function bestClass(page: ModelPage, keys: ReadonlySet<string>, byName: ReadonlyMap<string, DeclaredClass>, operation?: string): DeclaredClass | undefined {
  let best: DeclaredClass | undefined;
  let bestScore = FITS * FITS;
  for (const c of page.declared) {
    if (c.isEnum || !c.members.length) continue;
    const members = withBaseMembers(c, byName);
    const score = fit(members, keys) * fit(keys, members);
    if (score > bestScore || (score === bestScore && best?.name === operation)) [best, bestScore] = [c, score];
  }
  return best;
}

/** A class's member keys and those of its bases the page declares. */
function withBaseMembers(c: DeclaredClass, byName: ReadonlyMap<string, DeclaredClass>): Set<string> {
  const keys = new Set<string>();
  for (let k: DeclaredClass | undefined = c, depth = 0; k && depth < 16; k = k.bases[0] ? byName.get(k.bases[0]) : undefined, depth++)
    for (const m of k.members) keys.add(m.key);
  return keys;
}

/** What a sample is matched against: a class's type parameters and members with their types. */
type ShownClass = Pick<DeclaredClass, 'name' | 'typeParameters'> & { members: readonly { key: string; type?: TypeRef }[] };

/** The argument of a generic class's parameter: the class whose members the sample shows in a member typed as it (`T`, `List<T>`). */
function argumentShown(page: ModelPage, c: ShownClass, parameter: string, sample: JsonObject, byName = declaredByName(page)): TypeRef | undefined {
  for (const m of c.members) {
    const t = m.type?.kind === 'list' ? m.type.of : m.type;
    if (t?.kind !== 'parameter' || t.name !== parameter) continue;
    let value = sample.members.find((s) => memberKey(s.key) === m.key)?.value;
    if (value?.kind === 'array') value = value.items[0];
    const shown = value?.kind === 'object' ? bestClass(page, objectKeys(value), byName) : undefined;
    if (shown && !shown.typeParameters.length) return { kind: 'ref', name: shown.name, nullable: false };
  }
  return undefined;
}

/**
 * A page with a request sample and no response: ServiceStack shows none for an operation without a
 * response type, unless the copy lost it. Its DTO source declaring `{Operation}Response` says the
 * copy did (ServiceStack puts the response type among the page's types, and finds it by that name).
 */
function unshownResponse(page: ModelPage, operation: string, loc: SourceLocation, bag: DiagnosticBag): PageResponse | undefined {
  const conventional = page.declared.find((c) => c.name === `${operation}Response` && !c.isEnum);
  if (!conventional) return { shape: { kind: 'none' }, loc, how: 'sample' };
  bag.info(
    'SS057',
    loc,
    `the page shows no response sample but its DTO source declares '${conventional.name}': taken as the response by ServiceStack's {Operation}Response convention`,
  );
  return { shape: { kind: 'typed', type: conventional.name }, loc, how: 'convention' };
}

/** The request DTO's `IReturn<T>` names the response outright; a page shows it otherwise only in its samples. */
export function responseShape(page: ModelPage, operation: string, bag: DiagnosticBag): PageResponse | undefined {
  const { samples } = page.fragments;
  // ServiceStack writes `/{format}/oneway/{Op}` for an operation without a response type.
  if (page.requestLine?.kind === 'predefined' && page.requestLine.oneWay) return { shape: { kind: 'none' }, loc: page.requestLine.loc, how: 'sample' };
  const sample = samples.find((s) => s.direction === 'response')?.body;
  const shown = (sample?.format === 'json' || sample?.format === 'jsv') && sample.value.kind === 'object' ? sample.value : undefined;
  const marker = statedResponse(page, operation) ?? inheritedResponse(page, operation, shown);
  if (!samples.length && marker) return { ...marker, how: 'dto' };
  if (!samples.length) return captionedResponse(page, operation);
  const response = samples.find((s) => s.direction === 'response');
  if (!response) return unshownResponse(page, operation, samples[0]!.loc, bag);
  const body = response.body;
  if (!body) return { shape: { kind: 'none' }, loc: response.loc, how: 'sample' };
  if (body.format === 'xml') {
    if (body.root.localName === 'anyType') return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    return { shape: xmlRootType(page, body.root), loc: body.loc, how: 'sample' };
  }
  if ((body.format === 'json' || body.format === 'jsv') && body.value.kind === 'object') {
    if (!body.value.members.length) return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    if (marker?.shape.kind === 'typed') return { shape: marker.shape, loc: body.loc, how: 'dto' };
    const conventional = `${operation}Response`;
    const keys = body.value.members.map((m) => memberKey(m.key));
    const captioned = captionFitting(page, operation, keys);
    if (captioned && captioned.caption !== conventional) {
      const args = page.captionArgs.get(captioned);
      return { shape: { kind: 'typed', type: captioned.caption!, ...(args ? { args } : {}) }, loc: body.loc, how: 'caption' };
    }
    const declared = captioned ? undefined : classFitting(page, operation, body.value);
    if (declared) return { shape: declared, loc: body.loc, how: 'dto' };
    bag.info('SS057', body.loc, `the response sample does not name its type; named it '${conventional}' by ServiceStack's {Operation}Response convention`);
    return { shape: { kind: 'typed', type: conventional }, loc: body.loc, how: 'convention' };
  }
  bag.warn('SS057', body.loc, 'the response sample is neither an object nor an XML element; the response is taken as untyped');
  return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
}
