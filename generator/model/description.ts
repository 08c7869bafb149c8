/** Facts carried by a description: examples after "e.g.", and "Mandatory only when … is 'X'" rules. */

const EXAMPLES = /\be\.g\.?[:,]?\s+(.*)$/i;
const RULE = /\b(?:mandatory|required)\s+(?:only\s+)?(?:when|if)\s+(.+?)\s+(?:is|=|equals)\s+'([^']*)'/i;

/**
 * `Title e.g. 'Mr & Mrs', 'Mr.', 'Sama' - Mandatory only…` → ['Mr & Mrs', 'Mr.', 'Sama'].
 * Quoted values are taken as quoted; otherwise the list is split on commas and "or".
 */
export function extractExamples(description: string): string[] {
  const m = EXAMPLES.exec(description);
  if (!m) return [];
  // The list ends where a clause starts: " - Mandatory…", or a sentence break.
  const list = m[1]!.split(/\s+-\s+|\.\s+(?=[A-Z])/)[0]!.trim();
  const quoted = [...list.matchAll(/'([^']*)'|"([^"]*)"/g)].map((q) => q[1] ?? q[2] ?? '');
  if (quoted.length) return dedupe(quoted);
  return dedupe(
    list
      .split(/\s*,\s*|\s+or\s+/)
      .map((v) => v.trim().replace(/\.$/, ''))
      .filter(Boolean),
  );
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** The subject phrase and value of a conditional-required rule, e.g. `customer type`, `PRIVATE`. */
export function extractCondition(description: string): { subject: string; equals: string } | undefined {
  const m = RULE.exec(description);
  return m ? { subject: m[1]!.trim().toLowerCase(), equals: m[2]! } : undefined;
}

/** The label of a description: the text before its examples or clauses (`Customer Type`). */
export function descriptionLabel(description: string): string {
  return description
    .split(/\s+e\.g\.|,\s*e\.g\.|\s+-\s+/i)[0]!
    .trim()
    .toLowerCase();
}
