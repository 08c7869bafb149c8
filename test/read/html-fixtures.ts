/** The HTML fixtures (ServiceStack pages built to the real templates; see fixtures/html/README.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export const HTML_FIXTURES = path.join(ROOT, 'test/read/fixtures/html');

export function fixture(name: string): string {
  return readFileSync(path.join(HTML_FIXTURES, name), 'utf8');
}
