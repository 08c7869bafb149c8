import { describe, it, expect } from 'vitest';
import { parseVerbs, pathVariables, routeFromCells, splitSquashedRoute } from '../../generator/read/routes.js';

describe('parseVerbs', () => {
  it.each<[string, string[]]>([
    ['All Verbs', []],
    ['GET', ['GET']],
    ['GET,POST', ['GET', 'POST']],
    ['GET, POST', ['GET', 'POST']],
    [' PUT , DELETE ', ['PUT', 'DELETE']],
  ])('%j', (text, verbs) => {
    expect(parseVerbs(text)).toEqual(verbs);
  });

  it.each(['', 'get', 'GET POST', 'GET,', ',GET', '/customer', 'Name'])('rejects %j', (text) => {
    expect(parseVerbs(text)).toBeUndefined();
  });
});

describe('routeFromCells', () => {
  it('reads verbs, path, summary and notes', () => {
    expect(routeFromCells(['PUT', '/customer/{boosterCustomerId}', 'Update customer', 'Update CRM customer'])).toEqual({
      verbs: ['PUT'],
      path: '/customer/{boosterCustomerId}',
      summary: 'Update customer',
      notes: 'Update CRM customer',
    });
    expect(routeFromCells(['All Verbs', '/customer', 'Create customer'])).toEqual({ verbs: [], path: '/customer', summary: 'Create customer' });
    expect(routeFromCells(['GET, POST', '/items'])).toEqual({ verbs: ['GET', 'POST'], path: '/items' });
  });

  it('leaves out empty summary and notes', () => {
    const r = routeFromCells(['POST', '/customer', '', '']);
    expect(r).toEqual({ verbs: ['POST'], path: '/customer' });
    expect(r).not.toHaveProperty('summary');
    expect(r).not.toHaveProperty('notes');
  });

  it.each<[string, string[]]>([
    ['no cells', []],
    ['a table header', ['Name', 'Parameter', 'Data Type', 'Required', 'Description']],
    ['a parameter row', ['title', 'form', 'string', 'No', 'Title']],
    ['a path without a leading /', ['GET', 'customer']],
    ['a path with a space', ['GET', '/customer list']],
    ['no path', ['GET']],
  ])('gives undefined for %s', (_what, cells) => {
    expect(routeFromCells(cells)).toBeUndefined();
  });
});

describe('splitSquashedRoute', () => {
  it('splits verb, path, summary and notes (seed 001)', () => {
    const text = 'PUT/customer/{boosterCustomerId}Update customerUpdate CRM customer';
    const known = splitSquashedRoute(text, ['/customer/{boosterCustomerId}']);
    expect(known).toEqual({ verbs: ['PUT'], path: '/customer/{boosterCustomerId}', summary: 'Update customer', notes: 'Update CRM customer' });
    // Without the sample's path the same split is found, but the path boundary is a guess.
    const guessed = splitSquashedRoute(text, []);
    expect(guessed).toMatchObject({ verbs: ['PUT'], path: '/customer/{boosterCustomerId}', summary: 'Update customer', notes: 'Update CRM customer' });
    expect(guessed?.guess).toContain("path taken as '/customer/{boosterCustomerId}'");
  });

  it('uses the known path (seed 003): no guess', () => {
    const r = splitSquashedRoute('POST/customer/{brand}/exportExport Customer Data', ['/customer/{brand}/export']);
    expect(r).toEqual({ verbs: ['POST'], path: '/customer/{brand}/export', summary: 'Export Customer Data' });
    expect(r).not.toHaveProperty('guess');
    expect(r).not.toHaveProperty('notes');
  });

  it('guesses the path without the known path (seed 003) and says so', () => {
    const r = splitSquashedRoute('POST/customer/{brand}/exportExport Customer Data', []);
    expect(r).toMatchObject({ verbs: ['POST'], path: '/customer/{brand}/export', summary: 'Export Customer Data' });
    expect(r?.guess).toBe("path taken as '/customer/{brand}/export'");
  });

  it('prefers the longest known path', () => {
    const r = splitSquashedRoute('GET/customer/{id}/historyHistoryAll changes', ['/customer', '/customer/{id}', '/customer/{id}/history']);
    expect(r).toEqual({ verbs: ['GET'], path: '/customer/{id}/history', summary: 'History', notes: 'All changes' });
  });

  it('does not take a known path that the route only starts with', () => {
    // The page's sample shows `/customer` (another route of the operation): it says nothing about this route.
    const longer = splitSquashedRoute('GET/customer/{id}Get customerGet one customer', ['/customer']);
    expect(longer).toMatchObject({ path: '/customer/{id}', summary: 'Get customer', notes: 'Get one customer' });
    expect(longer?.guess).toBeDefined();
    const plural = splitSquashedRoute('GET/customersList customers', ['/customer']);
    expect(plural).toMatchObject({ path: '/customers', summary: 'List customers' });
  });

  it('never cuts the path inside a variable (`{CustomerId}` has a capital after a small letter)', () => {
    expect(splitSquashedRoute('All Verbs/customers/{CustomerId}/orders', [])).toEqual({ verbs: [], path: '/customers/{CustomerId}/orders' });
    expect(splitSquashedRoute('GET/customers/{CustomerId}/ordersList orders', [])).toMatchObject({
      path: '/customers/{CustomerId}/orders',
      summary: 'List orders',
    });
  });

  it('reads a path alone, without guessing', () => {
    expect(splitSquashedRoute('GET/customer/{id}', [])).toEqual({ verbs: ['GET'], path: '/customer/{id}' });
    expect(splitSquashedRoute('DELETE/customer', ['/customer'])).toEqual({ verbs: ['DELETE'], path: '/customer' });
  });

  it('reads several verbs and All Verbs', () => {
    expect(splitSquashedRoute('GET,POST/itemsItemsAll items', ['/items'])).toEqual({
      verbs: ['GET', 'POST'],
      path: '/items',
      summary: 'Items',
      notes: 'All items',
    });
    expect(splitSquashedRoute('GET, POST/items', [])).toEqual({ verbs: ['GET', 'POST'], path: '/items' });
    expect(splitSquashedRoute('All Verbs/itemsItems', ['/items'])).toEqual({ verbs: [], path: '/items', summary: 'Items' });
  });

  it('flags the summary/notes boundary as a guess when more than one boundary fits', () => {
    const r = splitSquashedRoute('GET/itemsList itemsList all itemsFor the user', ['/items']);
    expect(r).toMatchObject({ path: '/items', summary: 'List items' });
    expect(r?.guess).toContain("summary taken as 'List items'");
  });

  it.each(['', 'Update customer', '/customer', 'get/customer', 'PUT customer', 'NameParameterData TypeRequiredDescription'])(
    'gives undefined for %j',
    (text) => {
      expect(splitSquashedRoute(text, [])).toBeUndefined();
    },
  );
});

describe('pathVariables', () => {
  it.each<[string, string[]]>([
    ['/a/{b}/c/{d*}', ['b', 'd']],
    ['/customer/{boosterCustomerId}', ['boosterCustomerId']],
    ['/customer/{brand}/export', ['brand']],
    ['/customer', []],
    ['/files/{Path*}', ['Path']],
    ['/a/{b}.{format}', ['b', 'format']],
  ])('%s', (path, names) => {
    expect(pathVariables(path)).toEqual(names);
  });

  it.each(['/a/{b', '/a/}b{', '/a/}', '/a/{b}}', '/a/{{b}}', '/a/{b/{c}'])('gives undefined for unbalanced %s', (path) => {
    expect(pathVariables(path)).toBeUndefined();
  });
});
