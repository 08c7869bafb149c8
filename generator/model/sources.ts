/**
 * Which source wins, attribute by attribute: the ranking every resolver reads. Each ranking is a
 * list of tiers, strongest first; the sources of one tier are equally strong, and among them the
 * first stated (in page order) wins. A source not listed is never taken for that attribute.
 *
 * | attribute        | tiers, strongest first                           | why                                                              |
 * | ---------------- | ------------------------------------------------ | ---------------------------------------------------------------- |
 * | member name      | table · C# · built-in · XML · Python · TypeScript · JSON, JSV | the .NET name: tables, C#, ServiceStack's own and XML write it; the others a wire name |
 * | member type      | table · C# · Python · built-in (TypeScript only alone) | exact .NET type, then by family; TypeScript's `number` is weaker |
 * | wire name        | JSON, JSV · C# · TypeScript · Python             | what travels (JSV keys follow the host's TextCase and DataMember names as JSON's do), then what the DTO states |
 * | description      | table · any DTO source                           | the metadata page's column, then the DTO's attributes             |
 * | base class       | table · any DTO source · built-in                | the page's structure, then the class declaration                  |
 * | type parameters  | any DTO source · table · built-in                | the class declaration names them; a caption `X<T>` or ServiceStack's own only where none does |
 * | namespace        | C# · XML                                         | C#'s `namespace` states it; XML only shows it                     |
 * | required         | any source saying Yes                            | ServiceStack validates what any of them requires                  |
 * | enum member      | table · C# · TypeScript · Python                 | the .NET member name and its values; Python upper-cases the name   |
 */
import type { DeclaredLang, SourceKind } from './facts.js';

export type Ranking = readonly (readonly SourceKind[])[];

const DTO: readonly SourceKind[] = ['csharp', 'python', 'typescript'];
/** JSON and JSV samples: one serializer configuration (TextCase, DataMember names) writes both keys. */
const SAMPLE_KEYS: readonly SourceKind[] = ['json', 'jsv'];

export const RANKING = {
  name: [['table'], ['csharp'], ['builtin'], ['xml'], ['python'], ['typescript'], SAMPLE_KEYS],
  /** TypeScript's type is checked against these, and taken only where none states one (resolve/member-type.ts). */
  type: [['table'], ['csharp'], ['python'], ['builtin']],
  wireName: [SAMPLE_KEYS, ['csharp'], ['typescript'], ['python']],
  description: [['table'], DTO],
  base: [['table'], DTO, ['builtin']],
  typeParameters: [DTO, ['table'], ['builtin']],
  namespace: [['csharp'], ['xml']],
  enumMember: [['table'], ['csharp'], ['typescript'], ['python']],
} as const satisfies Record<string, Ranking>;

/** The strongest fact by a ranking: the first of the strongest tier that has any. */
export function strongest<F extends { source: SourceKind }>(facts: readonly F[], ranking: Ranking): F | undefined {
  for (const tier of ranking) {
    const found = facts.find((f) => tier.includes(f.source));
    if (found) return found;
  }
  return undefined;
}

/** How messages name a DTO source. */
export const DECLARED_BY: Record<DeclaredLang, string> = { python: 'the Python DTO', csharp: 'the C# DTO', typescript: 'the TypeScript DTO' };

/** How messages name any source. */
export const STATED_BY: Record<SourceKind, string> = {
  table: 'the table',
  ...DECLARED_BY,
  xml: 'the XML sample',
  json: 'the JSON sample',
  jsv: 'the JSV sample',
  builtin: "ServiceStack's own declaration",
};

/** A sample that shows wire names (JSON, JSV). */
export function isKeyedSample(source: SourceKind): source is 'json' | 'jsv' {
  return source === 'json' || source === 'jsv';
}

export function isDeclaredLang(source: SourceKind): source is DeclaredLang {
  return source === 'csharp' || source === 'python' || source === 'typescript';
}
