/** `booster-codegen inspect`: a readable summary of the model, for people checking what was understood. */
import type { ApiModel } from './model/api-model.js';
import { formatDiagnostic } from './diagnostics.js';
import { formatTypeRef } from './model/type-ref.js';

export function formatInspect(model: ApiModel): string {
  const out: string[] = [];
  out.push(`Service: ${model.service.name ?? '(unnamed)'}${model.service.host ? ` at ${model.service.host}` : ''}`);
  out.push('', `Operations (${model.operations.length}):`);
  for (const op of model.operations) {
    const r = op.response;
    const response = r.kind === 'typed' ? formatTypeRef({ kind: 'ref', name: r.type, nullable: false, ...(r.args ? { args: r.args } : {}) }) : r.kind;
    out.push(`  ${op.name}: ${op.request} -> ${response}${op.auth.required ? '  [auth]' : ''}`);
    for (const r of op.routes) out.push(`    ${r.verbs.join(',') || 'ANY'} ${r.path}${r.summary ? `  "${r.summary}"` : ''}`);
    const placed = op.parameters.filter((p) => p.in !== 'body');
    if (placed.length) out.push(`    parameters: ${placed.map((p) => `${p.name} (${p.in})`).join(', ')}`);
  }
  out.push('', `Types (${model.types.length}):`);
  for (const t of model.types) {
    const files = [...new Set(t.sources.map((s) => s.file))].join(', ');
    const name = t.typeParameters ? `${t.name}<${t.typeParameters.join(', ')}>` : t.name;
    const base = t.base && formatTypeRef({ kind: 'ref', name: t.base, nullable: false, ...(t.baseArgs ? { args: t.baseArgs } : {}) });
    const head = `${t.kind === 'enum' ? 'enum ' : ''}${name}${base ? ` : ${base}` : ''}${t.namespace ? `  (${t.namespace})` : ''}`;
    out.push(`  ${head}${t.incomplete ? '  [not described]' : ''}  from ${files || 'samples only'}`);
    for (const f of t.fields) {
      const from = [...new Set(f.sources.map((s) => s.file))].length;
      out.push(
        `    ${f.required ? '*' : ' '} ${f.wireName}: ${formatTypeRef(f.type)}  (${from} source file${from === 1 ? '' : 's'}, wire name by ${f.wireNameFrom})`,
      );
    }
    for (const m of t.enumMembers) out.push(`      ${m.name}${m.wire !== m.name ? ` = ${JSON.stringify(m.wire)}` : ''}`);
    for (const r of t.rules) out.push(`    rule: ${r.field} required when ${r.when.field} is '${r.when.equals}' (${r.from})`);
  }
  out.push('', `Diagnostics (${model.diagnostics.length}):`);
  for (const d of model.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
  return `${out.join('\n')}\n`;
}
