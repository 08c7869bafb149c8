/**
 * The column grammar shared by every form of a parameter table:
 * Name | Parameter | Data Type | Required | Description.
 */
import { BUILTIN_TYPE_NAMES, parseDotNetType, typeNamesIn, type DotNetType } from './dotnet-type.js';
import { maxOf } from '../arrays.js';

/** Values ServiceStack prints in the Parameter column. */
export const PARAMETER_KINDS: readonly string[] = ['path', 'query', 'body', 'form', 'header'];

export const PARAM_TABLE_HEADER: readonly string[] = ['Name', 'Parameter', 'Data Type', 'Required', 'Description'];

export function isParameterKind(text: string): boolean {
  return PARAMETER_KINDS.includes(text);
}

export function parseRequired(text: string): boolean | undefined {
  return text === 'Yes' ? true : text === 'No' ? false : undefined;
}

export interface RowColumns {
  name?: string;
  parameter: string;
  dataType: string;
  /** The Data Type parsed, once, here; undefined when it is no .NET type. */
  type: DotNetType | undefined;
  required: boolean;
  description: string;
}

/** A row's columns, its name only when it has one (built whole: the rows of every table pass through here). */
function rowColumns(name: string | undefined, parameter: string, dataType: string, required: boolean, description: string): RowColumns {
  const type = parseDotNetType(dataType);
  return name ? { name, parameter, dataType, type, required, description } : { parameter, dataType, type, required, description };
}

/**
 * Lines the cells of a pipe row up with the columns. The Name cell may be missing
 * altogether (seed 000: `| form | string | Yes | ||`), so the row is anchored on the
 * Parameter/Data Type/Required triple rather than on cell positions.
 */
export function alignCells(cells: readonly string[]): RowColumns | undefined {
  for (const at of [1, 0]) {
    const [parameter, dataType, required] = [cells[at], cells[at + 1], cells[at + 2]];
    if (parameter === undefined || dataType === undefined || required === undefined) continue;
    const isRequired = parseRequired(required);
    if (!isParameterKind(parameter) || isRequired === undefined || !parseDotNetType(dataType)) continue;
    const name = at === 1 ? cells[0] : undefined;
    // An empty Name cell is a missing name, like a missing cell.
    if (name && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    // A `|` inside a description splits it into extra cells: join them back.
    const rest = cells.slice(at + 3).join(' | ');
    // (Only a text holding a `|` can end in empty cells; the pattern costs a scan per position.)
    const description = (rest.includes('|') ? rest.replace(/(\s*\|\s*)+$/, '') : rest).trim();
    return rowColumns(name, parameter, dataType, isRequired, description);
  }
  return undefined;
}

/** The parameter kinds by their first character: most positions of a row start none, and are passed over at one lookup. */
const KINDS_BY_FIRST_CHAR = new Map<string, string[]>();
for (const kind of PARAMETER_KINDS) KINDS_BY_FIRST_CHAR.set(kind[0]!, [...(KINDS_BY_FIRST_CHAR.get(kind[0]!) ?? []), kind]);

/** The longest Data Type a squashed row is split with (ServiceStack's are far shorter): bounds the work on a garbage line. */
const MAX_SQUASHED_TYPE = 256;
/** Only a garbage line splits more ways than this; the splits found so far are returned (and reported as ambiguous). */
const MAX_SPLITS = 64;

/**
 * Every split of a squashed row (`clientSpendingFromformdouble?NoClient Spending From e.g. '100'`)
 * that fits the grammar: identifier, parameter kind, .NET type, Yes|No, free text.
 */
export function squashedRowSplits(text: string): RowColumns[] {
  const splits: RowColumns[] = [];
  const nameMatch = /^(?:[A-Za-z_][A-Za-z0-9_]*)?/.exec(text);
  const maxNameEnd = nameMatch ? nameMatch[0].length : 0;
  // Where the Required column could start, in order: every `Yes` and `No` of the row.
  const flags: number[] = [];
  for (const flag of ['Yes', 'No']) for (let i = text.indexOf(flag); i >= 0; i = text.indexOf(flag, i + 1)) flags.push(i);
  flags.sort((a, b) => a - b);
  for (let nameEnd = 0; nameEnd <= maxNameEnd; nameEnd++) {
    const kind = KINDS_BY_FIRST_CHAR.get(text[nameEnd]!)?.find((k) => text.startsWith(k, nameEnd));
    if (!kind) continue;
    const typeStart = nameEnd + kind.length;
    for (const typeEnd of flags) {
      if (typeEnd <= typeStart) continue;
      if (typeEnd - typeStart > MAX_SQUASHED_TYPE) break;
      const flag = text[typeEnd] === 'Y' ? 'Yes' : 'No';
      if (!parseDotNetType(text.slice(typeStart, typeEnd))) continue;
      splits.push(rowColumns(text.slice(0, nameEnd), kind, text.slice(typeStart, typeEnd), flag === 'Yes', text.slice(typeEnd + flag.length).trim()));
      if (splits.length >= MAX_SPLITS) return splits;
    }
  }
  return splits;
}

/** Names found elsewhere on the page (samples, Python DTOs, captions) that settle a squashed split. */
export interface KnownNames {
  typeNames: ReadonlySet<string>;
  fieldNames: ReadonlySet<string>;
}

function splitScore(split: RowColumns, known: KnownNames): number {
  const names = split.type ? typeNamesIn(split.type) : [];
  const typeKnown = names.every((n) => BUILTIN_TYPE_NAMES.has(n) || known.typeNames.has(n));
  const nameKnown = split.name !== undefined && known.fieldNames.has(split.name.toLowerCase());
  return (typeKnown ? 2 : 0) + (nameKnown ? 1 : 0) + (split.name ? 0.5 : 0);
}

/**
 * Picks the split the page's other facts support. `ambiguous` lists the splits that
 * scored as well as the chosen one, so the caller can report them.
 */
export function chooseSplit(splits: readonly RowColumns[], known: KnownNames): { chosen?: RowColumns; ambiguous: RowColumns[] } {
  if (splits.length === 0) return { ambiguous: [] };
  const scored = splits.map((split) => ({ split, score: splitScore(split, known) }));
  const best = maxOf(scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.split);
  // Among equals, the longest name keeps the most text out of the type column.
  top.sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0));
  return { chosen: top[0], ambiguous: top.length > 1 ? top : [] };
}
