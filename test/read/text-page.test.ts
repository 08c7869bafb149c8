import { readFileSync, readdirSync } from 'node:fs';
import { parseDotNetType } from '../../generator/read/dotnet-type.js';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { PageFragments } from '../../generator/read/fragments.js';
import { readTextPage } from '../../generator/read/text-page.js';
import { seedFiles } from '../helpers.js';
import { dtoSource, seed003WithSource } from './html-fixtures.js';

const INPUT = fileURLToPath(new URL('../../input/', import.meta.url));

function read(text: string, file = 'page.txt'): { page: PageFragments; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  return { page: readTextPage(file, text, bag), bag };
}

/** Lines joined with `\n`, so a fixture's line numbers are its index + 1. */
function page(...lines: string[]): string {
  return lines.join('\n');
}

function codes(bag: DiagnosticBag): string[] {
  return bag.items.map((d) => d.code);
}

/** `caption@line:rowCount` per table. */
function tableShape(p: PageFragments): string[] {
  return p.tables.map((t) => `${t.caption ?? '-'}@${t.loc.line}:${t.rows.length}`);
}

// ── Pipe tables with a leading `|` (seed 000) ───────────────────────────────────────────────
const PIPE_LEADING = page(
  '| PUT | /customer/{id} | Update customer | Update CRM customer |', // 1
  '|---|', // 2
  '| Name | Parameter | Data Type | Required | Description |', // 3
  '|---|---|---|---|---|', // 4
  '| id | path | int | No | Customer Id |', // 5
  '| Name | Parameter | Data Type | Required | Description |', // 6
  '|---|---|---|---|---|', // 7
  "| title | form | string | No | Title e.g. 'Mr & Mrs', 'Mr.' |", // 8
  '| birthDate | form | DateTime? | No | Birth Date |', // 9
  '| emails | form | List<Email> | No | Customer emails |', // 10
  '| Name | Parameter | Data Type | Required | Description |', // 11
  '|---|---|---|---|---|', // 12
  '| form | string | Yes | ||', // 13
  '| isMainEmail | form | bool | Yes | Main email |', // 14
  'To override the Content-type in your clients, use the HTTP Accept Header, append the .xml suffix or ?format=xml', // 15
  'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.', // 16
  'PUT /customer/{id} HTTP/1.1', // 17
  'Host: example.com', // 18
  'Content-Type: application/xml', // 19
  'Content-Length: length', // 20
  '<UpdateCustomer xmlns="http://example.com/ns">', // 21
  '<emails><Email><email>String</email><isMainEmail>false</isMainEmail></Email></emails>', // 22
  '<id>0</id>', // 23
  '</UpdateCustomer>', // 24
  'HTTP/1.1 200 OK Content-Type: application/xml Content-Length: length <z:anyType xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" />', // 25
);

// ── Pipe tables without a leading `|` (seed 002) ────────────────────────────────────────────
const PIPE_BARE = page(
  'POST | /customer | Create customer | Create CRM customer |', // 1
  '---|', // 2
  'Name | Parameter | Data Type | Required | Description |', // 3
  '---|---|---|---|---|', // 4
  'privacyPolicyAcceptanceStorage | body | bool | Yes | Privacy policy acceptance |', // 5
  'tvPrivacyPolicyAcceptanceStorage | body | bool? | No | Privacy policy acceptance for TimeVallée |', // 6
  'Name | Parameter | Data Type | Required | Description |', // 7
  '---|---|---|---|---|', // 8
  'form | string | Yes | ||', // 9
  'isMainEmail | form | bool | Yes | Main email |', // 10
  'Name | Parameter | Data Type | Required | Description |', // 11
  '---|---|---|---|---|', // 12
  'boosterCustomerId | form | int | Yes | Booster Customer ID |', // 13
  'To override the Content-type in your clients, use the HTTP Accept Header, append the .csv suffix or ?format=csv', // 14
  'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.', // 15
  'POST /customer HTTP/1.1', // 16
  'Host: example.com', // 17
  'Content-Type: text/csv', // 18
  'Content-Length: length', // 19
  '{"privacyPolicyAcceptanceStorage":false,"tvPrivacyPolicyAcceptanceStorage":false}', // 20
  'HTTP/1.1 200 OK Content-Type: text/csv Content-Length: length {"boosterCustomerId":0}', // 21
);

// ── Squashed text with captions (seed 003) ──────────────────────────────────────────────────
const SQUASHED = page(
  'Richemont.Booster2.PublicApi', // 1
  '', // 2
  '<back to all web services', // 3
  '', // 4
  'ExportCustomer', // 5
  '', // 6
  'Exports customers', // 7
  'Requires Authentication', // 8
  'Required roles: Admin, Manager', // 9
  'Required permissions: ExportData', // 10
  'The following routes are available for this service:', // 11
  'POST/customer/{brand}/exportExport Customer Data', // 12
  'ExportCustomer Parameters:', // 13
  'NameParameterData TypeRequiredDescription', // 14
  'downloadRequestIdbodystringYesExport Request ID of the API Consumers', // 15
  'SearchCustomer Parameters:', // 16
  'NameParameterData TypeRequiredDescription', // 17
  'brandformstringYesBrand', // 18
  'posCodesformList<string>YesPOS Legacy', // 19
  "clientSpendingFromformdouble?NoClient Spending From e.g. '100'", // 20
  'interestsformList<GetCustomerInterest>NoCustomer interest filter', // 21
  'GetCustomerInterest Parameters:', // 22
  'NameParameterData TypeRequiredDescription', // 23
  'interestformstringYesInterest description', // 24
  'ExportCustomerResponse Parameters:', // 25
  'NameParameterData TypeRequiredDescription', // 26
  'asyncTaskIdformGuidYesUnique Identifier of the Export Request created', // 27
  '', // 28
  'To override the Content-type in your clients, use the HTTP Accept Header, append the .xml suffix or ?format=xml', // 29
  '', // 30
  'HTTP + XML', // 31
  '', // 32
  'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.', // 33
  '', // 34
  'POST /customer/{brand}/export HTTP/1.1 ', // 35
  'Host: example.com ', // 36
  'Content-Type: application/xml', // 37
  'Content-Length: length', // 38
  '', // 39
  '<ExportCustomer xmlns="http://example.com/ns">', // 40
  '  <brand>String</brand>', // 41
  '  <downloadRequestId>String</downloadRequestId>', // 42
  '</ExportCustomer>', // 43
  'HTTP/1.1 200 OK', // 44
  'Content-Type: application/xml', // 45
  'Content-Length: length', // 46
  '', // 47
  '<ExportCustomerResponse xmlns="http://example.com/ns">', // 48
  '  <asyncTaskId>00000000-0000-0000-0000-000000000000</asyncTaskId>', // 49
  '</ExportCustomerResponse>', // 50
);

// ── Python DTO page (seed 001) ──────────────────────────────────────────────────────────────
const PYTHON = page(
  'Richemont.Booster2.PublicApi', // 1
  '', // 2
  '<back to all web services', // 3
  '', // 4
  'UpdateCustomer', // 5
  '', // 6
  'Requires Authentication', // 7
  'The following routes are available for this service:', // 8
  'PUT/customer/{boosterCustomerId}Update customerUpdate CRM customer', // 9
  'import datetime', // 10
  'from typing import *', // 11
  'from dataclasses import dataclass, field', // 12
  'from dataclasses_json import dataclass_json, LetterCase, Undefined, config', // 13
  '', // 14
  '', // 15
  '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)', // 16
  '@dataclass', // 17
  'class Email:', // 18
  '    # @ApiMember(Description="Email", IsRequired=true)', // 19
  '    email: Optional[str] = None', // 20
  '    """', // 21
  '    Email', // 22
  '    """', // 23
  '', // 24
  '', // 25
  '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)', // 26
  '@dataclass', // 27
  'class UpdateCustomer:', // 28
  '    # @ApiMember(Description="Customer emails")', // 29
  '    emails: Optional[List[Email]] = None', // 30
  '    """', // 31
  '    Customer emails', // 32
  '    """', // 33
  '', // 34
  '', // 35
  '    # @ApiMember(Description="Booster customer Id")', // 36
  '    booster_customer_id: int = 0', // 37
  '', // 38
  'Python UpdateCustomer DTOs', // 39
  '', // 40
  'To override the Content-type in your clients, use the HTTP Accept Header, append the .xml suffix or ?format=xml', // 41
  '', // 42
  'HTTP + XML', // 43
  '', // 44
  'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.', // 45
  '', // 46
  'PUT /customer/{boosterCustomerId} HTTP/1.1 ', // 47
  'Host: example.com ', // 48
  'Content-Type: application/xml', // 49
  'Content-Length: length', // 50
  '', // 51
  '<UpdateCustomer xmlns="http://example.com/ns">', // 52
  '  <emails><Email><email>String</email></Email></emails>', // 53
  '  <boosterCustomerId>0</boosterCustomerId>', // 54
  '</UpdateCustomer>', // 55
  'HTTP/1.1 200 OK', // 56
  'Content-Type: application/xml', // 57
  'Content-Length: length', // 58
  '', // 59
  '<z:anyType xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" />', // 60
);

describe('readTextPage: pipe tables with a leading `|`', () => {
  const { page: p, bag } = read(PIPE_LEADING, 'pipe.txt');

  it('is a pipe dump without header facts', () => {
    expect(p.file).toBe('pipe.txt');
    expect(p.form).toBe('pipe-text');
    expect(p.serviceName).toBeUndefined();
    expect(p.operationName).toBeUndefined();
    expect(p.auth).toBeUndefined();
    expect(p.pythonClasses).toEqual([]);
  });

  it('reads the route row', () => {
    expect(p.routes).toEqual([
      { verbs: ['PUT'], path: '/customer/{id}', summary: 'Update customer', notes: 'Update CRM customer', loc: { file: 'pipe.txt', line: 1 } },
    ]);
  });

  it('reads the unnamed tables, each located at its header line', () => {
    expect(tableShape(p)).toEqual(['-@3:1', '-@6:3', '-@11:2']);
    expect(p.tables.every((t) => t.caption === undefined)).toBe(true);
  });

  it('reads the rows with their lines', () => {
    expect(p.tables[0]!.rows).toEqual([
      {
        name: 'id',
        parameter: 'path',
        dataType: 'int',
        type: parseDotNetType('int'),
        required: false,
        description: 'Customer Id',
        loc: { file: 'pipe.txt', line: 5 },
      },
    ]);
    expect(p.tables[1]!.rows.map((r) => [r.name, r.dataType, r.required, r.loc.line])).toEqual([
      ['title', 'string', false, 8],
      ['birthDate', 'DateTime?', false, 9],
      ['emails', 'List<Email>', false, 10],
    ]);
    expect(p.tables[1]!.rows[0]!.description).toBe("Title e.g. 'Mr & Mrs', 'Mr.'");
  });

  it('reads the row with no Name cell as a row without a name (the model recovers and reports it)', () => {
    const nameless = p.tables[2]!.rows[0]!;
    expect(nameless).toEqual({
      parameter: 'form',
      dataType: 'string',
      type: parseDotNetType('string'),
      required: true,
      description: '',
      loc: { file: 'pipe.txt', line: 13 },
    });
    expect(nameless).not.toHaveProperty('name');
  });

  it('reads the format hint and the samples', () => {
    expect(p.formatHint).toEqual({ value: 'xml', loc: { file: 'pipe.txt', line: 15 } });
    expect(p.samples.map((s) => [s.direction, s.verb ?? s.status, s.loc.line, s.body?.format])).toEqual([
      ['request', 'PUT', 17, 'xml'],
      ['response', 200, 25, 'xml'],
    ]);
  });

  it('reports nothing', () => {
    expect(bag.items).toEqual([]);
  });
});

describe('readTextPage: pipe tables without a leading `|`', () => {
  const { page: p, bag } = read(PIPE_BARE);

  it('reads route, tables, rows, format hint and samples', () => {
    expect(p.form).toBe('pipe-text');
    expect(p.routes).toEqual([
      { verbs: ['POST'], path: '/customer', summary: 'Create customer', notes: 'Create CRM customer', loc: { file: 'page.txt', line: 1 } },
    ]);
    expect(tableShape(p)).toEqual(['-@3:2', '-@7:2', '-@11:1']);
    expect(p.tables[0]!.rows.map((r) => [r.name, r.parameter, r.dataType, r.required, r.loc.line])).toEqual([
      ['privacyPolicyAcceptanceStorage', 'body', 'bool', true, 5],
      ['tvPrivacyPolicyAcceptanceStorage', 'body', 'bool?', false, 6],
    ]);
    expect(p.tables[1]!.rows[0]).toEqual({
      parameter: 'form',
      dataType: 'string',
      type: parseDotNetType('string'),
      required: true,
      description: '',
      loc: { file: 'page.txt', line: 9 },
    });
    expect(p.tables[2]!.rows[0]).toMatchObject({ name: 'boosterCustomerId', dataType: 'int', type: parseDotNetType('int'), required: true, loc: { line: 13 } });
    expect(p.formatHint?.value).toBe('csv');
    expect(p.samples.map((s) => s.body?.format)).toEqual(['json', 'json']);
    expect(bag.items).toEqual([]);
  });
});

describe('readTextPage: squashed text with captions', () => {
  const { page: p, bag } = read(SQUASHED, 'sq.txt');

  it('reads service, operation, description and auth', () => {
    expect(p.form).toBe('squashed-text');
    expect(p.serviceName).toEqual({ value: 'Richemont.Booster2.PublicApi', loc: { file: 'sq.txt', line: 1 } });
    expect(p.operationName).toEqual({ value: 'ExportCustomer', loc: { file: 'sq.txt', line: 5 } });
    expect(p.description).toEqual({ value: 'Exports customers', loc: { file: 'sq.txt', line: 7 } });
    expect(p.auth).toEqual({ required: true, roles: ['Admin', 'Manager'], permissions: ['ExportData'], loc: { file: 'sq.txt', line: 8 } });
  });

  it('reads the squashed route, its path settled by the sample (no SS015)', () => {
    expect(p.routes).toEqual([{ verbs: ['POST'], path: '/customer/{brand}/export', summary: 'Export Customer Data', loc: { file: 'sq.txt', line: 12 } }]);
    expect(codes(bag)).not.toContain('SS015');
  });

  it('reads the captioned tables, each located at its caption', () => {
    expect(tableShape(p)).toEqual(['ExportCustomer@13:1', 'SearchCustomer@16:4', 'GetCustomerInterest@22:1', 'ExportCustomerResponse@25:1']);
  });

  it('splits the squashed rows', () => {
    expect(p.tables[1]!.rows).toEqual([
      {
        name: 'brand',
        parameter: 'form',
        dataType: 'string',
        type: parseDotNetType('string'),
        required: true,
        description: 'Brand',
        loc: { file: 'sq.txt', line: 18 },
      },
      {
        name: 'posCodes',
        parameter: 'form',
        dataType: 'List<string>',
        type: parseDotNetType('List<string>'),
        required: true,
        description: 'POS Legacy',
        loc: { file: 'sq.txt', line: 19 },
      },
      {
        name: 'clientSpendingFrom',
        parameter: 'form',
        dataType: 'double?',
        type: parseDotNetType('double?'),
        required: false,
        description: "Client Spending From e.g. '100'",
        loc: { file: 'sq.txt', line: 20 },
      },
      {
        name: 'interests',
        parameter: 'form',
        dataType: 'List<GetCustomerInterest>',
        type: parseDotNetType('List<GetCustomerInterest>'),
        required: false,
        description: 'Customer interest filter',
        loc: { file: 'sq.txt', line: 21 },
      },
    ]);
    expect(p.tables[0]!.rows[0]).toMatchObject({ name: 'downloadRequestId', parameter: 'body', loc: { line: 15 } });
    expect(p.tables[3]!.rows[0]).toMatchObject({ name: 'asyncTaskId', dataType: 'Guid', type: parseDotNetType('Guid'), required: true, loc: { line: 27 } });
  });

  it('reads the format hint and both samples, and reports nothing', () => {
    expect(p.formatHint).toEqual({ value: 'xml', loc: { file: 'sq.txt', line: 29 } });
    expect(p.samples.map((s) => [s.direction, s.path ?? s.status, s.loc.line])).toEqual([
      ['request', '/customer/{brand}/export', 35],
      ['response', 200, 44],
    ]);
    expect(p.samples[1]!.body).toMatchObject({ format: 'xml', root: { localName: 'ExportCustomerResponse' } });
    expect(bag.items).toEqual([]);
  });

  it('guesses the route path when no sample shows it, and says so (SS015)', () => {
    const noSamples = SQUASHED.split('\n').slice(0, 28).join('\n');
    const { page: q, bag: qBag } = read(noSamples, 'sq.txt');
    expect(q.routes).toEqual([{ verbs: ['POST'], path: '/customer/{brand}/export', summary: 'Export Customer Data', loc: { file: 'sq.txt', line: 12 } }]);
    expect(qBag.items).toContainEqual(expect.objectContaining({ code: 'SS015', loc: { file: 'sq.txt', line: 12 } }));
    expect(q.samples).toEqual([]);
    expect(q.formatHint).toBeUndefined();
  });
});

describe('readTextPage: squashed rows that split more than one way', () => {
  const TABLE = page(
    'Svc', // 1
    '<back to all web services', // 2
    'GetThing', // 3
    'The following routes are available for this service:', // 4
    'GET/thing', // 5
    'GetThing Parameters:', // 6
    'NameParameterData TypeRequiredDescription', // 7
    'myPlatformformStatusNoPlatform status', // 8
  );

  it('reports an undecided split (SS011) and keeps the other split as an alternative', () => {
    const { page: p, bag } = read(TABLE);
    const r = p.tables[0]!.rows[0]!;
    expect(r).toMatchObject({ name: 'myPlatform', dataType: 'Status', type: parseDotNetType('Status'), loc: { line: 8 } });
    expect(r.alternatives).toEqual([
      { name: 'myPlat', parameter: 'form', dataType: 'formStatus', type: parseDotNetType('formStatus'), required: false, description: 'Platform status' },
    ]);
    expect(bag.items).toContainEqual(expect.objectContaining({ code: 'SS011', loc: { file: 'page.txt', line: 8 } }));
  });

  it('lets a caption on the page decide (a `Status Parameters:` table)', () => {
    const { page: p, bag } = read(page(TABLE, 'Status Parameters:', 'NameParameterData TypeRequiredDescription', 'codeformintYesCode'));
    expect(p.tables[0]!.rows[0]).toMatchObject({ name: 'myPlatform', dataType: 'Status' });
    expect(p.tables[0]!.rows[0]).not.toHaveProperty('alternatives');
    expect(codes(bag)).not.toContain('SS011');
  });

  it('lets a sample on the page decide (`<myPlat>` in the XML)', () => {
    const withSample = page(
      TABLE,
      'GET /thing HTTP/1.1',
      'Content-Type: application/xml',
      '',
      '<GetThing xmlns="http://example.com/ns"><myPlat>String</myPlat></GetThing>',
    );
    const { page: p, bag } = read(withSample);
    expect(p.tables[0]!.rows[0]).toMatchObject({ name: 'myPlat', dataType: 'formStatus' });
    expect(codes(bag)).not.toContain('SS011');
  });
});

describe('readTextPage: Python DTO page', () => {
  const { page: p, bag } = read(PYTHON, 'py.txt');

  it('reads header, auth and the squashed route (path settled by the sample)', () => {
    expect(p.form).toBe('squashed-text');
    expect(p.serviceName?.value).toBe('Richemont.Booster2.PublicApi');
    expect(p.operationName).toEqual({ value: 'UpdateCustomer', loc: { file: 'py.txt', line: 5 } });
    expect(p.description).toBeUndefined();
    expect(p.auth).toEqual({ required: true, roles: [], permissions: [], loc: { file: 'py.txt', line: 7 } });
    expect(p.routes).toEqual([
      {
        verbs: ['PUT'],
        path: '/customer/{boosterCustomerId}',
        summary: 'Update customer',
        notes: 'Update CRM customer',
        loc: { file: 'py.txt', line: 9 },
      },
    ]);
  });

  it('has no tables but the Python classes', () => {
    expect(p.tables).toEqual([]);
    expect(p.pythonClasses.map((c) => [c.name, c.loc.line, c.fields.map((f) => f.name)])).toEqual([
      ['Email', 18, ['email']],
      ['UpdateCustomer', 28, ['emails', 'booster_customer_id']],
    ]);
    expect(p.pythonClasses[0]!.fields[0]).toMatchObject({ required: true, description: 'Email', loc: { line: 20 } });
  });

  it('reads the format hint and the samples, and reports nothing', () => {
    expect(p.formatHint).toEqual({ value: 'xml', loc: { file: 'py.txt', line: 41 } });
    expect(p.samples.map((s) => [s.direction, s.verb ?? s.status, s.loc.line, s.body?.format])).toEqual([
      ['request', 'PUT', 47, 'xml'],
      ['response', 200, 56, 'xml'],
    ]);
    expect(bag.items).toEqual([]);
  });
});

describe('readTextPage: TypeScript and C# DTO pages', () => {
  const seed = seedFiles().find((f) => f.file.startsWith('003'))!.text;

  it('reads the TypeScript section up to its "TypeScript X DTOs" line, with the lines of the dump', () => {
    const text = seed003WithSource(seed, dtoSource('booster/ExportCustomer.typescript.html'), 'TypeScript ExportCustomer DTOs');
    const { page: p, bag } = read(text, 'ts.txt');
    expect(bag.items).toEqual([]);
    expect(p.tables).toEqual([]);
    expect(p.operationName?.value).toBe('ExportCustomer');
    expect(p.routes.map((r) => r.path)).toEqual(['/customer/{brand}/export']);
    expect(p.dtoTypes.map((t) => `${t.lang} ${t.name}`)).toContain('typescript ExportCustomer');
    const exportCustomer = p.dtoTypes.find((t) => t.name === 'ExportCustomer')!;
    expect(exportCustomer.loc.line).toBe(
      text.split('\n').indexOf('export class ExportCustomer extends SearchCustomer implements IReturn<ExportCustomerResponse>') + 1,
    );
    expect(p.formatHint?.value).toBe('xml');
    expect(p.samples).toHaveLength(2);
  });

  it('reads a C# section without its link line (the language told by what it declares), `/* Options:` header and all', () => {
    const options =
      '/* Options:\nDate: 2024-05-01 10:00:00\nVersion: 6.10\nBaseUrl: https://dev-api-booster.richemont.com\n\n//GlobalNamespace: \n//MakePartial: True\n*/\n';
    const text = seed003WithSource(seed, options + dtoSource('booster/ExportCustomer.csharp.html'));
    const { page: p, bag } = read(text, 'cs.txt');
    expect(bag.items).toEqual([]);
    expect(p.dtoTypes.map((t) => `${t.lang} ${t.namespace}.${t.name}`)).toContain('csharp Richemont.Booster2.PublicApi.Common.ServiceModel.ProductCategory');
    expect(p.samples).toHaveLength(2);
  });

  it('reports a section whose language it cannot tell (SS032), and reads the rest', () => {
    const text = seed003WithSource(seed, '/* Options:\nDate: 2024-05-01\n*/\n\nsomething else entirely');
    const { page: p, bag } = read(text, 'x.txt');
    expect(bag.items.map((d) => `${d.code}:${d.loc?.line}`)).toEqual([`SS032:${text.split('\n').indexOf('/* Options:') + 1}`]);
    expect(p.samples).toHaveLength(2);
  });
});

describe('readTextPage: line ends', () => {
  it.each([
    ['pipe, leading |', PIPE_LEADING],
    ['pipe, bare', PIPE_BARE],
    ['squashed', SQUASHED],
    ['python', PYTHON],
  ])('CRLF gives the same result as LF (%s)', (_form, text) => {
    const lf = read(text);
    const crlf = read(text.replace(/\n/g, '\r\n'));
    expect(crlf.page).toEqual(lf.page);
    expect(crlf.bag.items).toEqual(lf.bag.items);
  });

  it.each(readdirSync(INPUT).filter((f) => f.endsWith('.txt')))('CRLF gives the same result as LF (seed %s)', (file) => {
    const text = readFileSync(INPUT + file, 'utf8').replace(/\r\n/g, '\n');
    const lf = read(text, file);
    const crlf = read(text.replace(/\n/g, '\r\n'), file);
    expect(crlf.page).toEqual(lf.page);
    expect(crlf.bag.items).toEqual(lf.bag.items);
  });
});

describe('readTextPage: damaged tables', () => {
  it('joins a pipe row broken before a column (SS013 at its first line)', () => {
    const { page: p, bag } = read(
      page(
        '| Name | Parameter | Data Type | Required | Description |', // 1
        '|---|---|---|---|---|', // 2
        '| title | form | string', // 3
        '| No | Title |', // 4
        '| firstName | form | string | No | First Name |', // 5
      ),
    );
    expect(p.tables[0]!.rows.map((r) => [r.name, r.required, r.description, r.loc.line])).toEqual([
      ['title', false, 'Title', 3],
      ['firstName', false, 'First Name', 5],
    ]);
    expect(bag.items).toEqual([expect.objectContaining({ code: 'SS013', severity: 'warning', loc: { file: 'page.txt', line: 3 } })]);
  });

  it('joins a pipe row broken inside its description (SS013)', () => {
    const { page: p, bag } = read(
      page(
        '| Name | Parameter | Data Type | Required | Description |', // 1
        '|---|---|---|---|---|', // 2
        "| title | form | string | No | Title e.g. 'Mr & Mrs',", // 3
        "'Mr.', 'Mrs.' |", // 4
        '| firstName | form | string | No | First Name |', // 5
      ),
    );
    expect(p.tables[0]!.rows.map((r) => [r.name, r.description, r.loc.line])).toEqual([
      ['title', "Title e.g. 'Mr & Mrs', 'Mr.', 'Mrs.'", 3],
      ['firstName', 'First Name', 5],
    ]);
    expect(bag.items).toEqual([expect.objectContaining({ code: 'SS013', loc: { file: 'page.txt', line: 3 } })]);
  });

  it('joins a bare pipe row (no leading |) broken inside its description', () => {
    const { page: p, bag } = read(
      page(
        'Name | Parameter | Data Type | Required | Description |', // 1
        '---|---|---|---|---|', // 2
        'title | form | string | No | Title e.g.', // 3
        "'Mr.' |", // 4
        'firstName | form | string | No | First Name |', // 5
      ),
    );
    expect(p.tables[0]!.rows.map((r) => [r.name, r.description])).toEqual([
      ['title', "Title e.g. 'Mr.'"],
      ['firstName', 'First Name'],
    ]);
    expect(codes(bag)).toEqual(['SS013']);
  });

  it('does not join rows that merely lack the trailing |', () => {
    const { page: p, bag } = read(
      page(
        '| Name | Parameter | Data Type | Required | Description', // 1
        '|---|---|---|---|---', // 2
        '| title | form | string | No | Title', // 3
        '| firstName | form | string | No | First Name', // 4
        '| Name | Parameter | Data Type | Required | Description', // 5
        '| phone | form | string | Yes | Phone', // 6
      ),
    );
    expect(tableShape(p)).toEqual(['-@1:2', '-@5:1']);
    expect(p.tables.flatMap((t) => t.rows.map((r) => [r.name, r.description]))).toEqual([
      ['title', 'Title'],
      ['firstName', 'First Name'],
      ['phone', 'Phone'],
    ]);
    expect(bag.items).toEqual([]);
  });

  it('reports a pipe row that fits no split (SS012) at its line, and reads the rest of the table', () => {
    const { page: p, bag } = read(
      page(
        '| Name | Parameter | Data Type | Required | Description |', // 1
        '|---|---|---|---|---|', // 2
        '| title | form | string | No | Title |', // 3
        '| lastName | from | string | Maybe | Last Name |', // 4
        '| firstName | form | string | No | First Name |', // 5
        '| Name | Parameter | Data Type | Required | Description |', // 6
        '|---|---|---|---|---|', // 7
        '| phone | form | string | Yes | Phone |', // 8
      ),
    );
    expect(tableShape(p)).toEqual(['-@1:2', '-@6:1']);
    expect(p.tables[0]!.rows.map((r) => [r.name, r.loc.line])).toEqual([
      ['title', 3],
      ['firstName', 5],
    ]);
    expect(bag.items).toEqual([expect.objectContaining({ code: 'SS012', severity: 'warning', loc: { file: 'page.txt', line: 4 } })]);
  });

  it('reports a squashed row that fits no split (SS012) at its line, and reads the rest of the table', () => {
    const { page: p, bag } = read(
      page(
        'X Parameters:', // 1
        'NameParameterData TypeRequiredDescription', // 2
        'this line is no row', // 3
        'brandformstringYesBrand', // 4
        'posCodesformList<string>YesPOS Legacy', // 5
      ),
    );
    expect(tableShape(p)).toEqual(['X@1:2']);
    expect(p.tables[0]!.rows.map((r) => [r.name, r.loc.line])).toEqual([
      ['brand', 4],
      ['posCodes', 5],
    ]);
    expect(bag.items).toEqual([expect.objectContaining({ code: 'SS012', loc: { file: 'page.txt', line: 3 } })]);
  });

  it('reads a squashed line that fits no split after a row as the rest of its description (SS013)', () => {
    const { page: p, bag } = read(
      page(
        'X Parameters:', // 1
        'NameParameterData TypeRequiredDescription', // 2
        'searchKeyformstringNoSearch key could be:', // 3
        "'Name', 'Email'", // 4
        'brandformstringYesBrand', // 5
      ),
    );
    expect(p.tables[0]!.rows.map((r) => [r.name, r.description, r.loc.line])).toEqual([
      ['searchKey', "Search key could be: 'Name', 'Email'", 3],
      ['brand', 'Brand', 5],
    ]);
    expect(bag.items).toEqual([expect.objectContaining({ code: 'SS013', loc: { file: 'page.txt', line: 4 } })]);
  });

  it('reports a caption with no table under it (SS017)', () => {
    const { page: p, bag } = read(page('X Parameters:', 'NameParameterData TypeRequiredDescription', 'brandformstringYesBrand', 'Y Parameters:'));
    expect(tableShape(p)).toEqual(['X@1:1']);
    expect(bag.items).toContainEqual(expect.objectContaining({ code: 'SS017', loc: { file: 'page.txt', line: 4 } }));
  });
});

describe('readTextPage: the authentication row of a pipe dump', () => {
  it.each([
    { row: '| Required role: | Employee | Required permission: | ThePermission |', want: { roles: ['Employee'], permissions: ['ThePermission'] } },
    { row: 'Required roles: | Admin, Manager |', want: { roles: ['Admin', 'Manager'], permissions: [] } },
  ])('$row: authentication required, with its roles and permissions', ({ row, want }) => {
    const { page: p } = read(['| GET | /hello-long/{Name} | |', '|---|', row, '|---|', ...PARAM_HEADER, '| Name | path | string | No | |'].join('\n'));
    expect(p.auth).toMatchObject({ required: true, ...want });
  });

  it('reads a squashed auth line whose cells ran together', () => {
    const { page: p } = read(
      ['Requires Authentication', 'Required role:EmployeeRequired permission:ThePermission, Other', ...PARAM_HEADER, '| Name | path | string | No | |'].join(
        '\n',
      ),
    );
    expect(p.auth).toMatchObject({ required: true, roles: ['Employee'], permissions: ['ThePermission', 'Other'] });
  });

  it("reads the JSON page's jsonp note as boilerplate, not as a row", () => {
    const { bag } = read(
      [...PARAM_HEADER, '| Name | path | string | No | |', 'To embed the response in a jsonp callback, append ?callback=myCallback'].join('\n'),
    );
    expect(bag.items.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads a row of other cells as no authentication', () => {
    for (const row of ['| Required | Employee |', '| | | |']) {
      const { page: p } = read([row, ...PARAM_HEADER, '| Name | path | string | No | |'].join('\n'));
      expect(p.auth, row).toBeUndefined();
    }
  });
});

describe('readTextPage: degenerate input', () => {
  it('reads an empty text without throwing', () => {
    const { page: p, bag } = read('');
    expect(p).toMatchObject({ file: 'page.txt', tags: [], routes: [], tables: [], enums: [], pythonClasses: [], samples: [] });
    expect(p.serviceName).toBeUndefined();
    expect(bag.items.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it.each([
    '\n\n\n',
    '\r\n',
    '|',
    '| Name | Parameter | Data Type | Required | Description |',
    'NameParameterData TypeRequiredDescription',
    'Requires Authentication',
  ])('reads %j without throwing', (text) => {
    expect(() => read(text)).not.toThrow();
  });
});

// ── The seeds ───────────────────────────────────────────────────────────────────────────────
function seed(prefix: string): { file: string; text: string } {
  const file = readdirSync(INPUT).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return { file, text: readFileSync(INPUT + file, 'utf8') };
}

function readSeed(prefix: string) {
  const { file, text } = seed(prefix);
  return read(text, file);
}

describe('readTextPage on the seeds', () => {
  it('000 (UpdateCustomer, pipe with leading |): 9 unnamed tables', () => {
    const { page: p, bag } = readSeed('000_');
    expect(p.form).toBe('pipe-text');
    expect(p.tables.map((t) => t.rows.length)).toEqual([1, 38, 2, 4, 14, 4, 3, 3, 3]);
    expect(p.tables.map((t) => t.loc.line)).toEqual([3, 6, 46, 50, 56, 72, 78, 83, 88]);
    expect(p.tables.every((t) => t.caption === undefined)).toBe(true);
    expect(p.routes.map((r) => [r.verbs, r.path, r.loc.line])).toEqual([[['PUT'], '/customer/{boosterCustomerId}', 1]]);
    expect(p.tables[2]!.rows[0]).not.toHaveProperty('name');
    expect(p.tables[2]!.rows[0]!.loc.line).toBe(48);
    expect(p.formatHint?.value).toBe('xml');
    expect(p.samples).toHaveLength(2);
    expect(bag.items.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('001 (UpdateCustomer, Python DTOs): no tables, 9 Python classes', () => {
    const { page: p, bag } = readSeed('001_');
    expect(p.form).toBe('squashed-text');
    expect(p.tables).toEqual([]);
    expect(p.pythonClasses.map((c) => c.name)).toEqual([
      'Email',
      'Phone',
      'Address',
      'Event',
      'Interest',
      'Hobby',
      'ProductCollection',
      'Customer',
      'UpdateCustomer',
    ]);
    expect(p.operationName?.value).toBe('UpdateCustomer');
    expect(p.auth?.required).toBe(true);
    expect(p.routes).toEqual([
      {
        verbs: ['PUT'],
        path: '/customer/{boosterCustomerId}',
        summary: 'Update customer',
        notes: 'Update CRM customer',
        loc: { file: p.file, line: 9 },
      },
    ]);
    expect(p.samples).toHaveLength(2);
    expect(bag.items.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('002 (CreateCustomer, pipe without leading |): 10 unnamed tables, the last one the response', () => {
    const { page: p, bag } = readSeed('002_');
    expect(p.form).toBe('pipe-text');
    expect(p.tables.map((t) => t.rows.length)).toEqual([2, 38, 2, 4, 14, 4, 3, 3, 3, 1]);
    expect(p.tables.at(-1)!.rows[0]).toMatchObject({
      name: 'boosterCustomerId',
      dataType: 'int',
      type: parseDotNetType('int'),
      required: true,
      loc: { line: 96 },
    });
    expect(p.routes.map((r) => [r.verbs, r.path])).toEqual([[['POST'], '/customer']]);
    expect(p.formatHint?.value).toBe('csv');
    expect(p.tables[2]!.rows[0]).toEqual({
      parameter: 'form',
      dataType: 'string',
      type: parseDotNetType('string'),
      required: true,
      description: '',
      loc: { file: p.file, line: 49 },
    });
    expect(bag.items.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('003 (ExportCustomer, squashed): 7 captioned tables', () => {
    const { page: p, bag } = readSeed('003_');
    expect(p.form).toBe('squashed-text');
    expect(p.tables.map((t) => [t.caption, t.rows.length])).toEqual([
      ['ExportCustomer', 1],
      ['SearchCustomer', 22],
      ['GetCustomerInterest', 2],
      ['GetCustomerHobby', 2],
      ['GetCustomerProductCollection', 2],
      ['ProductCategory', 5],
      ['ExportCustomerResponse', 1],
    ]);
    expect(p.tables.map((t) => t.loc.line)).toEqual([10, 13, 37, 41, 45, 49, 56]);
    const search = p.tables[1]!;
    expect(search.rows[0]).toMatchObject({
      name: 'brand',
      parameter: 'form',
      dataType: 'string',
      type: parseDotNetType('string'),
      required: true,
      loc: { line: 15 },
    });
    expect(search.rows.at(-1)).toMatchObject({
      name: 'saleRepresentativeEmails',
      dataType: 'List<string>',
      type: parseDotNetType('List<string>'),
      loc: { line: 36 },
    });
    expect(search.rows.find((r) => r.name === 'clientSpendingFrom')).toMatchObject({
      dataType: 'double?',
      type: parseDotNetType('double?'),
      required: false,
      description: "Client Spending From e.g. '100'",
      loc: { line: 21 },
    });
    expect(p.tables[6]!.rows[0]).toMatchObject({ name: 'asyncTaskId', dataType: 'Guid', type: parseDotNetType('Guid'), required: true, loc: { line: 58 } });
    expect(p.routes).toEqual([{ verbs: ['POST'], path: '/customer/{brand}/export', summary: 'Export Customer Data', loc: { file: p.file, line: 9 } }]);
    expect(bag.items.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

/**
 * Counts the table rows of a seed straight from its text, without the reader: pipe rows that are
 * not headers, separators or route rows; squashed rows between a squashed header and the next
 * caption or blank line.
 */
function countRawRows(text: string): number {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const pipeHeader = /^\|?\s*Name\s*\|\s*Parameter\s*\|\s*Data Type\s*\|\s*Required\s*\|\s*Description\s*\|?$/;
  let count = 0;
  if (lines.some((l) => pipeHeader.test(l))) {
    for (const l of lines) {
      if (!l.includes('|')) continue;
      if (pipeHeader.test(l)) continue;
      if (/^\|?[\s|:-]*$/.test(l)) continue; // separator
      if (/^\|?\s*(?:All Verbs|[A-Z]+(?:\s*,\s*[A-Z]+)*)\s*\|\s*\//.test(l)) continue; // route row
      count++;
    }
    return count;
  }
  let inTable = false;
  for (const l of lines) {
    if (l === 'NameParameterData TypeRequiredDescription') inTable = true;
    else if (l === '' || / Parameters:$/.test(l)) inTable = false;
    else if (inTable) count++;
  }
  return count;
}

describe('every table row of every seed is read', () => {
  it.each(readdirSync(INPUT).filter((f) => f.endsWith('.txt')))('%s', (file) => {
    const text = readFileSync(INPUT + file, 'utf8');
    const { page: p } = read(text, file);
    const rows = p.tables.reduce((n, t) => n + t.rows.length, 0);
    expect(rows).toBe(countRawRows(text));
  });

  it('the raw counts are what we expect', () => {
    expect(countRawRows(seed('000_').text)).toBe(72);
    expect(countRawRows(seed('001_').text)).toBe(0);
    expect(countRawRows(seed('002_').text)).toBe(74);
    expect(countRawRows(seed('003_').text)).toBe(35);
  });
});

// ── Enum tables in pipe dumps (captions lost) ───────────────────────────────────────────────
// ServiceStack prints an enum without values with no header and two columns (Name, Description),
// one with values (numbers, or EnumMember values that differ from the names) under a
// `Name | Value |` header with a third, empty header cell. Dumps may drop a row's empty last cell.

const PARAM_HEADER = ['| Name | Parameter | Data Type | Required | Description |', '|---|---|---|---|---|'];
const SAMPLE_LINES = [
  'To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json',
  'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.',
  'POST /json/reply/Op HTTP/1.1',
  'Host: example.com',
  'Content-Type: application/json',
  'Content-Length: length',
  '{"status":"Value1"}',
];

/** The same dump without the leading `|` of each line (seed 002's form); line numbers stay. */
function bare(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^\| ?/, ''))
    .join('\n');
}

/** `[name ]@line: member=value (description), …` per enum table. */
function enumShape(p: PageFragments): string[] {
  const member = (m: PageFragments['enums'][number]['members'][number]) =>
    `${m.name}${m.value !== undefined ? `=${m.value}` : ''}${m.description !== undefined ? ` (${m.description})` : ''}`;
  return p.enums.map((e) => `${e.name ? `${e.name} ` : ''}@${e.loc.line}: ${e.members.map(member).join(', ')}`);
}

interface EnumCase {
  name: string;
  text: string;
  enums: string[];
  tables: string[];
  codes?: string[];
}

const ENUM_CASES: EnumCase[] = [
  {
    name: 'no header; the last row lost its empty cell',
    text: page(...PARAM_HEADER, '| status | form | Status | No | Status |', '| Value1 | |', '| Value2 | |', '| Value3 |'),
    enums: ['@4: Value1, Value2, Value3'],
    tables: ['-@1:1'],
  },
  {
    name: 'no header, descriptions, the first row underlined as dumps underline every table',
    text: page(...PARAM_HEADER, '| status | form | Status | No | Status |', '| Value1 | First member |', '|---|---|', '| Value2 | |', '| Value3 | Third |'),
    enums: ['@4: Value1 (First member), Value2, Value3 (Third)'],
    tables: ['-@1:1'],
  },
  {
    name: 'a `Name | Value |` header: EnumMember values, descriptions, values equal to the name (no value)',
    text: page(
      ...PARAM_HEADER,
      '| status | form | Status | No | Status |',
      '| Name | Value | |', // 4
      '|---|---|---|',
      '| Value1 | value1 | |', // 6
      '| Value2 | Value2 | Member 2 |',
      '| Value3 | Value3 |',
    ),
    enums: ['@4: Value1=value1, Value2 (Member 2), Value3'],
    tables: ['-@1:1'],
  },
  {
    name: '[Flags] with a `Name | Value` header',
    text: page(...PARAM_HEADER, '| flags | form | Flags | No | |', '| Name | Value |', '|---|---|', '| Value1 | 1 |', '| Value2 | 2 |', '| Value123 | 7 |'),
    enums: ['@4: Value1=1, Value2=2, Value123=7'],
    tables: ['-@1:1'],
  },
  {
    name: '[Flags] without a header: a number is a value',
    text: page(...PARAM_HEADER, '| flags | form | Flags | No | |', '| Value1 | 1 |', '| Value2 | 2 |', '| Value123 | 7 | |'),
    enums: ['@4: Value1=1, Value2=2, Value123=7'],
    tables: ['-@1:1'],
  },
  {
    name: 'a valued table that lost its header: a third column makes the second a value',
    text: page(...PARAM_HEADER, '| status | form | Status | No | |', '| Value1 | value1 | |', '| Value2 | Value2 | Member 2 |'),
    enums: ['@4: Value1=value1, Value2 (Member 2)'],
    tables: ['-@1:1'],
  },
  {
    name: 'a `Name | Value | |` header with a parameter table right after',
    text: page(
      ...PARAM_HEADER,
      '| status | form | Status | No | |',
      '| Name | Value | |', // 4
      '|---|---|---|',
      '| Value1 | 1 | |',
      '| Value2 | 2 |',
      ...PARAM_HEADER, // 8
      '| code | form | string | Yes | Code |',
    ),
    enums: ['@4: Value1=1, Value2=2'],
    tables: ['-@1:1', '-@8:1'],
  },
  {
    name: 'a table without header right after a valued one: its empty Value starts it',
    text: page(
      ...PARAM_HEADER,
      '| a | form | AsInt | No | |',
      '| Name | Value | |', // 4
      '|---|---|---|',
      '| Value1 | 1000 | |',
      '| Value2 | 2000 |',
      '| lower | |', // 8
      '| UPPER |',
    ),
    enums: ['@4: Value1=1000, Value2=2000', '@8: lower, UPPER'],
    tables: ['-@1:1'],
  },
  {
    name: 'the same without leading pipes',
    text: page(
      ...PARAM_HEADER,
      'a | form | AsInt | No | |',
      'Name | Value | |',
      '---|---|---|',
      'Value1 | 1000 | |',
      'Value2 | 2000 |',
      'lower | |',
      'UPPER |',
    ),
    enums: ['@4: Value1=1000, Value2=2000', '@8: lower, UPPER'],
    tables: ['-@1:1'],
  },
  {
    name: 'an enum table without header between two parameter tables',
    text: page(
      ...PARAM_HEADER,
      '| status | form | Status | No | |',
      '| Active | |',
      '| Closed |',
      ...PARAM_HEADER,
      '| code | form | string | Yes | Code |',
      '| id | form | int | No | Id |',
    ),
    enums: ['@4: Active, Closed'],
    tables: ['-@1:1', '-@6:2'],
  },
  {
    name: 'two enum tables without header, one after the other, each first row underlined',
    text: page(...PARAM_HEADER, '| status | form | Status | No | |', '| Active | |', '|---|---|', '| Closed |', '| Low | |', '|---|---|', '| High |'),
    enums: ['@4: Active, Closed', '@7: Low, High'],
    tables: ['-@1:1'],
  },
  {
    name: 'an enum table without header underlined right after a valued one: its second column is a description',
    text: page(
      ...PARAM_HEADER,
      '| status | form | Status | No | |',
      '| Name | Value | |',
      '|---|---|---|',
      '| Value1 | 1 | |',
      '| Active | Open now |',
      '|---|---|',
      '| Closed |',
    ),
    enums: ['@4: Value1=1', '@7: Active (Open now), Closed'],
    tables: ['-@1:1'],
  },
  {
    name: 'an enum table as the last table of the page, before the samples',
    text: page(...PARAM_HEADER, '| status | form | Status | No | |', '| Value1 | |', '| Value2 |', ...SAMPLE_LINES),
    enums: ['@4: Value1, Value2'],
    tables: ['-@1:1'],
  },
  {
    name: "a caption over a `Name | Value | |` header: one table, the caption's",
    text: page(...PARAM_HEADER, '| status | form | Status | No | |', 'Status Enum:', '| Name | Value | |', '|---|---|---|', '| Active | 1 | |'),
    enums: ['Status @4: Active=1'],
    tables: ['-@1:1'],
  },
  {
    name: 'a stray enum-like row inside a parameter table stays SS012 (a parameter row follows it)',
    text: page(...PARAM_HEADER, '| status | form | Status | No | |', '| Oops |', '|---|', '| id | form | int | No | Id |'),
    enums: [],
    tables: ['-@1:2'],
    codes: ['SS012:4'],
  },
  {
    name: 'pieces of parameter rows are no enum rows (SS012)',
    text: page(
      ...PARAM_HEADER,
      '| status | form | Status | No | |',
      '| lastName | form |',
      '| form | string |',
      ...PARAM_HEADER,
      '| id | form | int | No | Id |',
    ),
    enums: [],
    tables: ['-@1:1', '-@6:1'],
    codes: ['SS012:4', 'SS012:5'],
  },
  {
    name: 'a row that fits neither inside an enum table stays SS012',
    text: page(...PARAM_HEADER, '| status | form | Status | No | |', '| Value1 | |', '| not a member | x |', '| Value2 |'),
    enums: ['@4: Value1, Value2'],
    tables: ['-@1:1'],
    codes: ['SS012:5'],
  },
  {
    name: 'a parameter row after an enum table without header goes back to the parameter table',
    text: page(...PARAM_HEADER, '| status | form | Status | No | |', '| Value1 | |', '| not a member | x |', '| id | form | int | No | Id |'),
    enums: ['@4: Value1'],
    tables: ['-@1:2'],
    codes: ['SS012:5'],
  },
];

describe('readTextPage: enum tables in pipe dumps', () => {
  describe.each([
    ['with a leading `|`', (t: string) => t],
    ['without a leading `|`', bare],
  ])('%s', (_form, shape) => {
    it.each(ENUM_CASES)('$name', (c) => {
      const { page: p, bag } = read(shape(c.text));
      expect(p.form).toBe('pipe-text');
      expect(enumShape(p)).toEqual(c.enums);
      expect(tableShape(p)).toEqual(c.tables);
      expect(bag.items.map((d) => `${d.code}:${d.loc?.line}`)).toEqual(c.codes ?? []);
    });
  });

  it('gives unnamed fragments, each member at its line, a value only where it differs from the name', () => {
    const { page: p } = read(ENUM_CASES[2]!.text);
    expect(p.enums).toEqual([
      {
        loc: { file: 'page.txt', line: 4 },
        members: [
          { name: 'Value1', value: 'value1', loc: { file: 'page.txt', line: 6 } },
          { name: 'Value2', description: 'Member 2', loc: { file: 'page.txt', line: 7 } },
          { name: 'Value3', loc: { file: 'page.txt', line: 8 } },
        ],
      },
    ]);
  });

  it('reads the samples after an enum table that ends the page', () => {
    const { page: p } = read(bare(ENUM_CASES.find((c) => c.name.includes('before the samples'))!.text));
    expect(p.formatHint?.value).toBe('json');
    expect(p.samples.map((s) => [s.direction, s.verb, s.body?.format])).toEqual([['request', 'POST', 'json']]);
  });

  it('reads squashed dumps as before: a captioned enum, names one a line', () => {
    const { page: p, bag } = read(
      page('X Parameters:', 'NameParameterData TypeRequiredDescription', 'statusformStatusNoStatus', 'Status Enum:', 'Name', 'Active', 'Closed'),
    );
    expect(p.form).toBe('squashed-text');
    expect(enumShape(p)).toEqual(['Status @4: Active, Closed']);
    expect(bag.items).toEqual([]);
  });

  it('takes the rows of a squashed valued table up to text that ran into it', () => {
    const { page: p, bag } = read(
      page(
        'X Parameters:',
        'NameParameterData TypeRequiredDescription',
        'flagsformFlagsNo',
        'Flags Enum:',
        'NameValue',
        'A1',
        'B2',
        'C4',
        'see the notes below 3',
      ),
    );
    expect(enumShape(p)).toEqual(['Flags @4: A=1, B=2, C=4']);
    expect(bag.items.map((d) => d.code)).toEqual(['SS016']);
  });

  it('splits the run-together rows of a squashed valued table as one table', () => {
    const { page: p, bag } = read(
      page(
        'X Parameters:',
        'NameParameterData TypeRequiredDescription',
        'flagsformEnumFlagsNo',
        'styleformEnumStyleNo',
        'EnumFlags Enum:', // 5
        'NameValue',
        'Value00',
        'Value11',
        'Value22',
        'Value34',
        'Value1237',
        'EnumStyle Enum:', // 12
        'NameValue',
        'Lowerlower',
        'Value1Member 1',
        'Value2Value2Member 2',
        '',
        'To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json',
      ),
    );
    expect(enumShape(p)).toEqual([
      'EnumFlags @5: Value0=0, Value1=1, Value2=2, Value3=4, Value123=7',
      'EnumStyle @12: Lower=lower, Value1=Member 1, Value2 (Member 2)',
    ]);
    expect(bag.items).toEqual([]);
  });
});
