/**
 * Synthetic ServiceStack docs: a deterministic (seeded) generator of N operations written as the
 * pages the readers support, for the scale benchmark (`bench/scale.js`) and the tests.
 *
 * It first draws an API (the truth: operations, DTOs, enums, bases), then writes every operation
 * as one page in one of the forms below, each copied from a real example line by line:
 *
 * | form              | copied from                          | tables                 | DTO source | samples     |
 * | ----------------- | ------------------------------------ | ---------------------- | ---------- | ----------- |
 * | `pipe-xml`        | seed 000 (pipe rows with leading `|`) | unnamed pipe tables    | –          | XML         |
 * | `pipe-csv`        | seed 002 (pipe rows, no leading `|`)  | unnamed pipe tables    | –          | JSON (CSV)  |
 * | `squashed-python` | seed 001 (squashed text)              | –                      | Python     | XML         |
 * | `squashed-tables` | seed 003 (squashed text)              | "X Parameters:" tables | –          | XML         |
 * | `html-json`       | test/read/fixtures/html (real template) | `table.params`       | –          | JSON        |
 * | `html-xml`        | idem                                   | `table.params`        | –          | XML         |
 * | `html-python`     | idem (`&lang=python`)                  | –                     | Python     | JSON        |
 *
 * plus, with HTML on, the `/metadata` index page (`metadata.html`) that lists every operation.
 *
 * What a page form cannot say, a real crawl gets from another page, and so does this corpus:
 * pipe dumps lost the captions, so a base class or an enum on a pipe page is named only by a
 * captioned or Python page elsewhere (as seed 000 leans on 001). When no page of the corpus names
 * one, the operation gets a second page in a Python form (`coverage` in the manifest). A few other
 * operations get a second page anyway (`merge`), so that the model merges two forms of one operation.
 *
 * Limits, on purpose: enums are string enums (no values: a squashed dump glues `Pending0` into one
 * cell); one route per operation; every request DTO declares at least one member of its own (a
 * DTO without own members gets no table, and a pipe page then cannot tell it from its base);
 * every DTO has a member set of its own (unnamed tables are matched to types by their members).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// The truth

export type Primitive = 'string' | 'int' | 'long' | 'bool' | 'double' | 'decimal' | 'DateTime' | 'Guid';

export type FieldType =
  | { kind: 'primitive'; name: Primitive; nullable: boolean }
  | { kind: 'list'; of: { kind: 'primitive'; name: 'string' | 'int'; nullable: false } | { kind: 'ref'; name: string } }
  | { kind: 'dictionary' }
  | { kind: 'ref'; name: string };

export interface FieldSpec {
  /** The .NET property name (camelCase, as on the Booster host: the seeds' Name column and XML). */
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
}

export interface TypeSpec {
  name: string;
  kind: 'object' | 'enum';
  role: 'request' | 'response' | 'entity' | 'query-base' | 'shared' | 'enum';
  /** .NET namespace: the service's, or its Common one (XML samples prefix it `dNp1:`). */
  namespace: string;
  base?: string;
  fields: FieldSpec[];
  /** Enum member names. */
  members: string[];
  /** `requiredWhen` rules the descriptions state: `field` is required when `when` equals `equals`. */
  rules: { field: string; when: string; equals: string }[];
}

export type Verb = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OperationSpec {
  name: string;
  verb: Verb;
  path: string;
  pathVariables: string[];
  summary: string;
  notes?: string;
  description?: string;
  auth: { required: boolean; roles: string[]; permissions: string[] };
  tags: string[];
  request: string;
  response: { kind: 'typed'; type: string } | { kind: 'untyped' } | { kind: 'none' };
}

export interface SyntheticApi {
  service: string;
  host: string;
  namespace: string;
  commonNamespace: string;
  operations: OperationSpec[];
  types: Map<string, TypeSpec>;
}

export type PageForm = 'pipe-xml' | 'pipe-csv' | 'squashed-python' | 'squashed-tables' | 'html-json' | 'html-xml' | 'html-python';

export const TEXT_FORMS: readonly PageForm[] = ['pipe-xml', 'squashed-python', 'pipe-csv', 'squashed-tables'];
export const HTML_FORMS: readonly PageForm[] = ['html-json', 'html-xml', 'html-python'];
/** Forms whose pages name the types they show (captions or Python classes). */
export const NAMING_FORMS: ReadonlySet<PageForm> = new Set(['squashed-python', 'squashed-tables', 'html-json', 'html-xml', 'html-python']);
export const PYTHON_FORMS: ReadonlySet<PageForm> = new Set(['squashed-python', 'html-python']);
/** Forms that state whether the operation requires authentication (pipe dumps dropped that line). */
export const AUTH_FORMS: ReadonlySet<PageForm> = NAMING_FORMS;

export interface SyntheticPage {
  file: string;
  operation: string;
  form: PageForm;
  /** Why the page is there: the operation's own page, a second form of it, or one a pipe page needs. */
  why: 'primary' | 'merge' | 'coverage';
  /** Types the page shows as parameter or enum tables, and as Python classes. */
  tableTypes: string[];
  pythonTypes: string[];
  text: string;
}

export interface SyntheticOptions {
  operations: number;
  seed?: number;
  /** Include the HTML forms and the `/metadata` index (default true). */
  html?: boolean;
}

export interface SyntheticDocs {
  options: Required<SyntheticOptions>;
  api: SyntheticApi;
  pages: SyntheticPage[];
  /** `metadata.html`, when HTML is on. */
  index?: { file: string; text: string };
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): the same seed gives the same docs on every machine.

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.float() * xs.length)]!;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. No word holds a Parameter kind (`form`, `body`, `path`, `query`, `header`): a
// squashed row would then split two ways, which is the seed's ambiguity, not what we measure.

const QUALIFIERS = [
  'Parcel',
  'Store',
  'Client',
  'Loyalty',
  'Gift',
  'Repair',
  'Stock',
  'Price',
  'Promo',
  'Boutique',
  'Order',
  'Invoice',
  'Payment',
  'Shipment',
  'Warranty',
  'Service',
  'Product',
  'Catalog',
  'Supplier',
  'Campaign',
  'Survey',
  'Ticket',
  'Voucher',
  'Return',
  'Transfer',
  'Booking',
  'Fitting',
  'Engraving',
  'Appraisal',
  'Consent',
  'Delivery',
  'Partner',
];
const NOUNS = [
  'Label',
  'Note',
  'Entry',
  'Batch',
  'Slot',
  'Record',
  'Plan',
  'Rule',
  'Group',
  'Profile',
  'Report',
  'Item',
  'Line',
  'Task',
  'Window',
  'Quote',
  'Claim',
  'Summary',
  'Schedule',
  'Target',
  'Notice',
  'Tier',
  'Link',
  'Card',
  'Review',
  'Visit',
  'Offer',
  'Memo',
  'Request',
  'Document',
];
const SHARED_NOUNS = [
  'Address',
  'Phone',
  'Email',
  'Contact',
  'Money',
  'Period',
  'Dimension',
  'Coordinate',
  'Attachment',
  'Comment',
  'Interest',
  'Hobby',
  'Preference',
  'Measure',
  'Channel',
  'Segment',
  'Reference',
  'Signature',
  'Rating',
  'Medium',
];
const ENUM_NOUNS = ['Status', 'Kind', 'Level', 'Mode', 'Source', 'Stage', 'Priority', 'Origin'];
const ENUM_MEMBERS = [
  'Draft',
  'Active',
  'Pending',
  'Closed',
  'Archived',
  'Blocked',
  'Open',
  'Shipped',
  'Cancelled',
  'Standard',
  'Premium',
  'Internal',
  'External',
  'Low',
  'Medium',
  'High',
  'Manual',
  'Automatic',
  'Online',
  'Offline',
  'Retail',
  'Wholesale',
];
/** Members any DTO may have: [name stem, type, description]. */
const COMMON_FIELDS: [string, FieldType, string][] = [
  ['title', prim('string'), 'Title'],
  ['notes', prim('string'), 'Free text notes'],
  ['quantity', prim('int'), 'Quantity'],
  ['amount', prim('decimal'), 'Amount in the store currency'],
  ['weight', prim('double', true), 'Weight in kilograms'],
  ['isActive', prim('bool'), 'Whether it is active e.g. true or false'],
  ['isMain', prim('bool'), 'Main one'],
  ['startDate', prim('DateTime', true), "Start date e.g. '2024-01-31'"],
  ['endDate', prim('DateTime', true), "End date e.g. '2024-12-31'"],
  ['createdAt', prim('DateTime'), 'Creation date'],
  ['countryId', prim('string'), 'Country Id e.g. it, cn, az, gb, de'],
  ['languageId', prim('string'), 'Language Id e.g. ita, chi, eng'],
  ['externalId', prim('Guid'), 'Identifier in the external system'],
  ['sequence', prim('long'), 'Sequence number'],
  ['rank', prim('int', true), 'Rank, lowest first'],
  ['labels', { kind: 'list', of: { kind: 'primitive', name: 'string', nullable: false } }, "Labels e.g. 'VIP', 'NEW'"],
  ['codes', { kind: 'list', of: { kind: 'primitive', name: 'int', nullable: false } }, 'Numeric codes'],
  ['attributes', { kind: 'dictionary' }, 'Free-form key/values'],
  ['comment', prim('string'), 'Comment shown to the client'],
  ['brandId', prim('string'), "Brand e.g. 'CAR', 'MTB'"],
];

function prim(name: Primitive, nullable = false): FieldType {
  return { kind: 'primitive', name, nullable };
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);
/** `parcelLabelId` → `parcel label id`. */
const spaced = (camel: string) => camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
const plural = (word: string) => (/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);
/** `ParcelLabel` → `parcel-labels`. */
const routeSegment = (entity: string) => plural(spaced(entity).replace(/ /g, '-'));
/** ServiceStack's Python names: `contactBySMSFlag` → `contact_by_s_m_s_flag`. */
export const pythonName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, '');

// ---------------------------------------------------------------------------------------------
// Drawing the API

const OP_KINDS = ['Get', 'Search', 'Create', 'Update', 'Delete', 'Export'] as const;
type OpKind = (typeof OP_KINDS)[number];

export function syntheticApi(operations: number, seed = 1): SyntheticApi {
  const rng = new Rng(seed);
  const service = 'Synthetic.Retail.PublicApi';
  const namespace = 'Synthetic.Retail.ServiceModel';
  const commonNamespace = 'Synthetic.Retail.Common.ServiceModel';
  const types = new Map<string, TypeSpec>();
  const add = (t: TypeSpec) => {
    if (types.has(t.name)) throw new Error(`synthetic docs: type ${t.name} drawn twice`);
    types.set(t.name, t);
    return t;
  };
  const object = (name: string, role: TypeSpec['role'], fields: FieldSpec[], base?: string, ns = namespace): TypeSpec =>
    add({ name, kind: 'object', role, namespace: ns, ...(base ? { base } : {}), fields, members: [], rules: [] });

  // Enums, then shared value types (each may use the enums and the shared types drawn before it:
  // nested lists, no cycles), then query bases (a chain of two at most).
  const enumCount = Math.max(2, Math.ceil(operations / 20));
  const enums: string[] = [];
  for (const [i, name] of rng
    .shuffle(QUALIFIERS.flatMap((q) => ENUM_NOUNS.map((n) => `${q}${n}`)))
    .slice(0, enumCount)
    .entries()) {
    // Most enums are short; one in six (the first always) is long, as status and country lists are.
    const members = rng.shuffle(ENUM_MEMBERS).slice(0, i % 6 ? rng.int(3, 5) : rng.int(14, ENUM_MEMBERS.length));
    add({ name, kind: 'enum', role: 'enum', namespace, fields: [], members, rules: [] });
    enums.push(name);
  }
  const sharedCount = Math.max(4, Math.ceil(operations / 5));
  const sharedNames = rng.shuffle(QUALIFIERS.flatMap((q) => SHARED_NOUNS.map((n) => `${q}${n}`))).slice(0, sharedCount);
  const shared: string[] = [];
  for (const name of sharedNames) {
    const fields = drawFields(rng, lowerFirst(name), rng.int(1, 4), { enums, shared, allowRefs: true });
    object(name, 'shared', fields, undefined, rng.chance(0.2) ? commonNamespace : namespace);
    shared.push(name);
  }
  const queryBases: string[] = [];
  const queryBaseCount = Math.max(1, Math.ceil(operations / 60));
  for (const q of rng.shuffle(QUALIFIERS).slice(0, queryBaseCount)) {
    const name = `${q}Query`;
    const stem = lowerFirst(q);
    const fields: FieldSpec[] = [
      { name: `${stem}Skip`, type: prim('int', true), required: false, description: 'Number of results to skip' },
      { name: `${stem}Take`, type: prim('int', true), required: false, description: 'Number of results to return' },
    ];
    if (rng.chance(0.5)) fields.push({ name: `${stem}OrderBy`, type: prim('string'), required: false, description: "Sort order e.g. 'title', '-createdAt'" });
    const base = queryBases.length && rng.chance(0.5) ? rng.pick(queryBases) : undefined;
    object(name, 'query-base', fields, base);
    queryBases.push(name);
  }

  // Entities: each gives a record DTO (the base of its Create/Update requests, as Customer is
  // the base of CreateCustomer and UpdateCustomer) and a few operations.
  const ops: OperationSpec[] = [];
  const opNames = new Set<string>();
  const entities = rng.shuffle(QUALIFIERS.flatMap((q) => NOUNS.map((n) => `${q}${n}`)));
  for (let e = 0; ops.length < operations; e++) {
    const entity = entities[e % entities.length]! + (e >= entities.length ? String(Math.floor(e / entities.length) + 1) : '');
    const stem = lowerFirst(entity);
    const kinds = rng
      .shuffle(OP_KINDS)
      .slice(0, rng.int(1, 4))
      .sort((a, b) => OP_KINDS.indexOf(a) - OP_KINDS.indexOf(b));
    const usesRecord = kinds.some((k) => k === 'Create' || k === 'Update' || k === 'Get' || k === 'Search');
    if (usesRecord) {
      const fields = [
        { name: `${stem}Code`, type: prim('string'), required: true, description: `${upperFirst(spaced(stem))} code e.g. 'X-100'` },
        ...drawFields(rng, stem, rng.int(2, 6), { enums, shared, allowRefs: true }),
      ];
      const record = object(entity, 'entity', fields);
      if (rng.chance(0.3)) addRule(rng, record);
    }
    const group = QUALIFIERS.find((q) => entity.startsWith(q))!.toLowerCase();
    for (const kind of kinds) {
      if (ops.length >= operations) break;
      const op = drawOperation(rng, kind, entity, { object, types, enums, shared, queryBases, group });
      if (opNames.has(op.name)) continue;
      opNames.add(op.name);
      ops.push(op);
    }
  }
  distinctMemberSets(types);
  return { service, host: 'api.synthetic.test', namespace, commonNamespace, operations: ops, types };
}

interface DrawContext {
  enums: string[];
  shared: string[];
  allowRefs: boolean;
}

/** `count` members for a DTO whose names start from `stem`; names are unique within the DTO. */
function drawFields(rng: Rng, stem: string, count: number, ctx: DrawContext): FieldSpec[] {
  const fields: FieldSpec[] = [];
  const used = new Set<string>();
  for (let i = 0; fields.length < count && i < count * 4; i++) {
    const roll = rng.float();
    let field: FieldSpec;
    if (ctx.allowRefs && roll < 0.18 && ctx.shared.length) {
      const ref = rng.pick(ctx.shared);
      const list = rng.chance(0.6);
      const name = list ? plural(lowerFirst(ref)) : lowerFirst(ref);
      field = {
        name,
        type: list ? { kind: 'list', of: { kind: 'ref', name: ref } } : { kind: 'ref', name: ref },
        required: false,
        description: `${upperFirst(spaced(ref))} ${list ? 'list' : 'details'}`,
      };
    } else if (roll < 0.3 && ctx.enums.length) {
      const ref = rng.pick(ctx.enums);
      field = {
        name: lowerFirst(ref),
        type: { kind: 'ref', name: ref },
        required: rng.chance(0.3),
        description: `${upperFirst(spaced(ref))} of the ${spaced(stem)}`,
      };
    } else {
      const [name, type, description] = rng.pick(COMMON_FIELDS);
      field = { name, type, required: type.kind === 'primitive' && !type.nullable && rng.chance(0.35), description };
    }
    if (used.has(field.name)) continue;
    used.add(field.name);
    fields.push(field);
  }
  return fields;
}

/** "Mandatory only when <type member> is 'X'" on one member, as seed 000's clientType rules. */
function addRule(rng: Rng, record: TypeSpec): void {
  const stem = lowerFirst(record.name);
  const [a, b] = rng.shuffle(['PRIVATE', 'COMPANY', 'PARTNER', 'STAFF']);
  const subject: FieldSpec = {
    name: `${stem}Type`,
    type: prim('string'),
    required: true,
    description: `${upperFirst(spaced(stem))} type e.g. '${a}' or '${b}'`,
  };
  const target = record.fields.find((f) => !f.required && f.type.kind === 'primitive' && f.type.name === 'string');
  if (!target) return;
  target.description = `${target.description} - Mandatory only when ${spaced(stem)} type is '${b}'`;
  record.fields.splice(1, 0, subject);
  record.rules.push({ field: target.name, when: subject.name, equals: b! });
}

interface OpContext {
  object: (name: string, role: TypeSpec['role'], fields: FieldSpec[], base?: string) => TypeSpec;
  types: Map<string, TypeSpec>;
  enums: string[];
  shared: string[];
  queryBases: string[];
  group: string;
}

function drawOperation(rng: Rng, kind: OpKind, entity: string, ctx: OpContext): OperationSpec {
  const stem = lowerFirst(entity);
  const words = spaced(entity);
  const segment = `/${routeSegment(entity)}`;
  const idField: FieldSpec = {
    name: `${stem}Id`,
    type: prim(rng.chance(0.8) ? 'int' : 'long'),
    required: rng.chance(0.5),
    description: `${upperFirst(words)} Id`,
  };
  const extra = (n: number) => drawFields(rng, stem, n, { enums: ctx.enums, shared: ctx.shared, allowRefs: kind !== 'Get' && kind !== 'Delete' });
  const auth = rng.chance(0.75)
    ? { required: true, roles: rng.chance(0.2) ? ['Manager'] : [], permissions: rng.chance(0.15) ? [`${ctx.group}:write`] : [] }
    : { required: false, roles: [], permissions: [] };
  const description = rng.chance(0.4) ? `${kind === 'Search' ? 'Lists' : `${kind}s`} ${plural(words)} of the ${ctx.group} domain.` : undefined;
  let name: string;
  let verb: Verb;
  let routePath: string;
  let summary: string;
  let notes: string | undefined;
  let own: FieldSpec[];
  let base: string | undefined;
  let response: OperationSpec['response'];
  const typedResponse = (fields: FieldSpec[]) => {
    ctx.object(`${name}Response`, 'response', fields);
    return { kind: 'typed' as const, type: `${name}Response` };
  };
  switch (kind) {
    case 'Get':
      name = `Get${entity}`;
      [verb, routePath, summary, notes] = ['GET', `${segment}/{${idField.name}}`, `Get ${words}`, `Returns one ${words}`];
      own = [idField, ...extra(rng.int(0, 2))];
      response = rng.chance(0.85)
        ? typedResponse([
            { name: stem, type: { kind: 'ref', name: entity }, required: false, description: `The ${words}` },
            { name: `${stem}Version`, type: prim('int'), required: false, description: 'Version of the record' },
          ])
        : { kind: 'untyped' };
      break;
    case 'Search':
      name = `Search${plural(entity)}`;
      [verb, routePath, summary, notes] = ['GET', segment, `Search ${plural(words)}`, `Finds ${plural(words)} by filter`];
      own = [
        { name: `${stem}Text`, type: prim('string'), required: false, description: `Search text, exact match on the ${words} code` },
        ...extra(rng.int(0, 3)),
      ];
      base = rng.chance(0.7) ? rng.pick(ctx.queryBases) : undefined;
      response = typedResponse([
        { name: plural(stem), type: { kind: 'list', of: { kind: 'ref', name: entity } }, required: false, description: `Matching ${plural(words)}` },
        { name: `${stem}Total`, type: prim('int'), required: true, description: 'Number of matches in all pages' },
      ]);
      break;
    case 'Create':
      name = `Create${entity}`;
      [verb, routePath, summary, notes] = ['POST', segment, `Create ${words}`, rng.chance(0.7) ? `Create ${ctx.group.toUpperCase()} ${words}` : undefined];
      own = [
        { name: `${stem}PolicyAccepted`, type: prim('bool'), required: true, description: 'Privacy policy acceptance for data storage' },
        ...extra(rng.int(0, 2)),
      ];
      base = rng.chance(0.7) ? entity : undefined;
      response = rng.chance(0.7)
        ? typedResponse([{ name: idField.name, type: idField.type, required: true, description: `${upperFirst(words)} Id` }])
        : { kind: 'untyped' };
      break;
    case 'Update':
      name = `Update${entity}`;
      [verb, routePath, summary, notes] = ['PUT', `${segment}/{${idField.name}}`, `Update ${words}`, `Update ${ctx.group.toUpperCase()} ${words}`];
      own = [idField, ...extra(rng.int(0, 1))];
      base = rng.chance(0.75) ? entity : undefined;
      response = rng.chance(0.6)
        ? { kind: 'untyped' }
        : typedResponse([{ name: `${stem}UpdatedAt`, type: prim('DateTime'), required: false, description: 'When the update was stored' }]);
      break;
    case 'Delete':
      name = `Delete${entity}`;
      [verb, routePath, summary, notes] = ['DELETE', `${segment}/{${idField.name}}`, `Delete ${words}`, undefined];
      own = [idField, ...extra(rng.int(0, 1))];
      response = rng.chance(0.6) ? { kind: 'none' } : { kind: 'untyped' };
      break;
    case 'Export': {
      name = `Export${plural(entity)}`;
      [verb, routePath, summary, notes] = ['POST', `${segment}/{brand}/export`, `Export ${plural(words)}`, undefined];
      own = [
        { name: 'brand', type: prim('string'), required: true, description: 'Brand' },
        { name: `${stem}DownloadId`, type: prim('string'), required: true, description: 'Export Request ID of the API Consumers' },
      ];
      const search = `Search${plural(entity)}`;
      // Like seed 003's ExportCustomer : SearchCustomer: a request extending another request.
      base = ctx.types.has(search) ? search : rng.chance(0.5) ? rng.pick(ctx.queryBases) : undefined;
      response = typedResponse([{ name: `${stem}TaskId`, type: prim('Guid'), required: true, description: 'Unique Identifier of the Export Request created' }]);
      break;
    }
  }
  // A member is declared once in a chain: drop own members a base already declares.
  const inherited = new Set<string>();
  for (let b = base; b; b = ctx.types.get(b)?.base) for (const f of ctx.types.get(b)?.fields ?? []) inherited.add(f.name);
  ctx.object(
    name,
    'request',
    own.filter((f) => !inherited.has(f.name)),
    base,
  );
  const pathVariables = [...routePath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return {
    name,
    verb,
    path: routePath,
    pathVariables,
    summary,
    ...(notes ? { notes } : {}),
    ...(description ? { description } : {}),
    auth,
    tags: [ctx.group],
    request: name,
    response,
  };
}

/** Every object DTO gets a member set of its own: the model matches unnamed tables to types by their members. */
function distinctMemberSets(types: Map<string, TypeSpec>): void {
  const seen = new Set<string>();
  for (const t of types.values()) {
    if (t.kind !== 'object') continue;
    let key = t.fields
      .map((f) => f.name.toLowerCase())
      .sort()
      .join(',');
    if (seen.has(key)) {
      t.fields.push({ name: `${lowerFirst(t.name)}Ref`, type: prim('string'), required: false, description: 'Reference of the caller' });
      key = t.fields
        .map((f) => f.name.toLowerCase())
        .sort()
        .join(',');
    }
    seen.add(key);
  }
}

// ---------------------------------------------------------------------------------------------
// What a type mentions

/** DTO and enum names a member type mentions. */
export function refsOf(t: FieldType): string[] {
  if (t.kind === 'ref') return [t.name];
  if (t.kind === 'list' && t.of.kind === 'ref') return [t.of.name];
  return [];
}

/** The Data Type column: `string`, `DateTime?`, `List<Email>`, `Dictionary<string,string>`. */
export function dotNetType(t: FieldType): string {
  switch (t.kind) {
    case 'primitive':
      return `${t.name}${t.nullable ? '?' : ''}`;
    case 'list':
      return `List<${t.of.name}>`;
    case 'dictionary':
      return 'Dictionary<string,string>';
    case 'ref':
      return t.name;
  }
}

/** Base chain, most derived first. */
function chain(api: SyntheticApi, name: string): TypeSpec[] {
  const out: TypeSpec[] = [];
  for (let t = api.types.get(name); t; t = t.base ? api.types.get(t.base) : undefined) out.push(t);
  return out;
}

/**
 * The types an operation page shows, in ServiceStack's order (`GetMetadataTypesForOperation`):
 * the request, its base (and that base's base…, each followed by the types it uses), the types
 * the request uses, depth first; then the response and the types it uses. Each type once.
 */
export function pageTypeOrder(api: SyntheticApi, op: OperationSpec): string[] {
  const order: string[] = [];
  const add = (name: string) => {
    if (order.includes(name)) return;
    const t = api.types.get(name);
    if (!t) return;
    order.push(name);
    if (t.base) add(t.base);
    for (const f of t.fields) for (const r of refsOf(f.type)) add(r);
  };
  add(op.request);
  if (op.response.kind === 'typed') add(op.response.type);
  return order;
}

/** Python DTO classes in the order ServiceStack's Python generator writes them: what a class uses comes before it. */
function pythonTypeOrder(api: SyntheticApi, op: OperationSpec): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name) || visiting.has(name)) return;
    const t = api.types.get(name);
    if (!t) return;
    visiting.add(name);
    if (t.base) visit(t.base);
    if (name === op.request && op.response.kind === 'typed') visit(op.response.type);
    for (const f of t.fields) for (const r of refsOf(f.type)) visit(r);
    order.push(name);
  };
  visit(op.request);
  return order;
}

// ---------------------------------------------------------------------------------------------
// Samples

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const dataContract = (ns: string) => `http://schemas.datacontract.org/2004/07/${ns}`;
const JSON_DATE = '\\/Date(-62135596800000-0000)\\/';

function xmlScalar(api: SyntheticApi, t: FieldType): string {
  if (t.kind === 'ref') return api.types.get(t.name)!.members[0]!;
  if (t.kind !== 'primitive') return '';
  switch (t.name) {
    case 'string':
      return 'String';
    case 'bool':
      return 'false';
    case 'DateTime':
      return '0001-01-01T00:00:00';
    case 'Guid':
      return '00000000-0000-0000-0000-000000000000';
    default:
      return '0';
  }
}

/**
 * The XML sample of a DTO, as DataContractSerializer writes it: base-class members first, each
 * class's members in ordinal order, in the namespace of the class that declares them; types from
 * another namespace and primitive lists get a `dNp1:` prefix declared where they start.
 */
export function xmlSample(api: SyntheticApi, root: string): string[] {
  const lines: string[] = [];
  const defaultNs = dataContract(api.types.get(root)!.namespace);
  lines.push(`<${root} xmlns:i="${XSI}" xmlns="${defaultNs}">`);
  const members = (typeName: string, depth: number, scope: Map<string, string>) => {
    for (const t of chain(api, typeName).reverse()) {
      const ns = dataContract(t.namespace);
      for (const f of [...t.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) member(f, ns, depth, scope);
    }
  };
  const qualify = (name: string, ns: string, scope: Map<string, string>) => (ns === defaultNs ? name : `${scope.get(ns)}:${name}`);
  const pad = (depth: number) => '  '.repeat(depth - 1);
  const member = (f: FieldSpec, ns: string, depth: number, scope: Map<string, string>) => {
    const tag = qualify(f.name, ns, scope);
    const t = f.type;
    const open = (inner: string, decl = '') => lines.push(`${pad(depth)}<${tag}${decl}>${inner}`);
    const close = () => lines.push(`${pad(depth)}</${tag}>`);
    const declare = (childNs: string) => {
      if (childNs === defaultNs || scope.has(childNs)) return { decl: '', scope };
      const prefix = `d${depth}p1`;
      return { decl: ` xmlns:${prefix}="${childNs}"`, scope: new Map([...scope, [childNs, prefix]]) };
    };
    if (t.kind === 'primitive' || (t.kind === 'ref' && api.types.get(t.name)!.kind === 'enum')) {
      lines.push(`${pad(depth)}<${tag}>${xmlScalar(api, t)}</${tag}>`);
    } else if (t.kind === 'ref') {
      const child = api.types.get(t.name)!;
      const d = declare(dataContract(child.namespace));
      open('', d.decl);
      members(child.name, depth + 1, d.scope);
      close();
    } else if (t.kind === 'dictionary') {
      const p = `d${depth}p1`;
      open('', ` xmlns:${p}="${ARRAYS}"`);
      lines.push(`${pad(depth + 1)}<${p}:KeyValueOfstringstring>`);
      lines.push(`${pad(depth + 2)}<${p}:Key>String</${p}:Key>`);
      lines.push(`${pad(depth + 2)}<${p}:Value>String</${p}:Value>`);
      lines.push(`${pad(depth + 1)}</${p}:KeyValueOfstringstring>`);
      close();
    } else if (t.of.kind === 'primitive') {
      const p = `d${depth}p1`;
      open('', ` xmlns:${p}="${ARRAYS}"`);
      lines.push(`${pad(depth + 1)}<${p}:${t.of.name}>${t.of.name === 'string' ? 'String' : '0'}</${p}:${t.of.name}>`);
      close();
    } else {
      const child = api.types.get(t.of.name)!;
      const childNs = dataContract(child.namespace);
      const d = declare(childNs);
      open('', d.decl);
      const item = qualify(child.name, childNs, d.scope);
      lines.push(`${pad(depth + 1)}<${item}>`);
      members(child.name, depth + 2, d.scope);
      lines.push(`${pad(depth + 1)}</${item}>`);
      close();
    }
  };
  members(root, 2, new Map());
  lines.push(`</${root}>`);
  return lines;
}

/** The JSON sample: the most derived class's members first (as ServiceStack.Text writes them), placeholders as values. */
export function jsonSample(api: SyntheticApi, root: string): string {
  const value = (t: FieldType): unknown => {
    switch (t.kind) {
      case 'primitive':
        return t.name === 'string'
          ? 'String'
          : t.name === 'bool'
            ? false
            : t.name === 'DateTime'
              ? JSON_DATE
              : t.name === 'Guid'
                ? '00000000000000000000000000000000'
                : 0;
      case 'dictionary':
        return { String: 'String' };
      case 'list':
        return [t.of.kind === 'primitive' ? value(t.of) : object(t.of.name)];
      case 'ref':
        return api.types.get(t.name)!.kind === 'enum' ? api.types.get(t.name)!.members[0] : object(t.name);
    }
  };
  const object = (name: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const t of chain(api, name)) for (const f of t.fields) out[f.name] = value(f.type);
    return out;
  };
  return JSON.stringify(object(root)).replaceAll(JSON.stringify(JSON_DATE), `"${JSON_DATE}"`);
}

// ---------------------------------------------------------------------------------------------
// Python DTOs (`&lang=python`), as seed 001 and the HTML fixtures show them

const PYTHON_IMPORTS = [
  'import datetime',
  'import decimal',
  'from marshmallow.fields import *',
  'from servicestack import *',
  'from typing import *',
  'from dataclasses import dataclass, field',
  'from dataclasses_json import dataclass_json, LetterCase, Undefined, config',
  'from enum import Enum, IntEnum',
];

function pythonAnnotation(api: SyntheticApi, t: FieldType): string {
  switch (t.kind) {
    case 'primitive': {
      const [py, dflt] = (
        {
          string: ['str', 'None'],
          Guid: ['str', 'None'],
          int: ['int', '0'],
          long: ['int', '0'],
          bool: ['bool', 'False'],
          double: ['float', '0.0'],
          decimal: ['Decimal', 'decimal.Decimal(0)'],
          DateTime: ['datetime.datetime', 'datetime.datetime(1, 1, 1)'],
        } as const
      )[t.name];
      const reference = t.name === 'string' || t.name === 'Guid';
      return reference || t.nullable ? `Optional[${py}] = None` : `${py} = ${dflt}`;
    }
    case 'list':
      return `Optional[List[${t.of.kind === 'primitive' ? (t.of.name === 'string' ? 'str' : 'int') : t.of.name}]] = None`;
    case 'dictionary':
      return 'Optional[Dict[str, str]] = None';
    case 'ref':
      return `Optional[${api.types.get(t.name)!.name}] = None`;
  }
}

export function pythonSource(api: SyntheticApi, op: OperationSpec): string[] {
  const lines = [...PYTHON_IMPORTS, '', ''];
  for (const name of pythonTypeOrder(api, op)) {
    const t = api.types.get(name)!;
    if (t.kind === 'enum') {
      lines.push(`class ${t.name}(str, Enum):`, ...t.members.map((m) => `    ${m.toUpperCase()} = '${m}'`), '', '');
      continue;
    }
    const bases = [...(t.base ? [t.base] : [])];
    if (name === op.request) {
      if (op.response.kind === 'typed') bases.push(`IReturn[${op.response.type}]`);
      if (op.response.kind === 'none') bases.push('IReturnVoid');
      if (op.description) lines.push(`# @Api(Description="${op.description}")`);
    }
    lines.push(
      '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)',
      '@dataclass',
      `class ${t.name}${bases.length ? `(${bases.join(', ')})` : ''}:`,
    );
    if (name === op.request && op.description) lines.push('    """', `    ${op.description}`, '    """', '');
    if (!t.fields.length) lines.push('    pass');
    t.fields.forEach((f, i) => {
      if (i > 0) lines.push('', '');
      lines.push(`    # @ApiMember(Description="${f.description}"${f.required ? ', IsRequired=true' : ''})`);
      lines.push(`    ${pythonName(f.name)}: ${pythonAnnotation(api, f.type)}`);
      lines.push('    """', `    ${f.description}`, '    """');
    });
    lines.push('', '');
  }
  lines.splice(lines.length - 1, 1); // one blank line before "Python X DTOs", as in seed 001
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Page forms

const SAMPLES_INTRO = 'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.';
const callInfo = (format: string) =>
  `To override the Content-type in your clients, use the HTTP Accept Header, append the .${format} suffix or ?format=${format}`;
const CONTENT_TYPES: Record<string, string> = { xml: 'application/xml', json: 'application/json', csv: 'text/csv' };

/** The verb of the sample request line: ServiceStack prefers POST, PUT, PATCH, then GET, DELETE. */
const hasBody = (op: OperationSpec) => op.verb === 'POST' || op.verb === 'PUT';

/** Parameter column: the request's own members say where they travel; every other table says `form`. */
function parameterKind(op: OperationSpec, typeName: string, field: FieldSpec): string {
  if (typeName !== op.request) return 'form';
  if (op.pathVariables.includes(field.name)) return 'path';
  return hasBody(op) ? 'body' : 'query';
}

interface TableView {
  name: string;
  kind: 'params' | 'enum';
  rows: { name: string; parameter: string; dataType: string; required: string; description: string }[];
  members: string[];
}

/** The tables of a page: no table for a class without own members (it still leads to the types it uses). */
function tableViews(api: SyntheticApi, op: OperationSpec): TableView[] {
  return pageTypeOrder(api, op).flatMap((name): TableView[] => {
    const t = api.types.get(name)!;
    if (t.kind === 'enum') return [{ name, kind: 'enum', rows: [], members: t.members }];
    if (!t.fields.length) return [];
    const rows = t.fields.map((f) => ({
      name: f.name,
      parameter: parameterKind(op, name, f),
      dataType: dotNetType(f.type),
      required: f.required ? 'Yes' : 'No',
      description: f.description,
    }));
    return [{ name, kind: 'params', rows, members: [] }];
  });
}

function requestLines(api: SyntheticApi, op: OperationSpec, format: 'xml' | 'json' | 'csv', trailing: string): string[] {
  const type = CONTENT_TYPES[format]!;
  const head = [`${op.verb} ${op.path} HTTP/1.1${trailing}`, `Host: ${api.host}${trailing}`, `Accept: ${type}`];
  if (!hasBody(op)) return head;
  return [...head, `Content-Type: ${type}`, 'Content-Length: length'];
}

function responseBody(api: SyntheticApi, op: OperationSpec, format: 'xml' | 'json'): string[] | undefined {
  if (op.response.kind === 'none') return undefined;
  if (op.response.kind === 'untyped')
    return format === 'xml' ? [`<z:anyType xmlns:i="${XSI}" xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" />`] : ['{}'];
  return format === 'xml' ? xmlSample(api, op.response.type) : [jsonSample(api, op.response.type)];
}

/** Seeds 000 (`|` first, XML) and 002 (no `|` first, the CSV page's JSON): pipe tables, no captions, no header lines. */
function pipePage(api: SyntheticApi, op: OperationSpec, lead: boolean, format: 'xml' | 'csv'): string[] {
  const row = (cells: string[]) => `${lead ? '| ' : ''}${cells.join(' | ')} |`;
  const sep = (n: number) => `${lead ? '|' : ''}${Array.from({ length: n }, () => '---').join('|')}|`;
  const lines = [row([op.verb, op.path, op.summary, op.notes ?? '']).replace(/  \|$/, ' |'), sep(1)];
  for (const t of tableViews(api, op)) {
    if (t.kind === 'enum') {
      lines.push(row(['Name']), sep(1), ...t.members.map((m) => row([m])));
      continue;
    }
    lines.push(row(['Name', 'Parameter', 'Data Type', 'Required', 'Description']), sep(5));
    for (const r of t.rows) lines.push(row([r.name, r.parameter, r.dataType, r.required, r.description]));
  }
  lines.push(callInfo(format), SAMPLES_INTRO, ...requestLines(api, op, format, ''));
  const bodyFormat = format === 'csv' ? 'json' : 'xml';
  if (hasBody(op)) lines.push(...(bodyFormat === 'xml' ? xmlSample(api, op.request).map((l) => l.trim()) : [jsonSample(api, op.request)]));
  const response = responseBody(api, op, bodyFormat);
  // The dump kept the response block on one line: status, headers and body joined by spaces.
  if (response) lines.push(`HTTP/1.1 200 OK Content-Type: ${CONTENT_TYPES[format]} Content-Length: length ${response.map((l) => l.trim()).join(' ')}`);
  return lines;
}

/** Service name, back link, operation name, description, auth and route lines, as seeds 001/003 start. */
function squashedHeader(api: SyntheticApi, op: OperationSpec): string[] {
  const lines = [api.service, '', '<back to all web services', '', op.name, ''];
  if (op.description) lines.push(op.description, '');
  if (op.auth.required) lines.push('Requires Authentication');
  lines.push('The following routes are available for this service:', `${op.verb}${op.path}${op.summary}${op.notes ?? ''}`);
  return lines;
}

/** The sample section of seeds 001/003: one header per line, a blank line before each body, XML indented. */
function squashedSamples(api: SyntheticApi, op: OperationSpec): string[] {
  const lines = ['', callInfo('xml'), '', 'HTTP + XML', '', SAMPLES_INTRO, '', ...requestLines(api, op, 'xml', ' ')];
  if (hasBody(op)) lines.push('', ...xmlSample(api, op.request));
  const response = responseBody(api, op, 'xml');
  if (response) lines.push('HTTP/1.1 200 OK', 'Content-Type: application/xml', 'Content-Length: length', '', ...response);
  return lines;
}

/** Seed 001: squashed header, the Python DTOs instead of tables, XML samples. */
function squashedPythonPage(api: SyntheticApi, op: OperationSpec): string[] {
  return [...squashedHeader(api, op), ...pythonSource(api, op), `Python ${op.name} DTOs`, ...squashedSamples(api, op)];
}

/** Seed 003: squashed header, "X Parameters:" tables with squashed rows, XML samples. */
function squashedTablesPage(api: SyntheticApi, op: OperationSpec): string[] {
  const lines = squashedHeader(api, op);
  for (const t of tableViews(api, op)) {
    if (t.kind === 'enum') {
      lines.push(`${t.name} Enum:`, ...t.members);
      continue;
    }
    lines.push(`${t.name} Parameters:`, 'NameParameterData TypeRequiredDescription');
    for (const r of t.rows) lines.push(`${r.name}${r.parameter}${r.dataType}${r.required}${r.description}`);
  }
  return [...lines, ...squashedSamples(api, op)];
}

// ---- HTML, as ServiceStack's OperationControl and BaseMetadataHandler write it

const htmlText = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
const htmlEncode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const htmlEncodeLite = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HTML_HEAD = (title: string) => `<!DOCTYPE html>
<html>
<head>
    <title>${title}</title>
    <style type="text/css">
        body  {
            background-color:white;
            color:#000000;
            font-family: "Helvetica Neue", Helvetica, Verdana, Arial;
            margin: 0;
            font-size: 13px;
        }
        h1 {
            color: #FFF;
            font-size: 26px;
            font-weight: normal;
            margin: 0;
            padding: 0 0 0 15px;
            line-height: 48px;
            background: #2c3742;
        }
        .operation caption { text-align: left; font-size: 14px; padding: 10px 0; white-space: nowrap; }
        .operation th, .operation td { padding: 5px 15px; vertical-align: top; }
        .example pre { background-color: #E5E5CC; border: 1px solid #F0F0E0; white-space: pre-wrap; }
        .example .value { color: blue; }
        #desc { margin: 0; padding: 0 0 15px 15px; font-size: 16px; }
    </style>
</head>
<body>
    <a id="logo" href="https://servicestack.net" title="ServiceStack"></a>
    <h1>${title}</h1>
    `;

const NAV_STYLE = `
<style>
.flex { display:flex }
.space-x-4 > * + * { margin-left: 1rem }
.types-nav a { 
  color: rgb(107 114 128);
  padding: .5rem .75rem; 
  font-weight: 500; 
  text-decoration: none;
}
.types-nav a.active { background-color: rgb(243 244 246); color: rgb(55 65 81) }
</style>`;

const LANGUAGES: [string, string][] = [
  ['csharp', 'C#'],
  ['mjs', 'JavaScript'],
  ['typescript', 'TypeScript'],
  ['dart', 'Dart'],
  ['java', 'Java'],
  ['kotlin', 'Kotlin'],
  ['python', 'Python'],
  ['php', 'PHP'],
  ['swift', 'Swift'],
  ['vbnet', 'VB.NET'],
  ['fsharp', 'F#'],
];

function htmlPage(api: SyntheticApi, op: OperationSpec, format: 'json' | 'xml', lang?: 'python'): string {
  const base = `http://${api.host}`;
  const sb: string[] = [];
  if (op.description) sb.push(`<h3 id='desc'>${htmlText(op.description)}</h3>`);
  if (op.auth.required) {
    const cells = [
      ...(op.auth.roles.length ? [`<td>Required role${op.auth.roles.length > 1 ? 's' : ''}:</td><td>${op.auth.roles.join(', ')}</td>`] : []),
      ...(op.auth.permissions.length
        ? [`<td>Required permission${op.auth.permissions.length > 1 ? 's' : ''}:</td><td>${op.auth.permissions.join(', ')}</td>`]
        : []),
    ];
    sb.push(
      `<table class='authentication'><caption><b>Requires Authentication</b><i class='auth' style='display:inline-block;margin:0 0 -4px 5px;'></i></caption>\n<tr>${cells.join('')}</tr></table>`,
    );
  }
  sb.push(
    `<table class='routes'><caption>The following routes are available for this service:</caption><tbody><tr><th>${op.verb}</th><th>${op.path}</th><td>${op.summary}</td><td><i>${op.notes ?? ''}</i></td></tr><tbody></tbody></table>`,
  );
  sb.push(NAV_STYLE);
  const nav = [`<div class="types-nav"><nav class="flex space-x-4">`, `<a ${lang ? '' : ' class="active"'} href='?op=${op.name}'>Metadata</a>`];
  for (const [key, label] of LANGUAGES) nav.push(`<a ${key === lang ? ' class="active"' : ''} href="?op=${op.name}&lang=${key}">${label}</a>`);
  nav.push('</nav></div>');
  sb.push(nav.join('\n'), '\n');
  if (lang) {
    sb.push(`<link href="${base}/css/ui-highlight.css" rel="stylesheet" />\n`);
    sb.push(
      `<pre style="padding-left:1rem;"><code class="language-${lang}" lang="${lang}">${htmlEncodeLite(pythonSource(api, op).join('\n').trimEnd())}\n</code></pre>\n`,
    );
    sb.push(`<p><a href="${base}/types/${lang}?IncludeTypes=${op.name}.*">Python ${op.name} DTOs</a></p>\n`);
    sb.push(`<script type="text/javascript" src="${base}/js/highlight.js"></script>\n<script>hljs.highlightAll()</script>\n`);
  } else {
    for (const t of tableViews(api, op)) {
      if (t.kind === 'enum') {
        sb.push(
          `<table class='enum'><caption><b>${t.name}</b> Enum:</caption><tbody>${t.members.map((m) => `<tr><td>${m}</td><td></td></tr>`).join('')}</tbody></table>`,
        );
        continue;
      }
      const head = '<thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead>';
      const rows = t.rows.map(
        (r) => `<tr><td>${r.name}</td><td>${r.parameter}</td><td>${htmlText(r.dataType)}</td><td>${r.required}</td><td>${htmlText(r.description)}</td></tr>`,
      );
      sb.push(`<table class='params'><caption><b>${t.name}</b> Parameters:</caption>${head}<tbody>${rows.join('')}</tbody></table>`);
    }
  }
  sb.push(
    `<div class="call-info"><p>To override the Content-type in your clients, use the HTTP <b>Accept</b> Header, append the <b>.${format}</b> suffix or  <b>?format=${format}</b></p>`,
  );
  if (format === 'json') sb.push('<p>To embed the response in a <b>jsonp</b> callback, append <b>?callback=myCallback</b></p>');
  sb.push('</div>');

  const request = requestLines(api, op, format, ' ').map((l) => (l === 'Content-Length: length' ? 'Content-Length: <span class="value">length</span>' : l));
  const requestBody = hasBody(op) ? ['', htmlEncode((format === 'xml' ? xmlSample(api, op.request) : [jsonSample(api, op.request)]).join('\n'))] : [];
  const body = responseBody(api, op, format);
  const response = body
    ? `\n<div class="response">\n<pre>\nHTTP/1.1 200 OK\nContent-Type: ${CONTENT_TYPES[format]}\nContent-Length: length\n\n${htmlEncode(body.join('\n'))}\n</pre>\n</div>\n`
    : '';
  return `${HTML_HEAD(api.service)}
    <div class="operation">
    <div>
        <p><a href="${base}/metadata">&lt;back to all web services</a></p>
        <h2>${op.name}</h2>
        <div class="tags">${op.tags.map((t) => `<span><b>${t}</b></span>`).join('')}</div>

\t\t${sb.join('')}

\t\t<div class="example">
        <!-- REST Examples -->

        <h3>HTTP + ${format.toUpperCase()}</h3>
        <p> The following are sample HTTP requests and responses. 
            The placeholders shown need to be replaced with actual values.</p>

<div class="request">
<pre>
${[...request, ...requestBody].join('\n')}
</pre>
</div>

${response}
        </div>
    </div>
    </div>
</body>
</html>
`;
}

/** The `/metadata` index: one row per operation, tags and the lock icon in its `th`, then a link per format. */
function indexPage(api: SyntheticApi): string {
  const base = `http://${api.host}`;
  const rows = [...api.operations]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((op) => {
      const auth =
        op.auth.roles.length || op.auth.permissions.length
          ? [
              op.auth.roles.length ? `Requires Roles: ${op.auth.roles.join(', ')}` : '',
              op.auth.permissions.length ? `Requires Permissions: ${op.auth.permissions.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('. ')
          : 'Requires Authentication';
      const icon = op.auth.required ? `<span class="icons"><i class="auth" title="${auth}"></i></span>` : '';
      const links = ['xml', 'json', 'jsv', 'csv'].map((f) => `<td><a href="${base}/${f}/metadata?op=${op.name}">${f.toUpperCase()}</a></td>`).join('');
      return `<tr><th data-tags="${op.tags.join(',')}">${icon}<a href='ui/${op.name}'>${op.name}</a></th>${links}</tr>`;
    });
  return `${HTML_HEAD(api.service)}
    <div class="operations">
        <p>
            The following operations are supported. For a formal definition, please review the Service <a href="?xsd=1">XSD</a>.
        </p>

        <h3>Operations</h3><table><tbody>${rows.join('')}</tbody></table>
        
        <h3><a href="https://docs.servicestack.net/clients-overview">Clients Overview</a></h3>

        <h3>Plugin Links:</h3><ul><li><a href="${base}/types">Add ServiceStack Reference</a></li><li><a href="${base}/ui">API Explorer</a></li><li><a href="${base}/types/metadata">Metadata Types</a></li></ul>
    </div>
</body>
</html>
`;
}

function renderPage(api: SyntheticApi, op: OperationSpec, form: PageForm): string {
  switch (form) {
    case 'pipe-xml':
      return pipePage(api, op, true, 'xml').join('\n');
    case 'pipe-csv':
      return pipePage(api, op, false, 'csv').join('\n');
    case 'squashed-python':
      return squashedPythonPage(api, op).join('\n');
    case 'squashed-tables':
      return squashedTablesPage(api, op).join('\n');
    case 'html-json':
      return htmlPage(api, op, 'json');
    case 'html-xml':
      return htmlPage(api, op, 'xml');
    case 'html-python':
      return htmlPage(api, op, 'json', 'python');
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus

/** The names a pipe page of `op` needs another page to give: its enums, its request's bases, and (no sample body to show inherited members) the request itself. */
function namesPipeNeeds(api: SyntheticApi, op: OperationSpec): string[] {
  const order = pageTypeOrder(api, op);
  const needs = order.filter((n) => api.types.get(n)!.kind === 'enum');
  const bases = chain(api, op.request)
    .slice(1)
    .map((t) => t.name);
  needs.push(...bases);
  if (bases.length && !hasBody(op)) needs.push(op.request);
  return needs;
}

function pageFile(index: number, op: OperationSpec, form: PageForm): string {
  if (form.startsWith('html-')) return `html/${op.name}.${form === 'html-python' ? 'python' : form.slice(5)}.html`;
  return `${String(index).padStart(4, '0')}_${op.name}.txt`;
}

export function syntheticDocs(options: SyntheticOptions): SyntheticDocs {
  const opts: Required<SyntheticOptions> = { seed: 1, html: true, ...options };
  const api = syntheticApi(opts.operations, opts.seed);
  const forms = opts.html ? [...TEXT_FORMS, ...HTML_FORMS] : [...TEXT_FORMS];
  const plan: { op: OperationSpec; form: PageForm; why: SyntheticPage['why'] }[] = [];
  api.operations.forEach((op, i) => {
    plan.push({ op, form: forms[i % forms.length]!, why: 'primary' });
    // Some operations are saved twice, in two forms (seeds 000 and 001 are one operation).
    const second = forms[(i + 3) % forms.length]!;
    if (i % 11 === 5 && second !== plan.at(-1)!.form) plan.push({ op, form: second, why: 'merge' });
  });
  // What the captioned and Python pages name; a pipe page's bases and enums must be among them.
  const named = new Set<string>();
  const pythonNamed = new Set<string>();
  const note = (op: OperationSpec, form: PageForm) => {
    if (!NAMING_FORMS.has(form)) return;
    for (const n of pageTypeOrder(api, op)) named.add(n);
    if (PYTHON_FORMS.has(form)) for (const n of pythonTypeOrder(api, op)) pythonNamed.add(n);
  };
  for (const p of plan) note(p.op, p.form);
  const pythonForms = forms.filter((f) => PYTHON_FORMS.has(f));
  for (const p of [...plan]) {
    if (NAMING_FORMS.has(p.form)) continue;
    const missing = namesPipeNeeds(api, p.op).filter((n) => !(n === p.op.request ? pythonNamed : named).has(n));
    if (!missing.length || plan.some((q) => q.op === p.op && PYTHON_FORMS.has(q.form))) continue;
    const form = pythonForms[plan.filter((q) => q.why === 'coverage').length % pythonForms.length]!;
    plan.push({ op: p.op, form, why: 'coverage' });
    note(p.op, form);
  }

  const order = new Map(api.operations.map((op, i) => [op, i]));
  plan.sort((a, b) => order.get(a.op)! - order.get(b.op)! || (a.why === 'primary' ? -1 : b.why === 'primary' ? 1 : 0));
  const pages = plan.map(({ op, form, why }, i): SyntheticPage => {
    const python = PYTHON_FORMS.has(form);
    const views = python ? [] : tableViews(api, op);
    return {
      file: pageFile(i, op, form),
      operation: op.name,
      form,
      why,
      tableTypes: views.map((v) => v.name),
      pythonTypes: python ? pythonTypeOrder(api, op) : [],
      text: renderPage(api, op, form),
    };
  });
  const files = new Set<string>();
  for (const p of pages) {
    if (files.has(p.file)) throw new Error(`synthetic docs: ${p.file} written twice`);
    files.add(p.file);
  }
  return { options: opts, api, pages, ...(opts.html ? { index: { file: 'html/metadata.html', text: indexPage(api) } } : {}) };
}

/** Every file of the docs (the pages, then the index page when there is one), as the input folder holds them. */
export function docsFiles(docs: SyntheticDocs): { file: string; text: string }[] {
  return [...docs.pages, ...(docs.index ? [docs.index] : [])].map(({ file, text }) => ({ file, text }));
}

/** Writes the docs into `dir` (emptied first); returns the number of files and bytes written. */
export async function writeSyntheticDocs(dir: string, options: SyntheticOptions): Promise<{ docs: SyntheticDocs; files: number; bytes: number }> {
  const docs = syntheticDocs(options);
  await rm(dir, { recursive: true, force: true });
  const all = docsFiles(docs);
  let bytes = 0;
  for (const f of all) {
    const target = path.join(dir, f.file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return { docs, files: all.length, bytes };
}
