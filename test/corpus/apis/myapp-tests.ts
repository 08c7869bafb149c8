/**
 * "My App" test services (github.com/ServiceStack/ServiceStack:
 * ServiceStack/tests/NorthwindAuto/ServiceInterface/TestServices.cs): the enum test DTOs (plain,
 * `[EnumMember]` values, `[Flags]` with numbers, `[EnumAsInt]`, odd casing), a one-way
 * `IReturnVoid` operation, operations without routes, and one whose response is its request.
 * `HelloWithEnum` and `HelloWithEnumMap` are served by `object Any(…) => request`: no response
 * type, so their pages show no response. `EchoTypes` leaves out `DateTimeOffset` and `Char`.
 * `AllCollectionTypes` (MyApp.ServiceInterface/TestServices.cs, `IReturn<AllCollectionTypes>`)
 * nests lists, arrays and dictionaries of lists of dictionaries of `Poco`; it leaves out `ByteArray`
 * and `CharArray` (ServiceStack writes `byte[]` as base64, `char[]` as a string).
 */
import type { ApiSpec, EnumMemberSpec, TypeSpec } from '../apis.js';
import { m } from './member.js';

const NS = 'MyApp.ServiceInterface';
const req = { required: true };

const values = (names: string[], start = 0): EnumMemberSpec[] => names.map((name, i) => ({ name, value: start + i }));

const enums: TypeSpec[] = [
  { name: 'EnumType', namespace: NS, enum: { members: values(['Value1', 'Value2', 'Value3']) } },
  { name: 'EnumTypeFlags', namespace: NS, enum: { flags: true, members: values(['Value1', 'Value2', 'Value3']) } },
  {
    name: 'EnumWithValues',
    namespace: NS,
    enum: {
      members: [
        { name: 'None', value: 0 },
        { name: 'Value1', value: 1, enumMember: 'Member 1' },
        { name: 'Value2', value: 2, description: 'Member 2' },
      ],
    },
  },
  {
    name: 'EnumFlags',
    namespace: NS,
    enum: {
      flags: true,
      members: [
        { name: 'Value0', value: 0 },
        { name: 'Value1', value: 1 },
        { name: 'Value2', value: 2 },
        { name: 'Value3', value: 4 },
        { name: 'Value123', value: 7 },
      ],
    },
  },
  { name: 'EnumAsInt', namespace: NS, enum: { asInt: true, members: [1000, 2000, 3000].map((value, i) => ({ name: `Value${i + 1}`, value })) } },
  { name: 'EnumStyle', namespace: NS, enum: { members: values(['lower', 'UPPER', 'PascalCase', 'camelCase', 'camelUPPER', 'PascalUPPER']) } },
  {
    name: 'EnumStyleMembers',
    namespace: NS,
    enum: {
      members: [
        ['Lower', 'lower'],
        ['Upper', 'UPPER'],
        ['PascalCase', 'PascalCase'],
        ['CamelCase', 'camelCase'],
        ['CamelUpper', 'camelUPPER'],
        ['PascalUpper', 'PascalUPPER'],
      ].map(([name, enumMember], value) => ({ name: name!, value, enumMember })),
    },
  },
];

const ECHO: [string, string][] = [
  ['Byte', 'byte'],
  ['Short', 'short'],
  ['Int', 'int'],
  ['Long', 'long'],
  ['UShort', 'ushort'],
  ['UInt', 'uint'],
  ['ULong', 'ulong'],
  ['Float', 'float'],
  ['Double', 'double'],
  ['Decimal', 'decimal'],
  ['String', 'string'],
  ['DateTime', 'DateTime'],
  ['TimeSpan', 'TimeSpan'],
  ['Guid', 'Guid'],
];

const validation = [m('Age', 'int'), m('Required', 'string', req), m('Email', 'string', req)];

export const MYAPP_TESTS: ApiSpec = {
  key: 'myapp-tests',
  source: 'github.com/ServiceStack/ServiceStack: ServiceStack/tests/NorthwindAuto/ServiceInterface/TestServices.cs',
  service: 'My App',
  host: 'localhost:5001',
  jsonDates: 'wcf',
  types: [
    {
      name: 'HelloWithEnum',
      namespace: NS,
      members: [
        m('EnumProp', 'EnumType'),
        m('EnumTypeFlags', 'EnumTypeFlags'),
        m('EnumWithValues', 'EnumWithValues'),
        m('NullableEnumProp', 'EnumType?'),
        m('EnumFlags', 'EnumFlags'),
        m('EnumAsInt', 'EnumAsInt'),
        m('EnumStyle', 'EnumStyle'),
        m('EnumStyleMembers', 'EnumStyleMembers'),
      ],
    },
    {
      name: 'HelloWithEnumMap',
      namespace: NS,
      members: [
        m('EnumProp', 'Dictionary<EnumType, EnumType>', req),
        m('EnumWithValues', 'Dictionary<EnumWithValues, EnumWithValues>', req),
        m('NullableEnumProp', 'Dictionary<EnumType?, EnumType?>', req),
        m('EnumFlags', 'Dictionary<EnumFlags, EnumFlags>', req),
        m('EnumStyle', 'Dictionary<EnumStyle, EnumStyle>', req),
      ],
    },
    { name: 'HelloReturnVoid', namespace: NS, members: [m('Id', 'int')] },
    { name: 'ThrowValidation', namespace: NS, members: validation },
    { name: 'ThrowValidationResponse', namespace: NS, members: [...validation, m('ResponseStatus', 'ResponseStatus', req)] },
    { name: 'EchoTypes', namespace: NS, members: ECHO.map(([n, t]) => m(n, t, t === 'string' ? req : {})) },
    {
      name: 'AllCollectionTypes',
      namespace: NS,
      members: [
        m('IntArray', 'int[]'),
        m('IntList', 'List<int>'),
        m('StringArray', 'string[]'),
        m('StringList', 'List<string>'),
        m('FloatArray', 'float[]'),
        m('DoubleList', 'List<double>'),
        m('DecimalList', 'List<decimal>'),
        m('PocoArray', 'Poco[]'),
        m('PocoList', 'List<Poco>'),
        m('PocoLookup', 'Dictionary<string, List<Poco>>'),
        m('PocoLookupMap', 'Dictionary<string, List<Dictionary<string, Poco>>>'),
      ],
    },
    { name: 'Poco', namespace: NS, members: [m('Name', 'string')] },
    ...enums,
  ],
  operations: [
    { name: 'HelloWithEnum', routes: [] },
    { name: 'HelloWithEnumMap', routes: [] },
    { name: 'HelloReturnVoid', routes: [] },
    { name: 'ThrowValidation', routes: [{ path: '/throwvalidation' }], response: 'ThrowValidationResponse' },
    { name: 'EchoTypes', routes: [{ path: '/echo/types' }], response: 'EchoTypes' },
    { name: 'AllCollectionTypes', routes: [], response: 'AllCollectionTypes' },
  ],
};
