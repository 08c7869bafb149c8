import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT, ROOT } from './helpers.js';

describe('input/', () => {
  it('holds the seed files from ../shared/seeds byte for byte', () => {
    const seeds = path.resolve(ROOT, '../shared/seeds');
    const names = readdirSync(seeds).sort();
    expect(readdirSync(INPUT).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(path.join(INPUT, name)).equals(readFileSync(path.join(seeds, name))), name).toBe(true);
  });
});
