/** Name conversions shared by the model passes. */

/** ServiceStack's `ToCamelCase`: lower-cases the leading capitals (`SMSFlag` → `smsFlag`, `PostId` → `postId`). */
export function serviceStackCamelCase(name: string): string {
  let out = '';
  let leading = true;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const next = name[i + 1] ?? 'A';
    const upper = c >= 'A' && c <= 'Z';
    if (leading && upper && (i === 0 || (next >= 'A' && next <= 'Z'))) out += c.toLowerCase();
    else {
      leading = false;
      out += c;
    }
  }
  return out;
}

/** The key that identifies a member across sources: `PostId`, `postId`, `post_id` are one member. */
export function memberKey(name: string): string {
  return name.indexOf('_') === -1 ? name.toLowerCase() : name.replace(/_/g, '').toLowerCase();
}

/** `Create customer` → `CreateCustomer`; undefined when the words do not make an identifier. */
export function pascalCaseWords(text: string): string | undefined {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : undefined;
}

/** `clientType` → `client type`, for matching a phrase in a description. */
export function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** English plurals a DTO's list member is named with that no suffix rule undoes. */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['people', 'person'],
  ['men', 'man'],
  ['women', 'woman'],
  ['data', 'data'],
  ['media', 'media'],
  ['criteria', 'criterion'],
  ['indices', 'index'],
]);

/** Suffix rules, tried in order: `categories` → `category`, `addresses` → `address`, `results` → `result`. */
const PLURAL_SUFFIXES: readonly [RegExp, string][] = [
  [/([^aeiou])ies$/i, '$1y'],
  [/(ss|sh|ch|x|z)es$/i, '$1'],
  [/(ss|us|is|ics)$/i, '$1'],
  [/s$/i, ''],
];

/**
 * The singular of a member's last word, as a list member's item type is named by ServiceStack's
 * conventions (`Results` → `Result`, `Categories` → `Category`); a word that is no plural stays.
 */
export function singularName(name: string): string {
  const last = /[A-Z]?[a-z0-9]+$|[A-Z]+$/.exec(name);
  const word = last?.[0] ?? name;
  const stem = name.slice(0, name.length - word.length);
  const irregular = IRREGULAR_PLURALS.get(word.toLowerCase());
  if (irregular !== undefined) return stem + matchCase(irregular, word);
  if (word.length < 3) return name;
  for (const [pattern, replacement] of PLURAL_SUFFIXES) if (pattern.test(word)) return stem + word.replace(pattern, replacement);
  return name;
}

function matchCase(word: string, like: string): string {
  return like[0] === like[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}
