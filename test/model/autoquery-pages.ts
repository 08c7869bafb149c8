/** The AutoQuery page set (fixtures/autoquery): QueryPostComments's metadata page, its tables in ServiceStack's order, and its C# tab. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../generator/read/input.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/autoquery');

export const AUTOQUERY_PAGES: InputFile[] = ['QueryPostComments.json.html', 'QueryPostComments.csharp.html'].map((file) => ({
  file,
  text: readFileSync(path.join(FIXTURES, file), 'utf8'),
}));
