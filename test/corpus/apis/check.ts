/**
 * ServiceStack's "Check" test services (github.com/ServiceStack/ServiceStack:
 * ServiceStack/tests/Check.ServiceModel/MetadataTest.cs), written to test its metadata pages:
 * a response whose list items hold a list of another type (`MetadataTestResponse.Results` →
 * `MetadataTestChild.Results` → `MetadataTestNestedChild`), and a `[DataContract]` response
 * nesting objects three deep (`MenuExample` → `MenuItemExample` → `MenuItemExampleItem`, each
 * with one complex member) next to its `ResponseStatus`. A .NET Framework project: no nullable
 * annotations, so no member is required.
 */
import type { ApiSpec } from '../apis.js';
import { m } from './member.js';

const NS = 'Check.ServiceModel';

export const CHECK: ApiSpec = {
  key: 'check',
  source: 'github.com/ServiceStack/ServiceStack: ServiceStack/tests/Check.ServiceModel/MetadataTest.cs',
  service: 'Check',
  host: 'test.servicestack.net',
  jsonDates: 'wcf',
  types: [
    { name: 'MetadataTest', namespace: NS, members: [m('Id', 'int')] },
    { name: 'MetadataTestResponse', namespace: NS, members: [m('Id', 'int'), m('Results', 'List<MetadataTestChild>')] },
    { name: 'MetadataTestChild', namespace: NS, members: [m('Name', 'string'), m('Results', 'List<MetadataTestNestedChild>')] },
    { name: 'MetadataTestNestedChild', namespace: NS, members: [m('Name', 'string')] },
    { name: 'GetExample', namespace: NS, dataContract: true, members: [] },
    {
      name: 'GetExampleResponse',
      namespace: NS,
      dataContract: true,
      members: [m('ResponseStatus', 'ResponseStatus', { dataMember: { order: 1 } }), m('MenuExample1', 'MenuExample', { dataMember: { order: 2 } })],
    },
    { name: 'MenuExample', namespace: NS, dataContract: true, members: [m('MenuItemExample1', 'MenuItemExample', { dataMember: { order: 1 } })] },
    { name: 'MenuItemExample', namespace: NS, members: [m('Name1', 'string'), m('MenuItemExampleItem', 'MenuItemExampleItem')] },
    { name: 'MenuItemExampleItem', namespace: NS, members: [m('Name1', 'string')] },
  ],
  operations: [
    { name: 'MetadataTest', routes: [], response: 'MetadataTestResponse' },
    { name: 'GetExample', routes: [{ path: '/example', verbs: 'GET' }], response: 'GetExampleResponse' },
  ],
};
