/**
 * One resolver per attribute, each a table of given facts → wanted value and diagnostics
 * (openapi-typescript's given/want style): adding a case is adding a row.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { TypeRef } from '../../generator/model/api-model.js';
import {
  emptyMemberFacts,
  emptyTypeFacts,
  enumMemberFact,
  FactStore,
  type EnumListFact,
  type Fact,
  type MemberFacts,
  type SampleValue,
  type SourceKind,
  type TypeFact,
} from '../../generator/model/facts.js';
import { resolveBases } from '../../generator/model/resolve/base.js';
import { resolveDescription } from '../../generator/model/resolve/description.js';
import { resolveEnum } from '../../generator/model/resolve/enum-members.js';
import { resolveMemberType } from '../../generator/model/resolve/member-type.js';
import { resolveNamespace } from '../../generator/model/resolve/namespace.js';
import { resolveRequired } from '../../generator/model/resolve/required.js';
import { resolveWireName } from '../../generator/model/resolve/wire-name.js';
import { DECLARED_BY, RANKING, strongest } from '../../generator/model/sources.js';
import { formatTypeRef, fromDotNet } from '../../generator/model/type-ref.js';
import { parseDotNetType } from '../../generator/read/dotnet-type.js';
import { parseTsType } from '../../generator/read/typescript-dtos.js';

const loc = (line: number) => ({ file: 'page.txt', line });
let line = 0;
const fact = <T>(source: SourceKind, value: T): Fact<T> => ({ value, source, loc: loc(++line) });
const dotNet = (written: string): TypeRef => fromDotNet(parseDotNetType(written)!);

/** A type fact as each source writes it: .NET for tables and C#, Python's family reading, TypeScript as written. */
function typeFact(source: SourceKind, written: string): TypeFact {
  if (source === 'typescript') {
    const ts = parseTsType(written)!;
    return { value: tsReading(written), written, ts, source, loc: loc(++line) };
  }
  return { value: dotNet(written), written, ts: undefined, source, loc: loc(++line) };
}
/** The lenient .NET reading of the few TypeScript types the rows use. */
function tsReading(written: string): TypeRef {
  const base = written.replace(/\[\]$/, '');
  const prim: TypeRef = base === 'number' ? dotNet('double') : base === 'boolean' ? dotNet('bool') : dotNet(base);
  return written.endsWith('[]') ? { kind: 'list', of: prim } : prim;
}

function member(facts: Partial<MemberFacts>): MemberFacts {
  return { ...emptyMemberFacts('m'), ...facts };
}

const codes = (bag: DiagnosticBag) => bag.items.map((d) => d.code);

describe('strongest: the ranking as data', () => {
  it.each([
    ['name', ['json', 'typescript', 'xml', 'csharp'], 'csharp'],
    ['name', ['json', 'python', 'typescript'], 'python'],
    ['wireName', ['python', 'csharp', 'json'], 'json'],
    ['wireName', ['python', 'typescript'], 'typescript'],
    ['description', ['python', 'csharp', 'table'], 'table'],
    ['description', ['python', 'csharp'], 'python'], // one tier: the first stated
    ['namespace', ['xml', 'csharp'], 'csharp'],
    ['type', ['typescript', 'json'], undefined], // neither states a type
  ] as const)('%s from %j → %s', (attribute, sources, want) => {
    const facts = sources.map((s) => fact(s, s));
    expect(strongest(facts, RANKING[attribute])?.source).toBe(want);
  });
});

describe('resolveMemberType', () => {
  const normalise = (f: TypeFact) => f.value;
  it.each([
    {
      name: 'the table wins',
      given: [
        ['python', 'int'],
        ['table', 'long'],
      ],
      want: 'long',
      diagnostics: [],
    },
    {
      name: 'C# over Python',
      given: [
        ['python', 'int'],
        ['csharp', 'long'],
      ],
      want: 'long',
      diagnostics: [],
    },
    {
      name: 'C# disagreeing with the table',
      given: [
        ['table', 'long'],
        ['csharp', 'string'],
      ],
      want: 'long',
      diagnostics: ['SS072'],
    },
    {
      name: 'C# differing only in nullability',
      given: [
        ['table', 'int'],
        ['csharp', 'int?'],
      ],
      want: 'int',
      diagnostics: ['SS077'],
    },
    {
      name: 'Python of another family',
      given: [
        ['table', 'int'],
        ['python', 'string'],
      ],
      want: 'int',
      diagnostics: ['SS072'],
    },
    {
      name: 'Python of the same family',
      given: [
        ['table', 'long'],
        ['python', 'int'],
      ],
      want: 'long',
      diagnostics: [],
    },
    {
      name: 'two tables disagreeing',
      given: [
        ['table', 'int'],
        ['table', 'string'],
      ],
      want: 'int',
      diagnostics: ['SS072'],
    },
    {
      name: 'TypeScript agreeing (number is every number)',
      given: [
        ['table', 'decimal'],
        ['typescript', 'number'],
      ],
      want: 'decimal',
      diagnostics: [],
    },
    {
      name: 'TypeScript that cannot be the type',
      given: [
        ['table', 'int'],
        ['typescript', 'string'],
      ],
      want: 'int',
      diagnostics: ['SS072'],
    },
    { name: 'TypeScript alone: number read as double', given: [['typescript', 'number']], want: 'double', diagnostics: ['SS090'] },
    { name: 'TypeScript alone: string', given: [['typescript', 'string']], want: 'string', diagnostics: [] },
  ] as const)('$name', ({ given, want, diagnostics }) => {
    const bag = new DiagnosticBag();
    const m = member({ type: given.map(([s, t]) => typeFact(s, t)) });
    expect(formatTypeRef(resolveMemberType('T.m', m, normalise, bag))).toBe(want);
    expect(codes(bag)).toEqual(diagnostics);
  });

  it.each([
    ['a placeholder integer', 0, 'int'],
    ['a placeholder string', 'String', 'string'],
    ['a placeholder date', '/Date(-62135596800000-0000)/', 'DateTime'],
  ] as const)('nothing states a type: %s gives %s', (_name, sample, want) => {
    const m = member({ sample: [fact('json', sample)] });
    expect(formatTypeRef(resolveMemberType('T.m', m, normalise, new DiagnosticBag()))).toBe(want);
  });

  it('a placeholder is no type where a source states one', () => {
    const m = member({ type: [typeFact('table', 'string')], sample: [fact('json', 0)] });
    expect(formatTypeRef(resolveMemberType('T.m', m, normalise, new DiagnosticBag()))).toBe('string');
  });

  it('nothing at all: object', () => {
    expect(formatTypeRef(resolveMemberType('T.m', member({}), normalise, new DiagnosticBag()))).toBe('object');
  });

  const shape = (type: string, extra: { empty?: string; inferred?: string } = {}) => fact('json', { type: dotNet(type), ...extra });
  const sampleCases: { name: string; given: Partial<MemberFacts>; want: string; diagnostics: string[] }[] = [
    {
      name: 'a stated type wins over the sample',
      given: { type: [typeFact('table', 'List<Email>')], sampleType: [shape('List<Result>')] },
      want: 'List<Email>',
      diagnostics: [],
    },
    { name: "the sample's structure where nothing states a type", given: { sampleType: [shape('List<Email>')] }, want: 'List<Email>', diagnostics: [] },
    {
      name: 'an inferred name says so',
      given: { sampleType: [shape('List<Result>', { inferred: "named 'Result' after 'results'" })] },
      want: 'List<Result>',
      diagnostics: ['SS094'],
    },
    {
      name: 'a structure before a placeholder',
      given: { sampleType: [shape('Dictionary<string,int>')], sample: [fact('xml', '')] },
      want: 'Dictionary<string,int>',
      diagnostics: [],
    },
    {
      name: 'a showing structure before an empty one',
      given: { sampleType: [shape('List<object>', { empty: '[]' }), shape('List<int>')] },
      want: 'List<int>',
      diagnostics: [],
    },
    {
      name: 'a placeholder before an empty structure',
      given: { sampleType: [shape('List<object>', { empty: '[]' })], sample: [fact('xml', '0')] },
      want: 'int',
      diagnostics: [],
    },
    {
      name: 'only an empty structure: unknown, said',
      given: { sampleType: [shape('List<object>', { empty: '[]' })] },
      want: 'List<object>',
      diagnostics: ['SS095'],
    },
    { name: 'only null: unknown, said', given: { sample: [fact('json', null)] }, want: 'object', diagnostics: ['SS095'] },
    { name: 'a placeholder after a null', given: { sample: [fact('json', null), fact('json', 'String')] }, want: 'string', diagnostics: [] },
  ];
  it.each(sampleCases)('samples: $name', ({ given, want, diagnostics }) => {
    const bag = new DiagnosticBag();
    expect(formatTypeRef(resolveMemberType('T.m', member(given), normalise, bag))).toBe(want);
    expect(codes(bag)).toEqual(diagnostics);
  });
});

describe('resolveRequired', () => {
  it.each([
    { given: [['table', false]], want: false, diagnostics: [] },
    {
      given: [
        ['table', true],
        ['python', true],
      ],
      want: true,
      diagnostics: [],
    },
    {
      given: [
        ['table', false],
        ['csharp', true],
      ],
      want: true,
      diagnostics: ['SS073'],
    },
    {
      given: [
        ['table', true],
        ['python', false],
        ['typescript', false],
      ],
      want: true,
      diagnostics: ['SS073'],
    }, // once
    { given: [], want: false, diagnostics: [] },
  ] as const)('$given → $want', ({ given, want, diagnostics }) => {
    const bag = new DiagnosticBag();
    expect(resolveRequired('T.m', member({ required: given.map(([s, v]) => fact(s, v)) }), bag)).toBe(want);
    expect(codes(bag)).toEqual(diagnostics);
  });
});

describe('resolveDescription', () => {
  it.each([
    {
      given: [
        ['python', 'From Python'],
        ['table', 'From the table'],
      ],
      want: 'From the table',
      diagnostics: ['SS074'],
    },
    {
      given: [
        ['csharp', 'Same'],
        ['python', 'Same'],
      ],
      want: 'Same',
      diagnostics: [],
    },
    {
      given: [
        ['typescript', 'First'],
        ['csharp', 'Second'],
      ],
      want: 'First',
      diagnostics: ['SS074'],
    },
    { given: [], want: undefined, diagnostics: [] },
  ] as const)('$given → $want', ({ given, want, diagnostics }) => {
    const bag = new DiagnosticBag();
    expect(resolveDescription('T.m', member({ description: given.map(([s, v]) => fact(s, v)) }), bag)).toBe(want);
    expect(codes(bag)).toEqual(diagnostics);
  });
});

describe('resolveWireName', () => {
  it.each([
    { name: 'convention only', given: [], want: ['postId', 'convention'], diagnostics: [] },
    { name: 'the JSON sample', given: [['json', 'post_id']], want: ['post_id', 'json-sample'], diagnostics: [] },
    {
      name: 'a JSV sample over a DTO',
      given: [
        ['csharp', 'post_id'],
        ['jsv', 'PostId'],
      ],
      want: ['PostId', 'jsv-sample'],
      diagnostics: ['SS075'],
    },
    {
      name: 'JSON and JSV samples are one tier: the first stated wins, a disagreement reported',
      given: [
        ['jsv', 'PostId'],
        ['json', 'postId'],
      ],
      want: ['PostId', 'jsv-sample'],
      diagnostics: ['SS075'],
    },
    {
      name: 'a C# DataMember over Python',
      given: [
        ['python', 'postId'],
        ['csharp', 'post_id'],
      ],
      want: ['post_id', 'csharp'],
      diagnostics: ['SS075'],
    },
    {
      name: 'samples disagreeing',
      given: [
        ['json', 'postId'],
        ['json', 'PostId'],
      ],
      want: ['postId', 'json-sample'],
      diagnostics: ['SS075'],
    },
    {
      name: 'a DTO disagreeing with the sample',
      given: [
        ['typescript', 'PostId'],
        ['json', 'postId'],
      ],
      want: ['postId', 'json-sample'],
      diagnostics: ['SS075'],
    },
    {
      name: 'agreement',
      given: [
        ['typescript', 'postId'],
        ['json', 'postId'],
        ['python', 'postId'],
      ],
      want: ['postId', 'json-sample'],
      diagnostics: [],
    },
  ] as const)('$name', ({ given, want, diagnostics }) => {
    const bag = new DiagnosticBag();
    const got = resolveWireName('T.PostId', 'PostId', member({ wireName: given.map(([s, v]) => fact(s, v)) }), bag);
    expect([got.wireName, got.wireNameFrom]).toEqual(want);
    expect(codes(bag)).toEqual(diagnostics);
  });
});

describe('resolveBases', () => {
  it.each([
    {
      name: 'the page structure over the DTO',
      given: [
        ['csharp', 'B'],
        ['table', 'A'],
      ],
      want: 'A',
      diagnostics: ['SS078'],
    },
    {
      name: 'sources agreeing',
      given: [
        ['table', 'A'],
        ['python', 'A'],
      ],
      want: 'A',
      diagnostics: [],
    },
    { name: 'none', given: [], want: undefined, diagnostics: [] },
  ] as const)('$name', ({ given, want, diagnostics }) => {
    const store = new FactStore();
    store.type('T').base.push(...given.map(([s, v]) => fact(s, v)));
    const bag = new DiagnosticBag();
    expect(resolveBases(store, bag).get('T')).toBe(want);
    expect(codes(bag)).toEqual(diagnostics);
  });
});

describe('resolveNamespace', () => {
  it.each([
    { given: [['xml', 'A.Xml']], want: 'A.Xml', diagnostics: [] },
    {
      given: [
        ['xml', 'A.Xml'],
        ['csharp', 'A.Cs'],
      ],
      want: 'A.Cs',
      diagnostics: ['SS079'],
    },
    {
      given: [
        ['csharp', 'A.Cs'],
        ['xml', 'A.Cs'],
      ],
      want: 'A.Cs',
      diagnostics: [],
    },
  ] as const)('$given → $want', ({ given, want, diagnostics }) => {
    const t = emptyTypeFacts('T');
    t.namespace.push(...given.map(([s, v]) => fact(s, v)));
    const bag = new DiagnosticBag();
    expect(resolveNamespace(t, bag)).toBe(want);
    expect(codes(bag)).toEqual(diagnostics);
  });
});

describe('resolveEnum', () => {
  type Source = EnumListFact['source'];
  const WHAT: Record<Source, string> = { table: 'the enum table', ...DECLARED_BY };
  /** A source's list: `Name`, `Name=4` (an integer), `Name='value'` (a string value), `Name:description`. */
  const list = (source: Source, members: string[], travels?: EnumListFact['travels']): EnumListFact => ({
    source,
    what: WHAT[source],
    ...(travels ? { travels } : {}),
    loc: loc(++line),
    members: members.map((written) => {
      const [, name, value, description] = /^(\w+)(?:=([^:]*))?(?::(.*))?$/.exec(written)!;
      const stated = value?.replace(/^'(.*)'$/, '$1');
      return enumMemberFact(name!, stated, description, loc(++line));
    }),
  });
  const json = (value: SampleValue) => fact('json', value);
  it.each([
    { name: 'names travel', given: [list('table', ['A', 'B'])], want: { wire: 'string', members: ['A', 'B'] }, diagnostics: [] },
    {
      name: 'Python spelling merged by key, the .NET name kept',
      given: [list('python', ["PENDING='Pending'"]), list('table', ['Pending'])],
      want: { wire: 'string', members: ['Pending'] },
      diagnostics: [],
    },
    {
      name: 'a source lacking a member',
      given: [list('table', ['A']), list('csharp', ['A', 'B'])],
      want: { wire: 'string', members: ['A', 'B'] },
      diagnostics: ['SS066'],
    },
    {
      name: '[EnumMember] values travel, a member without one by its name',
      given: [list('table', ['None', "Value1='Member 1'", 'Value2:Member 2'])],
      want: { wire: 'string', members: ['None', 'Value1=Member 1', 'Value2'] },
      diagnostics: [],
    },
    {
      name: "Python's EnumMember value, with the .NET name from C#",
      given: [list('python', ["CAMEL_UPPER='camelUPPER'"]), list('csharp', ["CamelUpper='camelUPPER'"])],
      want: { wire: 'string', members: ['CamelUpper=camelUPPER'] },
      diagnostics: [],
    },
    {
      name: 'values 0, 1, 2 printed: only an integer enum has them',
      given: [list('table', ['A=0', 'B=1', 'C=2'])],
      want: { wire: 'integer', members: ['A=0', 'B=1', 'C=2'] },
      diagnostics: [],
    },
    {
      name: 'a value combining others: [Flags]',
      given: [list('table', ['Value0=0', 'Value1=1', 'Value2=2', 'Value3=4', 'Value123=7'])],
      want: { wire: 'flags', members: ['Value0=0', 'Value1=1', 'Value2=2', 'Value3=4', 'Value123=7'] },
      diagnostics: [],
    },
    { name: "C#'s [Flags]", given: [list('csharp', ['A=1', 'B=2'], 'flags')], want: { wire: 'flags', members: ['A=1', 'B=2'] }, diagnostics: [] },
    {
      name: "/types/metadata's isEnumInt",
      given: [list('table', ['A=1000', 'B=2000'], 'integer')],
      want: { wire: 'integer', members: ['A=1000', 'B=2000'] },
      diagnostics: [],
    },
    {
      name: 'other numbers: names, with a note',
      given: [list('table', ['Active=1', 'Deleted=5'])],
      want: { wire: 'string', members: ['Active', 'Deleted'] },
      diagnostics: ['SS092'],
    },
    {
      name: 'other numbers, a JSON sample sends one',
      given: [list('table', ['A=1000', 'B=2000'])],
      sampled: [json(1000)],
      want: { wire: 'integer', members: ['A=1000', 'B=2000'] },
      diagnostics: [],
    },
    {
      name: 'other numbers, a JSON sample sends a name',
      given: [list('table', ['A=1', 'B=5'])],
      sampled: [json('A')],
      want: { wire: 'string', members: ['A', 'B'] },
      diagnostics: [],
    },
    {
      name: 'a member without a number: names',
      given: [list('csharp', ['A=1', 'B'])],
      want: { wire: 'string', members: ['A', 'B'] },
      diagnostics: [],
    },
  ])('$name', ({ given, sampled, want, diagnostics }) => {
    const t = emptyTypeFacts('E');
    t.enumLists.push(...given);
    const bag = new DiagnosticBag();
    const got = resolveEnum(t, sampled ?? [], bag);
    const shown = got.enumMembers.map((m) => (m.wire === m.name ? m.name : `${m.name}=${m.wire}`));
    expect({ wire: got.enumWire, members: shown }).toEqual(want);
    expect(codes(bag)).toEqual(diagnostics);
  });

  it('keeps descriptions, from the strongest source', () => {
    const t = emptyTypeFacts('E');
    t.enumLists.push(list('csharp', ['A:from C#', 'B']), list('table', ['A:from the table', 'B:only here']));
    const got = resolveEnum(t, [], new DiagnosticBag()).enumMembers.map((m) => m.description);
    expect(got).toEqual(['from the table', 'only here']);
  });
});
