import { describe, it, expect } from 'vitest';
import { alignCells, chooseSplit, isParameterKind, parseRequired, squashedRowSplits, type KnownNames, type RowColumns } from '../../generator/read/columns.js';
import { parseDotNetType } from '../../generator/read/dotnet-type.js';

const NOTHING_KNOWN: KnownNames = { typeNames: new Set(), fieldNames: new Set() };

function known(fieldNames: string[] = [], typeNames: string[] = []): KnownNames {
  return { fieldNames: new Set(fieldNames), typeNames: new Set(typeNames) };
}

function row(name: string | undefined, parameter: string, dataType: string, required: boolean, description: string): RowColumns {
  return { ...(name !== undefined ? { name } : {}), parameter, dataType, type: parseDotNetType(dataType), required, description };
}

/** Splits a squashed row and picks one, as the text page reader does. */
function pick(text: string, names: KnownNames = NOTHING_KNOWN) {
  return chooseSplit(squashedRowSplits(text), names);
}

describe('isParameterKind / parseRequired', () => {
  it('knows the Parameter column values and Yes/No', () => {
    for (const k of ['path', 'query', 'body', 'form', 'header']) expect(isParameterKind(k)).toBe(true);
    expect(isParameterKind('Form')).toBe(false);
    expect(isParameterKind('')).toBe(false);
    expect(parseRequired('Yes')).toBe(true);
    expect(parseRequired('No')).toBe(false);
    expect(parseRequired('yes')).toBeUndefined();
    expect(parseRequired('')).toBeUndefined();
  });
});

describe('alignCells', () => {
  it('reads a normal row', () => {
    expect(alignCells(['title', 'form', 'string', 'No', "Title e.g. 'Mr & Mrs', 'Mr.'"])).toEqual(
      row('title', 'form', 'string', false, "Title e.g. 'Mr & Mrs', 'Mr.'"),
    );
    expect(alignCells(['birthDate', 'form', 'DateTime?', 'No', 'Birth Date'])).toEqual(row('birthDate', 'form', 'DateTime?', false, 'Birth Date'));
    expect(alignCells(['emails', 'form', 'List<Email>', 'No', 'Customer emails'])).toEqual(row('emails', 'form', 'List<Email>', false, 'Customer emails'));
  });

  it('reads a row with an empty description', () => {
    expect(alignCells(['isMainEmail', 'form', 'bool', 'Yes', ''])).toEqual(row('isMainEmail', 'form', 'bool', true, ''));
    expect(alignCells(['isMainEmail', 'form', 'bool', 'Yes'])).toEqual(row('isMainEmail', 'form', 'bool', true, ''));
  });

  it('reads a row whose Name cell is missing (seed 000: `| form | string | Yes | ||`)', () => {
    const r = alignCells(['form', 'string', 'Yes', '', '']);
    expect(r).toEqual(row(undefined, 'form', 'string', true, ''));
    expect(r).not.toHaveProperty('name');
  });

  it('reads a row whose Name cell is there but empty', () => {
    const r = alignCells(['', 'form', 'string', 'Yes', 'Email']);
    expect(r).toEqual(row(undefined, 'form', 'string', true, 'Email'));
    expect(r).not.toHaveProperty('name');
  });

  it('takes a field called like a parameter kind as a name', () => {
    expect(alignCells(['form', 'form', 'string', 'No', 'Form'])).toEqual(row('form', 'form', 'string', false, 'Form'));
  });

  it('joins a description that a `|` inside it spilled into extra cells', () => {
    expect(alignCells(['code', 'form', 'string', 'No', 'Either A', 'B', 'C'])).toEqual(row('code', 'form', 'string', false, 'Either A | B | C'));
    // Trailing empty cells (from `||`) are not part of the description.
    expect(alignCells(['code', 'form', 'string', 'No', 'Either A', 'B', '', ''])).toEqual(row('code', 'form', 'string', false, 'Either A | B'));
  });

  it.each<[string, string[]]>([
    ['no cells', []],
    ['too few cells', ['title', 'form']],
    ['a header row', ['Name', 'Parameter', 'Data Type', 'Required', 'Description']],
    ['a separator row', ['---', '---', '---', '---', '---']],
    ['a route row', ['PUT', '/customer/{boosterCustomerId}', 'Update customer', 'Update CRM customer']],
    ['an unknown parameter kind', ['title', 'from', 'string', 'No', 'Title']],
    ['a Required cell that is not Yes/No', ['title', 'form', 'string', 'Maybe', 'Title']],
    ['a type that is not a type', ['title', 'form', 'List<', 'No', 'Title']],
    ['a name that is not an identifier', ['first name', 'form', 'string', 'No', 'First']],
    ['plain text', ['Some text that is not a row']],
  ])('gives undefined for %s', (_what, cells) => {
    expect(alignCells(cells)).toBeUndefined();
  });
});

describe('squashedRowSplits + chooseSplit on the seed rows (003)', () => {
  it.each<[string, RowColumns]>([
    ['brandformstringYesBrand', row('brand', 'form', 'string', true, 'Brand')],
    ["clientSpendingFromformdouble?NoClient Spending From e.g. '100'", row('clientSpendingFrom', 'form', 'double?', false, "Client Spending From e.g. '100'")],
    ['posCodesformList<string>YesPOS Legacy', row('posCodes', 'form', 'List<string>', true, 'POS Legacy')],
    [
      'interestsformList<GetCustomerInterest>NoCustomer interest filter',
      row('interests', 'form', 'List<GetCustomerInterest>', false, 'Customer interest filter'),
    ],
    [
      'asyncTaskIdformGuidYesUnique Identifier of the Export Request created',
      row('asyncTaskId', 'form', 'Guid', true, 'Unique Identifier of the Export Request created'),
    ],
    [
      'downloadRequestIdbodystringYesExport Request ID of the API Consumers',
      row('downloadRequestId', 'body', 'string', true, 'Export Request ID of the API Consumers'),
    ],
    [
      "creationDateFromformDateTime?NoCustomer Creation Date From e.g. '2022-01-01'",
      row('creationDateFrom', 'form', 'DateTime?', false, "Customer Creation Date From e.g. '2022-01-01'"),
    ],
  ])('%s', (text, expected) => {
    const splits = squashedRowSplits(text);
    expect(splits).toContainEqual(expected);
    const { chosen, ambiguous } = chooseSplit(splits, NOTHING_KNOWN);
    expect(chosen).toEqual(expected);
    expect(ambiguous).toEqual([]);
  });

  it('has exactly one split for a plain seed row', () => {
    expect(squashedRowSplits('brandformstringYesBrand')).toHaveLength(1);
    expect(squashedRowSplits('interestsformList<GetCustomerInterest>NoCustomer interest filter')).toHaveLength(1);
  });

  it('uses the known type names only to rank, not to reject (GetCustomerInterest unknown still reads)', () => {
    const { chosen } = pick('interestsformList<GetCustomerInterest>NoCustomer interest filter', known([], ['GetCustomerInterest']));
    expect(chosen?.dataType).toBe('List<GetCustomerInterest>');
  });
});

describe('squashed rows that split more than one way', () => {
  it('a name that ends in `form`: the built-in type wins over `formstring`', () => {
    const splits = squashedRowSplits('platformformstringNoPlatform');
    expect(splits).toEqual([row('plat', 'form', 'formstring', false, 'Platform'), row('platform', 'form', 'string', false, 'Platform')]);
    expect(chooseSplit(splits, NOTHING_KNOWN)).toEqual({ chosen: row('platform', 'form', 'string', false, 'Platform'), ambiguous: [] });
  });

  it('a name that ends in `body`', () => {
    const splits = squashedRowSplits('rawbodybodystringYesRaw');
    expect(splits).toHaveLength(2);
    expect(chooseSplit(splits, NOTHING_KNOWN)).toEqual({ chosen: row('rawbody', 'body', 'string', true, 'Raw'), ambiguous: [] });
  });

  it('a name that ends in `path`', () => {
    expect(pick('xpathpathstringNo')).toEqual({ chosen: row('xpath', 'path', 'string', false, ''), ambiguous: [] });
  });

  it('a field called `form`', () => {
    expect(pick('formformstringNoForm')).toEqual({ chosen: row('form', 'form', 'string', false, 'Form'), ambiguous: [] });
  });

  it('a description starting with No/Yes stays in the description', () => {
    const splits = squashedRowSplits('activeformboolNoNo longer active');
    expect(splits).toContainEqual(row('active', 'form', 'bool', false, 'No longer active'));
    expect(splits).toContainEqual(row('active', 'form', 'boolNo', false, 'longer active'));
    expect(chooseSplit(splits, NOTHING_KNOWN)).toEqual({ chosen: row('active', 'form', 'bool', false, 'No longer active'), ambiguous: [] });
    expect(pick('notesformstringNoNotes').chosen).toEqual(row('notes', 'form', 'string', false, 'Notes'));
    expect(pick('okformboolYesYes if it worked').chosen).toEqual(row('ok', 'form', 'bool', true, 'Yes if it worked'));
  });

  it('an empty description', () => {
    expect(squashedRowSplits('nameformstringYes')).toEqual([row('name', 'form', 'string', true, '')]);
    expect(squashedRowSplits('countformint?No')).toEqual([row('count', 'form', 'int?', false, '')]);
  });

  it('a row with no name (the squashed form of `| form | string | Yes | ||`)', () => {
    const splits = squashedRowSplits('formstringYes');
    expect(splits).toEqual([row(undefined, 'form', 'string', true, '')]);
    expect(splits[0]).not.toHaveProperty('name');
    expect(pick('formstringYes').chosen).toEqual(row(undefined, 'form', 'string', true, ''));
  });

  it('known field names decide between two grammar-valid splits (compared lower-cased)', () => {
    const text = 'myPlatformformStatusNoPlatform status';
    const splits = squashedRowSplits(text);
    expect(splits).toEqual([row('myPlat', 'form', 'formStatus', false, 'Platform status'), row('myPlatform', 'form', 'Status', false, 'Platform status')]);
    expect(chooseSplit(splits, known(['myplatform']))).toEqual({ chosen: splits[1], ambiguous: [] });
    expect(chooseSplit(splits, known(['myplat']))).toEqual({ chosen: splits[0], ambiguous: [] });
    // Field names are kept lower-cased: a mixed-case entry does not match.
    expect(chooseSplit(splits, known(['myPlat'])).ambiguous).toHaveLength(2);
  });

  it('known type names decide between two grammar-valid splits', () => {
    const splits = squashedRowSplits('myPlatformformStatusNoPlatform status');
    expect(chooseSplit(splits, known([], ['Status']))).toEqual({ chosen: splits[1], ambiguous: [] });
    expect(chooseSplit(splits, known([], ['formStatus']))).toEqual({ chosen: splits[0], ambiguous: [] });
    // A known type outweighs a known field name.
    expect(chooseSplit(splits, known(['myplatform'], ['formStatus'])).chosen).toEqual(splits[0]);
  });

  it('reports the splits as ambiguous when nothing decides, and still picks one (the longest name)', () => {
    const splits = squashedRowSplits('myPlatformformStatusNoPlatform status');
    const { chosen, ambiguous } = chooseSplit(splits, NOTHING_KNOWN);
    expect(chosen).toEqual(row('myPlatform', 'form', 'Status', false, 'Platform status'));
    expect(ambiguous).toHaveLength(2);
    expect(ambiguous).toContainEqual(splits[0]);
    expect(ambiguous).toContainEqual(splits[1]);
  });

  it('a DTO-typed field whose description starts with No is ambiguous until the type is known', () => {
    const text = 'statusformStatusNoNo longer used';
    const undecided = pick(text);
    expect(undecided.ambiguous.map((s) => s.dataType).sort()).toEqual(['Status', 'StatusNo']);
    expect(pick(text, known([], ['Status']))).toEqual({ chosen: row('status', 'form', 'Status', false, 'No longer used'), ambiguous: [] });
    expect(pick(text, known([], ['StatusNo']))).toEqual({ chosen: row('status', 'form', 'StatusNo', false, 'longer used'), ambiguous: [] });
  });

  it('ranks a generic type by every name in it, at any depth', () => {
    const nested = row('items', 'form', 'List<List<Unknown>>', false, '');
    const plain = row('x', 'form', 'string', false, '');
    expect(chooseSplit([nested, plain], NOTHING_KNOWN)).toEqual({ chosen: plain, ambiguous: [] });
    expect(chooseSplit([nested, plain], known([], ['Unknown'])).ambiguous).toHaveLength(2);
  });
});

describe('squashedRowSplits on text that is no row', () => {
  it.each([
    '',
    'Some description that goes on',
    'NameParameterData TypeRequiredDescription',
    'brandfromstringYesBrand', // no parameter kind
    'brandformstringMaybeBrand', // no Yes/No
    'brandformYesBrand', // no type
    'brand form string Yes Brand', // a space in the name position
    '1brandformstringYes', // a name cannot start with a digit
  ])('%j has no split', (text) => {
    expect(squashedRowSplits(text)).toEqual([]);
    expect(chooseSplit(squashedRowSplits(text), NOTHING_KNOWN)).toEqual({ ambiguous: [] });
  });
});
