/** DataContract names of generic types' uses, read back only where both parts are known names. */
import { describe, expect, it } from 'vitest';
import { collectionName, demangleGenericName, isOneParameterGeneric, leadingPrimitive, xsdPrimitive } from '../../generator/model/datacontract-names.js';

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

describe('DataContract collection names (XML samples)', () => {
  it.each([
    { name: 'ArrayOfstring', want: { kind: 'list', rest: 'string' } },
    { name: 'ArrayOfPoco', want: { kind: 'list', rest: 'Poco' } },
    { name: 'ArrayOfKeyValueOfstringPocootmEvgDG', want: { kind: 'list', rest: 'KeyValueOfstringPocootmEvgDG' } },
    { name: 'KeyValueOfstringstring', want: { kind: 'entry', rest: 'stringstring' } },
    { name: 'ArrayOf', want: undefined },
    { name: 'Poco', want: undefined },
  ])('$name', ({ name, want }) => {
    expect(collectionName(name)).toEqual(want);
  });

  it.each([
    { rest: 'stringstring', want: ['string', 'string'] },
    { rest: 'intArrayOfPocootmEvgDG', want: ['int', 'ArrayOfPocootmEvgDG'] },
    { rest: 'dateTimeboolean', want: ['DateTime', 'boolean'] },
    { rest: 'unsignedBytePoco', want: ['byte', 'Poco'] },
    { rest: 'Poco', want: undefined },
  ])('the key of KeyValueOf$rest', ({ rest, want }) => {
    const got = leadingPrimitive(rest);
    expect(got && [got.type.kind === 'primitive' ? got.type.name : '?', got.rest]).toEqual(want);
  });

  it.each([
    ['int', 'int'],
    ['boolean', 'bool'],
    ['dateTime', 'DateTime'],
    ['guid', 'Guid'],
    ['duration', 'TimeSpan'],
    ['unsignedLong', 'ulong'],
    ['Poco', undefined],
  ])('XML Schema %s is %s', (name, want) => {
    const got = xsdPrimitive(name);
    expect(got?.kind === 'primitive' ? got.name : undefined).toBe(want);
  });
});
