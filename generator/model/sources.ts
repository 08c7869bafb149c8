/**
 * Which source wins, attribute by attribute: the ranking every resolver reads. Each ranking is a
 * list of tiers, strongest first; the sources of one tier are equally strong, and among them the
 * first stated (in page order) wins. A source not listed is never taken for that attribute.
 *
 * The DTO sources, by what their generators (ServiceStack/src/ServiceStack/NativeTypes/) keep of the
 * .NET declaration:
 * - .NET: C#, VB.NET, F# write the .NET type and property name exactly (VB's `Integer`, F#'s `Int32`);
 * - mapped: Kotlin and Java map each .NET type to one of theirs, keeping integer widths
 *   (`Int`, `Long`, `BigDecimal`, `UUID`); Swift and Dart keep less (one `Int`, one `int`; `Double`
 *   also for decimal); Python keeps families (`int`, `float`); none of them nullability, but for
 *   Python's `Optional` and Dart's `int?`; these write the name as it travels;
 * - weak: TypeScript and JavaScript (its JSDoc `@type`) write `number` for every number.
 *
 * | attribute        | tiers, strongest first                                           | why                                                              |
 * | ---------------- | ---------------------------------------------------------------- | ---------------------------------------------------------------- |
 * | member name      | table · .NET · built-in · XML · Python · wire-name writers · JSON, JSV | the .NET name: tables, .NET sources, ServiceStack's own and XML write it; the others a wire name |
 * | member type      | table · .NET · Kotlin, Java · Python, Swift, Dart · built-in (TypeScript, JavaScript only alone) | exact .NET type, then by how much of it each keeps |
 * | wire name        | JSON, JSV · .NET · wire-name writers · Python                      | what travels (JSV keys follow the host's TextCase and DataMember names as JSON's do), then what the DTO states |
 * | description      | table · any DTO source                                           | the metadata page's column, then the DTO's attributes             |
 * | base class       | table · any DTO source · built-in                                | the page's structure, then the class declaration                  |
 * | type parameters  | any DTO source · table · built-in                                | the class declaration names them; a caption `X<T>` or ServiceStack's own only where none does |
 * | namespace        | C#, VB.NET · XML                                                 | their `namespace` states it (F#'s is one for all types); XML only shows it |
 * | required         | any source saying Yes                                            | ServiceStack validates what any of them requires                  |
 * | enum member      | table · .NET · TypeScript, JavaScript, Swift, Dart · Kotlin, Java · Python | the .NET member name and its values; Kotlin and Java PascalCase the name, Python upper-cases it |
 */
import type { DeclaredLang, SourceKind } from './facts.js';

export type Ranking = readonly (readonly SourceKind[])[];

/** The sources that write the .NET declaration exactly. */
export const DOTNET_LANGS: readonly DeclaredLang[] = ['csharp', 'vbnet', 'fsharp'];
/** The sources that name a member as it travels (in the host's text case, or by its DataMember name). */
const WIRE_WRITERS: readonly SourceKind[] = ['typescript', 'javascript', 'kotlin', 'java', 'swift', 'dart'];
const DTO: readonly SourceKind[] = ['csharp', 'vbnet', 'fsharp', 'kotlin', 'java', 'swift', 'dart', 'python', 'typescript', 'javascript'];
/** JSON and JSV samples: one serializer configuration (TextCase, DataMember names) writes both keys. */
const SAMPLE_KEYS: readonly SourceKind[] = ['json', 'jsv'];

export const RANKING = {
  name: [['table'], DOTNET_LANGS, ['builtin'], ['xml'], ['python'], WIRE_WRITERS, SAMPLE_KEYS],
  /** TypeScript's and JavaScript's types are checked against these, and taken only where none states one (resolve/member-type.ts). */
  type: [['table'], DOTNET_LANGS, ['kotlin', 'java'], ['python', 'swift', 'dart'], ['builtin']],
  wireName: [SAMPLE_KEYS, DOTNET_LANGS, WIRE_WRITERS, ['python']],
  description: [['table'], DTO],
  base: [['table'], DTO, ['builtin']],
  typeParameters: [DTO, ['table'], ['builtin']],
  namespace: [['csharp', 'vbnet'], ['xml']],
  enumMember: [['table'], DOTNET_LANGS, ['typescript', 'javascript', 'swift', 'dart'], ['kotlin', 'java'], ['python']],
} as const satisfies Record<string, Ranking>;

/** The sources whose type is weaker than any other's (`number` is every .NET number): checked, taken only alone. */
export const WEAK_TYPE_SOURCES: readonly SourceKind[] = ['typescript', 'javascript'];

/** The strongest fact by a ranking: the first of the strongest tier that has any. */
export function strongest<F extends { source: SourceKind }>(facts: readonly F[], ranking: Ranking): F | undefined {
  for (const tier of ranking) {
    const found = facts.find((f) => tier.includes(f.source));
    if (found) return found;
  }
  return undefined;
}

/** How messages name a DTO source. */
export const DECLARED_BY: Record<DeclaredLang, string> = {
  python: 'the Python DTO',
  csharp: 'the C# DTO',
  typescript: 'the TypeScript DTO',
  vbnet: 'the VB.NET DTO',
  fsharp: 'the F# DTO',
  kotlin: 'the Kotlin DTO',
  java: 'the Java DTO',
  swift: 'the Swift DTO',
  dart: 'the Dart DTO',
  javascript: 'the JavaScript DTO',
};

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
  return Object.hasOwn(DECLARED_BY, source);
}
