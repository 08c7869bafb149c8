/**
 * JSON samples as ServiceStack.Text writes them (ServiceStack.Text/src/ServiceStack.Text/Common/
 * WriteType.cs): one line, camelCase names or `[DataMember(Name)]`, null members left out. A
 * `[DataContract]` type writes only its `[DataMember]`s, ordered by `Order` (stable: members
 * without one keep reflection order); any other type writes every member in reflection order,
 * the class's own members before those it inherits. `[Flags]` and `[EnumAsInt]` enums travel as
 * numbers, others as their `[EnumMember]` value or name; dates are `\/Date(…)\/` unless the host
 * chose ISO 8601; Guids have no dashes.
 */
import type { ApiSpec } from './apis.js';
import { jsonName } from './metadata.js';
import type { Sample, SampleField } from './sample-values.js';

const DATES = { wcf: '\\/Date(-62135596800000-0000)\\/', iso8601: '0001-01-01T00:00:00.0000000' };

const SCALARS: Record<string, (api: ApiSpec) => string> = {
  string: () => '"String"',
  bool: () => 'false',
  DateTime: (api) => `"${DATES[api.jsonDates]}"`,
  TimeSpan: () => '"PT0S"',
  Guid: () => '"00000000000000000000000000000000"',
};

export function jsonSample(api: ApiSpec, sample: Sample): string {
  return write(api, sample) ?? 'null';
}

function write(api: ApiSpec, s: Sample): string | undefined {
  switch (s.kind) {
    case 'null':
      return undefined;
    case 'scalar':
      return scalar(api, s);
    case 'list':
      return `[${s.items.map((i) => write(api, i) ?? 'null').join(',')}]`;
    case 'dict':
      return `{${s.entries.map(([k, v]) => `${key(api, k)}:${write(api, v) ?? 'null'}`).join(',')}}`;
    case 'object':
      return `{${ordered(s.fields, !!s.type.spec.dataContract)
        .flatMap((f) => {
          const value = write(api, f.value);
          return value === undefined ? [] : [`"${jsonName(f.member.spec)}":${value}`];
        })
        .join(',')}}`;
  }
}

function scalar(api: ApiSpec, s: Extract<Sample, { kind: 'scalar' }>): string {
  if (s.enumValue) {
    const e = s.enumValue.type.spec.enum!;
    const m = s.enumValue.member;
    return e.flags || e.asInt ? String(m.value) : `"${m.enumMember ?? m.name}"`;
  }
  return (SCALARS[s.type.name] ?? (() => '0'))(api);
}

/** A dictionary key is always a JSON string. */
function key(api: ApiSpec, k: Sample): string {
  const text = write(api, k) ?? 'null';
  return text.startsWith('"') ? text : `"${text}"`;
}

/** Reflection order is the most derived class's members first; a data contract then sorts by `Order`. */
export function ordered(fields: SampleField[], dataContract: boolean): SampleField[] {
  const owners = [...new Set(fields.map((f) => f.owner))].reverse();
  const reflection = owners.flatMap((o) => fields.filter((f) => f.owner === o));
  if (!dataContract) return reflection;
  return reflection
    .map((f, i) => ({ f, i, order: f.member.spec.dataMember?.order ?? -1 }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map((x) => x.f);
}
