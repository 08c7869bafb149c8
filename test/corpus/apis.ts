/**
 * The held-out corpus's APIs, as plain data: DTOs of public ServiceStack projects, restated in
 * our own words (a subset of each project's operations and members; nothing tuned on them).
 *
 * A type is written as the .NET source declares it: member types in C# syntax
 * (`Dictionary<EnumType?, EnumType?>`, `long?`, `string[]`, `List<T>`); the renderers derive
 * from it what ServiceStack prints (the Data Type column, captions, samples). `required` is what
 * ServiceStack's metadata says (`MetadataPropertyType.IsRequired`): `[Required]`,
 * `[ApiMember(IsRequired=true)]`, or, in a project built with `<Nullable>enable</Nullable>`, a
 * reference type written without `?` (ServiceStack.Client/MetadataTypes.cs,
 * `ToMetadataPropertyType` → `IsNotNullable`).
 */
import { BUILTIN_TYPES } from './apis/builtins.js';
import { CHECK } from './apis/check.js';
import { MYAPP_HELLO } from './apis/myapp-hello.js';
import { MYAPP_ISSUES } from './apis/myapp-issues.js';
import { MYAPP_TESTS } from './apis/myapp-tests.js';
import { NORTHWIND } from './apis/northwind.js';
import { TECHSTACKS } from './apis/techstacks.js';

export interface ApiSpec {
  /** Short key used in the measurement table and floor.json. */
  key: string;
  /** Where the DTOs come from (repository and files). */
  source: string;
  /** `HostContext.ServiceName`: the page's `h1`. */
  service: string;
  host: string;
  /** `JsConfig.DateHandler`: ServiceStack's default (`\/Date(…)\/`) or ISO 8601 (TechStacks). */
  jsonDates: 'wcf' | 'iso8601';
  types: TypeSpec[];
  operations: OperationSpec[];
}

export interface TypeSpec {
  /** Without generic arity: `QueryResponse` for ``QueryResponse`1``. */
  name: string;
  namespace: string;
  /** Generic type parameters (`['T']`); the members may use them. */
  genericParams?: string[];
  /** As written after `:`, possibly generic: `QueryDb<PostComment>`. */
  base?: string;
  abstract?: boolean;
  /** `[DataContract]`: only `[DataMember]` members travel, in their `Order`. */
  dataContract?: boolean;
  members?: MemberSpec[];
  enum?: EnumSpec;
}

export interface MemberSpec {
  name: string;
  /** C# syntax: `int`, `long?`, `List<PostComment>`, `Dictionary<string, string>`, `T`. */
  type: string;
  required?: boolean;
  description?: string;
  /** `[DataMember(Name=…, Order=…)]`. */
  dataMember?: { name?: string; order?: number };
  /** `[ApiMember(ParameterType=…)]`: overrides the Parameter column. */
  paramType?: string;
  /** `[ApiMember(DataType=…)]`: overrides the Data Type column. */
  dataType?: string;
}

export interface EnumSpec {
  /** `[Flags]`: values travel as numbers. */
  flags?: boolean;
  /** `[EnumAsInt]`: values travel as numbers. */
  asInt?: boolean;
  members: EnumMemberSpec[];
}

export interface EnumMemberSpec {
  name: string;
  value: number;
  /** `[EnumMember(Value=…)]`. */
  enumMember?: string;
  /** `[Description(…)]`. */
  description?: string;
}

export interface RouteSpec {
  path: string;
  /** As written in `[Route(path, verbs)]`, e.g. `GET` or `PATCH,PUT`; absent: All Verbs. */
  verbs?: string;
  summary?: string;
  notes?: string;
}

export interface OperationSpec {
  /** The request DTO; a type of the API. */
  name: string;
  routes: RouteSpec[];
  auth?: { roles?: string[]; permissions?: string[] };
  /** The response type as `IReturn<…>` names it; absent for `IReturnVoid` or a service returning `object`. */
  response?: string;
}

export const APIS: readonly ApiSpec[] = [TECHSTACKS, NORTHWIND, MYAPP_HELLO, MYAPP_TESTS, MYAPP_ISSUES, CHECK];

export { BUILTIN_TYPES };

/** The type named `name` (without arity) in the API, or among ServiceStack's own. */
export function findType(api: ApiSpec, name: string): TypeSpec | undefined {
  return api.types.find((t) => t.name === name) ?? BUILTIN_TYPES.find((t) => t.name === name);
}

export function findOperation(api: ApiSpec, name: string): OperationSpec {
  const op = api.operations.find((o) => o.name === name);
  if (!op) throw new Error(`${api.key}: no operation ${name}`);
  return op;
}
