/**
 * One test per generator bug the hostile corpus and the fuzz runs found, on the smallest input
 * that showed it.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, formatDiagnostic } from '../../generator/diagnostics.js';
import { emitReadme } from '../../generator/emit/readme.js';
import { emitValidators } from '../../generator/emit/validators.js';
import { DEFAULT_CONFIG } from '../../generator/config.js';
import type { ApiModel, TypeDef } from '../../generator/model/api-model.js';
import { squashedRowSplits } from '../../generator/read/columns.js';
import { parseDotNetType } from '../../generator/read/dotnet-type.js';
import { readHtmlPage } from '../../generator/read/html-page.js';
import { readJsonSample } from '../../generator/read/json-sample.js';
import { parsePythonType } from '../../generator/read/python-dtos.js';
import { readTextPage } from '../../generator/read/text-page.js';
import { readXmlSample } from '../../generator/read/xml-sample.js';
import { named, seedFiles } from '../helpers.js';
import { fixture } from '../read/html-fixtures.js';
import { linesOf } from '../fuzz/sources.js';
import { modelFrom } from './harness.js';

const SEED_003 = seedFiles().find((f) => f.file.startsWith('003'))!;

function time<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const result = run();
  return [result, performance.now() - t0];
}

describe('readers', () => {
  it('split a squashed row of repeated column words in linear time (was cubic: 6,000 characters took 8 s)', () => {
    const [splits, ms] = time(() => squashedRowSplits('formNo'.repeat(16_000)));
    expect(ms).toBeLessThan(2_000);
    expect(splits.length).toBeGreaterThan(0);
  });

  it('refuse a Data Type nested deeper than 32 levels, so that nothing downstream recurses without bound', () => {
    expect(parseDotNetType(`${'List<'.repeat(32)}int${'>'.repeat(32)}`)).toBeDefined();
    expect(parseDotNetType(`${'List<'.repeat(33)}int${'>'.repeat(33)}`)).toBeUndefined();
    expect(parseDotNetType(`${'List<'.repeat(100_000)}int${'>'.repeat(100_000)}`)).toBeUndefined();
    expect(parsePythonType(`${'List['.repeat(100_000)}str${']'.repeat(100_000)}`)).toBeUndefined();
  });

  it('leave XML elements deeper than 64 levels out of the tree, and sum up a flood of problems', () => {
    const bag = new DiagnosticBag();
    const root = readXmlSample('x.txt', linesOf(`<r>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</r>`), bag);
    let depth = 0;
    for (let e = root; e?.children[0]; e = e.children[0]) depth++;
    expect(depth).toBe(63);
    expect(bag.items.map((d) => d.message)).toEqual(['malformed XML sample: elements nested more than 64 levels deep are left out']);

    const flood = new DiagnosticBag();
    readXmlSample('x.txt', linesOf(`<r>${'<'.repeat(10_000)}</r>`), flood);
    expect(flood.items).toHaveLength(21);
    expect(flood.items.at(-1)!.message).toBe('malformed XML sample: 9980 more problems not listed');
  });

  it('refuse a JSON sample nested deeper than 64 levels (the parser recursed), and sum up a flood of problems', () => {
    const bag = new DiagnosticBag();
    expect(readJsonSample('j.txt', linesOf(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), bag)).toBeUndefined();
    expect(bag.items).toEqual([
      {
        code: 'SS042',
        severity: 'warning',
        message: 'JSON sample nested more than 64 levels deep; sample not read',
        loc: { file: 'j.txt', line: 1, column: 69 },
      },
    ]);

    const flood = new DiagnosticBag();
    readJsonSample('j.txt', linesOf(`{${'::'.repeat(5_000)}}`), flood);
    expect(flood.items.length).toBeLessThanOrEqual(21);
  });

  it('recognise a pipe dump with CR line ends (it read as squashed, and lost its SS052)', () => {
    expect(readTextPage('pipe.txt', seedFiles()[0]!.text.replace(/\n/g, '\r'), new DiagnosticBag()).form).toBe('pipe-text');
  });

  it("locate HTML elements by parse5's offsets, not its line numbers (which drift after `&` + line end in an attribute)", () => {
    const page = fixture('orders/GetOrderLine.xml.html').replace('<a  href="?op=GetOrderLine&lang=csharp">C#</a>', '<a  href="?op=GetOrderLine&');
    const lines = page.split('\n');
    const read = readHtmlPage('p.html', page, new DiagnosticBag());
    expect(read.tables[0]!.loc.line).toBe(lines.findIndex((l) => l.includes('<caption><b>GetOrderLine</b> Parameters:')) + 1);
    expect(read.samples[0]!.loc.line).toBe(lines.findIndex((l) => l.startsWith('GET /orders/')) + 1);
  });

  it('read an HTML page holding lone surrogates (parse5 threw "Invalid code point")', () => {
    const bag = new DiagnosticBag();
    const page = readHtmlPage('p.html', `\uDFFF\uDFFF${fixture('booster/ExportCustomer.xml.html').replace('<pre>', '<pre>\uDFFF\uDFFF&amp;')}`, bag);
    expect(page.operationName?.value).toBe('ExportCustomer');
  });

  it('read an HTML page whose <pre>s are left open in linear time (each one was read to the end of the page)', () => {
    const page = fixture('booster/ExportCustomer.xml.html').replace(/<\/pre>/g, '');
    const [, one] = time(() => readHtmlPage('p.html', page, new DiagnosticBag()));
    const [samples, many] = time(() => readHtmlPage('p.html', Array(40).fill(page).join('\n'), new DiagnosticBag()).samples);
    expect(samples.length).toBeGreaterThan(0);
    expect(many).toBeLessThan(Math.max(40 * one * 4, 2_000));
  });
});

describe('the C# and TypeScript readers', () => {
  const tab = (lang: string, source: string) =>
    `<!DOCTYPE html><html><body><h2>Op</h2><pre><code class="language-${lang}">${source.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre></body></html>`;

  it('read 300,000 comments before one declaration (spreading them into push() overflowed the stack)', () => {
    const bag = new DiagnosticBag();
    const page = readHtmlPage('p.html', tab('csharp', `${'// c\n'.repeat(300_000)}public class Op { public int X { get; set; } }`), bag);
    expect(page.dtoTypes.map((t) => t.members.length)).toEqual([1]);
    expect(bag.items).toEqual([]);
  });

  it('read 50,000 members of one name, and 20,000-deep generics, in linear time, reporting the type as unreadable', () => {
    const [, small] = time(() => modelFrom([{ file: 'a.html', text: tab('csharp', `public class Op {\n${'public int X { get; set; }\n'.repeat(5_000)}}`) }]));
    const [model, big] = time(() =>
      modelFrom([{ file: 'a.html', text: tab('csharp', `public class Op {\n${'public int X { get; set; }\n'.repeat(50_000)}}`) }]),
    );
    expect(model.types.find((t) => t.name === 'Op')!.fields).toHaveLength(1);
    expect(big).toBeLessThan(Math.max(small * 30, 8_000));
    const bag = new DiagnosticBag();
    const deep = readHtmlPage(
      'd.html',
      tab(
        'typescript',
        `export class Op { public x: ${'{ [index:string]: '.repeat(20_000)}number${'; }'.repeat(20_000)}; public y: ${'Array<'.repeat(20_000)}number${'>'.repeat(20_000)}; }`,
      ),
      bag,
    );
    expect(deep.dtoTypes[0]!.members.map((m) => [m.name, m.tsType])).toEqual([
      ['x', undefined],
      ['y', undefined],
    ]);
    expect(bag.items.map((d) => d.code)).toEqual(['SS033', 'SS033']);
  });

  it('cost one diagnostic per broken line, however many lines break', () => {
    const bag = new DiagnosticBag();
    readHtmlPage('p.html', tab('csharp', `public class Op {\n${'public ; weird ( [ {\n'.repeat(1_000)}}`), bag);
    expect(bag.items.length).toBeLessThanOrEqual(1_002);
  });
});

describe('the model', () => {
  it('takes a type named like an Object.prototype member (constructor, toString) for a DTO, not a primitive', () => {
    const text = SEED_003.text
      .replace('clientSpendingFromformdouble?No', 'oddformtoStringNoOdd\nodd2formList<constructor>NoOdd\nclientSpendingFromformdouble?No')
      .replace('<brand>String</brand>', '<brand>String</brand><odd/><odd2/>');
    const search = modelFrom([{ file: 'x.txt', text }]).types.find((t) => t.name === 'SearchCustomer')!;
    expect(search.fields.find((f) => f.name === 'odd')!.type).toEqual({ kind: 'ref', name: 'toString', nullable: false });
    expect(search.fields.find((f) => f.name === 'odd2')!.type).toEqual({ kind: 'list', of: { kind: 'ref', name: 'constructor', nullable: false } });
  });

  it('renames a type whose TypeScript name another type, a generated export or a schema already has (SS064)', () => {
    const captions = ['Foo.Bar', 'Foo_Bar', 'Foo Bar', 'default', 'default_', 'ApiError', 'BoosterClient', 'Operations', 'GetCustomerHobbySchema'];
    const tables = captions.map((c, i) => `${c} Parameters:\nNameParameterData TypeRequiredDescription\nv${i}formstringNoV\n`).join('');
    const text = SEED_003.text.replace('\nTo override the Content-type', `\n${tables}\nTo override the Content-type`);
    const model = modelFrom([{ file: 'x.txt', text }]);
    const names = model.types.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Foo_Bar',
        'Foo_Bar_2',
        'Foo_Bar_3',
        'default_',
        'default__2',
        'ApiError_2',
        'BoosterClient_2',
        'Operations_2',
        'GetCustomerHobbySchema_2',
        'GetCustomerHobby',
      ]),
    );
    expect(names).not.toEqual(expect.arrayContaining(['Foo.Bar']));
    const renamed = model.diagnostics.filter((d) => d.code === 'SS064');
    expect(renamed).toHaveLength(7);
    for (const d of renamed) expect(d.loc?.file).toBe('x.txt');
    expect(renamed.map((d) => d.message)).toContain(
      "type 'ApiError' would be declared in TypeScript as 'ApiError', like the generated 'ApiError'; named it 'ApiError_2' (rename it in codegen.config.json)",
    );
    // The seeds keep every name.
    expect(modelFrom(seedFiles()).diagnostics.filter((d) => d.code === 'SS064')).toEqual([]);
  });
});

describe('emitters', () => {
  const type = (name: string): TypeDef => ({ name, kind: 'object', fields: [], enumMembers: [], rules: [], sources: [] });
  const model = (names: string[]): ApiModel => named({ service: {}, operations: [], diagnostics: [], types: names.map(type) });

  it("give a validator's private functions a suffix where another type's name meets them (isDate + DateMembers, check + Date)", async () => {
    const text = await emitValidators(model(['Date', 'DateMembers', 'isDate', 'DateSchema', 'objectLike']), 'x');
    const declared = [...text.matchAll(/^(?:export )?(?:function|const) (\w+)/gm)].map((m) => m[1]!);
    // The runtime's helpers are imported (checks.ts): no declaration meets one.
    const imported = /^import \{([^}]*)\} from '\.\/checks\.js';$/m
      .exec(text)![1]!
      .split(',')
      .map((n) => n.trim().replace(/^type /, ''))
      .filter(Boolean);
    expect(imported).toContain('objectLike');
    const names = [...declared, ...imported];
    expect(new Set(names).size).toBe(names.length);
    expect(declared).toEqual(expect.arrayContaining(['isDateMembers', 'isDateMembers_2', 'DateSchema', 'isDateSchema', 'isobjectLike']));
  });

  it('escape control characters in a printed diagnostic (terminal escapes, NUL, line breaks)', () => {
    const line = formatDiagnostic({ code: 'SS019', severity: 'info', message: 'a\u001b[31mb\u0000c\nd\u2028e', loc: { file: 'x\r.txt', line: 1 } });
    expect(line).toBe('x\\u000d.txt:1 info: a\\u001b[31mb\\u0000c\\u000ad\\u2028e [SS019]');
  });

  it("show the client's method names in the README, and doc names as Markdown text, never as markup", () => {
    const m = modelFrom(seedFiles());
    const op = m.operations[0]!;
    op.name = 'constructor';
    op.routes[0]!.path = '/a`b<img src=x>';
    const readme = emitReadme(named(m), DEFAULT_CONFIG, 'x');
    expect(readme).toContain('### `constructor_` — constructor');
    expect(readme).toContain('await api.constructor_(');
    expect(readme).toContain('``POST /a`b<img src=x>``');
  });
});
