/**
 * The Swift tab (ServiceStack/src/ServiceStack/NativeTypes/Swift/SwiftGenerator.cs): `TypeAliases`
 * (`Int32`, `Int64` → `Int`; `Decimal` → `Double`; `Guid` → `String`; `TimeSpan` → `TimeInterval`,
 * with the `@TimeSpan` converter), lists `[T]`, dictionaries `[K:V]`; `public var name:T` with `?`
 * only for a nullable value type (the page's config leaves `MakePropertiesOptional` off);
 * `Codable` added to a class without a base, whose subclasses get `CodingKeys`, `init(from:)` and
 * `encode(to:)`; attributes as `// @…` comments; enums `: Int` with values, else `: String`.
 */
import type { MemberSpec, TypeSpec } from '../apis.js';
import { elementOf, isDictionary, isList, type NetType } from '../dotnet.js';
import { apiMember, baseType, clr, dataMember, enumMembers, fieldName, indent, memberType, namedArgs, type TabLanguage, type TabTypes } from '../tab-source.js';

const ALIASES: Record<string, string> = {
  Boolean: 'Bool',
  DateTime: 'Date',
  DateOnly: 'Date',
  DateTimeOffset: 'Date',
  TimeSpan: 'TimeInterval',
  TimeOnly: 'TimeInterval',
  Guid: 'String',
  Char: 'String',
  Byte: 'UInt8',
  Int32: 'Int',
  Int64: 'Int',
  Single: 'Float',
  Decimal: 'Double',
  Object: 'String',
};

function swiftType(t: NetType): string {
  if (isList(t)) return `[${swiftType(elementOf(t))}]`;
  if (isDictionary(t)) return `[${t.args.map(swiftType).join(':')}]`;
  const name = ALIASES[clr(t)] ?? clr(t);
  const args = t.args.length ? `<${t.args.map(swiftType).join(', ')}>` : '';
  return `${name}${args}${t.nullable ? '?' : ''}`;
}

function attributes(m: MemberSpec): string[] {
  const dm = dataMember(m);
  const api = apiMember(m);
  return [
    ...(m.description ? ['/**', `* ${m.description}`, '*/'] : []),
    ...(dm ? [`// @DataMember(${namedArgs(dm)})`] : []),
    ...(api ? [`// @ApiMember(${namedArgs(api)})`] : []),
  ];
}

function property(types: TabTypes, m: MemberSpec): string {
  const t = memberType(m);
  const type = swiftType({ ...t, nullable: t.nullable && types.isValueType(t.name) && !t.arrayRank });
  return `${type.startsWith('TimeInterval') ? '@TimeSpan ' : ''}public var ${fieldName(m)}:${type}`;
}

function classLines(types: TabTypes, t: TypeSpec): string[] {
  const base = baseType(t);
  const params = t.genericParams?.length ? `<${t.genericParams.map((p) => `${p} : Codable`).join(', ')}>` : '';
  const members = t.members ?? [];
  const props = members.flatMap((m, i) => {
    const decorated = attributes(m);
    return [...(i > 0 && decorated.length ? [''] : []), ...decorated, property(types, m)];
  });
  const body = [...props, ...(members.length ? [''] : []), base ? 'required public init(){ super.init() }' : 'required public init(){}'];
  if (base) body.push('', ...codable(members));
  const extend = base ? ` : ${swiftType(base)}` : ' : Codable';
  return [...(t.dataContract ? ['// @DataContract'] : []), `public class ${t.name}${params}${extend}`, '{', ...indent(body), '}'];
}

/** A subclass's Codable implementation, which Swift does not synthesize for it. */
function codable(members: MemberSpec[]): string[] {
  const keys = members.length ? ['private enum CodingKeys : String, CodingKey {', ...indent(members.map((m) => `case ${fieldName(m)}`)), '}', ''] : [];
  const decode = members.map((m) => {
    const type = swiftType(memberType(m)).replace(/\?$/, '');
    return `${fieldName(m)} = try container.decodeIfPresent(${type}.self, forKey: .${fieldName(m)})${isList(memberType(m)) ? ' ?? []' : ''}`;
  });
  const encode = members.map((m) => `if ${fieldName(m)} != nil { try container.encode(${fieldName(m)}, forKey: .${fieldName(m)}) }`);
  return [
    ...keys,
    'required public init(from decoder: Decoder) throws {',
    ...indent(['try super.init(from: decoder)', ...(members.length ? ['let container = try decoder.container(keyedBy: CodingKeys.self)', ...decode] : [])]),
    '}',
    '',
    'public override func encode(to encoder: Encoder) throws {',
    ...indent(['try super.encode(to: encoder)', ...(members.length ? ['var container = encoder.container(keyedBy: CodingKeys.self)', ...encode] : [])]),
    '}',
  ];
}

function enumLines(t: TypeSpec): string[] {
  const members = enumMembers(t.enum!);
  const ints = members.filter((m) => m.value !== undefined).length > 1;
  const cases = members.map((m) => (m.value === undefined ? `case ${m.name}` : `case ${m.name} = ${m.value}`));
  return [...(t.enum!.flags ? ['// @Flags()'] : []), `public enum ${t.name} : ${ints ? 'Int' : 'String'}, Codable`, '{', ...indent(cases), '}'];
}

export const SWIFT: TabLanguage = {
  key: 'swift',
  label: 'Swift',
  render: (types: TabTypes) =>
    ['import Foundation', 'import ServiceStack', ...types.types.flatMap((t) => ['', ...(t.enum ? enumLines(t) : classLines(types, t))])].join('\n'),
};
