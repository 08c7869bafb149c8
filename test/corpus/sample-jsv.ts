/**
 * JSV samples as the `/jsv/` metadata page prints them (ServiceStack/src/ServiceStack/Metadata/
 * JsvMetadataHandler.cs: `SerializeAndFormat`, i.e. ServiceStack.Text's TypeSerializer, then
 * JsvFormatter). TypeSerializer (Jsv/JsvTypeSerializer.cs, Common/WriteType.cs) writes the members
 * JSON would, under the same names and in the same order, null ones left out; keys and strings bare
 * unless they hold one of `" : , { } [ ]` or a line break (then `"…"` with `"` doubled:
 * StringExtensions.EncodeJsv); booleans as .NET prints them (`False`); dates as the shortest XSD
 * date (`0001-01-01`), time spans as XSD durations, Guids as 32 hex digits. JsvFormatter then
 * puts each item on its own line, tab-indented by depth, a space after a key's `:`, and a nested
 * map or list that is a key's value on a line of its own, unless it is empty.
 */
import type { ApiSpec } from './apis.js';
import { jsonName } from './metadata.js';
import { ordered } from './sample-json.js';
import type { Sample } from './sample-values.js';

const SCALARS: Record<string, string> = {
  string: 'String',
  bool: 'False',
  DateTime: '0001-01-01',
  TimeSpan: 'PT0S',
  Guid: '00000000000000000000000000000000',
};

/** The sample as TypeSerializer writes it, on one line. */
export function jsvSample(api: ApiSpec, sample: Sample): string {
  return write(api, sample) ?? '';
}

function write(api: ApiSpec, s: Sample): string | undefined {
  switch (s.kind) {
    case 'null':
      return undefined;
    case 'scalar':
      return scalar(s);
    case 'list':
      return `[${s.items.flatMap((i) => write(api, i) ?? []).join(',')}]`;
    case 'dict':
      return `{${s.entries.map(([k, v]) => `${write(api, k) ?? ''}:${write(api, v) ?? ''}`).join(',')}}`;
    case 'object':
      return `{${ordered(s.fields, !!s.type.spec.dataContract)
        .flatMap((f) => {
          const value = write(api, f.value);
          return value === undefined ? [] : [`${encode(jsonName(f.member.spec))}:${value}`];
        })
        .join(',')}}`;
  }
}

function scalar(s: Extract<Sample, { kind: 'scalar' }>): string {
  if (s.enumValue) {
    const e = s.enumValue.type.spec.enum!;
    const m = s.enumValue.member;
    return e.flags || e.asInt ? String(m.value) : encode(m.enumMember ?? m.name);
  }
  return SCALARS[s.type.name] ?? '0';
}

function encode(text: string): string {
  return /[":,{}[\]\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** JsvFormatter's layout of a one-line JSV text: one item per line, tabs by depth. */
export function formatJsv(jsv: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  let keyed = false; // the current item's first `:` has been written
  const newline = (tabs: number) => `\n${'\t'.repeat(Math.max(0, tabs))}`;
  for (let i = 0; i < jsv.length; i++) {
    const c = jsv[i]!;
    if (c === '{' || c === '[') {
      const closes = jsv[i + 1] === '}' || jsv[i + 1] === ']';
      if (jsv[i - 1] === ':' && closes) {
        out += c + jsv[++i];
        continue;
      }
      if (jsv[i - 1] === ':') out += newline(depth);
      out += c + newline(++depth);
      keyed = false;
    } else if (c === '}' || c === ']') {
      out += newline(--depth) + c;
      keyed = false;
    } else if (c === ',' && !inString) {
      out += c + newline(depth);
      keyed = false;
    } else {
      if (c === '"') inString = !inString;
      out += c;
      if (c === ':' && !keyed) {
        out += ' ';
        keyed = true;
      }
    }
  }
  return out;
}
