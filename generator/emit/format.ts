/**
 * Formatting of the generated files. The output is prettier's (tests check every file against
 * prettier on the seeds, synthetic docs at several sizes and the hostile corpus), but running
 * prettier over megabytes of generated code was most of a large run's time and memory. So the
 * templates write prettier's layout themselves (its rules: layout.ts) wherever a line fits, and only the top-level
 * statements (or class members) holding something prettier could still change (a line too long,
 * an odd blank line) go through prettier, in one call per file.
 */
import { createRequire } from 'node:module';
import type { Options } from 'prettier';
import { PRINT_WIDTH } from './layout.js';

/** Prettier's options for the generated TypeScript, whose rules layout.ts writes where lines fit. */
export const TS_OPTIONS: Options = { parser: 'babel-ts', singleQuote: true, printWidth: PRINT_WIDTH, trailingComma: 'all' };

/** Top-level statements: the templates separate them by a blank line and start them in column 0. */
const STATEMENT_BREAK = /\n{2,}(?=\S)/;
/** Marks where one statement handed to prettier ends, so that its answer can be cut up again. */
const MARKER = '// @booster-codegen-statement';
const MARKER_BREAK = `\n\n${MARKER}\n\n`;

let prettierModule: typeof import('prettier') | undefined;
/**
 * Loaded on first need: a run whose every statement is settled never pays for it. Required, not
 * imported: the CLI bundle runs as a script (bin/booster-codegen.js), where `import()` is unavailable.
 */
const prettier = () => (prettierModule ??= createRequire(import.meta.url)('prettier') as typeof import('prettier'));

const NON_ASCII = /[^\u0000-\u007e]/;

/**
 * Width as prettier could count it, or more: any non-ASCII character counts 2 (wide CJK does in
 * prettier; others count less), so that a statement near the limit is sent to prettier, never kept.
 */
function widthAtMost(line: string): number {
  let width = line.length;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) > 0x7e) width++;
  return width;
}

/**
 * A line prettier cannot change however long: a comment (never rewrapped), or a regular
 * expression or string literal alone on its line (no break inside one; alone, it is already
 * moved down: a statement's value, an argument or element of a list laid out one a line).
 */
function isUnbreakable(trimmed: string): boolean {
  return (
    trimmed.startsWith('//') ||
    trimmed.startsWith('/*') ||
    trimmed.startsWith('*') ||
    /^\/(?:[^/\\\n]|\\.)+\/[a-z]*;$/.test(trimmed) ||
    /^(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"),?$/.test(trimmed)
  );
}

/**
 * True when prettier would leave this statement as it is, given that the templates write its
 * layout: every code line fits, no trailing blanks or tabs, no blank line prettier would drop.
 */
export function isSettled(statement: string): boolean {
  // (An empty statement is a blank line at its own ends.)
  return statement !== '' && !statement.startsWith('\n') && !statement.endsWith('\n') && settled(statement, false);
}

/**
 * The scan behind `isSettled`, and with `statements` the same for a whole (trimmed) file, where a
 * blank line before a line in column 0 parts two statements: one pass, no line split.
 */
function settled(text: string, statements: boolean): boolean {
  if (text.includes('\t') || text.includes('\r') || text.includes('\n\n\n')) return false;
  // Width is length in ASCII text; elsewhere it is at most twice the length: most lines need no counting.
  const maxLength = NON_ASCII.test(text) ? PRINT_WIDTH / 2 : PRINT_WIDTH;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end === start) {
      // A blank line: prettier keeps it between statements or members, not at a block's ends.
      const next = text.slice(end + 1, text.indexOf('\n', end + 1) >>> 0);
      const atBoundary = statements && /^\S/.test(next);
      if (!atBoundary && (/[{([]$/.test(text.slice(Math.max(0, start - 2), start - 1)) || /^\s*[})\]]/.test(next))) return false;
    } else {
      const last = text.charCodeAt(end - 1);
      if (last === 0x20 || (last >= 0x09 && last <= 0x0d) || (last > 0x7e && /\s/.test(text[end - 1]!))) return false;
      if (end - start > maxLength) {
        const line = text.slice(start, end);
        if (widthAtMost(line) > PRINT_WIDTH && !isUnbreakable(line.trimStart())) return false;
      }
    }
    start = end + 1;
  }
  return true;
}

/** A class's members: the templates separate them by a blank line and indent them by 2. */
const MEMBER_BREAK = /\n{2,}(?=  \S)/;
const CLASS_HEAD = /^(?:export )?(?:abstract )?class [^\n]*\{$/m;
/** Prettier sees a member alone in this class (derived, for `super()`), then the wrapper is cut off again. */
const WRAPPER_HEAD = 'class __ extends __ {';

/**
 * One unit of formatting: a top-level statement or, in a class, one member (a client class holds
 * a method per operation: one long signature must not send them all to prettier).
 */
interface Unit {
  text: string;
  member: boolean;
  settled: boolean;
}

/** A statement as units: itself, or, for a class prettier must see, its head, each member and its end. */
function units(statement: string): Unit[] {
  const whole = [{ text: statement, member: false, settled: isSettled(statement) }];
  if (whole[0]!.settled) return whole;
  const head = CLASS_HEAD.exec(statement);
  if (!head || !statement.endsWith('\n}')) return whole;
  const bodyStart = head.index + head[0].length + 1;
  // The head alone is no program prettier could parse.
  if (!isSettled(statement.slice(0, bodyStart - 1))) return whole;
  const members = statement.slice(bodyStart, -2).split(MEMBER_BREAK);
  return [
    { text: statement.slice(0, bodyStart - 1), member: false, settled: true },
    ...members.map((text) => ({ text, member: true, settled: isSettled(text) })),
    { text: '}', member: false, settled: true },
  ];
}

/** Prettier's layout of the unsettled units, in one call; undefined if its answer cannot be cut up again. */
async function formatUnits(todo: Unit[]): Promise<string[] | undefined> {
  const { format } = prettier();
  const program = todo.map((u) => (u.member ? `${WRAPPER_HEAD}\n${u.text}\n}` : u.text)).join(MARKER_BREAK);
  let formatted: string[];
  try {
    formatted = (await format(program, TS_OPTIONS)).trimEnd().split(MARKER_BREAK);
  } catch {
    return undefined; // a unit cut where it should not have been: the whole file will tell
  }
  if (formatted.length !== todo.length) return undefined;
  const out: string[] = [];
  for (const [i, u] of todo.entries()) {
    const text = formatted[i]!;
    if (!u.member) out.push(text);
    else if (text.startsWith(`${WRAPPER_HEAD}\n`) && text.endsWith('\n}')) out.push(text.slice(WRAPPER_HEAD.length + 1, -2));
    else return undefined;
  }
  return out;
}

/** Generated TypeScript in prettier's layout. */
export async function formatTypeScript(source: string): Promise<string> {
  const trimmed = source.trim();
  // Most files are settled as a whole: every statement, one blank line apart.
  if (settled(trimmed, true)) return `${trimmed}\n`;
  const statements = trimmed.split(STATEMENT_BREAK).map(units);
  const todo = statements.flat().filter((u) => !u.settled);
  if (todo.length) {
    const formatted = await formatUnits(todo);
    // Prettier moving a marker (it never has) would misplace code: format the whole file instead.
    if (!formatted) return prettier().format(source, TS_OPTIONS);
    todo.forEach((u, i) => (u.text = formatted[i]!));
  }
  return `${statements.map((s) => (s.length === 1 ? s[0]!.text : joinClass(s))).join('\n\n')}\n`;
}

/** A class again: its head, its members one blank line apart, its closing brace. */
function joinClass(parts: Unit[]): string {
  return `${parts[0]!.text}\n${parts
    .slice(1, -1)
    .map((u) => u.text)
    .join('\n\n')}\n}`;
}

/** JSON artifacts: `JSON.stringify`'s layout (prettier's `json-stringify`, as npm writes package.json). */
export function formatJson(source: string): string {
  return `${JSON.stringify(JSON.parse(source), null, 2)}\n`;
}
