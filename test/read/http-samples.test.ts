import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { HttpSampleFragment, JsonNode, SampleBody, SourceLine, XmlElement } from '../../generator/read/fragments.js';
import { readHttpSamples } from '../../generator/read/http-samples.js';

const SERIALIZATION = 'http://schemas.microsoft.com/2003/10/Serialization/';
const COMMON = 'http://schemas.datacontract.org/2004/07/Richemont.Booster2.PublicApi.Common.ServiceModel';
const ANY_TYPE = `<z:anyType xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:z="${SERIALIZATION}" />`;

function linesOf(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: first + i }));
}

function read(text: string, first = 1) {
  const bag = new DiagnosticBag();
  const samples = readHttpSamples('page.txt', linesOf(text, first), bag);
  return { samples, bag };
}

/** The sample section of a seed: the lines after "The following are sample HTTP requests…". */
function readSeed(name: string) {
  const file = `input/${name}.txt`;
  const lines = linesOf(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n'));
  const intro = lines.findIndex((l) => l.text.startsWith('The following are sample HTTP requests'));
  expect(intro).toBeGreaterThan(0);
  const bag = new DiagnosticBag();
  const samples = readHttpSamples(file, lines.slice(intro + 1), bag);
  return { samples, bag, intro: lines[intro]!.line };
}

function xmlRoot(body: SampleBody | undefined): XmlElement {
  if (body?.format !== 'xml') throw new Error(`expected an XML body, got ${body?.format}`);
  return body.root;
}

function jsonValue(body: SampleBody | undefined): JsonNode {
  if (body?.format !== 'json') throw new Error(`expected a JSON body, got ${body?.format}`);
  return body.value;
}

function header(sample: HttpSampleFragment | undefined, name: string): string | undefined {
  return sample?.headers.find((h) => h.name === name)?.value;
}

function find(el: XmlElement, name: string): XmlElement | undefined {
  if (el.name === name) return el;
  for (const child of el.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

describe('readHttpSamples: inline fixtures', () => {
  it('reads the multi-line shape (headers, blank line, body; trailing spaces)', () => {
    const { samples, bag } = read(
      [
        '',
        'PUT /customer/{boosterCustomerId} HTTP/1.1 ',
        'Host: example.com ',
        'Accept: application/xml',
        'Content-Type: application/xml',
        'Content-Length: length',
        '',
        '<UpdateCustomer xmlns="urn:crm">',
        '  <brand>String</brand>',
        '</UpdateCustomer>',
        'HTTP/1.1 200 OK',
        'Content-Type: application/xml',
        'Content-Length: length',
        '',
        '<UpdateCustomerResponse xmlns="urn:crm" />',
      ].join('\n'),
      100,
    );
    expect(bag.items).toEqual([]);
    const [request, response] = samples;
    expect(samples).toHaveLength(2);
    expect(request).toMatchObject({ direction: 'request', verb: 'PUT', path: '/customer/{boosterCustomerId}', loc: { line: 101 } });
    expect(request!.headers.map((h) => [h.name, h.value, h.loc.line])).toEqual([
      ['Host', 'example.com', 102],
      ['Accept', 'application/xml', 103],
      ['Content-Type', 'application/xml', 104],
      ['Content-Length', 'length', 105],
    ]);
    expect(request!.body).toMatchObject({ format: 'xml', loc: { file: 'page.txt', line: 107, column: 1 } });
    expect(xmlRoot(request!.body).children[0]).toMatchObject({ name: 'brand', text: 'String', loc: { line: 108, column: 3 } });
    expect(response).toMatchObject({ direction: 'response', status: 200, loc: { line: 110 } });
    expect(response!.verb).toBeUndefined();
    expect(xmlRoot(response!.body).name).toBe('UpdateCustomerResponse');
  });

  it('reads the collapsed shape (body right after the headers; the response on one line)', () => {
    const { samples, bag } = read(
      [
        'POST /customer HTTP/1.1',
        'Host: example.com',
        'Content-Type: text/csv',
        'Content-Length: length',
        '{"a":"String","b":false}',
        'HTTP/1.1 200 OK Content-Type: text/csv Content-Length: length {"boosterCustomerId":0}',
      ].join('\n'),
      7,
    );
    expect(bag.items).toEqual([]);
    const [request, response] = samples;
    expect(request!.headers).toHaveLength(3);
    // text/csv, yet the body is JSON (a ServiceStack quirk): sniffed from its first character.
    expect(request!.body).toMatchObject({ format: 'json', loc: { line: 11, column: 1 } });
    expect(response).toMatchObject({ direction: 'response', status: 200, loc: { line: 12 } });
    expect(response!.headers).toEqual([
      { name: 'Content-Type', value: 'text/csv', loc: { file: 'page.txt', line: 12, column: 17 } },
      { name: 'Content-Length', value: 'length', loc: { file: 'page.txt', line: 12, column: 40 } },
    ]);
    expect(response!.body!.loc).toEqual({ file: 'page.txt', line: 12, column: 63 });
    const value = jsonValue(response!.body);
    expect(value).toMatchObject({ kind: 'object', members: [{ key: 'boosterCustomerId', value: { kind: 'number', value: 0 } }] });
    expect(value.kind === 'object' && value.members[0]!.loc).toEqual({ file: 'page.txt', line: 12, column: 64 });
  });

  it('reads a collapsed XML response', () => {
    const { samples, bag } = read(`HTTP/1.1 200 OK Content-Type: application/xml Content-Length: length ${ANY_TYPE}`);
    expect(bag.items).toEqual([]);
    expect(samples[0]!.headers.map((h) => h.value)).toEqual(['application/xml', 'length']);
    expect(samples[0]!.body!.loc.column).toBe(70);
    expect(xmlRoot(samples[0]!.body)).toMatchObject({ name: 'z:anyType', namespace: SERIALIZATION, loc: { column: 70 } });
  });

  it('reads a one-way operation (no response) and a response without a body', () => {
    expect(read('DELETE /customer/{id} HTTP/1.1\nHost: h\n').samples).toMatchObject([{ direction: 'request', verb: 'DELETE' }]);
    const { samples } = read('GET /x HTTP/1.1\nHost: h\nHTTP/1.1 204 No Content\n\n');
    expect(samples).toHaveLength(2);
    expect(samples[0]!.body).toBeUndefined();
    expect(samples[1]).toMatchObject({ status: 204, headers: [] });
    expect(samples[1]!.body).toBeUndefined();
  });

  it('chooses the body format from Content-Type, else from the first character, else text', () => {
    const format = (contentType: string, body: string) => read(`HTTP/1.1 200 OK\nContent-Type: ${contentType}\n\n${body}`).samples[0]!.body?.format;
    expect(format('application/json', '[1]')).toBe('json');
    expect(format('application/xml', '<a/>')).toBe('xml');
    expect(format('text/jsv', '{a:1}')).toBe('jsv');
    expect(format('text/csv', '[{"a":1}]')).toBe('json');
    const jsvPage = (body: string) => readHttpSamples('p.txt', linesOf(`HTTP/1.1 200 OK\n\n${body}`), new DiagnosticBag(), 'jsv')[0]!.body?.format;
    expect(jsvPage('{a:1}')).toBe('jsv'); // no Content-Type: the page's format decides
    expect(jsvPage('<a/>')).toBe('xml');
    expect(read('HTTP/1.1 200 OK\nContent-Type: text/plain\n\nhello\nworld').samples[0]!.body).toMatchObject({
      format: 'text',
      text: 'hello\nworld',
      loc: { line: 4, column: 1 },
    });
  });

  it('keeps a body too broken for a tree as text, with the warning', () => {
    const { samples, bag } = read('POST /x HTTP/1.1\nContent-Type: application/xml\n\n< garbage');
    expect(samples[0]!.body).toMatchObject({ format: 'text', text: '< garbage' });
    expect(bag.items.map((d) => d.code)).toContain('SS041');
  });

  it('warns about a section without messages, or text before the first one, and does not throw', () => {
    const empty = read('\n\n');
    expect(empty.samples).toEqual([]);
    expect(empty.bag.items).toMatchObject([{ code: 'SS040', severity: 'warning' }]);
    const stray = read('some footer\nGET /x HTTP/1.1', 5);
    expect(stray.samples).toHaveLength(1);
    expect(stray.bag.items).toMatchObject([{ code: 'SS040', loc: { line: 5 } }]);
    expect(() => read('HTTP/1.1 200 OK Content-Type: application/json {"a":')).not.toThrow();
    expect(read('HTTP/1.1 200 OK Content-Type: application/json {"a":').bag.items[0]!.code).toBe('SS042');
  });
});

describe('readHttpSamples: the seeds', () => {
  it('000 (collapsed XML): UpdateCustomer request, one-line z:anyType response', () => {
    const { samples, bag, intro } = readSeed('000_7647e57921bd59cd');
    expect(bag.items).toEqual([]);
    const [request, response] = samples;
    expect(samples).toHaveLength(2);
    expect(request).toMatchObject({ verb: 'PUT', path: '/customer/{boosterCustomerId}', loc: { line: intro + 1 } });
    expect(header(request, 'Host')).toBe('dev-api-booster.richemont.com');
    expect(xmlRoot(request!.body).name).toBe('UpdateCustomer');
    expect(request!.body!.loc.line).toBe(intro + 6);
    expect(response).toMatchObject({ status: 200, loc: { line: 195 }, body: { loc: { line: 195, column: 70 } } });
    expect(header(response, 'Content-Type')).toBe('application/xml');
    expect(xmlRoot(response!.body)).toMatchObject({ name: 'z:anyType', namespace: SERIALIZATION, children: [] });
  });

  it('001 (multi-line XML): same operation, z:anyType response on its own line', () => {
    const { samples, bag } = readSeed('001_8060713cbadbf278');
    expect(bag.items).toEqual([]);
    const [request, response] = samples;
    expect(request).toMatchObject({ verb: 'PUT', path: '/customer/{boosterCustomerId}' });
    expect(header(request, 'Host')).toBe('dev-api-booster.richemont.com');
    const root = xmlRoot(request!.body);
    expect(root.name).toBe('UpdateCustomer');
    expect(find(root, 'contactBySMSFlag')).toMatchObject({ text: 'false' });
    expect(response!.headers.map((h) => h.name)).toEqual(['Content-Type', 'Content-Length']);
    expect(xmlRoot(response!.body)).toMatchObject({ name: 'z:anyType', namespace: SERIALIZATION });
  });

  // The brief said 44 top-level keys; the seed's request body has 40 (JSON.parse agrees).
  it('002 (collapsed JSON on a CSV page): 40 request keys, {"boosterCustomerId":0} response', () => {
    const { samples, bag } = readSeed('002_893a8cf0c7c0b088');
    expect(bag.items).toEqual([]);
    const [request, response] = samples;
    expect(request).toMatchObject({ verb: 'POST', path: '/customer' });
    expect(header(request, 'Host')).toBe('dev-api-booster.richemont.com');
    expect(header(request, 'Content-Type')).toBe('text/csv');
    const value = jsonValue(request!.body);
    if (value.kind !== 'object') throw new Error('expected an object');
    expect(value.members).toHaveLength(40);
    const keys = value.members.map((m) => m.key);
    expect(keys).toContain('contactBySMSFlag');
    expect(value.members.find((m) => m.key === 'birthDate')!.value).toMatchObject({
      kind: 'string',
      value: '/Date(-62135596800000-0000)/',
    });
    expect(response).toMatchObject({ status: 200, headers: [{ name: 'Content-Type', value: 'text/csv' }, { name: 'Content-Length' }] });
    expect(jsonValue(response!.body)).toMatchObject({
      kind: 'object',
      members: [{ key: 'boosterCustomerId', value: { kind: 'number', value: 0 } }],
    });
  });

  it('003 (multi-line XML): ExportCustomer with a type from another .NET namespace', () => {
    const { samples, bag } = readSeed('003_54bf65ec9057eb7c');
    expect(bag.items).toEqual([]);
    const [request, response] = samples;
    expect(request).toMatchObject({ verb: 'POST', path: '/customer/{brand}/export' });
    expect(header(request, 'Host')).toBe('dev-api-booster.richemont.com');
    const root = xmlRoot(request!.body);
    expect(root.name).toBe('ExportCustomer');
    expect(find(root, 'd2p1:ProductCategory')).toMatchObject({ localName: 'ProductCategory', namespace: COMMON });
    expect(find(root, 'd2p1:int')!.namespace).toBe('http://schemas.microsoft.com/2003/10/Serialization/Arrays');
    expect(xmlRoot(response!.body).children[0]).toMatchObject({ name: 'asyncTaskId', text: '00000000-0000-0000-0000-000000000000' });
  });
});
