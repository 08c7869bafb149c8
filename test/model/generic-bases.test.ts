/**
 * A DTO whose base class is generic (`QueryDb<Customer>`, AutoQuery's way) gets no base in the
 * model: that is said (SS065), once per type, where the class is declared, never left silent.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/api-model.js';
import type { InputFile } from '../../generator/read/input.js';
import { modelOf, typeOf } from '../helpers.js';
import { languageTabPage } from '../read/html-fixtures.js';


const pythonPage = (file: string, classes: string): InputFile => ({
  file,
  text: `Svc.Api\n\n<back to all web services\n\nQueryCustomers\n\nThe following routes are available for this service:\nGET/customers\nimport datetime\n\n${classes}\n\nPython QueryCustomers DTOs\n`,
});

const generic = (m: ApiModel) => m.diagnostics.filter((d) => d.code === 'SS065').map((d) => `${d.loc?.file}:${d.loc?.line} ${d.message}`);

describe('generic base classes', () => {
  const cs = languageTabPage('q.csharp.html', 'QueryCustomers', 'csharp', [
    'namespace Acme;',
    'public class QueryCustomers : QueryDb<Customer>, IReturn<QueryResponse<Customer>> { public string Name { get; set; } }',
    'public class Customer : Entity { public int Id { get; set; } }',
    'public class Entity { public string Code { get; set; } }',
  ].join('\n'));
  const ts = languageTabPage('q.typescript.html', 'QueryCustomers', 'typescript', [
    'export class QueryCustomers extends QueryDb<Customer> implements IReturn<QueryResponse<Customer>>',
    '{',
    '    public name: string;',
    '}',
  ].join('\n'));
  const py = pythonPage('q.txt', [
    '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)',
    '@dataclass',
    'class QueryCustomers(QueryDb[Customer], IReturn[QueryResponse[Customer]]):',
    '    name: Optional[str] = None',
  ].join('\n'));

  it.each([
    ['C#', cs, 'QueryDb<Customer>'],
    ['TypeScript', ts, 'QueryDb<Customer>'],
    ['Python', py, 'QueryDb[Customer]'],
  ])('are reported from %s, where the class is declared', (_, page, written) => {
    const line = page.text.slice(0, page.text.indexOf('class QueryCustomers')).split('\n').length;
    const model = modelOf([page]);
    expect(typeOf(model, 'QueryCustomers').base).toBeUndefined();
    expect(generic(model)).toEqual([
      `${page.file}:${line} 'QueryCustomers' extends '${written}', a generic class the generator does not follow: it gets no base, and what it inherits comes only from its tables and samples`,
    ]);
  });

  it('once per type however many sources declare it; plain bases, interfaces and markers say nothing', () => {
    const model = modelOf([cs, ts, py]);
    expect(generic(model)).toHaveLength(1);
    expect(typeOf(model, 'Customer').base).toBe('Entity');
    const plain = languageTabPage('p.csharp.html', 'GetThing', 'csharp', 'public class GetThing : IReturn<Thing>, IGet { public int Id { get; set; } }\npublic class Thing { public int Id { get; set; } }');
    const typed = pythonPage('p.txt', 'class Page(Generic[T]):\n    items: List[T] = None');
    expect(generic(modelOf([plain, typed]))).toEqual([]);
  });
});
