/**
 * `npm run corpus`: prints how many of the expected facts the generator gets right on the
 * held-out corpus, form × API, then the most common kinds of wrong facts and the first few wrong
 * facts of each cell. A measurement, not a pass/fail test (the ratchet is corpus.test.ts).
 * `CORPUS_WRONG=n` prints n wrong facts per cell (default 3).
 */
import { it } from 'vitest';
import { APIS } from './apis.js';
import { measureAll, sum, type Measurement } from './measure.js';

const pad = (s: string, n: number) => s.padEnd(n);
const cell = (m: { score: { right: number; total: number } }) => `${m.score.right}/${m.score.total} ${pct(m.score)}`;
const pct = (s: { right: number; total: number }) => `(${s.total ? Math.round((100 * s.right) / s.total) : 0}%)`;

function table(results: Measurement[]): string[] {
  const rows = [...new Set(results.map((r) => `${r.form}|${r.scope}`))];
  const width = 18;
  const lines = [[pad('form', 16), pad('scope', 9), ...APIS.map((a) => pad(a.key, width)), 'all'].join(' ')];
  for (const row of rows) {
    const cells = results.filter((r) => `${r.form}|${r.scope}` === row);
    const [form, scope] = row.split('|');
    lines.push([pad(form!, 16), pad(scope!, 9), ...cells.map((c) => pad(cell(c), width)), cell({ score: sum(cells.map((c) => c.score)) })].join(' '));
  }
  const total = sum(results.map((r) => r.score));
  lines.push('', `all forms, all APIs: ${cell({ score: total })}`);
  return lines;
}

function kinds(results: Measurement[]): string[] {
  const total = sum(results.map((r) => r.score));
  const wrong = total.total - total.right;
  return Object.entries(total.wrongByKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${String(n).padStart(6)}  ${pad(kind, 20)} ${Math.round((100 * n) / wrong)}% of wrong facts`);
}

it('measures the held-out corpus', () => {
  const results = measureAll();
  const perCell = Number(process.env.CORPUS_WRONG ?? 3);
  const out = ['', 'Held-out corpus: right/total facts, form × API', '', ...table(results), '', 'Wrong facts by kind:', ...kinds(results), ''];
  for (const r of results) {
    if (!r.score.wrong.length || !perCell) continue;
    out.push(`${r.form} · ${r.scope} · ${r.api}:`, ...r.score.wrong.slice(0, perCell).map((w) => `  - ${w}`));
  }
  process.stdout.write(`${out.join('\n')}\n`);
});
