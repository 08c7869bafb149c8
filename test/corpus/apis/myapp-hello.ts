/**
 * "My App" — ServiceStack's own NorthwindAuto test host (github.com/ServiceStack/ServiceStack:
 * ServiceStack/tests/NorthwindAuto/ServiceModel/Hello.cs). `<Nullable>enable</Nullable>`: a
 * `string` member is required, a `string?` one is not. `[ValidateIsAuthenticated]`,
 * `[ValidateHasRole]` and `[ValidateHasPermission]` make the operation require authentication
 * with those roles and permissions (ServiceStack/src/ServiceStack/Validation/ValidationFeature.cs,
 * `ApplyValidationRules`).
 */
import type { ApiSpec } from '../apis.js';
import { m } from './member.js';

const NS = 'MyApp.ServiceModel';
const name = m('Name', 'string', { required: true });

export const MYAPP_HELLO: ApiSpec = {
  key: 'myapp-hello',
  source: 'github.com/ServiceStack/ServiceStack: ServiceStack/tests/NorthwindAuto/ServiceModel/Hello.cs',
  service: 'My App',
  host: 'localhost:5001',
  jsonDates: 'wcf',
  types: [
    { name: 'Hello', namespace: NS, members: [name] },
    { name: 'Greet', namespace: NS, members: [name] },
    { name: 'HelloSecure', namespace: NS, members: [name] },
    {
      name: 'HelloVeryLongOperationNameVersions',
      namespace: NS,
      members: [m('Name', 'string?'), m('Names', 'string[]?'), m('Ids', 'int[]?')],
    },
    { name: 'HelloResponse', namespace: NS, members: [m('Result', 'string', { required: true }), m('ResponseStatus', 'ResponseStatus')] },
  ],
  operations: [
    { name: 'Hello', routes: [{ path: '/hello' }, { path: '/hello/{Name}' }], response: 'HelloResponse' },
    { name: 'Greet', routes: [{ path: '/greet/{Name}' }], response: 'HelloResponse' },
    { name: 'HelloSecure', routes: [{ path: '/hellosecure/{Name}', verbs: 'PUT' }], auth: {}, response: 'HelloResponse' },
    {
      name: 'HelloVeryLongOperationNameVersions',
      routes: [
        { path: '/hello-long/{Name}', verbs: 'PATCH,PUT' },
        { path: '/hello-very-long/{Name}', verbs: 'GET,POST,PUT' },
      ],
      auth: { roles: ['Employee'], permissions: ['ThePermission'] },
      response: 'HelloResponse',
    },
  ],
};
