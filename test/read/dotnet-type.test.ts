import { describe, it, expect } from 'vitest';
import { BUILTIN_TYPE_NAMES, formatDotNetType, parseDotNetType, readDotNetTypeAt, typeNamesIn, type DotNetType } from '../../generator/read/dotnet-type.js';

/** A type with no arguments, no `[]` and not nullable, with overrides. */
function t(name: string, more: Partial<DotNetType> = {}): DotNetType {
  return { name, args: [], arrayRank: 0, nullable: false, ...more };
}

describe('parseDotNetType', () => {
  it.each<[string, DotNetType]>([
    ['string', t('string')],
    ['DateTime?', t('DateTime', { nullable: true })],
    ['List<Email>', t('List', { args: [t('Email')] })],
    ['Dictionary<string, List<int>>', t('Dictionary', { args: [t('string'), t('List', { args: [t('int')] })] })],
    ['Dictionary<string,List<int>>', t('Dictionary', { args: [t('string'), t('List', { args: [t('int')] })] })],
    ['int[]', t('int', { arrayRank: 1 })],
    ['string[][]', t('string', { arrayRank: 2 })],
    ['Guid', t('Guid')],
    ['double?', t('double', { nullable: true })],
    ['List<GetCustomerInterest>', t('List', { args: [t('GetCustomerInterest')] })],
    ['List<DateTime?>', t('List', { args: [t('DateTime', { nullable: true })] })],
    ['System.String', t('System.String')],
  ])('%s', (text, expected) => {
    expect(parseDotNetType(text)).toEqual(expected);
  });

  it('reads Nullable<T> as T, nullable', () => {
    expect(parseDotNetType('Nullable<int>')).toEqual(t('int', { nullable: true }));
    expect(parseDotNetType('List<Nullable<DateTime>>')).toEqual(t('List', { args: [t('DateTime', { nullable: true })] }));
  });

  it('ignores whitespace around the type and around arguments', () => {
    expect(parseDotNetType('  int  ')).toEqual(t('int'));
    expect(parseDotNetType('List< int >')).toEqual(t('List', { args: [t('int')] }));
  });

  it.each(['List<', '<>', 'a b', '', '   ', 'List<>', 'List<int>>', 'List<int', 'List<int,>', '[]', '?', 'int?x', '1abc', 'List<int>No longer'])(
    'rejects %j',
    (text) => {
      expect(parseDotNetType(text)).toBeUndefined();
    },
  );
});

describe('readDotNetTypeAt', () => {
  it('reads a type in the middle of a squashed row and says where it ends', () => {
    const text = 'posCodesformList<string>YesPOS Legacy';
    const r = readDotNetTypeAt(text, 'posCodesform'.length);
    // The name grammar is greedy: the type runs into the text after it unless a bracket stops it.
    expect(r).toEqual({ type: t('List', { args: [t('string')] }), end: 'posCodesformList<string>'.length });
  });

  it('reads only as far as the grammar allows', () => {
    expect(readDotNetTypeAt('int? rest', 0)).toEqual({ type: t('int', { nullable: true }), end: 4 });
    expect(readDotNetTypeAt('string[][]|', 0)).toEqual({ type: t('string', { arrayRank: 2 }), end: 10 });
  });

  it('gives undefined where no type starts or a generic is not closed', () => {
    expect(readDotNetTypeAt('abc', 5)).toBeUndefined();
    expect(readDotNetTypeAt('x <int>', 1)).toBeUndefined();
    expect(readDotNetTypeAt('List<int', 0)).toBeUndefined();
  });

  it('is re-entrant (the sticky regex is reset on every call)', () => {
    const text = 'Dictionary<string, List<Email>> and more';
    const first = readDotNetTypeAt(text, 0);
    const second = readDotNetTypeAt(text, 0);
    expect(second).toEqual(first);
    expect(first?.end).toBe('Dictionary<string, List<Email>>'.length);
  });
});

describe('formatDotNetType', () => {
  it.each([
    ['string', 'string'],
    ['DateTime?', 'DateTime?'],
    ['List<Email>', 'List<Email>'],
    ['Dictionary<string, List<int>>', 'Dictionary<string,List<int>>'],
    ['int[]', 'int[]'],
    ['string[][]', 'string[][]'],
    ['Nullable<int>', 'int?'],
  ])('%s → %s', (text, formatted) => {
    const type = parseDotNetType(text);
    expect(type).toBeDefined();
    expect(formatDotNetType(type!)).toBe(formatted);
    // What it prints reads back as the same type.
    expect(parseDotNetType(formatDotNetType(type!))).toEqual(type);
  });
});

describe('typeNamesIn', () => {
  it('lists every name, outer first, depth first', () => {
    expect(typeNamesIn(parseDotNetType('string')!)).toEqual(['string']);
    expect(typeNamesIn(parseDotNetType('List<Email>')!)).toEqual(['List', 'Email']);
    expect(typeNamesIn(parseDotNetType('Dictionary<string, List<Email>>')!)).toEqual(['Dictionary', 'string', 'List', 'Email']);
    expect(typeNamesIn(parseDotNetType('Phone[]')!)).toEqual(['Phone']);
    expect(typeNamesIn(parseDotNetType('Nullable<int>')!)).toEqual(['int']);
  });
});

describe('BUILTIN_TYPE_NAMES', () => {
  it('knows the types the seeds use and not the DTO names', () => {
    for (const n of ['string', 'int', 'bool', 'double', 'DateTime', 'Guid', 'List', 'Dictionary']) expect(BUILTIN_TYPE_NAMES.has(n)).toBe(true);
    for (const n of ['Email', 'Phone', 'GetCustomerInterest', 'ProductCategory']) expect(BUILTIN_TYPE_NAMES.has(n)).toBe(false);
  });
});
