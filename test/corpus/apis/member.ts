/** Shorthand for the API data files: a member, or a list of plain members of one type. */
import type { MemberSpec } from '../apis.js';

export function m(name: string, type: string, extra: Partial<MemberSpec> = {}): MemberSpec {
  return { name, type, ...extra };
}

/** `strings('A', 'B')`: members of type `string`, optionally all required. */
export function strings(names: string[], extra: Partial<MemberSpec> = {}): MemberSpec[] {
  return names.map((name) => m(name, 'string', extra));
}
