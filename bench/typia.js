// typia (pinned devDependency) as an anchor for the generated validators: `typia generate` turns
// `typia.createIs<T>()` / `typia.createValidate<T>()` into plain TypeScript, which is transpiled
// and imported like ours. Two flavours: "plain" over output/src/types.ts (types only), and
// "our checks" over declarations written here from output/api-model.json, where dates and Guids
// carry our patterns (typia's Pattern tag, its `RegExp(…)` hoisted into a constant as we do) and
// optional members admit null; only the conditional rules stay ours alone. The scratch folder sits
// under node_modules/.cache so that the generated `typia/lib/internal/…` imports resolve from it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SAFE = Number.MAX_SAFE_INTEGER;
const INTEGERS = { byte: [0, 255], sbyte: [-128, 127], short: [-32768, 32767], ushort: [0, 65535], int: [-2147483648, 2147483647] };
Object.assign(INTEGERS, { uint: [0, 4294967295], long: [-SAFE, SAFE], ulong: [0, SAFE] });

/** A model type reference as a typia-tagged TypeScript type, checking what our validators check. */
function taggedType(ref, patterns) {
  if (ref.kind === 'list') return `(${taggedType(ref.of, patterns)})[]`;
  if (ref.kind === 'ref') return ref.name;
  const range = INTEGERS[ref.name];
  if (range) return `number & tags.Type<"int64"> & tags.Minimum<${range[0]}> & tags.Maximum<${range[1]}>`;
  if (['float', 'double', 'decimal'].includes(ref.name)) return 'number & tags.Type<"double">';
  if (ref.name === 'bool') return 'boolean';
  if (ref.name.startsWith('Date')) return `string & tags.Pattern<${JSON.stringify(patterns.date)}>`;
  if (ref.name === 'Guid') return `string & tags.Pattern<${JSON.stringify(patterns.guid)}>`;
  if (ref.name === 'object') return 'unknown';
  return 'string';
}

/** The model's object types as interfaces for typia; optional members admit null, as ours do. */
function taggedDeclarations(model, patterns) {
  return model.types
    .filter((t) => t.kind === 'object')
    .map((t) => {
      const members = t.fields.map(
        (f) => `  ${JSON.stringify(f.wireName)}${f.required ? '' : '?'}: ${taggedType(f.type, patterns)}${f.required ? '' : ' | null'};`,
      );
      return [`interface ${t.name}${t.base ? ` extends ${t.base}` : ''} {`, ...members, '}'].join('\n');
    })
    .join('\n');
}

/** typia builds `RegExp("…")` on every test; a constant, as our validators have, compares like with like. */
function hoistRegExps(code) {
  const sources = [...new Set(code.match(/RegExp\("(?:[^"\\]|\\.)*"\)/g) ?? [])];
  const constants = sources.map((source, i) => `const __pattern${i} = ${source};`);
  return [...constants, sources.reduce((text, source, i) => text.replaceAll(`${source}.test(`, `__pattern${i}.test(`), code)].join('\n');
}

/**
 * `{ plain, ourChecks }`: typia's `{ is, validate }` for each DTO named in `typeNames`, generated
 * now; `patterns` holds our `date` and `Guid` regular expression sources.
 */
export async function typiaValidators(typeNames, model, patterns) {
  const cache = path.join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'booster-bench-typia-'));
  try {
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }');
    const compilerOptions = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['in'] }));
    copyFileSync(path.join(root, 'output/src/types.ts'), path.join(dir, 'in/types.ts'));
    const lines = typeNames.flatMap((name) => [
      `export const is${name} = typia.createIs<${name}>();`,
      `export const validate${name} = typia.createValidate<${name}>();`,
    ]);
    const source = [`import typia from 'typia';`, `import type { ${typeNames.join(', ')} } from './types.js';`, ...lines].join('\n');
    writeFileSync(path.join(dir, 'in/anchors.ts'), `${source}\n`);
    const checked = [`import typia, { tags } from 'typia';`, taggedDeclarations(model, patterns), ...lines].join('\n');
    writeFileSync(path.join(dir, 'in/checked.ts'), `${checked}\n`);
    const cli = path.join(root, 'node_modules/typia/lib/executable/typia.js');
    execFileSync(process.execPath, [cli, 'generate', '--input', 'in', '--output', 'out', '--project', 'tsconfig.json'], { cwd: dir, stdio: 'pipe' });
    for (const name of ['types', 'anchors', 'checked']) {
      const generated = readFileSync(path.join(dir, 'out', `${name}.ts`), 'utf8');
      const { outputText } = ts.transpileModule(generated, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
      writeFileSync(path.join(dir, `${name}.js`), name === 'checked' ? hoistRegExps(outputText) : outputText);
    }
    const pick = (module) => Object.fromEntries(typeNames.map((name) => [name, { is: module[`is${name}`], validate: module[`validate${name}`] }]));
    const url = (name) => pathToFileURL(path.join(dir, `${name}.js`)).href;
    return { plain: pick(await import(url('anchors'))), ourChecks: pick(await import(url('checked'))) };
  } finally {
    rmSync(dir, { recursive: true, force: true }); // imported: the files are no longer needed
  }
}
