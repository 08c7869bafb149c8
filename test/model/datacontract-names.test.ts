/** DataContract names of generic types' uses, read back only where both parts are known names. */
import { describe, expect, it } from 'vitest';
import { demangleGenericName, isOneParameterGeneric } from '../../generator/model/datacontract-names.js';

describe('demangleGenericName', () => {
  const generic = isOneParameterGeneric([{ name: 'PagedResult', typeParameters: ['T'] }]);
  it.each([
    { name: 'QueryResponseOfCustomerhtFHNyBe', known: ['Customer'], want: 'QueryResponse<Customer>' },
    { name: 'QueryResponseOfCustomertlJ4_P31p', known: ['Customer', 'Cust'], want: 'QueryResponse<Customer>' },
    { name: 'PagedResultOfFooDtotlJ4_P31p', known: ['FooDto'], want: 'PagedResult<FooDto>' },
    { name: 'QueryResponseOfCustomer', known: ['Customer'], want: 'QueryResponse<Customer>' },
    { name: 'QueryResponseOfCustomerhtFHNyBe', known: [], want: undefined },
    { name: 'ListOfThings', known: ['Things'], want: undefined },
    { name: 'GetCustomerResponse', known: ['Customer'], want: undefined },
  ])('$name → $want', ({ name, known, want }) => {
    const got = demangleGenericName(name, generic, new Set(known));
    expect(got && `${got.type}<${got.args.map((a) => (a.kind === 'ref' ? a.name : '?')).join(', ')}>`).toBe(want);
  });
});
