/**
 * ServiceStack's own DTOs that the corpus APIs use by name, as ServiceStack.Interfaces declares
 * them (ServiceStack/src/ServiceStack.Interfaces/IQuery.cs, ResponseStatus.cs, ResponseError.cs;
 * all `#nullable enable`, so a reference type without `?` is required in their metadata).
 * Their XML namespace is `http://schemas.servicestack.net/types` (the assembly's ContractNamespace).
 */
import type { TypeSpec } from '../apis.js';

const SS = 'ServiceStack';

const meta = (order: number) => ({ name: 'Meta', type: 'Dictionary<string, string>', dataMember: { order } });

export const BUILTIN_TYPES: readonly TypeSpec[] = [
  {
    name: 'QueryBase',
    namespace: SS,
    abstract: true,
    dataContract: true,
    members: [
      { name: 'Skip', type: 'int?', dataMember: { order: 1 } },
      { name: 'Take', type: 'int?', dataMember: { order: 2 } },
      { name: 'OrderBy', type: 'string', dataMember: { order: 3 } },
      { name: 'OrderByDesc', type: 'string', dataMember: { order: 4 } },
      { name: 'Include', type: 'string', dataMember: { order: 5 } },
      { name: 'Fields', type: 'string', dataMember: { order: 6 } },
      meta(7),
    ],
  },
  { name: 'QueryDb', namespace: SS, genericParams: ['T'], base: 'QueryBase', abstract: true, members: [] },
  {
    name: 'QueryResponse',
    namespace: SS,
    genericParams: ['T'],
    dataContract: true,
    members: [
      { name: 'Offset', type: 'int', dataMember: { order: 1 } },
      { name: 'Total', type: 'int', dataMember: { order: 2 } },
      { name: 'Results', type: 'List<T>', required: true, dataMember: { order: 3 } },
      meta(4),
      { name: 'ResponseStatus', type: 'ResponseStatus', dataMember: { order: 5 } },
    ],
  },
  {
    name: 'ResponseStatus',
    namespace: SS,
    dataContract: true,
    members: [
      { name: 'ErrorCode', type: 'string', required: true, dataMember: { order: 1 } },
      { name: 'Message', type: 'string', dataMember: { order: 2 } },
      { name: 'StackTrace', type: 'string', dataMember: { order: 3 } },
      { name: 'Errors', type: 'List<ResponseError>', dataMember: { order: 4 } },
      meta(5),
    ],
  },
  {
    name: 'ResponseError',
    namespace: SS,
    dataContract: true,
    members: [
      { name: 'ErrorCode', type: 'string', required: true, dataMember: { order: 1 } },
      { name: 'FieldName', type: 'string', required: true, dataMember: { order: 2 } },
      { name: 'Message', type: 'string', required: true, dataMember: { order: 3 } },
      meta(4),
    ],
  },
];
