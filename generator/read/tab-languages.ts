/**
 * The languages of ServiceStack's "Add ServiceStack Reference" tabs on an operation page
 * (`/json/metadata?op=X&lang=…`, ServiceStack/src/ServiceStack/Metadata/BaseMetadataHandler.cs):
 * the `lang=` key, the label of the nav link and of the `<Label> <Op> DTOs` link under the code,
 * and which tabs this generator reads. A tab is known by that link, by the `language-…` class of
 * its `<code>` or the `lang=` of the page's URL, else by its syntax (`sniffTabLanguage`).
 *
 * Everything here is asked of a line at most once, and the common answer (no tab) comes from a
 * first-character check: a page of any size is not slowed by it.
 */

/** ServiceStack's `lang=` keys, in the order its nav lists them. */
export type TabLang =
  'csharp' | 'mjs' | 'typescript' | 'dart' | 'java' | 'kotlin' | 'python' | 'php' | 'swift' | 'vbnet' | 'fsharp' | 'go' | 'rust' | 'ruby' | 'zig';

/** The tabs whose DTO source is read; the others are recognised and skipped with one note (SS097). */
export type ReadTabLang = Exclude<TabLang, 'php' | 'go' | 'rust' | 'ruby' | 'zig'>;

interface TabLanguage {
  key: TabLang;
  label: string;
  read: boolean;
}

export const TAB_LANGUAGES: readonly TabLanguage[] = [
  { key: 'csharp', label: 'C#', read: true },
  { key: 'mjs', label: 'JavaScript', read: true },
  { key: 'typescript', label: 'TypeScript', read: true },
  { key: 'dart', label: 'Dart', read: true },
  { key: 'java', label: 'Java', read: true },
  { key: 'kotlin', label: 'Kotlin', read: true },
  { key: 'python', label: 'Python', read: true },
  { key: 'php', label: 'PHP', read: false },
  { key: 'swift', label: 'Swift', read: true },
  { key: 'vbnet', label: 'VB.NET', read: true },
  { key: 'fsharp', label: 'F#', read: true },
  { key: 'go', label: 'Go', read: false },
  { key: 'rust', label: 'Rust', read: false },
  { key: 'ruby', label: 'Ruby', read: false },
  { key: 'zig', label: 'Zig', read: false },
];

const BY_LABEL = new Map(TAB_LANGUAGES.map((t) => [t.label, t.key]));
const BY_KEY = new Map<string, TabLang>(TAB_LANGUAGES.map((t) => [t.key, t.key]));
/** Other spellings of a key: highlighters' class names, file extensions. */
const KEY_ALIASES: Record<string, TabLang> = {
  cs: 'csharp',
  ts: 'typescript',
  js: 'mjs',
  javascript: 'mjs',
  kt: 'kotlin',
  vb: 'vbnet',
  fs: 'fsharp',
  py: 'python',
  rs: 'rust',
  rb: 'ruby',
};

/**
 * The tabs by how much of the .NET declaration their generator keeps (model/sources.ts): C#, then
 * VB.NET and F# (exact too; VB with the types' namespaces), Kotlin and Java (integer widths),
 * Dart (nullable numbers, required collections), Swift, TypeScript, JavaScript. Python's is
 * fetched besides any (crawl.ts).
 */
export const TAB_PREFERENCE: readonly TabLang[] = ['csharp', 'vbnet', 'fsharp', 'kotlin', 'java', 'dart', 'swift', 'typescript', 'mjs'];

export function isReadTab(lang: TabLang): lang is ReadTabLang {
  return TAB_LANGUAGES.find((t) => t.key === lang)!.read;
}

export function tabLabel(lang: TabLang): string {
  return TAB_LANGUAGES.find((t) => t.key === lang)!.label;
}

/** A `lang=` key or a highlighter's class name (`language-kotlin`, `language-cs`): the tab, if it is one. */
export function tabByKey(key: string): TabLang | undefined {
  const k = key.toLowerCase();
  return BY_KEY.get(k) ?? (Object.hasOwn(KEY_ALIASES, k) ? KEY_ALIASES[k] : undefined);
}

/** `Kotlin Hello DTOs`: the link ServiceStack writes under a tab's code. */
const DTO_LINK = /^(C#|JavaScript|TypeScript|Dart|Java|Kotlin|Python|PHP|Swift|VB\.NET|F#|Go|Rust|Ruby|Zig) \S+ DTOs$/;

/** The tab a `<Label> <Op> DTOs` line names, or undefined when the line is no such link. */
export function tabOfDtoLink(line: string): TabLang | undefined {
  if (!line.endsWith(' DTOs')) return undefined;
  const m = DTO_LINK.exec(line);
  return m ? BY_LABEL.get(m[1]!) : undefined;
}

const NAV_WORDS = new Set(['Metadata', ...TAB_LANGUAGES.map((t) => t.label)]);
const NAV_RUN = new RegExp(`^(?:(?:Metadata|${TAB_LANGUAGES.map((t) => t.label.replace(/[.#+]/g, '\\$&')).join('|')})\\s*)+$`);

/**
 * A line of the tabs' nav as a text dump keeps it: one link a line (`Metadata`, `C#`, `VB.NET`…,
 * each next to another: an operation may be named `Metadata` or `Go`), or all on one line, with
 * or without spaces (`Metadata C# JavaScript …`, `MetadataC#JavaScript…`). `neighbour`: the
 * line before (-1) or after (1) it, trimmed; asked only of a line that is one link.
 */
export function isTabNav(line: string, neighbour: (offset: -1 | 1) => string | undefined): boolean {
  if (NAV_WORDS.has(line)) return NAV_WORDS.has(neighbour(-1) ?? '') || NAV_WORDS.has(neighbour(1) ?? '');
  return line.startsWith('Metadata') && line.length < 200 && NAV_RUN.test(line);
}

/**
 * The first line of a DTO section in a text dump, and the language it suggests: the imports or
 * header each generator starts with (WithoutOptions, as the tab shows it), or a declaration in a
 * form no other part of a page takes. `options` for the `/* Options:` header of a `/types/…`
 * source, whose language the rest tells. The section's link line, where the dump kept it, wins.
 */
export function tabStart(line: string): TabLang | 'options' | undefined {
  const candidates = line[0] === undefined ? undefined : STARTS_BY_CHAR.get(line[0]);
  if (candidates) for (const [pattern, lang] of candidates) if (pattern.test(line)) return lang;
  return undefined;
}

/** The first line of each generator's source: the characters it can start with, the pattern, the language. */
const STARTS: readonly [string, RegExp, TabLang | 'options'][] = [
  ['/', /^\/\* Options:$/, 'options'],
  ['e/', /^(\/\/ @ts-nocheck$|export (declare )?(class|interface|enum|type|module|namespace) \w|\/\/ @(Route|Api|DataContract)\b)/, 'typescript'],
  ['"', /^"use strict";$/, 'mjs'],
  ['i', /^import (java|javax|net\.servicestack|com\.google)\.[\w.]*(\.\*)?;$/, 'java'],
  ['i', /^import (java|javax|net\.servicestack|com\.google)\.[\w.]*(\.\*)?$/, 'kotlin'],
  ['i', /^import (Foundation|ServiceStack|UIKit)$/, 'swift'],
  ['il', /^(import 'package:[^']+';|library \w+;)$/, 'dart'],
  ['I', /^Imports [\w.]+$/, 'vbnet'],
  ['if@c', /^(import \w|from [\w.]+ import |@dataclass|class \w+\s*[(:])/, 'python'],
  [
    'un[p',
    /^(using (static )?[\w.]+;$|namespace [\w.]+\s*[{;]?$|\[(Route|Api|DataContract)\b|public (partial |abstract |sealed |static )*(class|enum|interface|record|struct) \w)/,
    'csharp',
  ],
  ['oe', /^(open|enum) class \w/, 'kotlin'],
  ['<', /^<\?php\b/, 'php'],
  ['p', /^package \w+$/, 'go'],
  ['u#', /^(use serde|#!?\[(derive|allow)\()/, 'rust'],
  ['#', /^# frozen_string_literal: true$/, 'ruby'],
  ['c', /^const std = @import\("std"\);$/, 'zig'],
];

/** Every line of a page is asked: only the patterns its first character can start are tried, in order. */
const STARTS_BY_CHAR: ReadonlyMap<string, readonly [RegExp, TabLang | 'options'][]> = (() => {
  const byChar = new Map<string, [RegExp, TabLang | 'options'][]>();
  for (const [chars, pattern, lang] of STARTS)
    for (const c of chars) {
      const list = byChar.get(c) ?? [];
      list.push([pattern, lang]);
      byChar.set(c, list);
    }
  return byChar;
})();

/**
 * A DTO section's language by what it declares, for a dump that lost the link line: each line
 * that one language writes is a vote for it (C#'s and F#'s files both start `namespace X`, but
 * only one of them goes on with `{ get; set; }` or `member val`); the most votes win, the first
 * language listed on a tie. The first few hundred lines are enough. Undefined when no line tells.
 */
export function sniffTabLanguage(lines: readonly string[]): TabLang | undefined {
  const votes = new Map<TabLang, number>();
  for (const raw of lines.slice(0, 400)) {
    const line = raw.trim();
    if (!line) continue;
    for (const [pattern, lang] of SNIFFS) if (pattern.test(line)) votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  let best: TabLang | undefined;
  for (const [, lang] of SNIFFS) if (best === undefined || (votes.get(lang) ?? 0) > (votes.get(best) ?? 0)) best = lang;
  return best && votes.get(best) ? best : undefined;
}

const SNIFFS: readonly [RegExp, TabLang][] = [
  [/^namespace [\w.]+\s*\{?$|\{ get; set; \}|^using [\w.]+;$/, 'csharp'],
  [/^constructor\(init\) \{|^"use strict";$|^export var \w+;$/, 'mjs'],
  [/^export (class|interface|enum|type) /, 'typescript'],
  [/^(open|enum) class \w|^(open |override )?var \w+:|^import [\w.]+(\.\*)?$|^companion object /, 'kotlin'],
  [/^public static (class|enum) \w|^import [\w.]+(\.\*)?;$/, 'java'],
  [/^public (class|enum) \w+ : |^public var \w+:|^required public init\(|^import Foundation$/, 'swift'],
  [/^class \w+.* implements IConvertible|^fromMap\(Map<String, dynamic> json\)|^TypeContext\b|^import 'package:/, 'dart'],
  [/^(Public (Partial )?Class \w|End Class$|Imports [\w.]+$|Public (Overridable )?Property \w)/, 'vbnet'],
  [/^(type \w+(<.*>)?\(\) =|member val \w|\[<AllowNullLiteral>\]$|open System$)/, 'fsharp'],
  [/^@dataclass|^from [\w.]+ import |^class \w+\(.*\):$/, 'python'],
  [/^<\?php\b|^public function __construct\(/, 'php'],
  [/^type \w+ struct \{$|^package \w+$/, 'go'],
  [/^pub struct \w|^#\[derive\(/, 'rust'],
  [/^attr_accessor :|^module \w+$|^# frozen_string_literal: true$|^include ServiceStack::/, 'ruby'],
  [/^pub const \w+ = struct \{$/, 'zig'],
];
