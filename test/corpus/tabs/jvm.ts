/**
 * The Kotlin and Java tabs (ServiceStack/src/ServiceStack/NativeTypes/Kotlin/KotlinGenerator.cs,
 * Java/JavaGenerator.cs): the same type table (`TypeAliases`: `Int32` → `Int` / `Integer`, `Decimal`
 * → `BigDecimal`, `Guid` → `UUID`, `DateTime` → `Date`, `List` → `ArrayList`, `Dictionary` →
 * `HashMap`), the same annotations (`@ApiMember(…)`, `@DataMember(…)` with Gson's
 * `@SerializedName("…")` for a DataMember name, `@DataContract`, `@Flags()`), and enums whose
 * members are PascalCased, with their values where the metadata has them (`@SerializedName("4")`
 * on a `[Flags]` enum's). Kotlin writes every property `var name:T? = null`; Java a public field
 * with accessors (`AddPropertyAccessors`, `SettersReturnThis`), every type nested in `public class dtos`.
 */
import type { MemberSpec, TypeSpec } from '../apis.js';
import { elementOf, isDictionary, isList, type NetType } from '../dotnet.js';
import {
  apiMember,
  baseType,
  clr,
  dataMember,
  enumMembers,
  fieldName,
  indent,
  memberType,
  namedArgs,
  pascal,
  quoted,
  type TabLanguage,
  type TabTypes,
} from '../tab-source.js';

type Jvm = 'kotlin' | 'java';

const ALIASES: Record<string, string> = {
  String: 'String',
  Boolean: 'Boolean',
  Char: 'String',
  SByte: 'Byte',
  Byte: 'Short',
  Int16: 'Short',
  Int64: 'Long',
  UInt32: 'Long',
  UInt64: 'BigInteger',
  Single: 'Float',
  Double: 'Double',
  Decimal: 'BigDecimal',
  Guid: 'UUID',
  DateTime: 'Date',
  DateOnly: 'Date',
  DateTimeOffset: 'Date',
  TimeSpan: 'TimeSpan',
  TimeOnly: 'TimeSpan',
};

/** `Type()` and `GenericArg()`: a nested `Nullable<T>` keeps its `?` in Kotlin. */
function jvmType(t: NetType, lang: Jvm, nested = false): string {
  if (t.arrayRank && t.name === 'byte' && t.arrayRank === 1) return lang === 'kotlin' ? 'ByteArray' : 'byte[]';
  if (isList(t)) return `ArrayList<${jvmType(elementOf(t), lang, true)}>`;
  if (isDictionary(t)) return `HashMap<${t.args.map((a) => jvmType(a, lang, true)).join(',')}>`;
  const name = clr(t);
  const alias = name === 'Int32' || name === 'UInt16' ? (lang === 'kotlin' ? 'Int' : 'Integer') : (ALIASES[name] ?? name);
  const args = t.args.length ? `<${t.args.map((a) => jvmType(a, lang, true)).join(', ')}>` : '';
  return `${alias}${args}${nested && t.nullable && lang === 'kotlin' ? '?' : ''}`;
}

function annotations(m: MemberSpec): string[] {
  const out: string[] = [];
  const dm = dataMember(m);
  if (dm) out.push(`@DataMember(${namedArgs(dm)})`);
  if (m.dataMember?.name) out.push(`@SerializedName(${quoted(m.dataMember.name)})`);
  const api = apiMember(m);
  if (api) out.push(`@ApiMember(${namedArgs(api)})`);
  return out;
}

function comment(m: MemberSpec): string[] {
  return m.description ? ['/**', `* ${m.description}`, '*/'] : [];
}

function typeHeader(t: TypeSpec): string[] {
  return [...(t.dataContract ? ['@DataContract'] : []), ...(t.enum?.flags ? ['@Flags()'] : [])];
}

function typeName(t: TypeSpec): string {
  return t.genericParams?.length ? `${t.name}<${t.genericParams.join(', ')}>` : t.name;
}

function kotlinType(t: TypeSpec): string[] {
  if (t.enum) {
    const members = enumMembers(t.enum);
    const valued = members.every((m) => m.value !== undefined);
    const entries = members.map((m) =>
      m.value === undefined ? `${pascal(m.name)},` : `${t.enum!.flags ? `@SerializedName("${m.value}") ` : ''}${pascal(m.name)}(${m.value}),`,
    );
    return [...typeHeader(t), `enum class ${t.name}${valued ? '(val value:Int)' : ''}`, '{', ...indent(entries), '}'];
  }
  const base = baseType(t);
  const extend = base ? ` : ${jvmType(base, 'kotlin')}()` : '';
  const body = (t.members ?? []).flatMap((m, i) => {
    const decorated = [...comment(m), ...annotations(m)];
    const before = i > 0 && decorated.length ? [''] : [];
    return [...before, ...decorated, `open var ${fieldName(m)}:${jvmType(memberType(m), 'kotlin')}? = null`];
  });
  return [...typeHeader(t), `open class ${typeName(t)}${extend}`, '{', ...indent(body), '}'];
}

function javaType(t: TypeSpec): string[] {
  if (t.enum) {
    const members = enumMembers(t.enum);
    const valued = members.some((m) => m.value !== undefined);
    const entries = members.map((m, i) => {
      const delim = i === members.length - 1 ? ';' : ',';
      return m.value === undefined
        ? `${pascal(m.name)}${delim}`
        : `${t.enum!.flags ? `@SerializedName("${m.value}") ` : ''}${pascal(m.name)}(${m.value})${delim}`;
    });
    const value = valued
      ? ['', 'private final int value;', `${t.name}(final int intValue) { value = intValue; }`, 'public int getValue() { return value; }']
      : [];
    return [...typeHeader(t), `public static enum ${t.name}`, '{', ...indent([...entries, ...value]), '}'];
  }
  const base = baseType(t);
  const extend = base ? ` extends ${jvmType(base, 'java')}` : '';
  const fields = (t.members ?? []).flatMap((m, i) => {
    const decorated = [...comment(m), ...annotations(m)];
    const before = i > 0 && decorated.length ? [''] : [];
    return [...before, ...decorated, `public ${jvmType(memberType(m), 'java')} ${fieldName(m)} = null;`];
  });
  const accessors = (t.members ?? []).flatMap((m) => {
    const type = jvmType(memberType(m), 'java');
    const accessor = pascal(fieldName(m));
    const getter = type.startsWith('Bool') && !accessor.startsWith('Is') ? 'is' : 'get';
    return [
      `public ${type} ${getter}${accessor}() { return ${fieldName(m)}; }`,
      `public ${typeName(t)} set${accessor}(${type} value) { this.${fieldName(m)} = value; return this; }`,
    ];
  });
  const body = accessors.length ? [...fields, '', ...accessors] : fields;
  return [...typeHeader(t), `public static class ${typeName(t)}${extend}`, '{', ...indent(body), '}'];
}

const KOTLIN_IMPORTS = ['import java.math.*', 'import java.util.*', 'import java.io.InputStream', 'import net.servicestack.client.*'];

export const KOTLIN: TabLanguage = {
  key: 'kotlin',
  label: 'Kotlin',
  render: (types: TabTypes) => [...KOTLIN_IMPORTS, '', ...types.types.flatMap((t) => ['', ...kotlinType(t)])].join('\n'),
};

export const JAVA: TabLanguage = {
  key: 'java',
  label: 'Java',
  render: (types: TabTypes) =>
    [...KOTLIN_IMPORTS.map((i) => `${i};`), '', 'public class dtos', '{', ...types.types.flatMap((t) => ['', ...indent(javaType(t))]), '}'].join('\n'),
};
