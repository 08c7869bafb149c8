// The reserved names are data (generator/names/reserved.ts); this scan of the templates keeps
// that data true to what the templates declare.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES, type TemplateNames } from '../../generator/names/reserved.js';
import { ROOT } from '../helpers.js';

const TEMPLATES = path.join(ROOT, 'templates');

/** Top-level declarations as written (`export class ApiError`, `function report`, `import type * as Types`); templated names (`{{code name}}`) are not matched. */
const DECLARATION =
  /^(export )?(?:declare )?(?:abstract )?(?:async )?(?:const|let|function|class|interface|type|namespace|enum) ([A-Za-z_$][\w$]*)(?=[\s<(:=;{])|^import (?:type )?\* as ([A-Za-z_$][\w$]*)/gm;

function scan(template: string): { exported: string[]; private: string[] } {
  const matches = [...readFileSync(path.join(TEMPLATES, template), 'utf8').matchAll(DECLARATION)];
  const names = (exported: boolean) => [...new Set(matches.filter((m) => Boolean(m[1]) === exported).map((m) => m[2] ?? m[3]!))].sort();
  return { exported: names(true), private: names(false) };
}

const sorted = (names: TemplateNames) => ({ exported: [...names.exported].sort(), private: [...names.private].sort() });

describe('reserved names', () => {
  it('list every TypeScript template', () => {
    const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.ts.hbs'));
    expect(Object.keys(TEMPLATE_NAMES).sort()).toEqual(templates.sort());
  });

  it.each(Object.entries(TEMPLATE_NAMES))('are what %s declares', (template, names) => {
    expect(sorted(names)).toEqual(scan(template));
  });

  it('find the declarations the scan is meant to find', () => {
    expect(scan('client.ts.hbs').exported).toContain('ApiError');
    expect(scan('validators.ts.hbs').private).toEqual(expect.arrayContaining(['Types', 'report', 'objectLike']));
  });
});
