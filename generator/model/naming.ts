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
