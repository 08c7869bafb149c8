/**
 * A type's .NET namespace: C#'s (VB.NET's) `namespace` states it; an XML sample shows it in its elements'
 * namespace (members are serialised in the namespace of the class that declares them, so a base
 * class's namespace shows in its subclasses' samples). Disagreements are reported (SS079).
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { TypeFacts } from '../facts.js';
import { RANKING, STATED_BY, strongest } from '../sources.js';
import { at } from './at.js';

export function resolveNamespace(t: TypeFacts, bag: DiagnosticBag): string | undefined {
  const chosen = strongest(t.namespace, RANKING.namespace);
  if (chosen && chosen.source !== 'xml')
    for (const other of t.namespace)
      if (other.value !== chosen.value) {
        const what = other.source === 'xml' ? 'its XML sample' : STATED_BY[other.source];
        bag.warn(
          'SS079',
          other.loc,
          `'${t.name}' is in namespace '${other.value}' by ${what} here but '${chosen.value}' by ${STATED_BY[chosen.source]} at ${at(chosen.loc)}; using the latter`,
        );
      }
  return chosen?.value;
}
