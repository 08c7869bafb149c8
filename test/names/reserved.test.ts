// The reserved names are data (generator/names/reserved.ts); this scan of the templates and the
// static runtime modules keeps that data true to what they declare.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES, type TemplateNames } from '../../generator/names/reserved.js';
import { ROOT } from '../helpers.js';

const TEMPLATES = path.join(ROOT, 'templates');

/** Top-level declarations as written (`export class ApiError`, `function report`, `import type * as Types`); templated names (`{{code name}}`) are not matched. */
const DECLARATION =
  /^(export )?(?:declare )?(?:abstract )?(?:async )?(?:const|let|function|class|interface|type|namespace|enum) ([A-Za-z_$][\w$]*)(?=[\s<(:=;{])|^import (?:type )?\* as ([A-Za-z_$][\w$]*)/gm;
/** Named imports, on one line or laid out one a line: `import { a, type B } from`, `import type { C } from`. */
const NAMED_IMPORT = /^import (?:type )?\{([^}]*)\} from/gm;
/** A top-level class's body, and in it a member's name (indented by 2); `#private` ones cannot meet a method. */
const CLASS_BODY = /^(?:export )?class [^\n]*\{\n([\s\S]*?)^\}/gm;
const MEMBER = /^ {2}(?:readonly |static |async )*([A-Za-z_$][\w$]*)(?=[:(<;])/gm;

function scan(template: string): Required<TemplateNames> {
  const text = readFileSync(path.join(TEMPLATES, template), 'utf8');
  const matches = [...text.matchAll(DECLARATION)];
  const names = (exported: boolean) => matches.filter((m) => Boolean(m[1]) === exported).map((m) => m[2] ?? m[3]!);
  const imported = [...text.matchAll(NAMED_IMPORT)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((n) => n.trim().replace(/^type /, ''))
      .filter(Boolean),
  );
  // Only a template's class has generated methods to keep clear of its members.
  const members = [...(template.endsWith('.hbs') ? text.matchAll(CLASS_BODY) : [])]
    .flatMap((body) => [...body[1]!.matchAll(MEMBER)].map((m) => m[1]!))
    .filter((m) => m !== 'constructor');
  const unique = (xs: string[]) => [...new Set(xs)].sort();
  return { exported: unique(names(true)), private: unique([...names(false), ...imported]), members: unique(members) };
}

const sorted = (names: TemplateNames) => ({
  exported: [...names.exported].sort(),
  private: [...names.private].sort(),
  members: [...(names.members ?? [])].sort(),
});

describe('reserved names', () => {
  it('list every TypeScript template and runtime module', () => {
    const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.ts.hbs'));
    const runtime = readdirSync(path.join(TEMPLATES, 'runtime')).map((f) => `runtime/${f}`);
    expect(Object.keys(TEMPLATE_NAMES).sort()).toEqual([...templates, ...runtime].sort());
  });

  it.each(Object.entries(TEMPLATE_NAMES))('are what %s declares', (template, names) => {
    expect(sorted(names)).toEqual(scan(template));
  });

  it('find the declarations the scan is meant to find', () => {
    expect(scan('runtime/core.ts').exported).toEqual(expect.arrayContaining(['ApiError', 'createClient', 'ApiClient']));
    expect(scan('validators.ts.hbs').private).toEqual(expect.arrayContaining(['Types', 'report', 'objectLike', 'Context']));
    expect(scan('client.ts.hbs').members).toEqual(['client']);
  });
});
