/** The diff for people (text on a terminal, Markdown for a pull request or the changelog) and for tools (JSON). */
import type { SourceLocation } from '../diagnostics.js';
import { countByImpact, IMPACTS, type Change, type Impact } from './compare.js';

export interface ReportOptions {
  /** What the docs were compared with, e.g. `HEAD:output/api-model.json`. */
  base: string;
  /** The input folder as the user names it; model sources are relative to it. */
  inputDir: string;
  /** Sources in the config file are already relative to the working folder. */
  configFile?: string;
  color?: boolean;
}

const TITLES: Record<Impact, string> = { breaking: 'Breaking changes', 'non-breaking': 'Non-breaking changes', docs: 'Documentation changes' };
const MARKS: Record<Impact, string> = { breaking: '!', 'non-breaking': '+', docs: '~' };
const COLORS: Record<Impact, number> = { breaking: 31, 'non-breaking': 32, docs: 36 };
const SHOWN_SOURCES = 3;

function located(loc: SourceLocation, o: ReportOptions): SourceLocation {
  if (loc.file === o.configFile || !o.inputDir) return loc;
  return { ...loc, file: `${o.inputDir.replace(/\/$/, '')}/${loc.file}` };
}

const locText = (l: SourceLocation) => `${l.file}:${l.line}`;

/** The first few places the docs state the fact, as `file:line`. */
function where(ch: Change, o: ReportOptions): string[] {
  const all = ch.sources.map((l) => locText(located(l, o)));
  return all.length > SHOWN_SOURCES ? [...all.slice(0, SHOWN_SOURCES), `+${all.length - SHOWN_SOURCES} more`] : all;
}

export function summary(changes: readonly Change[]): string {
  const c = countByImpact(changes);
  return `${c.breaking} breaking, ${c['non-breaking']} non-breaking, ${c.docs} documentation change(s)`;
}

export function formatText(changes: readonly Change[], o: ReportOptions): string {
  const paint = (impact: Impact, s: string) => (o.color ? `\u001b[${COLORS[impact]}m${s}\u001b[0m` : s);
  if (!changes.length) return `No API changes compared with ${o.base}.\n`;
  const lines = [`Compared with ${o.base}: ${summary(changes)}`];
  for (const impact of IMPACTS) {
    const group = changes.filter((ch) => ch.impact === impact);
    if (!group.length) continue;
    lines.push('', paint(impact, `${TITLES[impact]}:`));
    for (const ch of group) {
      const at = where(ch, o);
      lines.push(`  ${paint(impact, MARKS[impact])} ${ch.subject}: ${ch.message.replace(/`([^`]*)`/g, "'$1'")}${at.length ? `  (${at.join(', ')})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The change lists under `level`-deep headings; shared by the PR comment and the changelog. */
export function markdownSections(changes: readonly Change[], o: ReportOptions, level: number): string {
  const h = '#'.repeat(level);
  const parts: string[] = [];
  for (const impact of IMPACTS) {
    const group = changes.filter((ch) => ch.impact === impact);
    if (!group.length) continue;
    const items = group.map((ch) => {
      const at = where(ch, o).map((w) => (w.startsWith('+') ? w : `\`${w}\``));
      // The message's doc names are already code spans; the subject becomes one too.
      return `- \`${ch.subject.replace(/`/g, "'")}\`: ${ch.message}${at.length ? ` (${at.join(', ')})` : ''}`;
    });
    parts.push(`${h} ${TITLES[impact]}\n\n${items.join('\n')}\n`);
  }
  return parts.join('\n');
}

export function formatMarkdown(changes: readonly Change[], o: ReportOptions): string {
  const base = `\`${o.base.replace(/`/g, "'")}\``;
  if (!changes.length) return `### API changes\n\nNo API changes compared with ${base}.\n`;
  return `### API changes: ${summary(changes)}\n\nCompared with ${base}.\n\n${markdownSections(changes, o, 4)}`;
}

export function formatJson(changes: readonly Change[], o: ReportOptions): string {
  const report = {
    base: o.base,
    summary: countByImpact(changes),
    changes: changes.map((ch) => ({ ...ch, sources: ch.sources.map((l) => located(l, o)) })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
