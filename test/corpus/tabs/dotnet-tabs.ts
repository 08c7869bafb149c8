/**
 * The VB.NET and F# tabs (ServiceStack/src/ServiceStack/NativeTypes/VbNet/VbNetGenerator.cs,
 * FSharp/FSharpGenerator.cs): the .NET types with the language's few aliases (VB: `Short`,
 * `Integer`, `Long`, `Date`; F#: `ResizeArray` for `List`), generic arguments as `(Of …)` in VB,
 * `'T` in F#; the .NET property name (VB escapes a keyword `[Name]`); `'''<Summary>` and
 * `///<summary>` documentation; attributes `<Name(Arg:=…)>`, `[<Name(Arg=…)>]`. VB writes the types
 * sorted by namespace and name, each in its `Namespace` inside `Namespace Global`; F# one
 * `namespace` (the shortest ending `ServiceModel`) for all, each class `[<AllowNullLiteral>]`.
 */
import type { MemberSpec, TypeSpec } from '../apis.js';
import { elementOf, isList, type NetType } from '../dotnet.js';
import { apiMember, baseType, clr, dataMember, enumMembers, indent, memberType, namedArgs, type TabLanguage, type TabTypes } from '../tab-source.js';

const VB_ALIASES: Record<string, string> = { Int16: 'Short', Int32: 'Integer', Int64: 'Long', DateTime: 'Date' };
const VB_KEYWORDS = new Set([
  'Alias',
  'And',
  'As',
  'Boolean',
  'Byte',
  'Case',
  'Catch',
  'Date',
  'Decimal',
  'Double',
  'End',
  'Error',
  'Event',
  'Integer',
  'Long',
  'Module',
  'Name',
  'Object',
  'Property',
  'Short',
  'Single',
  'String',
  'Type',
]);

/**
 * VB's `TypeAlias`: a nested generic argument keeps ServiceStack's CLR spelling (`Nullable(Of
 * EnumType)`). `valued`: the value types, whose `?` is `Nullable<T>` (a reference type's is nothing
 * at run time, so not in the metadata).
 */
function vbType(t: NetType, valued: (name: string) => boolean, nested = false): string {
  if (t.arrayRank) return `${vbType(elementOf({ ...t, arrayRank: 1 }), valued, nested)}()`;
  const name = clr(t);
  const nullable = t.nullable && valued(t.name);
  if (nullable && !nested) return `${VB_ALIASES[name] ?? name}?`;
  if (nullable) return `Nullable(Of ${VB_ALIASES[name] ?? name})`;
  const alias = VB_ALIASES[name] ?? name;
  return t.args.length ? `${alias}(Of ${t.args.map((a) => vbType(a, valued, true)).join(', ')})` : alias;
}

function vbAttributes(m: MemberSpec): string[] {
  const dm = dataMember(m);
  const api = apiMember(m);
  return [
    ...(m.description ? ["'''<Summary>", `'''${m.description}`, "'''</Summary>"] : []),
    ...(dm ? [`<DataMember(${namedArgs(dm, ':=')})>`] : []),
    ...(api ? [`<ApiMember(${namedArgs(api, ':=')})>`] : []),
  ];
}

function vbTypeLines(types: TabTypes, t: TypeSpec): string[] {
  const valued = (name: string) => types.isValueType(name);
  if (t.enum) {
    const members = enumMembers(t.enum).flatMap((m) => [
      ...(m.memberValue !== undefined ? [`<EnumMember(Value:=${JSON.stringify(m.memberValue)})>`] : []),
      m.value === undefined ? m.name : `${m.name} = ${m.value}`,
    ]);
    return [...(t.enum.flags ? ['<Flags>'] : []), `Public Enum ${t.name}`, ...indent(members), 'End Enum'];
  }
  const base = baseType(t);
  const name = t.genericParams?.length ? `${t.name}(Of ${t.genericParams.join(', ')})` : t.name;
  const props = (t.members ?? []).flatMap((m, i) => {
    const decorated = vbAttributes(m);
    const propName = VB_KEYWORDS.has(m.name) ? `[${m.name}]` : m.name;
    return [...(i > 0 && decorated.length ? [''] : []), ...decorated, `Public Overridable Property ${propName} As ${vbType(memberType(m), valued)}`];
  });
  return [
    ...(t.dataContract ? ['<DataContract>'] : []),
    `Public Partial Class ${name}`,
    ...(base ? [`    Inherits ${vbType(base, valued)}`] : []),
    ...indent(props),
    'End Class',
  ];
}

function vbnet(types: TabTypes): string {
  const sorted = [...types.types].sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
  const lines = [
    'Imports System',
    'Imports System.IO',
    'Imports System.Collections',
    'Imports System.Collections.Generic',
    'Imports System.Runtime.Serialization',
    'Imports ServiceStack',
    'Imports ServiceStack.DataAnnotations',
    '',
    'Namespace Global',
  ];
  let ns: string | undefined;
  for (const t of sorted) {
    if (t.namespace !== ns) {
      if (ns !== undefined) lines.push('    End Namespace');
      lines.push('', `    Namespace ${t.namespace}`);
      ns = t.namespace;
    }
    lines.push('', ...indent(vbTypeLines(types, t), '        '));
  }
  if (ns !== undefined) lines.push('    End Namespace');
  lines.push('End Namespace', '');
  return lines.join('\n');
}

/** `params`: the type parameters of the type being written, which F# writes `'T`; `valued`: the value types (only their `?` is `Nullable<T>`). */
function fsType(t: NetType, valued: (name: string) => boolean, params: readonly string[] = []): string {
  if (t.arrayRank) return `${fsType(elementOf({ ...t, arrayRank: 1 }), valued, params)}[]`;
  if (isList(t)) return `ResizeArray<${fsType(elementOf(t), valued, params)}>`;
  const name = clr(t);
  if (t.nullable && valued(t.name)) return `Nullable<${name}>`;
  if (params.includes(name) && !t.args.length) return `'${name}`;
  return t.args.length ? `${name}<${t.args.map((a) => fsType(a, valued, params)).join(', ')}>` : name;
}

function fsTypeLines(types: TabTypes, t: TypeSpec): string[] {
  if (t.enum) {
    const members = enumMembers(t.enum).map((m, i) => `| ${m.name} = ${m.value ?? i}`);
    return [...(t.enum.flags ? ['[<Flags>]'] : []), `type ${t.name} =`, ...indent(members), ''];
  }
  const base = baseType(t);
  const params = t.genericParams?.length ? `<${t.genericParams.map((p) => `'${p}`).join(', ')}>` : '';
  const members = (t.members ?? []).flatMap((m, i) => {
    const dm = dataMember(m);
    const api = apiMember(m);
    const decorated = [
      ...(m.description ? ['///<summary>', `///${m.description}`, '///</summary>'] : []),
      ...(dm ? [`[<DataMember(${namedArgs(dm)})>]`] : []),
      ...(api ? [`[<ApiMember(${namedArgs(api)})>]`] : []),
    ];
    const type = memberType(m);
    const valued = (name: string) => types.isValueType(name);
    const literal = valued(type.name) && !type.arrayRank && clr(type) !== 'String' ? `new ${fsType(type, valued, t.genericParams)}()` : 'null';
    return [
      ...(i > 0 && decorated.length ? [''] : []),
      ...decorated,
      `member val ${m.name}:${fsType(type, valued, t.genericParams)} = ${literal} with get,set`,
    ];
  });
  const body = [...(base ? [`inherit ${fsType(base, (name) => types.isValueType(name))}()`] : []), ...members];
  return [
    ...(t.dataContract ? ['[<DataContract>]'] : []),
    '[<AllowNullLiteral>]',
    `type ${t.name}${params}() = `,
    ...indent(body.length ? body : ['class end']),
    '',
  ];
}

function fsharp(types: TabTypes): string {
  const namespaces = [...new Set(types.types.map((t) => t.namespace))].sort();
  const global = namespaces.find((n) => n.endsWith('ServiceModel')) ?? namespaces[0] ?? 'ServiceModel';
  const opens = [
    'System',
    'System.IO',
    'System.Collections',
    'System.Collections.Generic',
    'System.Runtime.Serialization',
    'ServiceStack',
    'ServiceStack.DataAnnotations',
  ];
  return [`namespace ${global}`, '', ...opens.map((o) => `open ${o}`), '', ...types.types.flatMap((t) => indent(fsTypeLines(types, t)))].join('\n');
}

export const VBNET: TabLanguage = { key: 'vbnet', label: 'VB.NET', render: vbnet };
export const FSHARP: TabLanguage = { key: 'fsharp', label: 'F#', render: fsharp };
