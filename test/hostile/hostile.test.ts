/**
 * The hostile corpus (corpus.ts) through the real CLI: for every case `generate` succeeds (or
 * refuses with diagnostics, never a stack trace), the generated sources compile under
 * `tsc --strict`, importing and running them executes nothing the docs hold (a global canary
 * stays unset) while the validators and the client still work, and openapi.json stays valid.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { safeTypeName } from '../../generator/names/identifiers.js';
import type { ApiModel } from '../../generator/model/api-model.js';
import { strictDiagnostics } from '../emit/compile.js';
import { hostileCases, type HostileCase } from './corpus.js';
import { CANARY, cliGenerate, DIAGNOSTIC_LINE, importGenerated, openApiProblems, sourcesOf, STACK_FRAME, type CliResult } from './harness.js';
import { clientMethods, put, validInstance } from './instances.js';

const cases = hostileCases();
const runs = new Map<HostileCase, CliResult>();
const generated = (c: HostileCase) => runs.get(c)!.code === 0;
const canary = () => (globalThis as Record<string, unknown>)[CANARY];

beforeAll(() => {
  for (const c of cases) runs.set(c, cliGenerate(c.files, c.config));
}, 300_000);

afterEach(() => {
  expect(canary(), 'a payload from the docs ran').toBeUndefined();
});

/** What the CLI may print on stderr: diagnostics, their count, the files it wrote, and one-line messages. */
const STDERR_LINE = [
  DIAGNOSTIC_LINE,
  /^\d+ error\(s\), \d+ warning\(s\), \d+ note\(s\)/,
  /^(wrote|removed) pkg\//,
  /^booster-codegen: [^\n]+$/,
  /^version \S+ -> \S+/,
  /^$/,
];

/** Identifiers of a TypeScript file (comments and string literals excluded). */
function identifiers(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) names.add(node.text);
    node.forEachChild(visit);
  };
  visit(source);
  return names;
}

/** Markdown outside fenced code blocks and code spans: what a renderer would read as markup. */
function markdownProse(text: string): string {
  return text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
}

interface AnySchema {
  '~standard': { validate: (v: unknown) => unknown };
  is(v: unknown): boolean;
  validate(v: unknown, o?: { strict?: boolean }): { message: string; path: (string | number)[] }[];
  parse(v: unknown): unknown;
}

describe.each(cases)('$name', (c) => {
  it('generate succeeds, or refuses the input with diagnostics; no crash, only diagnostics on stderr', () => {
    const r = runs.get(c)!;
    expect(STACK_FRAME.test(r.stderr), r.stderr.slice(0, 2000)).toBe(false);
    // bin/ prints an error escaping the CLI as "internal error: …" (with its stack): a crash.
    expect(r.stderr).not.toContain('internal error');
    expect(c.mayRefuse ? [0, 2] : [0]).toContain(r.code);
    const odd = r.stderr.split('\n').filter((line) => !STDERR_LINE.some((re) => re.test(line)));
    expect(odd.map((l) => l.slice(0, 300))).toEqual([]);
    // Doc text cannot reach the terminal as control sequences.

    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/);
  });

  it('applies every setting of its config', () => {
    if (!c.config) return;
    expect(runs.get(c)!.stderr).not.toContain('[SS081]');
  });

  it('the generated code holds nothing from the docs outside comments and strings', () => {
    if (!generated(c)) return;
    for (const file of sourcesOf(runs.get(c)!.out)) expect(identifiers(file).has(CANARY), file).toBe(false);
  });

  it('openapi.json is valid OpenAPI 3.1 (no errors, no warnings); the JSON files parse; the README carries no markup from the docs', async () => {
    if (!generated(c)) return;
    const out = runs.get(c)!.out;
    for (const f of ['api-model.json', 'package.json', 'tsconfig.json']) expect(() => JSON.parse(readFileSync(path.join(out, f), 'utf8')), f).not.toThrow();
    expect(await openApiProblems(readFileSync(path.join(out, 'openapi.json'), 'utf8'))).toEqual([]);
    const prose = markdownProse(readFileSync(path.join(out, 'README.md'), 'utf8'));
    expect(prose).not.toMatch(/(?<!\\)<\s*\/?\s*(script|img|iframe|svg|a)\b/i);
    expect(prose).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);
  });

  it('imports and runs: no payload executes, every validator accepts a valid value and rejects a wrong one, every client method sends', async () => {
    if (!generated(c)) return;
    const out = runs.get(c)!.out;
    const model = JSON.parse(readFileSync(path.join(out, 'api-model.json'), 'utf8')) as ApiModel;
    await importGenerated(out);
    const V = (await import(pathToFileURL(path.join(out, 'js/validators.js')).href)) as Record<string, AnySchema>;
    expect(canary()).toBeUndefined();

    for (const t of model.types) {
      const schema = V[`${safeTypeName(t.name)}Schema`]!;
      expect(schema, `${t.name}Schema`).toBeDefined();
      const bad = schema.validate(42);
      expect(bad.length, t.name).toBeGreaterThan(0);
      expect(() => schema.parse(42)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
      const value = validInstance(model, t.name);
      if (value === undefined) continue;
      expect(schema.validate(value), `${t.name} ${JSON.stringify(value)}`).toEqual([]);
      expect(schema.validate(value, { strict: true }), t.name).toEqual([]);
      expect(schema.is(value)).toBe(true);
      expect(schema.parse(value)).toBe(value);
      expect(schema['~standard'].validate(value)).toEqual({ value });
    }

    const C = (await import(pathToFileURL(path.join(out, 'js/client.js')).href)) as Record<
      string,
      new (o: object) => Record<string, (r: object) => Promise<unknown>>
    >;
    const sent: { method: string; url: string; body: unknown }[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      sent.push({ method: String(init.method), url, body: init.body });
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = new C.BoosterClient!({ baseUrl: 'http://api.test/base', auth: { bearer: 'token' }, fetch });
    const methods = clientMethods(model);
    model.operations.forEach((op, i) => expect(typeof client[methods[i]!], `${op.name} → ${methods[i]}`).toBe('function'));
    for (const [i, op] of model.operations.entries()) {
      const request = validInstance(model, op.request) as Record<string, unknown> | undefined;
      if (request === undefined) continue;
      // Route variables the request DTO does not declare (reported as SS055) are still filled.
      for (const v of op.routes.flatMap((r) => r.pathVariables)) if (!Object.hasOwn(request, v)) put(request, v, 'x');
      const outcome = await client[methods[i]!]!.call(client, request).then(
        () => 'sent',
        (e: Error) => `${e.name}: ${e.message}`,
      );
      expect(outcome, op.name).toBe('sent');
      expect(sent.at(-1)!.url.startsWith('http://api.test/base/')).toBe(true);
    }
  });
});

describe('all cases together', () => {
  it('compile under tsc --strict', () => {
    const outs = cases.filter(generated).map((c) => runs.get(c)!.out);
    const problems = strictDiagnostics(outs.flatMap(sourcesOf));
    const named = problems.map((p) => `${cases.find((c) => p.startsWith(runs.get(c)!.out))?.name}: ${p.slice(0, 300)}`);
    expect(named).toEqual([]);
  }, 120_000);
});
