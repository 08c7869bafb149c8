/**
 * What every emitter says of an enum, from its members' wire values (model/resolve/enum-members.ts):
 * the literals that travel, what a validator expects, and the doc lines naming each member.
 */
import type { EnumMember, TypeDef } from '../model/api-model.js';
import { jsString } from './escape.js';

/** `'Member 1'`, `4`: a member's wire value as a literal. */
export function enumLiteral(m: EnumMember): string {
  return typeof m.wire === 'number' ? String(m.wire) : jsString(m.wire);
}

/** A [Flags] enum travels as one number holding any of its flags' bits: the union of its values. */
export function flagsMask(t: TypeDef): number {
  return t.enumMembers.reduce((mask, m) => mask | Number(m.wire), 0);
}

/** What a value of the enum must be, for a validator's message. */
export function enumExpected(t: TypeDef): string {
  if (!t.enumMembers.length) return 'no value (the enum is empty)';
  if (t.enumWire === 'flags') return `a number combining the flags ${t.enumMembers.map((m) => `${m.name} (${m.wire})`).join(', ')}`;
  return `one of ${t.enumMembers.map((m) => (typeof m.wire === 'number' ? String(m.wire) : `'${m.wire}'`)).join(', ')}`;
}

/**
 * The enum's doc lines after its description: how it travels, and each member whose wire value is
 * not its name or that has a description (`Value1` = `'Member 1'`: …).
 */
export function enumMemberDocs(t: TypeDef): string[] {
  const head =
    t.enumWire === 'flags'
      ? ['A [Flags] enum: a number combining the values of its flags.']
      : t.enumWire === 'integer'
        ? ["Travels as its members' numbers."]
        : [];
  const listed = t.enumMembers.filter((m) => t.enumWire !== 'string' || m.wire !== m.name || m.description);
  const lines = listed.map((m) => `- \`${m.name}\`${m.wire !== m.name ? ` = \`${enumLiteral(m)}\`` : ''}${m.description ? `: ${m.description}` : ''}`);
  return [...head, ...lines];
}
