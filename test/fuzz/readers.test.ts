/**
 * Property-based tests of every reader, on mutated real pages and on text built from the
 * grammars' own tokens: no reader throws or takes long, every diagnostic says where, and what
 * a reader returns is consistent with the text it read. `npm test` runs a few hundred cases;
 * `npm run fuzz` (FUZZ_RUNS) many more.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { chooseSplit, alignCells, PARAMETER_KINDS, squashedRowSplits } from '../../generator/read/columns.js';
import { parseDotNetType } from '../../generator/read/dotnet-type.js';
import type { JsonNode, XmlElement } from '../../generator/read/fragments.js';
import { readHtmlPage } from '../../generator/read/html-page.js';
import { isIndexHtml, readHtmlIndex } from '../../generator/read/html-index.js';
import { readHttpSamples } from '../../generator/read/http-samples.js';
import { readJsonSample } from '../../generator/read/json-sample.js';
import { readMetadataJson } from '../../generator/read/metadata-json.js';
import { parsePythonType, readPythonDtos } from '../../generator/read/python-dtos.js';
import { readCSharpDtos } from '../../generator/read/csharp-dtos.js';
import { readDartDtos } from '../../generator/read/dart-dtos.js';
import { readFSharpDtos } from '../../generator/read/fsharp-dtos.js';
import { readJavaDtos } from '../../generator/read/java-dtos.js';
import { readJavaScriptDtos } from '../../generator/read/javascript-dtos.js';
import { readKotlinDtos } from '../../generator/read/kotlin-dtos.js';
import { readSwiftDtos } from '../../generator/read/swift-dtos.js';
import { readVbNetDtos } from '../../generator/read/vbnet-dtos.js';
import { parseTsType, readTypeScriptDtos } from '../../generator/read/typescript-dtos.js';
import { pathVariables, routeFromCells, splitSquashedRoute } from '../../generator/read/routes.js';
import { pipeCells, readTextPage } from '../../generator/read/text-page.js';
import { readXmlSample } from '../../generator/read/xml-sample.js';
import { FUZZ_RUNS, lineCounts, params, report, runs, SEED, timed, timeoutFor, unlocated, writeReport } from './budget.js';
import { mutate, mutations } from './mutate.js';
import {
  CSHARP_SECTIONS,
  HTML_PAGES,
  JSON_BODIES,
  linesOf,
  METADATA_JSON,
  PIPE_ROWS,
  PYTHON_SECTION,
  ROUTE_LINES,
  SAMPLE_SECTIONS,
  SQUASHED_ROWS,
  TAB_SECTIONS,
  TEXT_SEEDS,
  TYPESCRIPT_SECTIONS,
  XML_BODIES,
} from './sources.js';

/**
 * Per-case budgets: generous for a loaded 2-core machine, plus time in proportion to the input
 * (mutations can repeat a page hundreds of times); a superlinear blow-up exceeds them by far.
 */
const READER_BUDGET_MS = 3_000;
const SNIPPET_BUDGET_MS = 1_000;
const budget = (base: number, ...texts: string[]) => base + (8_000 * texts.reduce((n, t) => n + t.length, 0)) / 1e6;

afterAll(() => {
  if (!FUZZ_RUNS) return;
  console.log(`readers:\n${report()}`);
  writeReport(path.join(tmpdir(), `booster-fuzz-readers-${SEED}.txt`));
});

/** Mutated copies of one of `sources`, with the mutations for the report. */
const mutated = (sources: readonly string[]) =>
  fc.tuple(fc.nat({ max: sources.length - 1 }), mutations).map(([i, ms]) => ({ source: i, mutations: ms, text: mutate(sources[i]!, ms) }));

/** Text made of the row and route grammar's tokens, which is where splitting gets hard. */
const ROW_TOKENS = [
  'form',
  'body',
  'path',
  'query',
  'header',
  'Yes',
  'No',
  'string',
  'int',
  'double',
  'List',
  'Dictionary',
  '<',
  '>',
  ',',
  ' ',
  '?',
  '[]',
  'Nullable<',
  'x',
  'Name',
  'A',
  '_',
  '1',
  '.',
  '`',
  'é',
  '|',
  '{',
  '}',
  '/',
  'GET',
  'POST',
  'All Verbs',
  ', ',
];
const grammarText = fc.array(fc.constantFrom(...ROW_TOKENS), { maxLength: 40 }).map((t) => t.join(''));

function located(items: DiagnosticBag['items'], file: string, text: string): string[] {
  return unlocated(items, lineCounts([{ file, text }]));
}

describe('text page reader', () => {
  const n = runs(150, 0.15);
  it(
    `reads ${n} mutated seed pages without throwing, each diagnostic located`,
    () => {
      fc.assert(
        fc.property(mutated(TEXT_SEEDS.map((f) => f.text)), (c) => {
          const bag = new DiagnosticBag();
          const file = TEXT_SEEDS[c.source]!.file;
          const page = timed('text page', budget(READER_BUDGET_MS, c.text), { file, mutations: c.mutations }, () => readTextPage(file, c.text, bag));
          expect(located(bag.items, file, c.text)).toEqual([]);
          for (const r of page.routes) expect(r.path.startsWith('/')).toBe(true);
          for (const t of page.tables) for (const r of t.rows) expect(parseDotNetType(r.dataType), r.dataType).toBeDefined();
        }),
        params(n),
      );
    },
    timeoutFor(n, 20),
  );
});

describe('squashed row splitter', () => {
  const n = runs(300, 0.08);
  it(
    `splits ${n} rows only where the grammar allows, every split giving back the row`,
    () => {
      const rows = fc.oneof(
        mutated(SQUASHED_ROWS).map((c) => c.text),
        grammarText,
        fc.string({ unit: 'binary', maxLength: 60 }),
      );
      const known = { typeNames: new Set(['GetCustomerInterest', 'ProductCategory']), fieldNames: new Set(['brand', 'poscodes']) };
      fc.assert(
        fc.property(rows, (text) => {
          const splits = timed('squashed row splits', budget(SNIPPET_BUDGET_MS, text), text, () => squashedRowSplits(text));
          for (const s of splits) {
            expect(PARAMETER_KINDS).toContain(s.parameter);
            expect(parseDotNetType(s.dataType)).toBeDefined();
            if (s.name !== undefined) expect(s.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
            const head = `${s.name ?? ''}${s.parameter}${s.dataType}${s.required ? 'Yes' : 'No'}`;
            expect(text.startsWith(head), head).toBe(true);
            expect(s.description).toBe(text.slice(head.length).trim());
          }
          const { chosen, ambiguous } = chooseSplit(splits, known);
          if (splits.length) expect(splits).toContain(chosen);
          else expect(chosen).toBeUndefined();
          for (const a of ambiguous) expect(splits).toContain(a);
        }),
        params(n),
      );
    },
    timeoutFor(n, 5),
  );
});

describe('pipe cells', () => {
  const n = runs(300, 0.04);
  const cell = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('|') && s.trim() === s);
  it(
    `reads back ${n} rows of cells, and never a cell with a | in it`,
    () => {
      fc.assert(
        fc.property(
          fc.array(cell, { minLength: 1, maxLength: 8 }),
          fc.oneof(
            mutated(PIPE_ROWS).map((c) => c.text),
            grammarText,
          ),
          (cells, noise) => {
            expect(timed('pipe cells', SNIPPET_BUDGET_MS, cells, () => pipeCells(`| ${cells.join(' | ')} |`))).toEqual(cells);
            const read = pipeCells(noise);
            for (const c of read ?? []) expect(c.includes('|') || c !== c.trim()).toBe(false);
            const row = read && alignCells(read);
            if (row) {
              expect(PARAMETER_KINDS).toContain(row.parameter);
              expect(parseDotNetType(row.dataType)).toBeDefined();
            }
          },
        ),
        params(n),
      );
    },
    timeoutFor(n, 5),
  );
});

describe('routes', () => {
  const n = runs(300, 0.04);
  it(
    `reads ${n} route cells and squashed route lines into a path that starts the rest of the line`,
    () => {
      const line = fc.oneof(
        mutated(ROUTE_LINES).map((c) => c.text),
        grammarText,
        fc.string({ unit: 'binary', maxLength: 40 }),
      );
      const known = fc.array(fc.constantFrom('/customer', '/customer/{boosterCustomerId}', '/orders/{OrderId}/lines/{LineId}', '/', ''), { maxLength: 3 });
      fc.assert(
        fc.property(line, known, fc.array(fc.oneof(grammarText, fc.string({ maxLength: 10 })), { maxLength: 5 }), (text, paths, cells) => {
          const route = timed('routes', budget(SNIPPET_BUDGET_MS, text), { text, paths }, () => splitSquashedRoute(text, paths));
          if (route) {
            for (const v of route.verbs) expect(v).toMatch(/^[A-Z]+$/);
            expect(route.path.startsWith('/')).toBe(true);
            expect(text.includes(route.path)).toBe(true);
            for (const part of [route.summary, route.notes]) if (part) expect(text.includes(part)).toBe(true);
          }
          const fromCells = routeFromCells(cells);
          if (fromCells) expect(fromCells.path).toMatch(/^\/\S*$/);
          const vars = pathVariables(text);
          for (const v of vars ?? []) expect(v).not.toMatch(/[{}]/);
        }),
        params(n),
      );
    },
    timeoutFor(n, 5),
  );

  it('finds exactly the variables of a well-formed path', () => {
    const segment = fc.oneof(
      fc.stringMatching(/^[a-z0-9_.-]{0,8}$/).map((name) => ({ text: name, variable: undefined as string | undefined })),
      fc
        .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
        .chain((name) => fc.constantFrom({ text: `{${name}}`, variable: name }, { text: `{${name}*}`, variable: name })),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(pathVariables(`/${segments.map((s) => s.text).join('/')}`)).toEqual(segments.flatMap((s) => (s.variable ? [s.variable] : [])));
      }),
      params(runs(100, 0.01)),
    );
  });
});

describe('Python DTO reader', () => {
  const n = runs(150, 0.1);
  it(
    `reads ${n} mutated DTO sections without throwing, each diagnostic and fact located`,
    () => {
      fc.assert(
        fc.property(mutated([PYTHON_SECTION]), (c) => {
          const bag = new DiagnosticBag();
          const classes = timed('python DTOs', budget(READER_BUDGET_MS, c.text), c.mutations, () => readPythonDtos('dtos.py', linesOf(c.text), bag));
          const lines = linesOf(c.text).length;
          expect(located(bag.items, 'dtos.py', c.text)).toEqual([]);
          for (const cls of classes) {
            expect(cls.name).toMatch(/^[A-Za-z_]\w*$/);
            for (const f of cls.fields) expect(f.loc.line).toBeLessThanOrEqual(lines);
          }
        }),
        params(n),
      );
    },
    timeoutFor(n, 20),
  );

  it('parses any annotation without throwing', () => {
    const tokens = fc.array(
      fc.constantFrom('Optional', 'List', 'Dict', 'Union', 'str', 'int', 'None', '[', ']', ',', "'", '"', 'typing.', 'datetime.datetime', ' ', 'X'),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          tokens.map((t) => t.join('')),
          fc.string({ unit: 'binary', maxLength: 30 }),
        ),
        (annotation) => {
          timed('python annotations', SNIPPET_BUDGET_MS, annotation, () => parsePythonType(annotation));
        },
      ),
      params(runs(200, 0.02)),
    );
  });
});

/** Text made of the TypeScript and C# grammars' tokens. */
const SOURCE_TOKENS = [
  'export',
  'class',
  'interface',
  'enum',
  'type',
  'namespace',
  'module',
  'public',
  'virtual',
  'partial',
  'extends',
  'implements',
  'X',
  'Y',
  'T',
  'number',
  'string',
  'int',
  'List',
  'Dictionary',
  'Nullable',
  'IReturn',
  '<',
  '>',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  ';',
  ',',
  '?',
  '=',
  '|',
  '.',
  '"',
  "'",
  '`',
  '@"',
  '\\',
  '//',
  '/*',
  '*/',
  '///',
  '/**',
  '@',
  '#',
  '\n',
  ' ',
  '0',
  '-1',
  'get;',
  'set;',
  '// @Route("/a")',
  '[ApiMember(',
  // Kotlin, Java, Swift, Dart, JavaScript, VB.NET, F#
  'open class',
  'open var a:',
  '@Route(Path="/a")',
  'public static class',
  'public var a:',
  'typealias Return =',
  '[String:Int]',
  'class A implements IConvertible',
  'static const',
  'export class',
  '/** @type {',
  'createResponse()',
  "'''",
  'Public Partial Class',
  'Property A As',
  '(Of',
  'End Class',
  'Namespace',
  'type A() =',
  'member val',
  '[<',
  '>]',
  '(*',
  '*)',
  '| A = 0',
  "'T",
];
const sourceText = fc.array(fc.constantFrom(...SOURCE_TOKENS), { maxLength: 60 }).map((t) => t.join(' '));

describe('DTO readers of every read tab but Python (its own below)', () => {
  const n = runs(150, 0.1);
  const readers = [
    ['typescript', TYPESCRIPT_SECTIONS, readTypeScriptDtos],
    ['csharp', CSHARP_SECTIONS, readCSharpDtos],
    ['kotlin', TAB_SECTIONS.kotlin!, readKotlinDtos],
    ['java', TAB_SECTIONS.java!, readJavaDtos],
    ['swift', TAB_SECTIONS.swift!, readSwiftDtos],
    ['dart', TAB_SECTIONS.dart!, readDartDtos],
    ['mjs', TAB_SECTIONS.mjs!, readJavaScriptDtos],
    ['vbnet', TAB_SECTIONS.vbnet!, readVbNetDtos],
    ['fsharp', TAB_SECTIONS.fsharp!, readFSharpDtos],
  ] as const;
  // The languages whose type text is in the .NET grammar as written (Swift's, VB's and F#'s are rewritten into it).
  const asWritten = new Set<string>(['kotlin', 'java', 'dart']);
  for (const [lang, sections, reader] of readers)
    it(
      `reads ${n} mutated ${lang} sources and token soups without throwing, each diagnostic and fact located`,
      () => {
        fc.assert(
          fc.property(
            fc.oneof(
              { weight: 3, arbitrary: mutated(sections).map((c) => ({ text: c.text, info: c.mutations as unknown })) },
              { weight: 1, arbitrary: sourceText.map((text) => ({ text, info: text as unknown })) },
            ),
            (c) => {
              const bag = new DiagnosticBag();
              const file = `dtos.${lang}`;
              const types = timed(`${lang} DTOs`, budget(READER_BUDGET_MS, c.text), c.info, () => reader(file, linesOf(c.text), bag));
              const lines = linesOf(c.text).length;
              expect(located(bag.items, file, c.text)).toEqual([]);
              for (const t of types) {
                expect(t.name).toMatch(/^[\p{L}_$][\p{L}\p{N}_$]*$/u);
                expect(t.loc.line).toBeLessThanOrEqual(lines);
                for (const m of [...t.members, ...t.enumMembers]) expect(m.loc.line).toBeLessThanOrEqual(lines);
                for (const r of t.routes) expect(r.path.startsWith('/')).toBe(true);
                // A member's parsed type is its written type, parsed.
                for (const m of t.members) {
                  if (m.tsType) expect(parseTsType(m.typeText)).toEqual(m.tsType);
                  if (m.dotNetType) expect(parseDotNetType(m.typeText)).toEqual(m.dotNetType);
                  if (m.langType && asWritten.has(lang)) expect(parseDotNetType(m.typeText)).toEqual(m.langType);
                }
              }
            },
          ),
          params(n),
        );
      },
      timeoutFor(n, 20),
    );

  it('parses any TypeScript type text without throwing', () => {
    const tokens = fc.array(
      fc.constantFrom(
        'string',
        'number',
        'X',
        'Array',
        'Record',
        '<',
        '>',
        '[',
        ']',
        '{',
        '}',
        ':',
        ';',
        ',',
        '|',
        '&',
        '(',
        ')',
        'null',
        "'a'",
        '"b"',
        ' ',
        'index',
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          tokens.map((t) => t.join('')),
          fc.string({ unit: 'binary', maxLength: 30 }),
        ),
        (text) => {
          timed('typescript types', SNIPPET_BUDGET_MS, text, () => parseTsType(text));
        },
      ),
      params(runs(200, 0.02)),
    );
  });
});

/** JSON value of a JsonNode, members defined as own properties (a `__proto__` key included). */
function jsonValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const m of node.members) Object.defineProperty(o, m.key, { value: jsonValue(m.value), enumerable: true, writable: true, configurable: true });
      return o;
    }
    case 'array':
      return node.items.map(jsonValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

interface XmlTree {
  name: string;
  text?: string;
  children: XmlTree[];
}

const xmlTree: fc.Arbitrary<XmlTree> = fc.letrec<{ tree: XmlTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      name: fc.constantFrom('a', 'b', 'd2p1:int', 'Email', 'x.y', 'z-1'),
      text: fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '' && !/[\r\n]/.test(s)),
      children: fc.constant([] as XmlTree[]),
    }),
    fc.record({ name: fc.constantFrom('a', 'b', 'Email', 'Root'), children: fc.array(tie('tree'), { maxLength: 4 }) }),
  ),
})).tree;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function serialize(t: XmlTree, root = false): string {
  const ns = root ? ' xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"' : '';
  return `<${t.name}${ns}>${t.text !== undefined ? escapeXml(t.text) : t.children.map((c) => serialize(c)).join('\n')}</${t.name}>`;
}
function shape(e: XmlElement | XmlTree): unknown {
  return { name: e.name, text: e.text, children: e.children.map(shape) };
}

describe('HTTP, XML and JSON samples', () => {
  const n = runs(150, 0.1);
  it(
    `reads ${n} mutated sample sections and bodies without throwing, each diagnostic located`,
    () => {
      fc.assert(
        fc.property(mutated(SAMPLE_SECTIONS), mutated(XML_BODIES), mutated(JSON_BODIES), (section, xml, json) => {
          for (const [what, text, read] of [
            ['http', section.text, (b: DiagnosticBag) => readHttpSamples('s.txt', linesOf(section.text), b)],
            ['xml', xml.text, (b: DiagnosticBag) => readXmlSample('s.txt', linesOf(xml.text), b)],
            ['json', json.text, (b: DiagnosticBag) => readJsonSample('s.txt', linesOf(json.text), b)],
          ] as const) {
            const bag = new DiagnosticBag();
            timed(`${what} samples`, budget(READER_BUDGET_MS, text), { section: section.mutations, xml: xml.mutations, json: json.mutations }, () => read(bag));
            expect(located(bag.items, 's.txt', text), what).toEqual([]);
            // A garbage body is summed up (at most 21 problems per body, a body per line at most), not listed character by character.
            expect(bag.items.length, what).toBeLessThanOrEqual(22 * linesOf(text).length + 50);
          }
        }),
        params(n),
      );
    },
    timeoutFor(n, 30),
  );

  it('reads any JSON document exactly, without a diagnostic', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), fc.boolean(), (text, pretty) => {
        const source = pretty ? JSON.stringify(JSON.parse(text), null, 2) : text;
        const bag = new DiagnosticBag();
        const node = timed('json exact', SNIPPET_BUDGET_MS, source, () => readJsonSample('j.txt', linesOf(source), bag));
        expect(bag.items).toEqual([]);
        expect(JSON.stringify(jsonValue(node!))).toBe(JSON.stringify(JSON.parse(source)));
      }),
      params(runs(200, 0.02)),
    );
  });

  it('reads any well-formed XML document exactly, without a diagnostic', () => {
    fc.assert(
      fc.property(xmlTree, (tree) => {
        const root = { ...tree, name: 'Root' };
        const source = serialize(root, true);
        const bag = new DiagnosticBag();
        const read = timed('xml exact', SNIPPET_BUDGET_MS, source, () => readXmlSample('x.txt', linesOf(source), bag));
        expect(bag.items).toEqual([]);
        expect(shape(read!)).toEqual(shape(root));
      }),
      params(runs(200, 0.02)),
    );
  });
});

describe('HTML pages and the metadata JSON', () => {
  const n = runs(100, 0.12);
  it(
    `reads ${n} mutated HTML pages without throwing, each diagnostic located`,
    () => {
      fc.assert(
        fc.property(mutated(HTML_PAGES.map((f) => f.text)), (c) => {
          const bag = new DiagnosticBag();
          const file = HTML_PAGES[c.source]!.file;
          timed('html page', budget(READER_BUDGET_MS, c.text), { file, mutations: c.mutations }, () =>
            isIndexHtml(c.text) ? readHtmlIndex(file, c.text, bag) : readHtmlPage(file, c.text, bag),
          );
          expect(located(bag.items, file, c.text)).toEqual([]);
        }),
        params(n),
      );
    },
    timeoutFor(n, 60),
  );

  const m = runs(100, 0.03);
  it(
    `reads ${m} mutated /types/metadata documents without throwing, each diagnostic located`,
    () => {
      fc.assert(
        fc.property(mutated([METADATA_JSON.text]), (c) => {
          const bag = new DiagnosticBag();
          timed('metadata json', budget(READER_BUDGET_MS, c.text), c.mutations, () => readMetadataJson(METADATA_JSON.file, c.text, bag));
          expect(located(bag.items, METADATA_JSON.file, c.text)).toEqual([]);
        }),
        params(m),
      );
    },
    timeoutFor(m, 20),
  );
});
