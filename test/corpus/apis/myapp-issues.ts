/**
 * "My App" issue repros (github.com/ServiceStack/ServiceStack:
 * ServiceStack/tests/NorthwindAuto/ServiceModel/Issues.cs): inheritance three deep
 * (`GetFooDtos : PagedAndOrderedRequest : PagedRequest`, own members at each level), an
 * `[ApiMember(ParameterType="query", DataType="string", IsRequired=false)]` member (still
 * required: `IsRequired=false` does not undo the nullable context), and user-defined generic
 * responses `PagedResult<FooDto>` and `ResponseBase<BillingItem>`.
 */
import type { ApiSpec } from '../apis.js';
import { m } from './member.js';

const NS = 'MyApp.ServiceModel';
const req = { required: true };

const ORDER_BY = "Comma- or semicolon separated list of fields to sort by. To change sort order add a '-' in front of the field";
const MANY = 'This will be returned when there is a multiple results available (e.g. search or listing requests).';

export const MYAPP_ISSUES: ApiSpec = {
  key: 'myapp-issues',
  source: 'github.com/ServiceStack/ServiceStack: ServiceStack/tests/NorthwindAuto/ServiceModel/Issues.cs',
  service: 'My App',
  host: 'localhost:5001',
  jsonDates: 'wcf',
  types: [
    { name: 'GetFooDtos', namespace: NS, base: 'PagedAndOrderedRequest', members: [m('Query', 'string', req)] },
    {
      name: 'PagedAndOrderedRequest',
      namespace: NS,
      base: 'PagedRequest',
      abstract: true,
      members: [m('OrderBy', 'string', { required: true, description: ORDER_BY, paramType: 'query', dataType: 'string' })],
    },
    { name: 'PagedRequest', namespace: NS, members: [m('Page', 'int'), m('PageSize', 'int')] },
    {
      name: 'PagedResult',
      namespace: NS,
      genericParams: ['T'],
      members: [m('Page', 'int'), m('PageSize', 'int'), m('TotalResults', 'long'), m('Results', 'List<T>', req)],
    },
    { name: 'FooDto', namespace: NS, members: [m('Id', 'int'), m('Name', 'string', req)] },
    { name: 'GetDiscountCodeBillingItem', namespace: NS, members: [m('BillingItem', 'BillingItem', req), m('DiscountCodeId', 'Guid')] },
    { name: 'BillingItem', namespace: NS, members: [m('Name', 'string', req)] },
    {
      name: 'ResponseBase',
      namespace: NS,
      genericParams: ['T'],
      members: [
        m('ResponseStatus', 'ResponseStatus', req),
        m('Result', 'T', { required: true, description: 'This will be returned when there is a single result available. (e.g. get single object by id)' }),
        m('Results', 'List<T>', { required: true, description: MANY }),
        m('Total', 'int?', { description: MANY }),
        m('Skip', 'int?', { description: 'This will be return the amount of skipped rows when paginating' }),
      ],
    },
  ],
  operations: [
    { name: 'GetFooDtos', routes: [{ path: '/foos', verbs: 'GET' }], response: 'PagedResult<FooDto>' },
    {
      name: 'GetDiscountCodeBillingItem',
      routes: [{ path: '/getDiscountCodesBillingItem', verbs: 'POST' }],
      response: 'ResponseBase<BillingItem>',
    },
  ],
};
