/**
 * A DTO whose base class is generic (`QueryDb<Customer>`, AutoQuery's way) extends the generic
 * type with its arguments, in every DTO language; only arguments that do not fit the base's
 * parameters are dropped, and that is said (SS065) where the class is declared.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/api-model.js';
import type { InputFile } from '../../generator/read/input.js';
import { modelOf, opOf, typeOf } from '../helpers.js';
import { languageTabPage } from '../read/html-fixtures.js';

const pythonPage = (file: string, classes: string): InputFile => ({
  file,
  text: `Svc.Api\n\n<back to all web services\n\nQueryCustomers\n\nThe following routes are available for this service:\nGET/customers\nimport datetime\n\n${classes}\n\nPython QueryCustomers DTOs\n`,
});

const generic = (m: ApiModel) => m.diagnostics.filter((d) => d.code === 'SS065').map((d) => `${d.loc?.file}:${d.loc?.line} ${d.message}`);
const customer = { kind: 'ref', name: 'Customer', nullable: false };

describe('generic base classes', () => {
  const cs = languageTabPage(
    'q.csharp.html',
    'QueryCustomers',
    'csharp',
    [
      'namespace Acme;',
      'public class QueryCustomers : QueryDb<Customer>, IReturn<QueryResponse<Customer>> { public string Name { get; set; } }',
      'public class Customer : Entity { public int Id { get; set; } }',
      'public class Entity { public string Code { get; set; } }',
    ].join('\n'),
  );
  const ts = languageTabPage(
    'q.typescript.html',
    'QueryCustomers',
    'typescript',
    ['export class QueryCustomers extends QueryDb<Customer> implements IReturn<QueryResponse<Customer>>', '{', '    public name: string;', '}'].join('\n'),
  );
  const py = pythonPage(
    'q.txt',
    [
      '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)',
      '@dataclass',
      'class QueryCustomers(QueryDb[Customer], IReturn[QueryResponse[Customer]]):',
      '    name: Optional[str] = None',
    ].join('\n'),
  );

  it.each([
    ['C#', cs],
    ['TypeScript', ts],
    ['Python', py],
  ])('are followed from %s: the base is the generic type, with its arguments, and so is the response', (_, page) => {
    const model = modelOf([page]);
    expect(typeOf(model, 'QueryCustomers')).toMatchObject({ base: 'QueryDb', baseArgs: [customer] });
    expect(typeOf(model, 'QueryDb')).toMatchObject({ base: 'QueryBase', typeParameters: ['T'] });
    expect(opOf(model, 'QueryCustomers').response).toEqual({ kind: 'typed', type: 'QueryResponse', args: [customer] });
    expect(generic(model)).toEqual([]);
  });

  it('agree across languages; plain bases, interfaces and markers are as before', () => {
    const model = modelOf([cs, ts, py]);
    expect(model.diagnostics.filter((d) => d.code === 'SS078' || d.code === 'SS065')).toEqual([]);
    expect(typeOf(model, 'Customer').base).toBe('Entity');
    const plain = languageTabPage(
      'p.csharp.html',
      'GetThing',
      'csharp',
      'public class GetThing : IReturn<Thing>, IGet { public int Id { get; set; } }\npublic class Thing { public int Id { get; set; } }',
    );
    const typed = pythonPage('p.txt', 'class Page(Generic[T]):\n    items: List[T] = None');
    const other = modelOf([plain, typed]);
    expect(typeOf(other, 'GetThing').base).toBeUndefined();
    expect(typeOf(other, 'Page').typeParameters).toEqual(['T']);
  });

  it('with arguments the base has no parameters for: the base is kept, its arguments dropped, and said where the class is declared', () => {
    const page = languageTabPage(
      'w.csharp.html',
      'QueryWrong',
      'csharp',
      [
        'public class QueryWrong : QueryDb<Customer, Customer, Customer> { public string Name { get; set; } }',
        'public class Customer { public int Id { get; set; } }',
      ].join('\n'),
    );
    const model = modelOf([page]);
    expect(typeOf(model, 'QueryWrong').base).toBe('QueryDb');
    expect(typeOf(model, 'QueryWrong').baseArgs).toBeUndefined();
    expect(generic(model)).toEqual([
      `w.csharp.html:${page.text.split('\n').findIndex((l) => l.includes('class QueryWrong')) + 1} 'QueryWrong' extends 'QueryDb<Customer,Customer,Customer>' but 'QueryDb' has <T>: its type arguments are dropped`,
    ]);
  });
});
