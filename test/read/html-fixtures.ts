/** The HTML fixtures (ServiceStack pages built to the real templates; see fixtures/html/README.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export const HTML_FIXTURES = path.join(ROOT, 'test/read/fixtures/html');

export function fixture(name: string): string {
  return readFileSync(path.join(HTML_FIXTURES, name), 'utf8');
}

/** The DTO source of a language-tab fixture (`<pre><code class="language-…">`), decoded as a text dump keeps it. */
export function dtoSource(name: string): string {
  const html = fixture(name);
  const code = /<code class="language-\w+"[^>]*>([\s\S]*?)<\/code>/.exec(html)?.[1];
  if (code === undefined) throw new Error(`no DTO source in ${name}`);
  return code
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Seed 003 (ExportCustomer, squashed) as the text dump of its `&lang=…` page: the tables give way
 * to the DTO source and, when `link` is set, the "TypeScript ExportCustomer DTOs" line under it.
 */
export function seed003WithSource(text: string, source: string, link?: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l === 'ExportCustomer Parameters:');
  const to = lines.findIndex((l) => l.startsWith('To override the Content-type'));
  return [...lines.slice(0, from), ...source.trimEnd().split('\n'), ...(link ? [link] : []), '', ...lines.slice(to)].join('\n');
}

/** A minimal operation page with only a language tab (`&lang=csharp` or `typescript`): no tables, routes or samples. */
export function languageTabPage(file: string, op: string, lang: 'csharp' | 'typescript', source: string): { file: string; text: string } {
  const encoded = source.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    file,
    text: `<!DOCTYPE html>\n<html><body>\n<h1>Svc</h1>\n<h2>${op}</h2>\n<pre><code class="language-${lang}" lang="${lang}">${encoded}</code></pre>\n</body></html>\n`,
  };
}
