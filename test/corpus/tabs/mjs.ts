/**
 * The JavaScript tab (`lang=mjs`, ServiceStack/src/ServiceStack/NativeTypes/TypeScript/MjsGenerator.cs):
 * ES classes whose members carry their TypeScript type (TypeScriptGenerator's `TypeAliases`: every
 * number `number`, dates, Guids and TimeSpans `string`) in a JSDoc `@type`, `?` before it when the
 * member is optional (`IsPropertyOptional`: not `IsRequired()`), `@description` where there is one;
 * generic arguments erased (`extends QueryDb`, a `/** @typedef T {any} *\/` for each parameter); a
 * constructor whose `@param` lists every member, own and inherited; enums as the object a function
 * fills (`E["A"] = "A"`, or `E[E["A"] = 1] = "A"` for one with values). No routes, no attributes.
 */
import type { MemberSpec, TypeSpec } from '../apis.js';
import { elementOf, isDictionary, isList, type NetType } from '../dotnet.js';
import { baseType, clr, enumMembers, indent, memberType, wireName, type TabLanguage, type TabTypes } from '../tab-source.js';
import { findType } from '../apis.js';

const TS_ALIASES: Record<string, string> = {
  String: 'string',
  Boolean: 'boolean',
  DateTime: 'string',
  DateOnly: 'string',
  DateTimeOffset: 'string',
  TimeSpan: 'string',
  TimeOnly: 'string',
  Guid: 'string',
  Char: 'string',
  Object: 'Object',
};
const NUMBERS = new Set(['Byte', 'SByte', 'Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64', 'Single', 'Double', 'Decimal']);

function tsType(t: NetType): string {
  if (t.arrayRank === 1 && t.name === 'byte') return 'string';
  if (isList(t)) return `${tsType(elementOf(t))}[]`;
  if (isDictionary(t)) return `{ [index:${tsType({ ...t.args[0]!, nullable: false })}]: ${tsType(t.args[1]!)}; }`;
  const name = clr(t);
  const alias = NUMBERS.has(name) ? 'number' : (TS_ALIASES[name] ?? name);
  return t.args.length ? `${alias}<${t.args.map(tsType).join(',')}>` : alias;
}

function optional(types: TabTypes, m: MemberSpec): boolean {
  const t = memberType(m);
  return !(m.required || (types.isValueType(t.name) && !t.nullable && !t.arrayRank));
}

function classLines(types: TabTypes, t: TypeSpec): string[] {
  const base = baseType(t);
  const own = t.members ?? [];
  const inherited: MemberSpec[] = [];
  for (let b = base && findTypeIn(types, base.name); b; b = b.base ? findTypeIn(types, b.base.replace(/<.*$/, '')) : undefined)
    inherited.push(...(b.members ?? []));
  const init = [...own, ...inherited].map((m) => `${wireName(m)}?:${tsType(memberType(m))}`).join(',');
  const members = own.flatMap((m) => {
    const type = `${optional(types, m) ? '?' : ''}${tsType(memberType(m))}`;
    const doc = m.description ? ['/**', ` * @type {${type}}`, ` * @description ${m.description} */`] : [`/** @type {${type}} */`];
    return [...doc, `${wireName(m)};`];
  });
  return [
    ...(t.genericParams ?? []).map((p) => `/** @typedef ${p} {any} */`),
    `export class ${t.name}${base ? ` extends ${base.name}` : ''} {`,
    ...indent([
      ...(init ? [`/** @param {{${init}}} [init] */`] : []),
      base ? 'constructor(init) { super(init); Object.assign(this, init) }' : 'constructor(init) { Object.assign(this, init) }',
      ...members,
    ]),
    '}',
  ];
}

function findTypeIn(types: TabTypes, name: string): TypeSpec | undefined {
  return findType(types.api, name);
}

function enumLines(t: TypeSpec): string[] {
  const members = enumMembers(t.enum!);
  const strings = members.every((m) => m.value === undefined || m.memberValue !== undefined);
  const typedef = strings ? members.map((m) => `'${m.memberValue ?? m.name}'`).join('|') : 'number';
  const lines = members.map((m) =>
    m.value === undefined || m.memberValue !== undefined
      ? `${t.name}["${m.name}"] = "${m.memberValue ?? m.name}"`
      : `${t.name}[${t.name}["${m.name}"] = ${m.value}] = "${m.name}"`,
  );
  return [`/** @typedef {${typedef}} */`, `export var ${t.name};`, `(function (${t.name}) {`, ...indent(lines), `})(${t.name} || (${t.name} = {}));`];
}

export const MJS: TabLanguage = {
  key: 'mjs',
  label: 'JavaScript',
  render: (types: TabTypes) => ['"use strict";', ...types.types.flatMap((t) => (t.enum ? enumLines(t) : classLines(types, t))), ''].join('\n'),
};
