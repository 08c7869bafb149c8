/**
 * Whether a member is required: yes when any source says so (a table's "Yes", `IsRequired=true`),
 * as ServiceStack validates what any attribute requires. A source that says No is reported once
 * (SS073). Route variables are made required later, by the operations pass.
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { MemberFacts } from '../facts.js';
import { STATED_BY } from '../sources.js';
import { at } from './at.js';

export function resolveRequired(label: string, m: MemberFacts, bag: DiagnosticBag): boolean {
  const yes = m.required.find((f) => f.value);
  const dissent = yes && m.required.find((f) => !f.value);
  if (yes && dissent)
    bag.warn(
      'SS073',
      dissent.loc,
      `'${label}' is optional by ${STATED_BY[dissent.source]} but required by ${STATED_BY[yes.source]} at ${at(yes.loc)}; taken as required`,
    );
  return Boolean(yes);
}
