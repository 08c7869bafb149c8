/** The routes table: `| PUT | /customer/{id} | Summary | Notes |` or squashed `PUT/customer/{id}SummaryNotes`. */

const VERBS = /^(All Verbs|[A-Z]+(?:\s*,\s*[A-Z]+)*)\s*(?=\/)/;

export interface RouteColumns {
  verbs: string[];
  path: string;
  summary?: string;
  notes?: string;
  /** Set when a boundary had to be guessed; says which. */
  guess?: string;
}

export function parseVerbs(text: string): string[] | undefined {
  const t = text.trim();
  if (t === 'All Verbs' || t === 'ANY' || t === '*') return [];
  if (!/^[A-Z]+(\s*,\s*[A-Z]+)*$/.test(t)) return undefined;
  return t.split(',').map((v) => v.trim());
}

/** A pipe row whose cells are verbs, a path, then summary and notes. */
export function routeFromCells(cells: readonly string[]): RouteColumns | undefined {
  const [verbCell, path, summary, notes] = cells;
  const verbs = verbCell === undefined ? undefined : parseVerbs(verbCell);
  if (!verbs || !path?.startsWith('/') || /\s/.test(path)) return undefined;
  return { verbs, path, ...(summary ? { summary } : {}), ...(notes ? { notes } : {}) };
}

// Where one squashed column ends and the next begins: a lower-case letter, digit or `}`
// directly followed by a capital, since ServiceStack's summaries and notes start with one.
const JOIN = /(?<=[a-z0-9}.)])(?=[A-Z])/g;

/** Splits `PUT/customer/{boosterCustomerId}Update customerUpdate CRM customer`. */
export function splitSquashedRoute(text: string, knownPaths: readonly string[]): RouteColumns | undefined {
  const verbMatch = VERBS.exec(text.trim());
  if (!verbMatch) return undefined;
  const verbs = parseVerbs(verbMatch[1]!)!;
  const rest = text.trim().slice(verbMatch[0].length);
  const guesses: string[] = [];
  // A path seen on the page (the sample's request line) settles where the path ends.
  // It must end there: `/customer` does not settle `/customer/{id}Get customer` or `/customersList customers`.
  let path = [...knownPaths].sort((a, b) => b.length - a.length).find((p) => rest.startsWith(p) && !/^[a-z0-9_/{.-]/.test(rest.slice(p.length)));
  if (!path) {
    const token = /^\S*/.exec(rest)![0];
    // A capital inside a variable (`{CustomerId}`) is part of the path, not a summary's start.
    const joins = [...token.matchAll(JOIN)].map((m) => m.index).filter((i) => outsideBraces(token, i));
    const cut = rest.length > token.length || joins.length ? joins.at(-1) : undefined;
    path = cut !== undefined ? token.slice(0, cut) : token;
    if (cut !== undefined) guesses.push(`path taken as '${path}'`);
  }
  const text2 = rest.slice(path.length).trim();
  const joins = [...text2.matchAll(JOIN)].map((m) => m.index);
  let summary: string | undefined = text2 || undefined;
  let notes: string | undefined;
  if (joins.length >= 1) {
    summary = text2.slice(0, joins[0]);
    notes = text2.slice(joins[0]);
    if (joins.length > 1) guesses.push(`summary taken as '${summary}'`);
  }
  return {
    verbs,
    path,
    ...(summary ? { summary } : {}),
    ...(notes ? { notes } : {}),
    ...(guesses.length ? { guess: guesses.join(', ') } : {}),
  };
}

/** Whether the place `at` in `text` is outside every `{…}`. */
function outsideBraces(text: string, at: number): boolean {
  return text.lastIndexOf('{', at - 1) <= text.lastIndexOf('}', at - 1);
}

/** Path variables: `{id}`, `{Id*}` (wildcard), `{ids*}`; undefined when braces do not balance. */
export function pathVariables(path: string): string[] | undefined {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of path) {
    if (ch === '{') {
      if (depth++ > 0) return undefined;
      current = '';
    } else if (ch === '}') {
      if (--depth < 0) return undefined;
      names.push(current.replace(/\*$/, ''));
    } else if (depth > 0) current += ch;
  }
  return depth === 0 ? names : undefined;
}
