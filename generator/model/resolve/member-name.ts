/**
 * A member's .NET name: a table's Name cell, else C#'s, an XML element's (tables, C# and XML write
 * the .NET name), else Python's camelCase, TypeScript's or a JSON key (they write a wire name).
 */
import type { MemberFacts } from '../facts.js';
import { RANKING, strongest } from '../sources.js';

export function resolveMemberName(m: MemberFacts): string | undefined {
  return strongest(m.name, RANKING.name)?.value;
}
