import { describe, expect, it } from 'vitest';
import { DiagnosticBag, sortDiagnostics } from '../../generator/diagnostics.js';
import type { DtoTypeFragment, SourceLine } from '../../generator/read/fragments.js';
import { readHtmlPage } from '../../generator/read/html-page.js';
import { parseTsType, readTypeScriptDtos, stringLiteralUnion } from '../../generator/read/typescript-dtos.js';
import { fixture } from './html-fixtures.js';

function toLines(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: first + i }));
}

function read(text: string, first = 1): { types: DtoTypeFragment[]; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  return { types: readTypeScriptDtos('dtos.ts', toLines(text, first), bag), bag };
}

const diagnostics = (bag: DiagnosticBag) => sortDiagnostics(bag.items).map((d) => `${d.code}:${d.loc?.line}`);
const typeOf = (types: DtoTypeFragment[], name: string) => types.find((t) => t.name === name)!;

/** 1-based line where `needle` first occurs in `text`. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in fixture: ${needle}`);
  return text.slice(0, at).split('\n').length;
};

describe('parseTsType', () => {
  const n = (name: string, args: unknown[] = []) => ({ kind: 'name', name, args });
  it.each([
    ['string', n('string')],
    ['number', n('number')],
    ['boolean', n('boolean')],
    ['Email', n('Email')],
    ['Email[]', { kind: 'array', of: n('Email') }],
    ['number[][]', { kind: 'array', of: { kind: 'array', of: n('number') } }],
    ['Array<string>', { kind: 'array', of: n('string') }],
    ['{ [index:string]: string; }', { kind: 'dict', key: n('string'), value: n('string') }],
    ['{ [index: number]: Email[] }', { kind: 'dict', key: n('number'), value: { kind: 'array', of: n('Email') } }],
    ['{ [index:string]: { [index:string]: number; }; }', { kind: 'dict', key: n('string'), value: { kind: 'dict', key: n('string'), value: n('number') } }],
    ['Record<string, boolean>', { kind: 'dict', key: n('string'), value: n('boolean') }],
    ['QueryResponse<Customer>', n('QueryResponse', [n('Customer')])],
    ['string|null', { kind: 'nullable', of: n('string') }],
    ['null | Email[]', { kind: 'nullable', of: { kind: 'array', of: n('Email') } }],
    ['(Email | undefined)[]', { kind: 'array', of: { kind: 'nullable', of: n('Email') } }],
    ['Dtos.Email', n('Dtos.Email')],
  ])('%s', (text, expected) => {
    expect(parseTsType(text)).toEqual(expected);
  });

  it.each(['', 'string | number', 'A & B', '() => void', '{ a: string }', 'Array<string', 'string]', '{ [index:string]: }', 'List<>'])('rejects %j', (text) => {
    expect(parseTsType(text)).toBeUndefined();
  });

  it('reads string unions, and only those', () => {
    expect(stringLiteralUnion(`"A" | 'B' | "C-d"`)).toEqual(['A', 'B', 'C-d']);
    expect(stringLiteralUnion(`| "A"`)).toEqual(['A']);
    expect(stringLiteralUnion(`"A" | B`)).toBeUndefined();
    expect(stringLiteralUnion('')).toBeUndefined();
  });
});

describe('readTypeScriptDtos: the CreateOrder tab (an older ServiceStack: Options header, IReturn declared)', () => {
  const page = fixture('orders/CreateOrder.typescript.html');
  const bag = new DiagnosticBag();
  const { dtoTypes: types } = readHtmlPage('CreateOrder.typescript.html', page, bag);

  it('reads every class and enum, with the lines of the HTML file, and reports nothing', () => {
    expect(bag.items).toEqual([]);
    expect(types.map((t) => `${t.kind} ${t.name}`)).toEqual([
      'interface IReturn',
      'enum Channel',
      'class RequestBase',
      'class OrderRequestBase',
      'class NewOrderLine',
      'enum OrderStatus',
      'class ResponseError',
      'class ResponseStatus',
      'class CreateOrderResponse',
      'class CreateOrder',
    ]);
    expect(typeOf(types, 'CreateOrder').loc).toEqual({ file: 'CreateOrder.typescript.html', line: lineOf(page, 'export class CreateOrder '), column: 1 });
    expect(typeOf(types, 'IReturn').typeParameters).toEqual(['T']);
  });

  it('reads inheritance, IReturn<T>, routes and the description', () => {
    const createOrder = typeOf(types, 'CreateOrder');
    expect(createOrder).toMatchObject({ bases: ['OrderRequestBase'], implements: ['IReturn<CreateOrderResponse>'] });
    expect(createOrder.routes).toEqual([
      { verbs: ['POST'], path: '/orders', loc: { file: 'CreateOrder.typescript.html', line: lineOf(page, '// @Route('), column: 1 } },
    ]);
    // The Api attribute keeps the line break the `@description` comment lost.
    expect(createOrder.description).toBe('Creates an order for a customer.\nThe order starts as Pending.');
    expect(typeOf(types, 'OrderRequestBase').bases).toEqual(['RequestBase']);
  });

  it('reads members by their wire names, with types, required-ness, descriptions and lines; methods are no members', () => {
    expect(typeOf(types, 'CreateOrder').members.map((m) => [m.name, m.typeText, m.optional, m.required, m.description, m.loc.line])).toEqual([
      ['customerId', 'number', false, true, 'Customer placing the order', lineOf(page, 'public customerId')],
      ['lines', 'NewOrderLine[]', false, true, 'Order lines', lineOf(page, 'public lines')],
      ['notes', 'string', false, false, 'Free text & notes for the warehouse', lineOf(page, 'public notes')],
    ]);
    expect(typeOf(types, 'OrderRequestBase').members[1]).toMatchObject({
      name: 'metadata',
      typeText: '{ [index:string]: string; }',
      tsType: { kind: 'dict' },
      attributes: [{ name: 'ApiMember', args: [], named: { Description: 'Free-form key/values' } }],
    });
    expect(typeOf(types, 'ResponseStatus').members.map((m) => m.attributes[0]?.named.Order)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('reads string and numeric enums', () => {
    expect(typeOf(types, 'Channel').enumMembers.map((m) => [m.name, m.value, m.quoted])).toEqual([
      ['Web', 'Web', true],
      ['Store', 'Store', true],
      ['Phone', 'Phone', true],
    ]);
    expect(typeOf(types, 'OrderStatus').enumMembers.map((m) => `${m.name}=${m.value}`)).toEqual(['Pending=0', 'Paid=1', 'Shipped=2', 'Cancelled=3']);
  });
});

describe('readTypeScriptDtos: the GetOrderLine tab (current ServiceStack: `?` on what is not required)', () => {
  const { dtoTypes: types } = readHtmlPage('GetOrderLine.typescript.html', fixture('orders/GetOrderLine.typescript.html'), new DiagnosticBag());

  it('reads a route with two path variables and the interfaces implemented', () => {
    expect(typeOf(types, 'GetOrderLine')).toMatchObject({ bases: [], implements: ['IReturn<GetOrderLineResponse>', 'IGet'] });
    expect(typeOf(types, 'GetOrderLine').routes.map((r) => [r.verbs, r.path])).toEqual([[['GET'], '/orders/{OrderId}/lines/{LineId}']]);
  });

  it('reads optional members and dictionaries', () => {
    expect(typeOf(types, 'OrderLine').members.map((m) => `${m.name}${m.optional ? '?' : ''}: ${m.typeText}`)).toEqual([
      'lineId: number',
      'sku?: string',
      'quantity: number',
      'unitPrice: number',
      'attributes?: { [index:string]: string; }',
    ]);
  });
});

describe('readTypeScriptDtos: source it has not seen', () => {
  it('reads interfaces, `{` on the declaration line, one-line members, quoted names, initializers and index signatures', () => {
    const { types, bag } = read(
      [
        'declare module dtos {',
        '  export interface IHasName { name: string; createResponse(): Thing; }',
        '  export class Thing<T> extends Base<T> implements IReturn<Thing<T>>, IGet {',
        '    [key: string]: any;',
        "    public 'odd-name'?: string; public items: T[] = []; readonly map: Record<string, number[]> = {};",
        '    private static count = 0;',
        '    public toString(): string { return `Thing ${this.name}`; }',
        '    public multi: string',
        '      | null;',
        '    public next: number',
        '    public last: boolean',
        '  }',
        '  export type Colour = "Red" | "Green";',
        '  export const enum Mode { A = 1 << 0, B = -2, C }',
        '}',
      ].join('\n'),
    );
    expect(diagnostics(bag)).toEqual(['SS032:6']); // `count` has no type
    expect(types.map((t) => `${t.kind} ${t.name}`)).toEqual(['interface IHasName', 'class Thing', 'enum Colour', 'enum Mode']);
    expect(types[0]!.members.map((m) => m.name)).toEqual(['name']);
    const thing = types[1]!;
    expect(thing).toMatchObject({ typeParameters: ['T'], bases: ['Base<T>'], implements: ['IReturn<Thing<T>>', 'IGet'] });
    expect(thing.members.map((m) => `${m.name}${m.optional ? '?' : ''}: ${m.typeText} @${m.loc.line}`)).toEqual([
      'odd-name?: string @5',
      'items: T[] @5',
      'map: Record<string, number[]> @5',
      'multi: string | null @8',
      'next: number @10',
      'last: boolean @11',
    ]);
    expect(thing.members[3]!.tsType).toEqual({ kind: 'nullable', of: { kind: 'name', name: 'string', args: [] } });
    expect(types[2]!.enumMembers.map((m) => [m.name, m.value, m.quoted, m.loc.line])).toEqual([
      ['Red', 'Red', true, 13],
      ['Green', 'Green', true, 13],
    ]);
    expect(types[3]!.enumMembers.map((m) => [m.name, m.value])).toEqual([
      ['A', '1 << 0'],
      ['B', '-2'],
      ['C', undefined],
    ]);
  });

  it('reads attribute comments: escapes, named and positional arguments, verbs, DataMember names, Required', () => {
    const { types, bag } = read(
      [
        '/**',
        ' * @description A "quoted"',
        ' *   description',
        ' */',
        '// @Route("/a/{Id}", "GET,POST")',
        '// @Route("/b", Verbs="PUT DELETE", Summary="Sum", Notes="Not")',
        '// @Route("/c")',
        '// @Api(Description="Line one\\nline \\"two\\" \\u00e9")',
        'export class A',
        '{',
        '    // @DataMember(Name="cust_id", IsRequired=true)',
        '    public cust_id: number;',
        '    // @Required()',
        '    public b: string;',
        '    /** Plain doc, no tag */',
        '    // @ApiMember(IsRequired=false, Description="By attribute")',
        '    public c: string;',
        '    /** Plain doc, no tag */',
        '    public d: string;',
        '}',
      ].join('\n'),
    );
    expect(bag.items).toEqual([]);
    const a = types[0]!;
    expect(a.description).toBe('Line one\nline "two" é');
    expect(a.routes.map((r) => [r.verbs, r.path, r.summary, r.notes, r.loc.line])).toEqual([
      [['GET', 'POST'], '/a/{Id}', undefined, undefined, 5],
      [['PUT', 'DELETE'], '/b', 'Sum', 'Not', 6],
      [[], '/c', undefined, undefined, 7],
    ]);
    expect(a.members.map((m) => [m.name, m.required, m.description])).toEqual([
      ['cust_id', true, undefined],
      ['b', true, undefined],
      ['c', false, 'By attribute'],
      ['d', false, 'Plain doc, no tag'],
    ]);
    expect(a.members[0]!.attributes[0]).toEqual({
      name: 'DataMember',
      args: [],
      named: { Name: 'cust_id', IsRequired: 'true' },
      loc: { file: 'dtos.ts', line: 11, column: 5 },
    });
  });

  it('reports what it cannot read at its line, and reads on', () => {
    const { types, bag } = read(
      [
        'export class A {',
        '    public ok: string;',
        '    public bad: string | number;',
        '    public ; weird',
        '    public alsoOk: boolean;',
        '}',
        'function f() { return 1; }',
        '// @Route("no-slash")',
        '// @ApiMember(Description="unterminated)',
        'export class B { public x: Thing<; }',
        'export enum E { A = , B }',
        'export type T = string | number;',
        'export class C {',
        '    public s: "unterminated',
        '}',
        '/* unterminated comment',
        'export class D {}',
      ].join('\n'),
      10,
    );
    // One diagnostic per broken line (SS032 for the unterminated string and the comment too).
    expect(diagnostics(bag)).toEqual([
      'SS033:12',
      'SS032:13',
      'SS032:16',
      'SS032:17',
      'SS032:18',
      'SS033:19',
      'SS032:20',
      'SS032:21',
      'SS033:23',
      'SS032:23',
      'SS032:25',
    ]);
    expect(types.map((t) => t.name)).toEqual(['A', 'B', 'E', 'C']);
    expect(types[0]!.members.map((m) => [m.name, m.tsType !== undefined])).toEqual([
      ['ok', true],
      ['bad', false],
      ['alsoOk', true],
    ]);
    expect(types[1]!.routes).toEqual([]);
    expect(types[2]!.enumMembers.map((m) => [m.name, m.value])).toEqual([
      ['A', undefined],
      ['B', undefined],
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const text of [
      '',
      '}}}',
      '{{{',
      'export class',
      'export class X extends',
      'export class X<',
      'export class X { a: {',
      'export enum',
      '"',
      '`',
      '/*',
      "'\\",
      'export class X { m(',
      '@@@',
      '\u0000\uFFFD\uD800',
    ])
      expect(() => read(text)).not.toThrow();
  });
});
