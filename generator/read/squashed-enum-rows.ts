/**
 * The rows of a valued enum table (`NameValue` header) in a squashed dump, where each row's cells
 * ran together: `Value10` (Value1, 0), `Value1237` (Value123, 7), `Value11000` (Value1, 1000),
 * `Lowerlower` (Lower, lower), `Value2Value2Member 2` (Value2, Value2, "Member 2"). A row alone
 * splits many ways; the table decides. What ServiceStack prints fixes it:
 *
 * - a name is an identifier, and no two members share one;
 * - integer values come in ascending order (`Enum.GetNames` sorts by value; aliases of one value
 *   are rare enough to be left out), written without
 *   leading zeros;
 * - a value that is not a number is an `[EnumMember]` value, most often the name in other casing.
 *
 * Among the splits that keep to these, the table takes the one whose names keep one length
 * (`Value1`…`Value3`) and whose values are shortest; a name that changes length costs more than a
 * value's digits, so `Value123` (7) beats `Value1` (237) only where `Value1` is taken.
 */
import type { EnumRow } from './enum-rows.js';

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const MAX_ROW_LENGTH = 1000;
/** The longest table whose split is searched as a whole (the search takes time of the square of the rows). */
const MAX_SEARCHED_ROWS = 512;
/** A name that changes length against the row above costs as much as this many digits. */
const LENGTH_CHANGE = 5;

interface NumericSplit {
  name: string;
  value: number;
  written: string;
  description: string;
}

/** Splits the rows of one table, or undefined when no split keeps to ServiceStack's order. */
export function splitSquashedEnumRows(texts: readonly string[]): EnumRow[] | undefined {
  // A row is split by trying each place in it: a longer line is text, not a member.
  if (texts.some((t) => t.length > MAX_ROW_LENGTH)) return undefined;
  // Every value the name again (`Value1Value1`): no digits read as a value.
  const repeated = texts.map(repeatSplit);
  if (repeated.every((r): r is EnumRow => r !== undefined)) return repeated;
  const numeric = texts.map(numericSplits);
  if (texts.length && numeric.every((c) => c.length)) {
    // Past a few hundred rows (no enum has them; a hostile page may) each row keeps its shortest value.
    const chosen = texts.length > MAX_SEARCHED_ROWS ? numeric.map((c) => c.at(-1)!) : cheapestAscending(numeric);
    if (chosen) return chosen.map((s) => row(s.name, s.written, s.description));
  }
  const rows = texts.map((t, i) => repeated[i] ?? wordSplit(t));
  return rows.every((r): r is EnumRow => r !== undefined) ? rows : undefined;
}

function row(name: string, value: string, description: string): EnumRow {
  return { name, ...(value !== name ? { value } : {}), ...(description ? { description } : {}) };
}

/** Every way the row is an identifier, then an integer (the whole digit run), then a description. */
function numericSplits(text: string): NumericSplit[] {
  const splits: NumericSplit[] = [];
  if (!IDENTIFIER_START.test(text[0] ?? '')) return splits;
  for (let k = 1; k < text.length && IDENTIFIER_PART.test(text[k - 1]!); k++) {
    const m = /^(0|-?[1-9]\d*)(?!\d)(.*)$/.exec(text.slice(k));
    if (m) splits.push({ name: text.slice(0, k), value: Number(m[1]), written: m[1]!, description: m[2]!.trim() });
  }
  return splits;
}

/** The cheapest choice of one split per row with values ascending and names distinct (dynamic programming over rows). */
function cheapestAscending(rows: readonly NumericSplit[][]): NumericSplit[] | undefined {
  type Path = { cost: number; splits: NumericSplit[] };
  let paths: (Path | undefined)[] = rows[0]!.map((s) => ({ cost: s.written.length, splits: [s] }));
  for (const candidates of rows.slice(1)) {
    paths = candidates.map((s) => {
      let best: Path | undefined;
      for (const p of paths) {
        const last = p?.splits.at(-1);
        if (!p || !last || last.value >= s.value || p.splits.some((x) => x.name === s.name)) continue;
        const cost = p.cost + s.written.length + (last.name.length !== s.name.length ? LENGTH_CHANGE : 0);
        if (!best || cost < best.cost) best = { cost, splits: [...p.splits, s] };
      }
      return best;
    });
  }
  return paths.reduce<Path | undefined>((best, p) => (p && (!best || p.cost < best.cost) ? p : best), undefined)?.splits;
}

/** The name written again in any casing, then the description: `Lowerlower`, `NoneNone`, `Value2Value2Member 2`. */
function repeatSplit(text: string): EnumRow | undefined {
  for (let k = Math.floor(text.length / 2); k >= 1; k--) {
    const name = text.slice(0, k);
    if (isIdentifier(name) && text.slice(k, 2 * k).toLowerCase() === name.toLowerCase()) return row(name, text.slice(k, 2 * k), text.slice(2 * k).trim());
  }
  return undefined;
}

/** The name up to where a new word starts: `Value1Member 1` (an `[EnumMember]` value that is no casing of the name). */
function wordSplit(text: string): EnumRow | undefined {
  if (!IDENTIFIER_START.test(text[0] ?? '')) return undefined;
  for (let k = 1; k < text.length; k++) {
    if (!IDENTIFIER_PART.test(text[k - 1]!)) return undefined;
    if (/[A-Z]/.test(text[k]!) && /[a-z0-9]/.test(text[k - 1]!)) return row(text.slice(0, k), text.slice(k), '');
  }
  return undefined;
}

function isIdentifier(text: string): boolean {
  return IDENTIFIER_START.test(text[0] ?? '') && [...text].every((c) => IDENTIFIER_PART.test(c));
}
