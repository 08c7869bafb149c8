/**
 * Northwind (github.com/NetCoreApps/Northwind): Northwind.ServiceModel/GetCustomerDetails.cs,
 * GetOrders.cs, AutoQuery.cs, Types/{Customer,Order,OrderDetail,CustomerOrders}.cs. The project
 * has `<Nullable>enable</Nullable>`, so every reference-typed member without `?` is required in
 * ServiceStack's metadata. The entity types are `[DataContract]` with a plain `[DataMember]` on
 * each member (computed members such as `Customer.Email` have none and are left out).
 */
import type { ApiSpec } from '../apis.js';
import { m, strings } from './member.js';

const OPS = 'Northwind.ServiceModel';
const TYPES = 'Northwind.ServiceModel.Types';

const req = { required: true };
const status = m('ResponseStatus', 'ResponseStatus', req);

export const NORTHWIND: ApiSpec = {
  key: 'northwind',
  source: 'github.com/NetCoreApps/Northwind: Northwind.ServiceModel/{GetCustomerDetails,GetOrders,AutoQuery}.cs, Types/*.cs',
  service: 'Northwind Web Services',
  host: 'northwind.netcore.io',
  jsonDates: 'wcf',
  types: [
    { name: 'GetCustomerDetails', namespace: OPS, members: [m('Id', 'string', req)] },
    {
      name: 'CustomerDetailsResponse',
      namespace: OPS,
      dataContract: true,
      members: [m('Customer', 'Customer', req), m('Orders', 'List<CustomerOrder>', req), status],
    },
    { name: 'GetOrders', namespace: OPS, members: [m('Page', 'int?'), m('CustomerId', 'string', req)] },
    { name: 'OrdersResponse', namespace: OPS, dataContract: true, members: [m('Results', 'List<CustomerOrder>', req), status] },
    {
      name: 'QueryCustomers',
      namespace: OPS,
      base: 'QueryDb<Customer>',
      members: [m('Ids', 'List<string>', req), m('CountryStartsWith', 'string', req)],
    },
    {
      name: 'Customer',
      namespace: TYPES,
      dataContract: true,
      members: strings(['Id', 'CompanyName', 'ContactName', 'ContactTitle', 'Address', 'City', 'Region', 'PostalCode', 'Country', 'Phone', 'Fax'], req),
    },
    {
      name: 'Order',
      namespace: TYPES,
      dataContract: true,
      members: [
        m('Id', 'int'),
        m('CustomerId', 'string', req),
        m('EmployeeId', 'int'),
        m('OrderDate', 'DateTime?'),
        m('RequiredDate', 'DateTime?'),
        m('ShippedDate', 'DateTime?'),
        m('ShipVia', 'int?'),
        m('Freight', 'decimal'),
        ...strings(['ShipName', 'ShipAddress', 'ShipCity', 'ShipRegion', 'ShipPostalCode', 'ShipCountry'], req),
      ],
    },
    {
      name: 'OrderDetail',
      namespace: TYPES,
      dataContract: true,
      members: [m('OrderId', 'int'), m('ProductId', 'int'), m('UnitPrice', 'decimal'), m('Quantity', 'short'), m('Discount', 'double')],
    },
    { name: 'CustomerOrder', namespace: TYPES, dataContract: true, members: [m('Order', 'Order', req), m('OrderDetails', 'List<OrderDetail>', req)] },
  ],
  operations: [
    { name: 'GetCustomerDetails', routes: [{ path: '/customers/{Id}' }], response: 'CustomerDetailsResponse' },
    {
      name: 'GetOrders',
      routes: [{ path: '/orders' }, { path: '/orders/page/{Page}' }, { path: '/customers/{CustomerId}/orders' }],
      response: 'OrdersResponse',
    },
    { name: 'QueryCustomers', routes: [{ path: '/query/customers' }], response: 'QueryResponse<Customer>' },
  ],
};
