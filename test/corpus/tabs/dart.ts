/**
 * The Dart tab (ServiceStack/src/ServiceStack/NativeTypes/Dart/DartGenerator.cs): `TypeAliases`
 * (every integer `int`, `Single`/`Double`/`Decimal` `double`, `Guid` `String`, `TimeSpan`
 * `Duration`, `Byte[]` `Uint8List`), `List<T>`, `Map<K,V?>`; a member is written without `?` only
 * when it is required (`IsRequired()`: required, or a non-nullable value type) and has a constant
 * default (`""`, `0`, `false`, `[]`, `{}`); `implements IConvertible`; the constructor, `fromJson`,
 * `fromMap`, `toJson`, `getTypeName` and `TypeContext? context` of every class; attributes as
 * `// @…` comments; an enum with values (`[Flags]`, `[EnumAsInt]`: `IsEnumInt`) as a class of
 * constants, any other as a Dart `enum`. The file ends with the `TypeContext _ctx` of its types.
 */
import type { MemberSpec, TypeSpec } from '../apis.js';
import { elementOf, isDictionary, isList, type NetType } from '../dotnet.js';
import { apiMember, baseType, clr, dataMember, enumMembers, indent, memberType, namedArgs, wireName, type TabLanguage, type TabTypes } from '../tab-source.js';

const ALIASES: Record<string, string> = {
  Object: 'dynamic',
  Boolean: 'bool',
  DateOnly: 'DateTime',
  DateTimeOffset: 'DateTime',
  TimeSpan: 'Duration',
  TimeOnly: 'Duration',
  Guid: 'String',
  Char: 'String',
  Single: 'double',
  Decimal: 'double',
  Double: 'double',
};
const INTEGERS = new Set(['Byte', 'SByte', 'Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64']);
const CONST_DEFAULTS: Record<string, string> = { String: '""', bool: 'false', int: '0', double: '0' };

function dartType(t: NetType): string {
  if (t.arrayRank === 1 && t.name === 'byte') return 'Uint8List';
  if (isList(t)) return `List<${dartType(elementOf(t))}>`;
  if (isDictionary(t)) return `Map<${dartType(t.args[0]!)},${dartType(t.args[1]!)}?>`;
  const name = clr(t);
  const alias = INTEGERS.has(name) ? 'int' : (ALIASES[name] ?? name);
  return t.args.length ? `${alias}<${t.args.map(dartType).join(',')}>` : alias;
}

function field(types: TabTypes, m: MemberSpec): { line: string; init?: string } {
  const t = memberType(m);
  const type = dartType(t);
  const required = m.required || (types.isValueType(t.name) && !t.nullable && !t.arrayRank);
  const constant = isList(t) ? '[]' : isDictionary(t) ? '{}' : CONST_DEFAULTS[type];
  const init = required ? constant : undefined;
  return { line: `${type}${init ? '' : '?'} ${wireName(m)}${init ? ` = ${init}` : ''};`, ...(init ? { init } : {}) };
}

function classLines(types: TabTypes, t: TypeSpec): string[] {
  const base = baseType(t);
  const members = t.members ?? [];
  const name = t.genericParams?.length ? `${t.name}<${t.genericParams.join(',')}>` : t.name;
  const header = `${t.abstract ? 'abstract class' : 'class'} ${name}${base ? ` extends ${dartType(base)}` : ''}${t.abstract ? '' : ' implements IConvertible'}`;
  const fields = members.flatMap((m, i) => {
    const dm = dataMember(m);
    const api = apiMember(m);
    const decorated = [
      ...(m.description ? ['/**', `* ${m.description}`, '*/'] : []),
      ...(dm ? [`// @DataMember(${namedArgs(dm)})`] : []),
      ...(api ? [`// @ApiMember(${namedArgs(api)})`] : []),
    ];
    return [...(i > 0 && decorated.length ? [''] : []), ...decorated, field(types, m).line];
  });
  const params = members.map((m) => {
    const init = field(types, m).init;
    return `this.${wireName(m)}${init ? `=${init.startsWith('[') || init.startsWith('{') ? `const ${init}` : init}` : ''}`;
  });
  const body = [
    ...fields,
    ...(members.length ? [''] : []),
    members.length ? `${t.name}({${params.join(',')}});` : `${t.name}();`,
    members.length
      ? `${t.name}.fromJson(Map<String, dynamic> json) { fromMap(json); }`
      : `${t.name}.fromJson(Map<String, dynamic> json) : ${base ? 'super.fromJson(json);' : 'super();'}`,
    '',
    'fromMap(Map<String, dynamic> json) {',
    ...(base ? ['    super.fromMap(json);'] : []),
    ...members.map((m) => `    ${wireName(m)} = json['${wireName(m)}'];`),
    '    return this;',
    '}',
    '',
    ...toJson(members, !!base),
    `getTypeName() => "${t.name}";`,
    'TypeContext? context = _ctx;',
  ];
  return [header, '{', ...indent(body), '}'];
}

function toJson(members: MemberSpec[], hasBase: boolean): string[] {
  if (!members.length) return [`Map<String, dynamic> toJson() => ${hasBase ? 'super.toJson();' : '{};'}`, ''];
  const entries = members.map((m, i) => `    '${wireName(m)}': ${wireName(m)}${i < members.length - 1 ? ',' : ''}`);
  return [`Map<String, dynamic> toJson() => ${hasBase ? 'super.toJson()..addAll(' : ''}{`, ...entries, hasBase ? '});' : '};', ''];
}

function enumLines(t: TypeSpec): string[] {
  const e = t.enum!;
  const members = enumMembers(e);
  if (!e.flags && !e.asInt) return [`enum ${t.name}`, '{', ...indent(members.map((m) => `${m.name},`)), '}'];
  const values = [...e.members].sort((a, b) => a.value - b.value);
  return [
    `class ${t.name}`,
    '{',
    ...indent([
      ...values.map((m) => `static const ${t.name} ${m.name} = const ${t.name}._(${m.value});`),
      '',
      'final int _value;',
      `const ${t.name}._(this._value);`,
      'int get value => _value;',
      `static List<${t.name}> get values => const [${values.map((m) => m.name).join(',')}];`,
    ]),
    '}',
  ];
}

function typeContext(types: TabTypes): string[] {
  return [
    "TypeContext _ctx = TypeContext(library: 'localhost', types: <String, TypeInfo> {",
    ...types.types.map(
      (t) => `    '${t.name}': TypeInfo(TypeOf.${t.enum ? 'Enum' : 'Class'}${t.enum ? `, enumValues:${t.name}.values` : `, create:() => ${t.name}()`}),`,
    ),
    '});',
  ];
}

export const DART: TabLanguage = {
  key: 'dart',
  label: 'Dart',
  render: (types: TabTypes) =>
    [
      "import 'package:servicestack/servicestack.dart';",
      ...types.types.flatMap((t) => ['', ...(t.enum ? enumLines(t) : classLines(types, t))]),
      '',
      ...typeContext(types),
    ].join('\n'),
};
