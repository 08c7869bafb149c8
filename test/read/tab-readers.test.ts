/**
 * The readers of the Kotlin, Java, Swift, Dart, VB.NET, F# and JavaScript DTO sources
 * (generator/read/<lang>-dtos.ts), on the sources ServiceStack's generators write
 * (test/read/fixtures/tabs/) and on broken ones: what each records, and one diagnostic per
 * broken line, the rest read.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, sortDiagnostics } from '../../generator/diagnostics.js';
import { readDartDtos } from '../../generator/read/dart-dtos.js';
import type { DtoTypeFragment, SourceLine } from '../../generator/read/fragments.js';
import { readFSharpDtos } from '../../generator/read/fsharp-dtos.js';
import { readJavaDtos } from '../../generator/read/java-dtos.js';
import { readJavaScriptDtos } from '../../generator/read/javascript-dtos.js';
import { readKotlinDtos } from '../../generator/read/kotlin-dtos.js';
import { parseSwiftType, readSwiftDtos } from '../../generator/read/swift-dtos.js';
import { genericGrammar, readVbNetDtos } from '../../generator/read/vbnet-dtos.js';
import { significant, Source, tokenize, VBNET } from '../../generator/read/dto-source.js';
import { tabSource } from './tab-pages.js';

type Reader = (file: string, lines: SourceLine[], bag: DiagnosticBag) => DtoTypeFragment[];

const READERS: Record<string, Reader> = {
  kotlin: readKotlinDtos,
  java: readJavaDtos,
  swift: readSwiftDtos,
  dart: readDartDtos,
  vbnet: readVbNetDtos,
  fsharp: readFSharpDtos,
  mjs: readJavaScriptDtos,
};

function read(key: string, text: string): { types: DtoTypeFragment[]; diagnostics: string[] } {
  const bag = new DiagnosticBag();
  const types = READERS[key]!(
    'dtos',
    text.split('\n').map((t, i) => ({ text: t, line: i + 1 })),
    bag,
  );
  return { types, diagnostics: sortDiagnostics(bag.items).map((d) => `${d.code}:${d.loc?.line}`) };
}

/** A type as one line: kind, namespace, name, parameters, base / interfaces, members (`!` required), enum members, routes. */
const show = (t: DtoTypeFragment) =>
  [
    `${t.kind} ${t.namespace ? `${t.namespace}.` : ''}${t.name}${t.typeParameters.length ? `<${t.typeParameters.join(',')}>` : ''}`,
    `: ${t.bases.join(',')} / ${t.implements.join(',')}`,
    `{${t.members.map((m) => `${m.name}:${m.typeText}${m.required ? '!' : ''}`).join(', ')}}`,
    t.enumMembers.length ? `[${t.enumMembers.map((e) => `${e.name}=${e.value}`).join(',')}]` : '',
    t.routes.length ? `routes ${t.routes.map((r) => `${r.verbs.join(',')} ${r.path}`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');

describe('the GetCustomer source of each generator', () => {
  const ROUTES = 'routes GET /customers/{Id}, GET /customers/{Id}/profile';
  it.each([
    [
      'kotlin',
      [
        `class GetCustomer : / IReturn<GetCustomerResponse> {id:Int?!, age:Int?, tags:ArrayList<String>!, meta:HashMap<String,String>?, customerRef:String?, Type:CustomerType?} ${ROUTES}`,
        'class GetCustomerResponse : / {result:Customer?, responseStatus:ResponseStatus?}',
        'enum CustomerType : / {} [Private=1,Company=2]',
        'class Customer : / {id:Long?, name:String?, balance:BigDecimal?, created:Date?, key:UUID?}',
      ],
    ],
    [
      'java',
      [
        `class GetCustomer : / IReturn<GetCustomerResponse> {id:Integer!, age:Integer, tags:ArrayList<String>!, meta:HashMap<String,String>, customerRef:String, type:CustomerType} ${ROUTES}`,
        'class GetCustomerResponse : / {result:Customer, responseStatus:ResponseStatus}',
        'enum CustomerType : / {} [Private=1,Company=2]',
        'class Customer : / {id:Long, name:String, balance:BigDecimal, created:Date, key:UUID}',
      ],
    ],
    [
      'swift',
      [
        `class GetCustomer : / IReturn<GetCustomerResponse> {id:Int?!, age:Int?, tags:[String]!, meta:[String:String]?, cust_ref:String?, type:CustomerType?} ${ROUTES}`,
        'class GetCustomerResponse : / {result:Customer?, responseStatus:ResponseStatus?}',
        'enum CustomerType : / {} [Private=1,Company=2]',
        'class Customer : / {id:Int?, name:String?, balance:Double?, created:Date?, key:String?}',
      ],
    ],
    [
      'dart',
      [
        `class GetCustomer : / IReturn<GetCustomerResponse>,IConvertible,IGet {id:int!, age:int?, tags:List<String>!, meta:Map<String,String?>?, cust_ref:String?, type:CustomerType?} ${ROUTES}`,
        'class GetCustomerResponse : / IConvertible {result:Customer?, responseStatus:ResponseStatus?}',
        'enum CustomerType : / {} [Private=1,Company=2]',
        'class Customer : / IConvertible {id:int, name:String?, balance:double, created:DateTime?, key:String}',
      ],
    ],
    [
      'vbnet',
      [
        `class MyApp.ServiceModel.GetCustomer : / IReturn<GetCustomerResponse> {Id:Integer!, Age:Integer?, Tags:List(Of String)!, Meta:Dictionary(Of String, String), CustomerRef:String, Type:CustomerType} ${ROUTES}`,
        'class MyApp.ServiceModel.GetCustomerResponse : / {Result:Customer, ResponseStatus:ResponseStatus}',
        'class MyApp.ServiceModel.Types.Customer : / {Id:Long, Name:String, Balance:Decimal, Created:Date, Key:Guid}',
        'enum MyApp.ServiceModel.Types.CustomerType : / {} [Private=1,Company=2]',
      ],
    ],
    [
      'fsharp',
      [
        'enum CustomerType : / {} [Private=1,Company=2]',
        'class Customer : / {Id:Int64, Name:String, Balance:Decimal, Created:DateTime, Key:Guid}',
        'class GetCustomerResponse : / {Result:Customer, ResponseStatus:ResponseStatus}',
        `class GetCustomer : / IReturn<GetCustomerResponse> {Id:Int32!, Age:Nullable<Int32>, Tags:ResizeArray<String>!, Meta:Dictionary<String,String>, CustomerRef:String, Type:CustomerType} ${ROUTES}`,
      ],
    ],
    [
      'mjs',
      [
        'enum CustomerType : / {} [Private=1,Company=2]',
        'class Customer : / {id:number, name:string, balance:number, created:string, key:string}',
        'class GetCustomerResponse : / {result:Customer, responseStatus:ResponseStatus}',
        'class GetCustomer : / IReturn<GetCustomerResponse> {id:number, age:number, tags:string[], meta:{ [index:string]: string; }, cust_ref:string, type:CustomerType}',
      ],
    ],
  ])('%s', (key, want) => {
    const { types, diagnostics } = read(key, tabSource(key));
    expect(diagnostics).toEqual([]);
    expect(types.map(show)).toEqual(want);
  });

  it('keeps each member its attributes, description and line', () => {
    const { types } = read('kotlin', tabSource('kotlin'));
    const [id, , , , customerRef, type] = types[0]!.members;
    expect(id).toMatchObject({ description: "The customer's id", required: true, loc: { line: lineOf(tabSource('kotlin'), 'open var id:') } });
    expect(customerRef!.attributes.map((a) => [a.name, a.args, a.named])).toEqual([
      ['DataMember', [], { Name: 'cust_ref' }],
      ['SerializedName', ['cust_ref'], {}],
    ]);
    expect(type!.attributes.map((a) => [a.name, a.args])).toEqual([['SerializedName', ['type']]]);
  });
});

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('bases, generic types and AutoQuery', () => {
  it.each([
    [
      'kotlin',
      [
        'class QueryCustomers : QueryDb<Customer> / IReturn<QueryResponse<Customer>> {ids:ArrayList<Int>?} routes GET /customers',
        'class Page<T> : / {items:ArrayList<T>?}',
      ],
    ],
    [
      'java',
      [
        'class QueryCustomers : QueryDb<Customer> / IReturn<QueryResponse<Customer>> {ids:ArrayList<Integer>} routes GET /customers',
        'class Page<T> : / {items:ArrayList<T>}',
      ],
    ],
    [
      'swift',
      ['class QueryCustomers : QueryDb<Customer> / IReturn<QueryResponse<Customer>> {ids:[Int]?} routes GET /customers', 'class Page<T> : / {items:[T]?}'],
    ],
    [
      'dart',
      [
        'class QueryCustomers : QueryDb<Customer> / IReturn<QueryResponse<Customer>>,IConvertible,IGet {ids:List<int>?} routes GET /customers',
        'class Page<T> : / IConvertible {items:List<T>?}',
      ],
    ],
    [
      'vbnet',
      [
        'class MyApp.ServiceModel.Page<T> : / {Items:List(Of T)}',
        'class MyApp.ServiceModel.QueryCustomers : QueryDb<Customer> / IReturn<QueryResponse<Customer>> {Ids:List(Of Integer)} routes GET /customers',
      ],
    ],
    [
      'fsharp',
      [
        'class Page<T> : / {Items:ResizeArray<T>}',
        'class QueryCustomers : QueryDb<Customer> / IReturn<QueryResponse<Customer>> {Ids:ResizeArray<Int32>} routes GET /customers',
      ],
    ],
    ['mjs', ['class QueryCustomers : QueryDb / IReturn<QueryResponse> {ids:number[]}', 'class Page<T> : / {items:T[]}']],
  ])('%s', (key, want) => {
    const { types, diagnostics } = read(key, tabSource(key, 'QueryCustomers'));
    expect(diagnostics).toEqual([]);
    expect(types.filter((t) => t.name !== 'Customer').map(show)).toEqual(want);
  });

  it("Swift: a class's first supertype is its base only where ServiceStack added no Codable", () => {
    const { types } = read('swift', 'public class A : B, IReturn\n{\n}\npublic class C : IPost, Codable\n{\n}\npublic protocol D : E\n{\n}');
    expect(types.map(show)).toEqual(['class A : B / IReturn {}', 'class C : / IPost {}', 'interface D : / E {}']);
  });

  it('Java: the wrapper class is no DTO, a top-level class with members is', () => {
    const { types } = read(
      'java',
      'public class dtos\n{\n    public static class A\n    {\n        public String a = null;\n    }\n}\npublic class B\n{\n    public Integer b = null;\n}',
    );
    expect(types.map(show)).toEqual(['class A : / {a:String}', 'class B : / {b:Integer}']);
  });

  it('JavaScript: an empty createResponse() is IReturnVoid', () => {
    const { types } = read('mjs', 'export class A {\n    createResponse() { }\n}');
    expect(types.map(show)).toEqual(['class A : / IReturnVoid {}']);
  });
});

describe('types in the generic grammar', () => {
  it.each([
    ['[String]', { name: 'String', args: [], arrayRank: 1, nullable: false }],
    [
      '[String:Int]?',
      {
        name: 'Dictionary',
        args: [
          { name: 'String', args: [], arrayRank: 0, nullable: false },
          { name: 'Int', args: [], arrayRank: 0, nullable: false },
        ],
        arrayRank: 0,
        nullable: true,
      },
    ],
    ['[[Int?]]', { name: 'Int', args: [], arrayRank: 2, nullable: false }],
    [
      'QueryResponse<Customer>',
      { name: 'QueryResponse', args: [{ name: 'Customer', args: [], arrayRank: 0, nullable: false }], arrayRank: 0, nullable: false },
    ],
  ])('Swift %s', (text, want) => {
    expect(parseSwiftType(text)).toEqual(want);
  });

  it.each(['', '[String', 'String]', '[:Int]', 'A<>', 'A<B', '() -> Void'])('Swift rejects %j', (text) => {
    expect(parseSwiftType(text)).toBeUndefined();
  });

  it.each([
    ['List(Of String)', 'List<String>'],
    ['Dictionary(Of String, List(Of Integer))', 'Dictionary<String,List<Integer>>'],
    ['String()', 'String[]'],
    ['Nullable(Of Integer)', 'Nullable<Integer>'],
    ['Integer?', 'Integer?'],
  ])('VB.NET %s', (text, want) => {
    const src = new Source('x', [{ text, line: 1 }]);
    expect(genericGrammar(significant(tokenize(src, new DiagnosticBag(), 'SS032', 'x', VBNET)))).toBe(want);
  });
});

describe('broken source: one diagnostic a broken line, the rest read', () => {
  it.each([
    [
      'kotlin',
      'open class A\n{\n    open var a:String? = null\n    open var :Int? = null\n    open var b:Int? = null\n    !!garbage line\n    open var c:Thing<? = null\n    open var d:Int? = null\n}',
      'class A : / {a:String?, b:Int?, c:Thing<?, d:Int?}',
      ['SS032:4', 'SS032:6', 'SS033:7'],
    ],
    [
      'java',
      'public class dtos\n{\n    public static class A\n    {\n        public String a = null;\n        !!garbage;\n        public Integer b = null;\n    }\n}',
      'class A : / {a:String, b:Integer}',
      ['SS032:6'],
    ],
    [
      'swift',
      'public class A : Codable\n{\n    public var a:String?\n    public var :Int?\n    public var b:[Int?\n    public var c:Int?\n}',
      'class A : / {a:String?, b:[Int?, c:Int?}',
      ['SS032:4', 'SS033:5'],
    ],
    [
      'dart',
      "class A implements IConvertible\n{\n    String? a;\n    int? b;\n    String? c = 'unterminated;\n    int? d;\n}",
      'class A : / IConvertible {a:String?, b:int?, c:String?, d:int?}',
      ['SS032:5'],
    ],
    [
      'vbnet',
      'Namespace Global\n    Public Partial Class A\n        Public Overridable Property a As String\n        Public Overridable Property As Integer\n        <Broken(\n        Public Overridable Property b As List(Of\n        Public Overridable Property c As Integer\n    End Class\nEnd Namespace',
      'class A : / {a:String, b:List(Of, c:Integer}',
      ['SS032:4', 'SS032:5', 'SS033:6'],
    ],
    [
      'fsharp',
      'namespace X\n    type A() =\n        member val a:String = null with get,set\n        member val :Int32 = 0 with get,set\n        something else\n        member val b:Int32 = new Int32() with get,set\n',
      'class A : / {a:String, b:Int32}',
      ['SS032:4', 'SS032:5'],
    ],
    [
      'mjs',
      'export class A {\n    /** @type {string} */\n    a;\n    /** @type {string|number} */\n    b;\n    ~~~ garbage\n    /** @type {number} */\n    c;\n}',
      'class A : / {a:string, b:string|number, c:number}',
      ['SS033:5', 'SS032:6'],
    ],
  ])('%s', (key, text, want, diagnostics) => {
    const r = read(key, text);
    expect(r.types.map(show)).toEqual([want]);
    expect(r.diagnostics).toEqual(diagnostics);
  });

  it.each(Object.keys(READERS))('%s: any prefix of its source reads without throwing', (key) => {
    const text = tabSource(key);
    for (let end = 0; end < text.length; end += 37) expect(() => read(key, text.slice(0, end))).not.toThrow();
  });
});
