/**
 * Every diagnostic code the generator reports, with what it means: the one list that
 * `DiagnosticBag` takes codes from (a misspelt code does not compile) and that README.md's
 * Diagnostics table is rendered from (`npm run docs:diagnostics`; test/diagnostic-codes.test.ts
 * checks both). It imports nothing, so that scripts/diagnostics-table.js can load it on its own.
 */
export const DIAGNOSTIC_CODES = {
  SS001: { meaning: 'a file cannot be read (not UTF-8, permissions)' },
  SS002: { meaning: 'no operation found' },
  SS003: { meaning: 'a file that is not a ServiceStack page (skipped)' },
  SS004: { meaning: 'internal error while reading a page' },
  SS011: { meaning: 'a squashed row splits more than one way and nothing on the page decides' },
  SS012: { meaning: 'a table row fits no column split (skipped)' },
  SS013: { meaning: 'a row broken across lines, or a line read as the rest of the row above (joined)' },
  SS014: { meaning: 'a route line cannot be read (skipped)' },
  SS015: { meaning: 'a squashed route line split by guess (no sample on the page shows the path)' },
  SS016: { meaning: 'an enum member line cannot be read (skipped)' },
  SS017: { meaning: 'a caption (`X Parameters:`) without a table under it' },
  SS019: { meaning: 'a line not understood (note)' },
  SS020: { meaning: 'content-type line without `?format=`' },
  SS030: { meaning: 'Python DTO: a line, field or `# @Route` comment not readable, or an unterminated docstring' },
  SS031: { meaning: 'Python DTO: a field type not readable' },
  SS032: {
    meaning:
      'DTO source (C#, TypeScript, JavaScript, Kotlin, Java, Swift, Dart, VB.NET, F#): a declaration, member or attribute not understood (skipped, one per line), ' +
      'an unterminated string or comment, or DTO source in a language not recognised (skipped)',
  },
  SS033: { meaning: 'DTO source (C#, TypeScript, JavaScript, Kotlin, Java, Swift, Dart, VB.NET, F#): a member type not readable (member kept, type unknown)' },
  SS040: { meaning: 'sample section: no HTTP message found, or text before the first message' },
  SS041: { meaning: 'XML sample: empty, without an element, or malformed' },
  SS042: { meaning: 'JSON sample: empty, nested too deep (not read), or malformed' },
  SS043: { meaning: 'JSV sample: empty, nested too deep or malformed (one per sample; not read)' },
  SS050: {
    meaning:
      "operation name inferred (the page does not name it): from the XML response sample's root by the `{Op}Response` convention, " +
      'the route summary or path, else the file name',
  },
  SS051: { meaning: "a page's sources disagree about the operation name (the first is used)" },
  SS052: { meaning: 'no page says whether an operation requires authentication' },
  SS053: { meaning: 'route summary/notes differ between pages (note)' },
  SS054: { meaning: 'route with unbalanced braces (skipped)' },
  SS055: { meaning: 'route variable matching no member of the request type' },
  SS056: { meaning: 'a route variable in every route of its operation: made required although the docs mark it optional (note)' },
  SS057: {
    meaning: 'response type named by convention (note), or a response sample neither object nor XML element (untyped)',
  },
  SS058: { meaning: 'response shapes disagree between pages, or no page shows a sample response (untyped)' },
  SS059: { meaning: 'sample hosts disagree' },
  SS060: { meaning: 'an untitled table holding members a type inherits: a base class named by fallback' },
  SS061: { meaning: 'an untitled table not placeable: named `{Operation}Table{N}`' },
  SS062: { meaning: 'an untitled enum table (pipe dump) that no enum the page uses comes to: not read' },
  SS063: { meaning: 'a row without a name: recovered from other sources, or skipped' },
  SS064: {
    meaning: "a type whose TypeScript name would meet another type's or a generated export (`ApiError`, `XSchema`…): " + 'renamed with a suffix',
  },
  SS065: {
    meaning:
      'a DTO whose generic base is written with a number of type arguments its definition does not have ' +
      '(`QueryDb<A, B, C>`): the base is kept, its arguments dropped',
  },
  SS066: {
    meaning: 'an enum source (table, C#, Python or TypeScript DTO) lacks members another lists: the enum has them all',
  },
  SS067: {
    meaning: 'a table taken for a type by most of its members, though it lists members no other source gives it (note)',
  },
  SS068: { meaning: 'a ServiceStack type (ResponseStatus, QueryBase…) no page describes: defined as ServiceStack declares it (note)' },
  SS069: { meaning: 'a route variable in only some routes of its operation: it stays optional (note)' },
  SS070: { meaning: 'a type used but never described (emitted as an open object)' },
  SS071: { meaning: 'a type known only from samples (member types guessed from placeholder values)' },
  SS072: { meaning: 'member type conflict between sources (tables, C#, Python, TypeScript DTOs)' },
  SS073: { meaning: 'member required-ness conflict (taken as required)' },
  SS074: { meaning: 'member description conflict (note; the first is used)' },
  SS075: { meaning: "member wire name conflict between JSON samples, or a DTO's vs the sample's or another DTO's" },
  SS076: { meaning: 'member in a C#, Python or TypeScript DTO but in no table of its type' },
  SS077: { meaning: 'member nullability conflict between the stated type and a C# or Python DTO' },
  SS078: { meaning: 'base classes disagree' },
  SS079: {
    meaning: ".NET namespaces disagree (C# `namespace` vs another C# page or the XML sample's namespace; C# wins)",
  },
  SS080: { meaning: "a rule's subject matches no member" },
  SS081: { meaning: 'a config setting matches nothing' },
  SS083: {
    meaning:
      "a member redeclared by a subtype with a type or optionality its base's member does not admit: " +
      "the generated interface leaves the base's member out (`extends Omit<Base, 'id'>`)",
  },
  SS084: {
    meaning:
      'a generic type no source declares, read from a table captioned as one of its uses ' +
      "(`Paged<PostComment>`): the arguments' places in its members taken as its parameters (note)",
  },
  SS085: { meaning: "a route known only from the sample request line (the page lists none): its verb is the sample's (note)" },
  SS086: { meaning: 'a sample host that is no public address (localhost, a private, loopback or link-local IP): not the base URL; set `baseUrl`' },
  SS090: {
    meaning:
      'a member type known only from the TypeScript DTOs, whose `number` cannot tell an integer from a fraction: ' +
      'taken as a double (the C#, Python or metadata page would tell)',
  },
  SS092: { meaning: "an enum states numbers but no source says it travels as them: typed by its names, ServiceStack's default (note)" },
  SS093: {
    meaning:
      "a request whose tables show AutoQuery's shape (QueryBase under it, QueryResponse<X> returned) and no source names its base: read as QueryDb<X> (note)",
  },
  SS094: {
    meaning:
      "a nested sample value's type that no table or DTO names, taken from the type whose members it shows or named after its member " +
      "by ServiceStack's conventions (`results: [{…}]` → `Result`) (note)",
  },
  SS095: { meaning: 'a member known only from samples whose value shows nothing to type (`[]`, `{}`, `null`): typed unknown' },
  SS097: {
    meaning:
      'a language tab ServiceStack offers that is not read (PHP, Go, Rust, Ruby, Zig): its DTO source skipped, the routes, auth and samples of its page read (note)',
  },
  SS100: { meaning: 'HTML page: no operation name (`h2`)' },
  SS101: { meaning: 'HTML page: a `table.routes` row not readable (skipped)' },
  SS102: { meaning: 'HTML page: a `table.params` row that does not fit the columns (skipped)' },
  SS103: { meaning: 'HTML page: a `table.params` or `table.enum` caption naming no type' },
  SS104: { meaning: 'HTML page: a `table.enum` row without a member name (skipped)' },
  SS105: { meaning: 'HTML page: DTO source in a language that is no ServiceStack tab (`<code class="language-…">`), not read (note)' },
  SS106: { meaning: 'HTML page: `div.call-info` without `?format=`' },
  SS108: { meaning: 'HTML page: an authentication row naming neither roles nor permissions (ignored)' },
  SS120: { meaning: 'index page: no operations' },
  SS121: { meaning: 'index page: a row without an operation name (skipped)' },
  SS122: { meaning: 'index page: an operation listed twice (the first row is kept)' },
  SS130: { meaning: '`/types/metadata` JSON: malformed or nested too deep' },
  SS131: { meaning: '`/types/metadata` JSON: not ServiceStack metadata, no `operations` (note; skipped)' },
  SS132: { meaning: '`/types/metadata` JSON: an operation without a request type name (skipped)' },
  SS133: { meaning: '`/types/metadata` JSON: a property without a name or a readable type (skipped)' },
  SS140: { meaning: 'an operation listed in the index that no page describes (not generated)' },
  SS141: { meaning: 'index and page disagree about authentication (taken as required)' },
} as const satisfies Record<`SS${number}`, { meaning: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** README.md's Diagnostics table: one row per code, in code order. */
export function renderDiagnosticsTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.entries(DIAGNOSTIC_CODES).map(([code, { meaning }]) => `| ${code} | ${cell(meaning)} |`);
  return ['| code | meaning |', '| --- | --- |', ...rows].join('\n') + '\n';
}

/** README.md around its Diagnostics table: the table runs from the section's intro paragraph to the next heading. */
export function splitAtDiagnosticsTable(readme: string): { before: string; table: string; after: string } | undefined {
  const intro = /^## Diagnostics\n\n(?:.+\n)+\n/m.exec(readme);
  if (!intro) return undefined;
  const start = intro.index + intro[0].length;
  const next = readme.indexOf('\n## ', start);
  const end = next < 0 ? readme.length : next;
  return { before: readme.slice(0, start), table: readme.slice(start, end), after: readme.slice(end) };
}
