/**
 * Mutations of real pages, as fast-check arbitraries: the damage a saved or copied page suffers
 * (lines dropped, duplicated, truncated, swapped, joined and split; cells swapped; bytes flipped;
 * CRLF line ends; text and random Unicode inserted). A mutation holds raw numbers that are taken
 * modulo the text it is applied to, so that any sequence applies to any page and shrinks well.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'dropLine' | 'duplicateLine' | 'joinLine'; at: number }
  | { kind: 'truncateLine' | 'splitLine'; at: number; offset: number }
  | { kind: 'swapLines'; at: number; with: number }
  | { kind: 'swapCells'; at: number; a: number; b: number }
  | { kind: 'truncateFile'; offset: number }
  | { kind: 'flipBit'; offset: number; bit: number }
  | { kind: 'replaceChar' | 'insertText'; offset: number; text: string }
  | { kind: 'deleteRange'; offset: number; length: number }
  | { kind: 'repeatLine'; at: number; times: number }
  | { kind: 'crlf' | 'cr' };

/** Text that makes readers work: grammar tokens, markup, separators, control and odd Unicode. */
const TOKENS = [
  '|',
  ' | ',
  '||',
  '---|',
  'form',
  'body',
  'path',
  'query',
  'Yes',
  'No',
  'string',
  'int?',
  'List<',
  'Dictionary<string,',
  '>',
  '[]',
  '?',
  '{',
  '}',
  '{id}',
  '/',
  'GET',
  'POST',
  'All Verbs',
  '<',
  '>',
  '</',
  '/>',
  '<a>',
  '</a>',
  '&amp;',
  '&#x0;',
  '&bogus;',
  '"',
  "'",
  '"""',
  '\\',
  '`',
  '${',
  '*/',
  '/*',
  '{{',
  '}}',
  '[',
  ']',
  ':',
  '=',
  '#',
  '@',
  'class X(Y):',
  '    x: Optional[str] = None',
  '# @ApiMember(',
  'HTTP/1.1 200 OK',
  'PUT /x HTTP/1.1',
  'Content-Type: application/json',
  'Content-Type: application/xml',
  ' Parameters:',
  ' Enum:',
  'Name | Parameter | Data Type | Required | Description |',
  'NameParameterData TypeRequiredDescription',
  '<back to all web services',
  'Requires Authentication',
  'The following routes are available for this service:',
  '\u0000',
  '\t',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\uFEFF',
  '\u200B',
  '\u202E',
  '\uD800',
  '\uDFFF',
  '\uFFFD',
  'é',
  '日本',
  '🙂',
  'constructor',
  '__proto__',
  'toString',
  // TypeScript and C# DTO source.
  'export class X extends Y implements IReturn<Z>',
  'export enum E {',
  'public x?: number;',
  ': { [index:string]: string; }',
  '// @Route("/x/{Id}", "GET")',
  '// @ApiMember(Description="',
  '/** @description ',
  '*/',
  'namespace N.M',
  'public partial class X',
  '    : Y, IReturn<Z>',
  '{ get; set; }',
  '= [];',
  '[ApiMember(IsRequired=true)]',
  '[DataMember(Name="',
  '///<summary>',
  'Nullable<',
  '@"',
  '\\"',
  ';',
];

const text = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }).map((t) => t.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 20 }),
);

const nat = fc.nat({ max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('dropLine', 'duplicateLine', 'joinLine'), at: nat }),
  fc.record({ kind: fc.constantFrom('truncateLine', 'splitLine'), at: nat, offset: nat }),
  fc.record({ kind: fc.constant('swapLines'), at: nat, with: nat }),
  fc.record({ kind: fc.constant('swapCells'), at: nat, a: nat, b: nat }),
  fc.record({ kind: fc.constant('truncateFile'), offset: nat }),
  fc.record({ kind: fc.constant('flipBit'), offset: nat, bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constantFrom('replaceChar', 'insertText'), offset: nat, text }),
  fc.record({ kind: fc.constant('deleteRange'), offset: nat, length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('repeatLine'), at: nat, times: fc.integer({ min: 2, max: 60 }) }),
  fc.record({ kind: fc.constantFrom('crlf', 'cr') }),
) as fc.Arbitrary<Mutation>;

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 8 });

/** Cells of a table row as written: pipe cells, or the cells of an HTML row. */
function cellSeparator(line: string): string | undefined {
  if (line.includes('</td><td>')) return '</td><td>';
  if (line.includes('|')) return '|';
  return undefined;
}

export function applyMutation(source: string, m: Mutation): string {
  const lines = source.split('\n');
  const line = (at: number) => at % lines.length;
  switch (m.kind) {
    case 'dropLine':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = line(m.at);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'repeatLine': {
      const i = line(m.at);
      lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]!));
      return lines.join('\n');
    }
    case 'joinLine': {
      const i = line(m.at);
      if (i + 1 < lines.length) lines.splice(i, 2, `${lines[i]}${lines[i + 1]}`);
      return lines.join('\n');
    }
    case 'truncateLine': {
      const i = line(m.at);
      lines[i] = lines[i]!.slice(0, m.offset % (lines[i]!.length + 1));
      return lines.join('\n');
    }
    case 'splitLine': {
      const i = line(m.at);
      const at = m.offset % (lines[i]!.length + 1);
      lines.splice(i, 1, lines[i]!.slice(0, at), lines[i]!.slice(at));
      return lines.join('\n');
    }
    case 'swapLines': {
      const [i, j] = [line(m.at), line(m.with)];
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'swapCells': {
      // The first row from `at` on that has cells.
      for (let k = 0; k < lines.length; k++) {
        const i = line(m.at + k);
        const sep = cellSeparator(lines[i]!);
        if (!sep) continue;
        const cells = lines[i]!.split(sep);
        const [a, b] = [m.a % cells.length, m.b % cells.length];
        [cells[a], cells[b]] = [cells[b]!, cells[a]!];
        lines[i] = cells.join(sep);
        break;
      }
      return lines.join('\n');
    }
    case 'truncateFile':
      return source.slice(0, m.offset % (source.length + 1));
    case 'flipBit': {
      // On the UTF-8 bytes, as a disk or a transfer would; decoded leniently (U+FFFD for broken sequences).
      const bytes = Buffer.from(source, 'utf8');
      if (!bytes.length) return source;
      bytes[m.offset % bytes.length]! ^= 1 << m.bit;
      return new TextDecoder('utf-8').decode(bytes);
    }
    case 'replaceChar': {
      if (!source.length) return m.text;
      const at = m.offset % source.length;
      return source.slice(0, at) + m.text + source.slice(at + 1);
    }
    case 'insertText': {
      const at = m.offset % (source.length + 1);
      return source.slice(0, at) + m.text + source.slice(at);
    }
    case 'deleteRange': {
      const at = m.offset % (source.length + 1);
      return source.slice(0, at) + source.slice(at + m.length);
    }
    case 'crlf':
      return source.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return source.replace(/\r?\n/g, '\r');
  }
}

export function mutate(source: string, list: readonly Mutation[]): string {
  return list.reduce(applyMutation, source);
}
