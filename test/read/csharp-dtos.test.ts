import { describe, expect, it } from 'vitest';
import { DiagnosticBag, sortDiagnostics } from '../../generator/diagnostics.js';
import { readCSharpDtos } from '../../generator/read/csharp-dtos.js';
import { formatDotNetType } from '../../generator/read/dotnet-type.js';
import type { DtoTypeFragment, SourceLine } from '../../generator/read/fragments.js';
import { readHtmlPage } from '../../generator/read/html-page.js';
import { fixture } from './html-fixtures.js';

function toLines(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: first + i }));
}

function read(text: string, first = 1): { types: DtoTypeFragment[]; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  return { types: readCSharpDtos('dtos.cs', toLines(text, first), bag), bag };
}

const diagnostics = (bag: DiagnosticBag) => sortDiagnostics(bag.items).map((d) => `${d.code}:${d.loc?.line}`);
const typeOf = (types: DtoTypeFragment[], name: string) => types.find((t) => t.name === name)!;
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in fixture: ${needle}`);
  return text.slice(0, at).split('\n').length;
};

describe('readCSharpDtos: the CreateOrder tab (current ServiceStack: nullable annotations, `= [];`)', () => {
  const page = fixture('orders/CreateOrder.csharp.html');
  const bag = new DiagnosticBag();
  const { dtoTypes: types } = readHtmlPage('CreateOrder.csharp.html', page, bag);

  it('reads every class and enum in its namespace, at the line of its declaration, and reports nothing', () => {
    expect(bag.items).toEqual([]);
    expect(types.map((t) => `${t.kind} ${t.namespace}.${t.name}`)).toEqual([
      'enum Acme.Orders.ServiceModel.Channel',
      'class Acme.Orders.ServiceModel.CreateOrder',
      'class Acme.Orders.ServiceModel.CreateOrderResponse',
      'class Acme.Orders.ServiceModel.NewOrderLine',
      'class Acme.Orders.ServiceModel.OrderRequestBase',
      'enum Acme.Orders.ServiceModel.OrderStatus',
      'class Acme.Orders.ServiceModel.RequestBase',
    ]);
    expect(typeOf(types, 'CreateOrder').loc).toEqual({ file: 'CreateOrder.csharp.html', line: lineOf(page, 'public partial class CreateOrder'), column: 5 });
  });

  it('reads the base list, the route and the description (the attribute keeps its line break)', () => {
    const createOrder = typeOf(types, 'CreateOrder');
    expect(createOrder.bases).toEqual(['OrderRequestBase', 'IReturn<CreateOrderResponse>']);
    expect(createOrder.routes.map((r) => [r.verbs, r.path, r.loc.line])).toEqual([[['POST'], '/orders', lineOf(page, '[Route(')]]);
    expect(createOrder.description).toBe('Creates an order for a customer.\nThe order starts as Pending.');
    expect(typeOf(types, 'OrderRequestBase').bases).toEqual(['RequestBase']);
  });

  it('reads properties with their .NET names and types exactly, at their lines', () => {
    const members = (name: string) =>
      typeOf(types, name).members.map((m) => `${m.name}: ${formatDotNetType(m.dotNetType!)}${m.required ? ' (required)' : ''} @${m.loc.line}`);
    expect(members('CreateOrder')).toEqual([
      `CustomerId: int (required) @${lineOf(page, 'public virtual int CustomerId')}`,
      `Lines: List<NewOrderLine> (required) @${lineOf(page, 'public virtual List&lt;NewOrderLine&gt; Lines')}`,
      `Notes: string? @${lineOf(page, 'public virtual string? Notes')}`,
    ]);
    expect(members('OrderRequestBase')).toEqual([
      `Channel: Channel (required) @${lineOf(page, 'public virtual Channel Channel')}`,
      `Metadata: Dictionary<string,string>? @${lineOf(page, 'public virtual Dictionary&lt;string, string&gt;? Metadata')}`,
    ]);
    expect(typeOf(types, 'CreateOrder').members[2]!.description).toBe('Free text & notes for the warehouse');
  });

  it('reads enums with and without values', () => {
    expect(typeOf(types, 'Channel').enumMembers.map((m) => [m.name, m.value])).toEqual([
      ['Web', undefined],
      ['Store', undefined],
      ['Phone', undefined],
    ]);
    expect(typeOf(types, 'OrderStatus').enumMembers.map((m) => `${m.name}=${m.value}`)).toEqual(['Pending=0', 'Paid=1', 'Shipped=2', 'Cancelled=3']);
  });
});

describe('readCSharpDtos: the GetOrders and GetOrderLine tabs', () => {
  it('reads nullable value types, nullable enums, DateTime, decimal and attribute arrays', () => {
    const bag = new DiagnosticBag();
    const { dtoTypes: types } = readHtmlPage('GetOrders.csharp.html', fixture('orders/GetOrders.csharp.html'), bag);
    expect(bag.items).toEqual([]);
    expect(typeOf(types, 'GetOrders').members.map((m) => `${m.name}: ${m.typeText}`)).toEqual([
      'CustomerId: int',
      'Status: OrderStatus?',
      'Page: int?',
      'SortBy: string?',
    ]);
    expect(typeOf(types, 'GetOrders').members[3]!.attributes[1]).toMatchObject({
      name: 'ApiAllowableValues',
      args: ['SortBy'],
      named: { Values: 'new string[]{"date","total"}' },
    });
    expect(typeOf(types, 'OrderSummary').members.map((m) => m.typeText)).toEqual(['int', 'OrderStatus', 'decimal', 'DateTime']);
  });

  it('reads a route with two path variables', () => {
    const { dtoTypes: types } = readHtmlPage('GetOrderLine.csharp.html', fixture('orders/GetOrderLine.csharp.html'), new DiagnosticBag());
    expect(typeOf(types, 'GetOrderLine').routes.map((r) => [r.verbs, r.path])).toEqual([[['GET'], '/orders/{OrderId}/lines/{LineId}']]);
    expect(typeOf(types, 'GetOrderLine').bases).toEqual(['IReturn<GetOrderLineResponse>', 'IGet']);
  });

  it('reads an older ServiceStack: `Nullable<T>`, two namespaces, camelCase properties (seed 003 as its C# tab)', () => {
    const bag = new DiagnosticBag();
    const { dtoTypes: types } = readHtmlPage('ExportCustomer.csharp.html', fixture('booster/ExportCustomer.csharp.html'), bag);
    expect(bag.items).toEqual([]);
    expect(typeOf(types, 'ProductCategory').namespace).toBe('Richemont.Booster2.PublicApi.Common.ServiceModel');
    expect(typeOf(types, 'SearchCustomer').namespace).toBe('Richemont.Booster2.PublicApi.CRM.ServiceModel');
    const spending = typeOf(types, 'SearchCustomer').members.find((m) => m.name === 'clientSpendingFrom')!;
    expect(spending.typeText).toBe('Nullable<double>');
    expect(spending.dotNetType).toEqual({ name: 'double', args: [], arrayRank: 0, nullable: true });
  });
});

describe('readCSharpDtos: source it has not seen', () => {
  it('reads file-scoped namespaces, nested types, one-line members, records, DataMember names, EnumMember values, [Description]', () => {
    const { types, bag } = read(
      [
        '#nullable enable',
        'namespace Acme.Api;',
        '[DataContract, Route("/things/{Id}", Verbs = "GET")] public sealed class Thing<T> : Base<T>, IReturn<List<Thing<T>>> where T : class {',
        '  [DataMember(Name = "cust_id", IsRequired = true)] public int CustomerId { get; init; }',
        '  [Description("Old-style " + "description")] public string[]? Tags { get; set; } = new();',
        '  public Dictionary<string, List<int>> Map = new();',
        '  public int Computed => 42;',
        '  public Thing() { }',
        '  public void Do(int a, string b) => Console.WriteLine(a);',
        '  #region nested',
        '  public class Inner { public int Depth { get; set; } }',
        '  #endregion',
        '}',
        '/// <summary>A <see cref="Thing{T}"/> &amp; more</summary>',
        '[Flags] public enum Mode : byte { [EnumMember(Value = "mode-a")] A = 1, B = 1 << 1, C }',
        'public record Pair(int Left, int Right);',
        'public interface IHasId { int Id { get; set; } }',
      ].join('\n'),
    );
    expect(bag.items).toEqual([]);
    expect(types.map((t) => `${t.kind} ${t.namespace}.${t.name}`)).toEqual([
      'class Acme.Api.Thing',
      'class Acme.Api.Inner',
      'enum Acme.Api.Mode',
      'class Acme.Api.Pair',
      'interface Acme.Api.IHasId',
    ]);
    const thing = types[0]!;
    expect(thing).toMatchObject({ typeParameters: ['T'], bases: ['Base<T>', 'IReturn<List<Thing<T>>>'], loc: { line: 3 } });
    expect(thing.routes.map((r) => [r.verbs, r.path])).toEqual([[['GET'], '/things/{Id}']]);
    expect(thing.members.map((m) => [m.name, m.typeText, m.required, m.description, m.loc.line])).toEqual([
      ['CustomerId', 'int', true, undefined, 4],
      ['Tags', 'string[]?', false, 'Old-style description', 5],
      ['Map', 'Dictionary<string, List<int>>', false, undefined, 6],
      ['Computed', 'int', false, undefined, 7],
    ]);
    expect(thing.members[0]!.attributes[0]!.named).toEqual({ Name: 'cust_id', IsRequired: 'true' });
    expect(types[1]!.members.map((m) => m.name)).toEqual(['Depth']);
    const mode = types[2]!;
    expect(mode.description).toBe('A Thing{T} & more');
    expect(mode.enumMembers.map((m) => [m.name, m.value, m.attributes[0]?.named.Value])).toEqual([
      ['A', '1', 'mode-a'],
      ['B', '1 << 1', undefined],
      ['C', undefined, undefined],
    ]);
    expect(types[4]!.members.map((m) => m.name)).toEqual(['Id']);
  });

  it('reports what it cannot read at its line, and reads on', () => {
    const { types, bag } = read(
      [
        'namespace N',
        '{',
        '    public class A',
        '    {',
        '        public int Ok { get; set; }',
        '        public List<int Broken { get; set; }',
        '        public string this[int i] { get { return ""; } }',
        '        [ApiMember(Description="unterminated)]',
        '        public int AlsoOk { get; set; }',
        '        [Route("no-slash")]',
        '        public int Fine { get; set; }',
        '    }',
        '    delegate void D();',
        '    public class',
        '    [Route("relative")] public class B { public Thing<int>> X { get; set; } }',
        '    public enum E { A = , 3 }',
        '}',
        '}',
        '/* never closed',
      ].join('\n'),
      20,
    );
    // The unterminated string is reported by the tokenizer and the attribute it breaks by the parser.
    expect(diagnostics(bag)).toEqual([
      'SS033:25',
      'SS032:26',
      'SS032:27',
      'SS032:27',
      'SS032:32',
      'SS032:33',
      'SS032:34',
      'SS033:34',
      'SS032:35',
      'SS032:35',
      'SS032:37',
      'SS032:38',
    ]);
    expect(types.map((t) => t.name)).toEqual(['A', 'B', 'E']);
    expect(types[0]!.members.map((m) => [m.name, m.dotNetType !== undefined])).toEqual([
      ['Ok', true],
      ['Broken', false],
      ['AlsoOk', true],
      ['Fine', true],
    ]);
    expect(types[1]!.routes).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    for (const text of [
      '',
      '}}}',
      '{{{',
      'namespace',
      'class',
      'public class X :',
      'public class X<',
      'class X { int',
      '[',
      '[A(',
      '@"',
      '"',
      "'",
      '/*',
      '#',
      'enum E { [',
      '\u0000\uFFFD\uD800',
    ])
      expect(() => read(text)).not.toThrow();
  });
});
