// How every bench measures on a shared machine whose speed drifts: the cases run in interleaved
// rounds (each once per round, in turn), so that drift hits them alike; a figure is the median of
// its rounds, and a comparison is the median of the per-round ratios to an anchor measured in the
// same rounds, never a best round.

/** The median (the lower middle of an even count). */
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Runs `rounds` rounds of every case, in turn; each case returns its figure for one round (a time,
 * a rate, a peak). Returns the figures of each case by name, one per round.
 */
export async function interleave(cases, rounds) {
  const figures = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) for (const [name, run] of Object.entries(cases)) figures[name].push(await run(round));
  return figures;
}

/** The median of `a[i] / b[i]` over the rounds: how `a` compares with its anchor `b`, drift paired away. */
export function pairedRatio(a, b) {
  return median(a.map((x, i) => x / b[i]));
}

/** `median (min–max)` of a case's figures, each shown by `format`. */
export function spread(xs, format) {
  return `${format(median(xs))} (${format(Math.min(...xs))}–${format(Math.max(...xs))})`;
}

/** Rows of cells (the first: the header) as a Markdown table, each column as wide as its widest cell. */
export function markdownTable(table) {
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n');
}
