/**
 * Renders a template from templates/ (format.ts then formats the result). Templates get an
 * isolated Handlebars environment whose helpers do all the escaping: a bare `{{x}}` is HTML-
 * escaped by Handlebars, which would visibly break the code, so every value goes through a helper.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../package-root.js';
import { docLineBody, jsString, propertyKey, type DocLine } from './escape.js';
import { docComment } from './layout.js';

const hbs = Handlebars.create();
const safe = (s: string) => new hbs.SafeString(s);

/**
 * `{{jsdoc lines… indent=2}}`: a JSDoc comment of the given lines (empty when there is no text),
 * its continuation lines indented as prettier re-indents them.
 */
hbs.registerHelper('jsdoc', (...args: unknown[]) => {
  const { hash } = args.pop() as Handlebars.HelperOptions;
  // Loops rather than array pipelines: this runs for every type and member of the API.
  const body: string[] = [];
  for (const arg of args) for (const line of (Array.isArray(arg) ? arg : [arg]) as DocLine[]) for (const l of docLineBody(line)) body.push(l);
  return safe(docComment(body, Number(hash.indent ?? 0)));
});
/** `{{str text}}`: a string literal. */
hbs.registerHelper('str', (text: unknown) => safe(jsString(String(text))));
/** `{{key name}}`: a property key, quoted when needed. */
hbs.registerHelper('key', (name: unknown) => safe(propertyKey(String(name))));
/** `{{code text}}`: generator-built code (type expressions, identifiers), never doc text. */
hbs.registerHelper('code', (text: unknown) => safe(String(text)));
/**
 * `{{json value}}`: a JSON value, for JSON artifacts, on one line; `{{json value indent=2}}`: laid
 * out as `JSON.stringify(…, null, 2)` lays it out that deep in a document (its lines indented by 2).
 */
hbs.registerHelper('json', (value: unknown, options: Handlebars.HelperOptions) => {
  const indent = options.hash.indent as number | undefined;
  return safe(indent === undefined ? JSON.stringify(value) : jsonAtDepth(value, indent));
});

/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented by `indent`: the value
 * stringified as a member `indent / 2` levels deep, and the levels around it cut off, which costs
 * no pass over the text (megabytes of it in openapi.json).
 */
export function jsonAtDepth(value: unknown, indent: number): string {
  const plain = () => JSON.stringify(value, null, 2).replaceAll('\n', `\n${' '.repeat(indent)}`);
  const depth = indent / 2;
  if (!Number.isInteger(depth)) return plain();
  let head = '';
  let tail = '';
  let wrapped = value;
  for (let d = 1; d <= depth; d++) {
    wrapped = { '': wrapped };
    head += `{\n${'  '.repeat(d)}"": `;
    tail = `\n${'  '.repeat(d - 1)}}${tail}`;
  }
  const text = JSON.stringify(wrapped, null, 2);
  // A value JSON leaves out (undefined): the plain way.
  if (!text.startsWith(head) || !text.endsWith(tail)) return plain();
  return text.slice(head.length, text.length - tail.length);
}

/**
 * `{{#each list}}` over an array: its items' text joined a few dozen at a time. Handlebars' own
 * `each` appends every item to one growing string, a rope of millions of small pieces for the big
 * files; joined in chunks, each chunk's pieces are garbage at once instead of living (and being
 * copied by the garbage collector) until the whole file is done. Anything else goes to Handlebars'.
 */
const builtinEach = hbs.helpers.each!;
const EACH_CHUNK = 32;
hbs.registerHelper('each', function (this: unknown, list: unknown, options: Handlebars.HelperOptions) {
  if (list instanceof DeferredList) return list.defer(this, options);
  if (!Array.isArray(list) || list.length === 0) return builtinEach.call(this, list, options);
  const chunks: string[] = [];
  let chunk: string[] = [];
  for (const item of list) {
    chunk.push(options.fn(item));
    if (chunk.length === EACH_CHUNK) {
      chunks.push(chunk.join(''));
      chunk = [];
    }
  }
  chunks.push(chunk.join(''));
  return chunks.join('');
});

/**
 * A list whose `{{#each}}` renders a mark in its place and keeps its block, to be rendered item by
 * item later (streamed-typescript.ts): a file's text around a long list, then the list a slice
 * at a time, without the whole list's text ever existing.
 */
export class DeferredList {
  /** Unique to this list: no doc text can hold it. */
  readonly mark = `booster-codegen-list-${randomUUID()}`;
  private block?: { item: (view: object) => string; none: () => string };

  /** What the `{{#each}}` renders in the list's place. */
  defer(context: unknown, options: Handlebars.HelperOptions): string {
    if (this.block) throw new Error('a deferred list is rendered by one {{#each}}');
    this.block = { item: (view) => options.fn(view), none: () => options.inverse(context) };
    return this.mark;
  }

  /** The text of `views`, as the `{{#each}}` would have rendered them (its `{{else}}` for none). */
  render(views: readonly object[]): string {
    if (!this.block) throw new Error('the template has no {{#each}} over this list');
    return views.length ? views.map(this.block.item).join('') : this.block.none();
  }
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();
/**
 * Only our helpers and the built-in block helpers (each, if, with), called directly rather than
 * looked up at each use; no `@index`-style data frames, which the templates do not use. Both make
 * rendering megabytes of code markedly cheaper, and a misspelt helper fails at compile time.
 */
const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  data: false,
  knownHelpers: { jsdoc: true, str: true, key: true, code: true, json: true },
  knownHelpersOnly: true,
};

/** A template's text compiled in the templates' environment (their helpers, their options). */
export function compileTemplate(source: string): HandlebarsTemplateDelegate {
  const spec = PRECOMPILED?.[templateKey(source)];
  return spec ? hbs.template(spec) : hbs.compile(source, COMPILE_OPTIONS);
}

/**
 * The templates as they were when the CLI was bundled, compiled then (scripts/build-generator.js
 * defines this table at the top of the bundle): compiling them is a large part of a small run.
 * Each is found by its text's hash, so an edited template is compiled afresh; unbundled, there is none.
 */
declare const __BOOSTER_PRECOMPILED_TEMPLATES__: Record<string, TemplateSpecification> | undefined;
const PRECOMPILED = typeof __BOOSTER_PRECOMPILED_TEMPLATES__ === 'undefined' ? undefined : __BOOSTER_PRECOMPILED_TEMPLATES__;
const templateKey = (source: string) => createHash('sha256').update(source).digest('hex');

/** A script defining `__BOOSTER_PRECOMPILED_TEMPLATES__` for every template in templates/, as the bundle's first lines. */
export function precompiledTemplatesScript(): string {
  const entries = readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => readFileSync(path.join(TEMPLATES_DIR, f), 'utf8'))
    .map((source) => `  ${JSON.stringify(templateKey(source))}: ${hbs.precompile(source, COMPILE_OPTIONS)},`);
  return `var __BOOSTER_PRECOMPILED_TEMPLATES__ = {\n${entries.join('\n')}\n};`;
}

export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = compileTemplate(readFileSync(path.join(TEMPLATES_DIR, name), 'utf8'));
    compiled.set(name, template);
  }
  return template(view);
}

export const GENERATED_HEADER = (command: string) => `// Generated by \`${command}\` from the ServiceStack docs. Do not edit.`;
