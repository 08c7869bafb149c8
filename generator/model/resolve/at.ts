import type { SourceLocation } from '../../diagnostics.js';

/** `file:line`, as messages point at another source. */
export function at(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}
