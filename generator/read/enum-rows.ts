/**
 * The rows of an enum table as a pipe dump keeps them. ServiceStack's metadata page prints an
 * enum as `table.enum`: without values (names in their declared order, the default 0, 1, 2…) it
 * has no header and two columns, Name and Description; with values (a [Flags] or numbered enum,
 * or EnumMember values that differ from the names) a `Name | Value |` header (its third cell
 * empty) over Name, Value (the EnumMember value, else the number) and Description. A dump may
 * drop a row's empty last cell (`| Value3 |`).
 */
import { isParameterKind } from './columns.js';
import { parseDotNetType } from './dotnet-type.js';

export interface EnumRow {
  name: string;
  /** Set when the row states a value other than the name. */
  value?: string;
  description?: string;
}

/** Header rows of an enum table, and whether they name a Value column. `Name` alone is no ServiceStack header, but dumps add it. */
const ENUM_HEADERS: readonly { cells: readonly string[]; valued: boolean }[] = [
  { cells: ['Name', 'Value', ''], valued: true },
  { cells: ['Name', 'Value'], valued: true },
  { cells: ['Name'], valued: false },
];

/** Whether the cells are an enum table's header: `{ valued }` when they are. */
export function enumHeader(cells: readonly string[]): { valued: boolean } | undefined {
  if (cells[0] !== 'Name') return undefined; // every row of a pipe dump is asked: most at once
  const header = ENUM_HEADERS.find((h) => h.cells.length === cells.length && h.cells.every((c, i) => c === cells[i]));
  return header && { valued: header.valued };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INTEGER = /^-?\d+$/;

/**
 * What marks a piece of a parameter row (a row with fewer cells, or broken across lines), which
 * no enum row has: a parameter kind after the first cell, or a kind followed by a .NET type.
 * Under a `Name | Value` header the columns are known, and a value may be any word.
 */
const PARAMETER_SIGNS: readonly ((cells: readonly string[]) => boolean)[] = [
  (cells) => cells.slice(1).some(isParameterKind),
  (cells) => isParameterKind(cells[0]!) && cells[1] !== undefined && parseDotNetType(cells[1]) !== undefined,
];

/**
 * Reads the cells of one row as an enum member; undefined when they are none. `valued`: the
 * table's header named a Value column. Without one, a third column or a number in the second
 * still is a value (a table that lost its header, a [Flags] enum); else the second is the description.
 */
export function enumRow(cells: readonly string[], valued: boolean): EnumRow | undefined {
  const [name = '', second = '', third = ''] = cells;
  if (withoutEmptyTail(cells) > 3 || !IDENTIFIER.test(name)) return undefined;
  if (!valued && PARAMETER_SIGNS.some((sign) => sign(cells))) return undefined;
  const hasValue = valued || cells.length >= 3 || INTEGER.test(second);
  const value = hasValue ? second : '';
  const description = hasValue ? third : second;
  return { name, ...(value && value !== name ? { value } : {}), ...(description ? { description } : {}) };
}

/** The number of cells once empty ones at the end are dropped. */
function withoutEmptyTail(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return n;
}
