/**
 * ServiceStack's own DTOs, which pages use by name and seldom describe: a response's
 * `ResponseStatus`, AutoQuery's `QueryBase`, `QueryDb<T>`, `QueryResponse<T>`, the auth and the
 * generic responses. Written here as ServiceStack declares them (ServiceStack.Interfaces:
 * ResponseStatus.cs, ResponseError.cs, IQuery.cs, EmptyResponse.cs; ServiceStack.Client:
 * AuthDtos.cs), in the spelling of the metadata pages' Data Type column.
 *
 * They are facts of the weakest kind (`builtin`): a page's own table, DTO source or sample for one
 * of them wins; they define a type only where nothing else describes it, and they tell table
 * identification which members such a type has.
 */

export interface BuiltinType {
  name: string;
  typeParameters?: readonly string[];
  /** As written after `:` (`QueryBase`). */
  base?: string;
  /** `IReturn<…>` of a request base: the response of every operation whose request derives from it. */
  returns?: string;
  /** Abstract: only ever a request's base, never a member's or a response's type. */
  abstract?: true;
  /**
   * .NET name, Data Type and whether the member is required, in declaration order. ServiceStack.Interfaces
   * is `#nullable enable`: a reference type written without `?` is required in its metadata.
   */
  members: readonly Member[];
}

type Member = readonly [name: string, type: string, required?: 'required'];

const META: Member = ['Meta', 'Dictionary<string,string>'];
const STATUS: Member = ['ResponseStatus', 'ResponseStatus'];

export const BUILTIN_TYPES: readonly BuiltinType[] = [
  {
    name: 'ResponseStatus',
    members: [['ErrorCode', 'string', 'required'], ['Message', 'string'], ['StackTrace', 'string'], ['Errors', 'List<ResponseError>'], META],
  },
  { name: 'ResponseError', members: [['ErrorCode', 'string', 'required'], ['FieldName', 'string', 'required'], ['Message', 'string', 'required'], META] },
  {
    name: 'QueryBase',
    abstract: true,
    members: [['Skip', 'int?'], ['Take', 'int?'], ['OrderBy', 'string'], ['OrderByDesc', 'string'], ['Include', 'string'], ['Fields', 'string'], META],
  },
  { name: 'QueryDb', typeParameters: ['T'], base: 'QueryBase', returns: 'QueryResponse<T>', members: [] },
  { name: 'QueryDb', typeParameters: ['From', 'Into'], base: 'QueryBase', returns: 'QueryResponse<Into>', members: [] },
  { name: 'QueryData', typeParameters: ['T'], base: 'QueryBase', returns: 'QueryResponse<T>', members: [] },
  { name: 'QueryData', typeParameters: ['From', 'Into'], base: 'QueryBase', returns: 'QueryResponse<Into>', members: [] },
  {
    name: 'QueryResponse',
    typeParameters: ['T'],
    members: [['Offset', 'int'], ['Total', 'int'], ['Results', 'List<T>', 'required'], META, STATUS],
  },
  { name: 'EmptyResponse', members: [STATUS] },
  { name: 'IdResponse', members: [['Id', 'string', 'required'], STATUS] },
  { name: 'StringResponse', members: [['Result', 'string', 'required'], META, STATUS] },
  { name: 'StringsResponse', members: [['Results', 'List<string>', 'required'], META, STATUS] },
  { name: 'IntResponse', members: [['Result', 'int'], META, STATUS] },
  { name: 'BoolResponse', members: [['Result', 'bool'], META, STATUS] },
  {
    name: 'AuthenticateResponse',
    members: [
      ['UserId', 'string'],
      ['SessionId', 'string'],
      ['UserName', 'string'],
      ['DisplayName', 'string'],
      ['ReferrerUrl', 'string'],
      ['BearerToken', 'string'],
      ['RefreshToken', 'string'],
      ['RefreshTokenExpiry', 'DateTime?'],
      ['ProfileUrl', 'string'],
      ['Roles', 'List<string>'],
      ['Permissions', 'List<string>'],
      ['AuthProvider', 'string'],
      STATUS,
      META,
    ],
  },
];

const arity = (t: BuiltinType) => t.typeParameters?.length ?? 0;

/**
 * ServiceStack's type of that name used with `args` type arguments: a generic one is known by its
 * arity too (`QueryDb<From, Into>` is another class than `QueryDb<T>`). Used without arguments
 * (or with a count none has), the first of that name.
 */
export function builtinType(name: string, args?: number): BuiltinType | undefined {
  const named = BY_NAME.get(name);
  return named && (named.find((t) => arity(t) === args) ?? named[0]);
}

/** Asked of every type and every base link: a lookup, not a search. */
const BY_NAME: ReadonlyMap<string, readonly BuiltinType[]> = BUILTIN_TYPES.reduce(
  (byName, t) => byName.set(t.name, [...(byName.get(t.name) ?? []), t]),
  new Map<string, BuiltinType[]>(),
);
