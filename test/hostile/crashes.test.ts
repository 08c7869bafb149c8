// Inputs that once ended in `internal error`: each is a diagnostic now, and the rest is processed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { readPages } from '../../generator/read/input.js';
import { INPUT, ROOT } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');

describe('inputs that crashed the generator', () => {
  it('a symlink loop among the pages is SS001, and the other pages are generated', () => {
    const dir = tempDir('booster-crash-');
    cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
    symlinkSync('loop.txt', path.join(dir, 'docs/loop.txt'));
    const r = spawnSync(process.execPath, [BIN, 'generate', '--input', 'docs', '--out', 'pkg'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).not.toContain('internal error');
    expect(r.status, 'an error in the docs: exit 1, the output written').toBe(1);
    expect(r.stderr).toContain('docs/loop.txt:1 error: cannot read file: ELOOP; skipped [SS001]');
    expect(readFileSync(path.join(dir, 'pkg/src/types.ts'), 'utf8')).toContain('export interface CreateCustomer');
    expect(existsSync(path.join(dir, 'pkg/.booster-codegen/manifest.json'))).toBe(true);
  });

  it('an HTML page with one table of 170,000 rows is read whole (no RangeError from a spread into a call)', () => {
    const rows = Array.from({ length: 170_000 }, (_, i) => `<tr><td>field${i}</td><td>form</td><td>string</td><td>No</td><td>d</td></tr>`).join('');
    const text = `<!doctype html><html><body><h1>Svc</h1><h2>BigOp</h2>
<table class="params"><caption>BigOp Parameters:</caption><thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
    const bag = new DiagnosticBag();
    const [page] = readPages([{ file: 'big.html', text }], bag);
    expect(bag.items).toEqual([]);
    expect(page!.tables).toHaveLength(1);
    expect(page!.tables[0]!.rows).toHaveLength(170_000);
  });
});
