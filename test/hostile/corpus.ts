/**
 * Hostile docs: copies of the seeds (and of the HTML fixture of seed 003) edited so that every
 * place doc text reaches the output — descriptions, summaries, notes, examples, docstrings,
 * sample values, service and host names, member, type and operation names — carries text that
 * would break out of a comment, a string, a template literal, a JSON document or a Markdown
 * code span, or names that clash with JavaScript, TypeScript globals or the generated runtime.
 * Every payload, were it ever run, sets `globalThis.__pwned`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InputFile } from '../../generator/read/input.js';
import { ROOT, seedFiles } from '../helpers.js';

const JS = 'globalThis.__pwned = 1';

/** One-line payloads (no `|`, so that a pipe cell keeps them whole). */
export const PAYLOADS: readonly string[] = [
  `*/ ${JS}; /*`,
  `/** ${JS} */ ${JS}`,
  '`${' + JS + '}` and ${' + JS + '} `',
  `'); ${JS}; ('`,
  `"); ${JS}; ("`,
  `\\'; ${JS}; //\\`,
  'ends with a backslash \\',
  `</script><script>${JS}</script><!--`,
  `{{${JS}}} {{{${JS}}}} {{#each x}}{{/each}} {{> partial}} {{!-- --}}`,
  `line\u2028${JS};\u2029separators\u0085and more`,
  `nul\u0000${JS}\u0000 bell\u0007 escape\u001b[31m`,
  `@example ${JS} @param x @returns`,
  `<img src=x onerror="${JS}"> &lt;b&gt; &amp;amp;`,
  `[x](javascript:${JS}) # * _ > \` ~~~ `,
  `\u202Ertl override\u200B zero width \uFEFF bom`,
];

/** The payloads that hold no `'` (a rule's or an example's quoted value cannot). */
export const UNQUOTED = PAYLOADS.filter((p) => !p.includes("'")).map((p) => p.replace(/"/g, '`'));

/** A line of 100,000 characters. */
export const LONG = 'x'.repeat(50_000) + ` ${PAYLOADS[0]} ` + 'y'.repeat(50_000 - PAYLOADS[0]!.length - 2);

export interface HostileCase {
  name: string;
  files: InputFile[];
  /** A codegen.config.json for the case. */
  config?: object;
  /** Generation may refuse the input (exit 2 with a diagnostic) rather than succeed. */
  mayRefuse?: boolean;
}

const seed = (prefix: string) => seedFiles().find((f) => f.file.startsWith(prefix))!.text;

function replaceAll(text: string, pairs: [RegExp | string, string][], strict = true): string {
  for (const [from, to] of pairs) {
    const before = text;
    text = typeof from === 'string' ? text.split(from).join(to) : text.replace(from, () => to);
    if (strict && text === before) throw new Error(`corpus edit matched nothing: ${String(from)}`);
  }
  return text;
}

/** Whole-word renames of type names over a page. */
function rename(text: string, names: Record<string, string>, strict = true): string {
  return replaceAll(
    text,
    Object.entries(names).map(([from, to]) => [new RegExp(`\\b${from}\\b`, 'g'), to]),
    strict,
  );
}

/** Renames of member names, also where a squashed row runs the name into its Parameter column (`brandformstring`). */
function renameMembers(text: string, names: Record<string, string>): string {
  return replaceAll(
    text,
    Object.entries(names).map(([from, to]) => [new RegExp(`(?<![\\w])${from}(?=form|body|path|query|[^\\w]|$)`, 'gm'), to]),
  );
}

/** Python string-literal content. */
const py = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
/** XML / HTML text content. */
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON string content. */
const json = (s: string) => JSON.stringify(s).slice(1, -1);

const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

/** Seed 002 (pipe tables without `|` at the ends, JSON samples): descriptions, examples, rules, route, host, JSON keys. */
function pipeDescriptions(): HostileCase {
  let i = 0;
  const lines = seed('002')
    .split('\n')
    .map((line) => {
      const cells = line.split(' | ');
      // Member rows: `name | form | type | Yes | description |`.
      if (cells.length === 5 && /^(form|body)$/.test(cells[1]!)) {
        const p = payload(i++);
        const u = UNQUOTED[i % UNQUOTED.length]!;
        const description =
          i % 3 === 0 ? `${p} e.g. '${u}', '${UNQUOTED[(i + 1) % UNQUOTED.length]}'` : i % 3 === 1 ? p : `${p} - Mandatory only when customer type is '${u}'`;
        return [...cells.slice(0, 4), `${description} |`].join(' | ');
      }
      return line;
    });
  let text = lines.join('\n');
  text = replaceAll(text, [
    ['POST | /customer | Create customer | Create CRM customer |', `POST | /customer | ${payload(0)} | ${payload(7)} |`],
    ['Host: dev-api-booster.richemont.com', `Host: evil.example/*${JS}*/`],
    [
      '{"boosterCustomerId":0}',
      `{"boosterCustomerId":0,"${json(payload(0))}":"${json(payload(2))}","__proto__":{"polluted":"${json(payload(3))}"},"constructor":"String","it's":"\\u2028"}`,
    ],
  ]);
  // The response's table goes, so that its members come from the JSON sample, hostile keys included.
  text = replaceAll(text, [
    [/Name \| Parameter \| Data Type \| Required \| Description \|\n---\|---\|---\|---\|---\|\nboosterCustomerId \| form \| int \| Yes \| [^\n]*\n/, ''],
  ]);
  return { name: 'pipe tables: descriptions, examples, rules, route, host, JSON keys', files: [{ file: '002_hostile.txt', text }] };
}

/** Seed 001 (squashed text, Python DTOs, XML samples): service, operation description, route, docstrings, ApiMember, XML text. */
function squashedPython(): HostileCase {
  let text = seed('001');
  let i = 0;
  text = text.replace(/# @ApiMember\(Description="([^"]*)"/g, () => `# @ApiMember(Description="${py(payload(i++))}"`);
  text = text.replace(
    /^( {4})"""\n {4}([^\n]*)\n {4}"""$/gm,
    (_, indent: string) => `${indent}"""\n${indent}${payload(i++).replace(/"""/g, '')}\n${indent}"""`,
  );
  text = text.replace(/>String</g, () => `>${xml(payload(i++))}<`);
  text = replaceAll(text, [
    ['Richemont.Booster2.PublicApi\n', `${payload(3)}\n`],
    ['\nUpdateCustomer\n\nRequires Authentication', `\nUpdateCustomer\n${payload(0)}\n${payload(9)}\n${payload(7)}\n\nRequires Authentication`],
    ['PUT/customer/{boosterCustomerId}Update customerUpdate CRM customer', `PUT/customer/{boosterCustomerId}Update ${payload(0)}Notes ${payload(2)}`],
    ['class Email:\n', `class Email:\n    """${payload(1).replace(/"""/g, '')}"""\n`],
    [
      'from enum import Enum, IntEnum\n',
      `from enum import Enum, IntEnum\n\nclass Shade(str, Enum):\n    DARK = "${py(payload(0))}"\n    LIGHT = '${payload(2)}'\n    constructor = "x"\n    __proto__ = "y"\n`,
    ],
  ]);
  return {
    name: 'squashed text: service, operation description, route, Python docstrings and ApiMember, XML text',
    files: [{ file: '001_hostile.txt', text }],
  };
}

/** Seed 003 (squashed, captions): members named like Object.prototype's and JavaScript's keywords, in path, query and body. */
function memberNames(): HostileCase {
  const text = renameMembers(seed('003'), {
    downloadRequestId: '__proto__',
    brand: 'constructor',
    posCodes: 'toString',
    searchKey: 'default',
    phoneNumber: 'delete',
    email: 'valueOf',
    locationCountryIds: 'hasOwnProperty',
    interest: 'prototype',
    hobby: '__defineGetter__',
    asyncTaskId: 'then',
    grandCategoryId: 'isPrototypeOf',
  });
  return { name: 'member names: __proto__, constructor, toString, default, delete, then…', files: [{ file: '003_members.txt', text }] };
}

/** Squashed tables with a caption, one member each, appended to a page so that the caption names a type. */
function captionedTables(names: string[]): string {
  return names.map((n, i) => `${n} Parameters:\nNameParameterData TypeRequiredDescription\nvalue${i}formstringNoValue ${i}\n`).join('');
}

/** Types named like TypeScript's globals and like what the generated runtime declares. */
function typeNames(): HostileCase {
  const globals = { Email: 'Date', Phone: 'Error', Address: 'Record', Interest: 'Promise', Hobby: 'Array', ProductCollection: 'Object', Customer: 'String' };
  const extra = [
    'DateSchema',
    'StringSchema',
    'IssueSchema',
    'StandardSchemaV1',
    'Types',
    'T',
    'S',
    'Credential',
    'Auth',
    'Route',
    'Op',
    'Fix',
    'NetworkError',
    'TimeoutError',
    'ClientOptions',
    'ClassOptions',
    'RetryPolicy',
    'Failure',
    'Context',
    'Check',
    'Partial',
    'Map',
    'Set',
    'Symbol',
    'Function',
    'JSON',
    'Math',
    'Number',
    'Boolean',
    'RegExp',
    'Response',
    'Request',
    'Headers',
    'URL',
    'AbortController',
    'fetch',
    'globalThis',
    'isDate',
    'checkDate',
    'DateMembers',
    'DATE',
    'GUID',
    'VENDOR',
    'MAX_DEPTH',
    'ShadeValues',
  ];
  const exportText = rename(seed('003'), {
    SearchCustomer: 'BoosterClient',
    GetCustomerInterest: 'Issue',
    GetCustomerHobby: 'Schema',
    GetCustomerProductCollection: 'ValidationError',
    ProductCategory: 'ApiError',
    ExportCustomerResponse: 'Operations',
  }).replace('\nTo override the Content-type', `\nShade Enum:\nName\nDark\nLight\n${captionedTables(extra)}\nTo override the Content-type`);
  return {
    name: 'type names: Date, Error, Record, Promise, Array, Object, String, Event; Issue, Schema, ValidationError, ApiError, BoosterClient, Operations, XSchema pairs',
    files: [
      { file: '000.txt', text: rename(seed('000'), globals, false) },
      { file: '001_globals.txt', text: rename(seed('001'), globals) },
      { file: '002.txt', text: rename(seed('002'), globals, false) },
      { file: '003_runtime.txt', text: exportText },
    ],
  };
}

/** Type and operation names that are keywords, Object.prototype members, or not identifiers (and clash once made ones). */
function oddNames(): HostileCase {
  const base = seed('003');
  const ops = ['constructor', 'toString', '__proto__', 'default', 'delete', 'hasOwnProperty'];
  const pages = ops.map((op, i) => ({
    file: `op_${i}.txt`,
    text: replaceAll(base, [
      ['ExportCustomer', op],
      ['/customer/{brand}/export', `/op${i}/{brand}`],
    ]),
  }));
  const captions = [
    'default',
    'default_',
    'delete',
    'Foo.Bar',
    'Foo_Bar',
    'Foo Bar',
    'Foo`1',
    'Foo_1',
    '1st',
    'Ünïcode',
    'toString',
    'valueOf',
    `*/ ${JS} /*`,
    '`${' + JS + '}`',
    `it's "quoted"`,
  ];
  const odd = replaceAll(base, [
    [
      'clientSpendingFromformdouble?No',
      'oddRefformList<Foo.Bar>NoOdd\nodd2formFoo`1?NoOdd 2\nodd3formDictionary<string,Foo_Bar>NoOdd 3\nodd4formtoStringNoOdd 4\nodd5formList<constructor>NoOdd 5\nodd6formvalueOf?NoOdd 6\nclientSpendingFromformdouble?No',
    ],
    ['\nTo override the Content-type', `\n${captionedTables(captions)}\nTo override the Content-type`],
    ['<brand>String</brand>', '<brand>String</brand><oddRef/><odd2/><odd3/><odd4/><odd5/><odd6/>'],
  ]);
  return {
    name: 'odd names: keyword and Object.prototype operations and types, names that clash once made identifiers',
    files: [...pages, { file: 'odd.txt', text: odd }],
  };
}

/** The HTML page of seed 003, its text, names and samples made hostile (HTML-encoded as the page would carry them). */
function htmlPage(): HostileCase {
  const source = readFileSync(path.join(ROOT, 'test/read/fixtures/html/booster/ExportCustomer.xml.html'), 'utf8');
  let i = 0;
  let text = source.replace(/(<td>)([A-Z][^<]*)(<\/td><\/tr>)/g, (_, open: string, __: string, close: string) => `${open}${xml(payload(i++))}${close}`);
  text = text.replace(/&gt;String&lt;/g, () => `&gt;${xml(xml(payload(i++)))}&lt;`);
  text = replaceAll(text, [
    [/<h1>[^<]*<\/h1>/, `<h1>${xml(payload(7))}</h1>`],
    [
      /<h2>ExportCustomer<\/h2>/,
      `<h2>ExportCustomer</h2><h3 id="desc">${xml(payload(0))}<br/>${xml(payload(9))}<br />${xml(payload(2))}</h3><div class="tags"><span>${xml(payload(3))}</span><span>${xml(payload(8))}</span></div>`,
    ],
    [/<\/body>/, `<script>${JS}</script><img src=x onerror="${JS}"></body>`],
  ]);
  // The route's summary and notes.
  text = text.replace(
    /(<table class='routes'>[\s\S]*?<th>\/customer\/\{brand\}\/export<\/th>)<td>[^<]*<\/td><td>[^<]*<\/td>/,
    `$1<td>${xml(payload(0))}</td><td>${xml(payload(12))}</td>`,
  );
  const named = replaceAll(text, [[/<h2>ExportCustomer<\/h2>/, `<h2>${xml(`Export*/ ${JS} /* <img src=x onerror="${JS}"> \`\`\``)}</h2>`]]);
  return {
    name: 'HTML page: description, tags, route, descriptions, samples, script tags; and an operation name that is no identifier',
    files: [
      { file: 'ExportCustomer.xml.html', text },
      { file: 'named/ExportCustomer.xml.html', text: named },
    ],
  };
}

/** C# and TypeScript string-literal content (`\\`, `"` escaped; line breaks as `\n`). */
const literal = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n');

/**
 * The C# and TypeScript tabs of seed 003 on their own (so that TypeScript's weaker types are all
 * there is for some members): payloads in attribute descriptions and doc comments, in string
 * enum values, EnumMember values and DataMember names (wire names), a route path that is no
 * identifier, classes and members named like globals and Object.prototype's members.
 */
function languageTabs(): HostileCase {
  const fixture = (name: string) => readFileSync(path.join(ROOT, 'test/read/fixtures/html/booster', name), 'utf8');
  let i = 0;
  // The source is HTML-encoded on the page (`<` and `>` only, as ServiceStack's HtmlEncodeLite).
  const enc = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const describe = (text: string) =>
    text
      .replace(/Description="((?:[^"\\]|\\.)*)"/g, () => `Description="${enc(literal(payload(i++)))}"`)
      .replace(/\/\*\* @description [^\n]* \*\//g, () => `/** @description ${enc(payload(i++).replace(/\*\//g, '*_/'))} */`)
      .replace(/\/\/\/[^&\n][^\n]*/g, () => `///${enc(payload(i++))}`);
  const ts = replaceAll(describe(fixture('ExportCustomer.typescript.html')), [
    [
      'export class ProductCategory',
      `export enum Shade\n{\n    Dark = '${enc(literal(payload(0)).replace(/'/g, "\\'"))}',\n    Light = "${enc(literal(payload(2)))}",\n    constructor = 'x',\n}\n\nexport type Tone = "${enc(literal(payload(3)))}" | "__proto__";\n\nexport class ProductCategory`,
    ],
    [
      '    public brandCategoryId?: string;',
      `    public brandCategoryId?: string;\n\n    // @DataMember(Name="${enc(literal(payload(5)))}")\n    public shade?: Shade;\n\n    public tone: Tone;\n\n    public __proto__?: number;\n\n    public toString?: { [index:string]: number[]; };`,
    ],
    ['// @Route("/customer/{brand}/export", "POST")', `// @Route("/customer/{brand}/export/*/\${globalThis.__pwned=1}/", "POST")`],
  ]);
  const cs = replaceAll(describe(fixture('ExportCustomer.csharp.html')), [
    [/namespace Richemont\.Booster2\.PublicApi\.Common\.ServiceModel/, 'namespace constructor.__proto__.toString'],
    [
      '    public partial class ProductCategory\n    {',
      `    public enum Promise\n    {\n        [EnumMember(Value="${enc(literal(payload(1)))}")]\n        Then,\n        [EnumMember(Value="${enc(literal(payload(12)))}")]\n        Catch = 2,\n    }\n\n    public partial class ProductCategory\n    {\n        [DataMember(Name="${enc(literal(payload(6)))}")]\n        public virtual Promise? Date { get; set; }\n\n        public virtual Dictionary&lt;string, List&lt;long&gt;&gt; valueOf { get; set; }\n`,
    ],
  ]);
  return {
    name: 'C# and TypeScript tabs: descriptions, doc comments, enum values, DataMember names, route path, global-like names',
    files: [
      { file: 'ExportCustomer.typescript.html', text: ts },
      { file: 'ExportCustomer.csharp.html', text: cs },
    ],
  };
}

/** Lines of 100,000 characters in every section of a page. */
function longLines(): HostileCase {
  const squashed = replaceAll(seed('003'), [
    ['Richemont.Booster2.PublicApi\n', `${LONG}\n`],
    [
      'downloadRequestIdbodystringYesExport Request ID of the API Consumers',
      `downloadRequestIdbodystringYes${LONG}\n${'formNo'.repeat(16_000)}\n${'aformList<'.repeat(10_000)}\n${'b'.repeat(100_000)}formstringNo`,
    ],
    ['POST/customer/{brand}/exportExport Customer Data', `POST/customer/{brand}/exportExport ${LONG}\nPOST/${'Ab'.repeat(50_000)}`],
    ['<brand>String</brand>', `<brand>${LONG}</brand><${'x'.repeat(100_000)} a="${'<'.repeat(50_000)}`],
  ]);
  const pipe = replaceAll(seed('000'), [
    ['| firstName | form | string | No | First Name |', `| firstName | form | string | No | ${LONG} |\n| ${'| '.repeat(50_000)}\n${'|'.repeat(100_000)}`],
  ]);
  const python = replaceAll(seed('001'), [
    [
      '    # @ApiMember(Description="First Name")',
      `    # @ApiMember(Description="${LONG}")\n    # @ApiMember(${'A="x", '.repeat(14_000)})\n    long_field: ${'List['.repeat(20_000)}str${']'.repeat(20_000)} = None\n    """${LONG}"""`,
    ],
  ]);
  return {
    name: 'lines of 100,000 characters',
    files: [
      { file: '003_long.txt', text: squashed },
      { file: '000_long.txt', text: pipe },
      { file: '001_long.txt', text: python },
    ],
  };
}

/** Deeply nested generics, samples and a long chain of types referencing each other. */
function deepNesting(): HostileCase {
  const depth = 3000;
  const chain = Array.from({ length: 200 }, (_, i) => `Link${i} Parameters:\nNameParameterData TypeRequiredDescription\nnext${i}formLink${i + 1}NoNext\n`).join(
    '',
  );
  const text = replaceAll(seed('003'), [
    [
      'clientSpendingFromformdouble?No',
      `deepformList<${'List<'.repeat(depth)}int${'>'.repeat(depth)}>NoDeep\nchainformLink0NoChain\nclientSpendingFromformdouble?No`,
    ],
    ['\nTo override the Content-type', `\n${chain}\nTo override the Content-type`],
    ['<brand>String</brand>', `<brand>${'<a>'.repeat(depth * 5)}${'</a>'.repeat(depth * 5)}</brand>`],
  ]);
  const jsonDeep = replaceAll(seed('002'), [
    ['{"boosterCustomerId":0}', `{"boosterCustomerId":0,"deep":${'['.repeat(depth * 5)}${']'.repeat(depth * 5)},"open":${'{"a":'.repeat(depth)}`],
  ]);
  return {
    name: 'deep nesting: generics, XML, JSON, a chain of 200 types',
    files: [
      { file: '003_deep.txt', text },
      { file: '002_deep.txt', text: jsonDeep },
    ],
  };
}

/** Config that closes hostile example sets (union types of hostile literals) and adds a hostile rule. */
function closedExamples(): HostileCase {
  // Seed 001's Python DTOs name the base `Customer`, which the settings address.
  const c = pipeDescriptions();
  return {
    name: 'config: hostile examples closed into literal unions, a hostile rule value',
    files: [...c.files, { file: '001.txt', text: seed('001') }],
    config: {
      fields: { 'Customer.title': { closed: true }, 'Customer.firstName': { closed: true, examples: [...PAYLOADS] } },
      rules: { add: [{ type: 'Customer', field: 'lastName', requiredWhen: { field: 'clientType', equals: payload(3) } }] },
    },
  };
}

/** Control characters, NUL and odd line ends everywhere. */
function controlCharacters(): HostileCase {
  const text = seed('003')
    .replace(/Customer/g, 'Cus\u0000tomer')
    .replace(/\n/g, (_, offset: number) => (offset % 7 === 0 ? '\r' : offset % 5 === 0 ? '\r\n' : '\n'))
    .replace(/Yes/g, 'Yes\u2028');
  return { name: 'NUL in names, U+2028 in rows, mixed CR/CRLF/LF', files: [{ file: '003_control.txt', text }], mayRefuse: true };
}

export function hostileCases(): HostileCase[] {
  return [
    pipeDescriptions(),
    squashedPython(),
    memberNames(),
    typeNames(),
    oddNames(),
    htmlPage(),
    languageTabs(),
    longLines(),
    deepNesting(),
    closedExamples(),
    controlCharacters(),
  ];
}
