/**
 * Conditional-required rules found in descriptions ("Mandatory only when customer type is
 * 'PRIVATE'"). The subject phrase is matched to a member of the same type or its bases by
 * its name's words (`clientType` → "client type") or its description's label ("Customer Type").
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { Rule, TypeDef } from './api-model.js';
import { descriptionLabel, extractCondition } from './description.js';
import { words } from './naming.js';
import { typeChain } from './operations.js';

export function findRules(types: Map<string, TypeDef>, bag: DiagnosticBag): void {
  for (const type of types.values()) {
    let members: TypeDef['fields'] | undefined; // own and inherited, once a description states a condition
    for (const field of type.fields) {
      const condition = field.description ? extractCondition(field.description) : undefined;
      if (!condition) continue;
      members ??= typeChain(type.name, types).flatMap((t) => t.fields);
      const subject = members.find(
        (m) => m !== field && (words(m.name) === condition.subject || (m.description && descriptionLabel(m.description) === condition.subject)),
      );
      if (!subject) {
        bag.warn(
          'SS080',
          field.sources[0],
          `'${type.name}.${field.name}' is required when "${condition.subject}" is '${condition.equals}', but no member of '${type.name}' is called that; rule ignored (add it in codegen.config.json)`,
        );
        continue;
      }
      const rule: Rule = {
        kind: 'requiredWhen',
        field: field.wireName,
        when: { field: subject.wireName, equals: condition.equals },
        from: 'description',
        sources: field.sources.slice(0, 1),
      };
      type.rules.push(rule);
    }
  }
}
