/** Valued enum tables of squashed dumps: each row's cells ran together, the table decides the split. */
import { describe, expect, it } from 'vitest';
import { splitSquashedEnumRows } from '../../generator/read/squashed-enum-rows.js';

const shown = (rows: ReturnType<typeof splitSquashedEnumRows>) =>
  rows?.map((r) => `${r.name}${r.value !== undefined ? `=${r.value}` : ''}${r.description ? ` (${r.description})` : ''}`);

describe('splitSquashedEnumRows', () => {
  it.each([
    { name: 'values 0, 1, 2 after names ending in digits', given: ['Value10', 'Value21', 'Value32'], want: ['Value1=0', 'Value2=1', 'Value3=2'] },
    {
      name: '[Flags] with a combination: Value123 is 7, as Value1 is taken',
      given: ['Value00', 'Value11', 'Value22', 'Value34', 'Value1237'],
      want: ['Value0=0', 'Value1=1', 'Value2=2', 'Value3=4', 'Value123=7'],
    },
    { name: 'long values keep the names one length', given: ['Value11000', 'Value22000', 'Value33000'], want: ['Value1=1000', 'Value2=2000', 'Value3=3000'] },
    { name: 'names without digits', given: ['Active1', 'Closed2', 'Deleted10'], want: ['Active=1', 'Closed=2', 'Deleted=10'] },
    { name: 'a description after the number', given: ['Low1Lowest', 'High5Highest'], want: ['Low=1 (Lowest)', 'High=5 (Highest)'] },
    {
      name: '[EnumMember] values in other casing',
      given: ['Lowerlower', 'UpperUPPER', 'PascalCasePascalCase', 'CamelUppercamelUPPER'],
      want: ['Lower=lower', 'Upper=UPPER', 'PascalCase', 'CamelUpper=camelUPPER'],
    },
    { name: 'names with digits repeated: no number read', given: ['Value1Value1', 'Value2Value2'], want: ['Value1', 'Value2'] },
    {
      name: 'an [EnumMember] value that is no casing of the name, and a description',
      given: ['NoneNone', 'Value1Member 1', 'Value2Value2Member 2'],
      want: ['None', 'Value1=Member 1', 'Value2 (Member 2)'],
    },
    { name: 'values out of order fit no split', given: ['A5', 'B1'], want: undefined },
    { name: 'a row that is no identifier', given: ['1st1'], want: undefined },
    { name: 'a line too long to be a member', given: ['A1', 'x'.repeat(100_000)], want: undefined },
  ])('$name', ({ given, want }) => {
    expect(shown(splitSquashedEnumRows(given))).toEqual(want);
  });

  it('splits a table of 100,000 rows in bounded time, each row by its shortest value', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Member${i}${i}`);
    const split = splitSquashedEnumRows(rows)!;
    expect(split).toHaveLength(100_000);
    expect(split[12]).toEqual({ name: 'Member121', value: '2' });
  });
});
