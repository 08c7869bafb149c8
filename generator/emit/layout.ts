/**
 * Prettier's line-breaking rules, as the emitters need them, in one place: the templates write
 * prettier's layout themselves (format.ts says why), so every rule an emitter relies on lives
 * here, each with a table of given/want cases that prettier itself is checked against
 * (test/emit/layout.test.ts). Emitters build code from these and never measure a line themselves.
 */

export const PRINT_WIDTH = 120;

/**
 * Whether `line` must break, as prettier would break it: only pure-ASCII lines over the width.
 * Others are written flat, and format.ts leaves it to prettier when they may not fit.
 */
export function tooLong(line: string): boolean {
  return line.length > PRINT_WIDTH && /^[\x20-\x7e]*$/.test(line);
}

/**
 * `head`, the items, `tail`, as prettier lays out a list (arguments, parameters, array elements,
 * export names): on one line when it fits at `indent`, else one item per line with a trailing
 * comma. `pad` goes inside the brackets of the one-line form (`{ a, b }`).
 */
export function listLayout(head: string, items: readonly string[], tail: string, { pad = '', indent = '' } = {}): string {
  const flat = `${head}${pad}${items.join(', ')}${pad}${tail}`;
  if (!items.length || !tooLong(indent + flat)) return flat;
  return `${head}\n${items.map((item) => `${indent}  ${item},\n`).join('')}${indent}${tail}`;
}

/**
 * `head members;` of a union type (`export type X =`): on one line when it fits, else the union
 * on the next line, else (two members or more) one member a line after a leading `|`.
 */
export function unionLayout(head: string, members: readonly string[]): string {
  const union = `${members.join(' | ')};`;
  if (!tooLong(`${head} ${union}`)) return `${head} ${union}`;
  if (!tooLong(`  ${union}`) || members.length < 2) return `${head}\n  ${union}`;
  return `${head}\n${members.map((m) => `  | ${m}`).join('\n')};`;
}

/** `return a || b;` in a function body (indented by 2), the operands one a line in parentheses when too long. */
export function returnAnyOf(operands: readonly string[]): string {
  const flat = `  return ${operands.join(' || ')};`;
  return tooLong(flat) ? `  return (\n${operands.map((o) => `    ${o}`).join(' ||\n')}\n  );` : flat;
}

/**
 * A JSDoc comment of `lines` (escaped already) at `indent` spaces: one line when there is one, none
 * when there is nothing; continuation lines indented as prettier re-indents them, trailing blanks dropped.
 */
export function docComment(lines: readonly string[], indent: number): string {
  if (lines.length <= 1) return lines.length ? `/** ${lines[0]} */` : '';
  const pad = ' '.repeat(indent);
  let comment = '/**';
  for (const line of lines) comment += `\n${`${pad} * ${line}`.trimEnd()}`;
  return `${comment}\n${pad} */`;
}

// Statements of a function body are built as lines before their final indentation is known, so
// where a statement may break is marked, and `functionBody` breaks it once it is indented.

/** Lines of code: nested blocks are indented here, as prettier would lay them out. */
export type Lines = string[];

export const indent = (lines: Lines): Lines => lines.map((l) => `  ${l}`);

/** Between an `if (…)` and its statement: a space, or a line break when the line is too long. */
const SOFT = '\u0000';
/** Between the arguments of a call statement, which are put one a line when even its own line is too long. */
const ARG = '\u0001';

/** `head stmt`: an `if (…)` and its statement, which goes to the next line (indented once more) when too long. */
export const clause = (head: string, stmt: string): string => `${head}${SOFT}${stmt}`;

/** `callee(args);`, its arguments one a line when the statement alone is too long. */
export const callStatement = (callee: string, args: readonly string[]): string => `${callee}(${args.join(ARG)});`;

export const block = (head: string, body: Lines): Lines => [`${head} {`, ...indent(body), '}'];

/** `if …` then `else …`: prettier writes `} else` after a block, and `else` on its own line after a statement. */
export const ifElse = (ifLines: Lines, elseLines: Lines): Lines =>
  ifLines.at(-1) === '}' ? [...ifLines.slice(0, -1), `} ${elseLines[0]}`, ...elseLines.slice(1)] : [...ifLines, ...elseLines];

/**
 * A function body's statements, one per line, indented, as prettier breaks a line too long: an
 * `if` puts its statement on the next line, then a call statement puts each argument on its own.
 */
export function functionBody(lines: Lines): string {
  return indent(lines).map(layOutStatement).join('\n');
}

function layOutStatement(line: string): string {
  const flat = line.includes(SOFT) || line.includes(ARG) ? line.replace(SOFT, ' ').replaceAll(ARG, ', ') : line;
  if (!tooLong(flat)) return flat;
  const indentation = /^ */.exec(line)![0];
  const soft = line.indexOf(SOFT);
  // The statement on its own line: after its `if (…)`, indented once more.
  const [head, at] = soft < 0 ? ['', indentation] : [`${line.slice(0, soft)}\n`, `${indentation}  `];
  const stmt = (soft < 0 ? line : line.slice(soft + 1)).trimStart();
  const alone = stmt.replaceAll(ARG, ', ');
  if (!tooLong(at + alone) || !stmt.includes(ARG)) return `${head}${at}${alone}`;
  const open = stmt.indexOf('(');
  return `${head}${at}${listLayout(stmt.slice(0, open + 1), stmt.slice(open + 1, -2).split(ARG), ');', { indent: at })}`;
}
