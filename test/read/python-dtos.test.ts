import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { PythonClassFragment, SourceLine } from '../../generator/read/fragments.js';
import { parsePythonType, pythonNameToCamel, readPythonDtos } from '../../generator/read/python-dtos.js';

/** Numbers the lines of an inline fixture from 1 (or from `first`). */
function toLines(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: first + i }));
}

function read(text: string): { classes: PythonClassFragment[]; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  return { classes: readPythonDtos('test.txt', toLines(text), bag), bag };
}

function codes(bag: DiagnosticBag): string[] {
  return bag.items.map((d) => d.code);
}

describe('pythonNameToCamel', () => {
  it.each([
    ['contact_by_s_m_s_flag', 'contactBySMSFlag'],
    ['street2', 'street2'],
    ['is_main_email', 'isMainEmail'],
    ['booster_customer_id', 'boosterCustomerId'],
    ['id', 'id'],
    ['_private_name', 'privateName'],
    ['address_2_line', 'address2Line'],
    ['Already_Upper', 'already_Upper'],
  ])('%s -> %s', (name, camel) => {
    expect(pythonNameToCamel(name)).toBe(camel);
  });
});

describe('parsePythonType', () => {
  const name = (n: string) => ({ kind: 'name', name: n });
  it.each([
    ['str', name('str')],
    ['Decimal', name('Decimal')],
    ['decimal.Decimal', name('decimal.Decimal')],
    ['datetime.datetime', name('datetime.datetime')],
    ['datetime.timedelta', name('datetime.timedelta')],
    ['Any', name('Any')],
    ['Optional[str]', { kind: 'optional', of: name('str') }],
    ['typing.Optional[int]', { kind: 'optional', of: name('int') }],
    ['Optional[List[Email]]', { kind: 'optional', of: { kind: 'list', of: name('Email') } }],
    ['list[ int ]', { kind: 'list', of: name('int') }],
    ['Dict[str, Optional[int]]', { kind: 'dict', key: name('str'), value: { kind: 'optional', of: name('int') } }],
    ['dict[str,bytes]', { kind: 'dict', key: name('str'), value: name('bytes') }],
    ['Union[Email, None]', { kind: 'optional', of: name('Email') }],
    ['Union[None, Email]', { kind: 'optional', of: name('Email') }],
    ["'Email'", name('Email')],
    ["Optional['Email']", { kind: 'optional', of: name('Email') }],
    ['List["Phone"]', { kind: 'list', of: name('Phone') }],
  ])('%s', (annotation, expected) => {
    expect(parsePythonType(annotation)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'List[str',
    'List[str]]',
    'Optional[]',
    'Optional[int, str]',
    'Dict[str]',
    'Union[int, str]',
    'int str',
    'datetime.',
    'Foo[Bar]',
    'List[str] = None',
  ])('rejects %j', (annotation) => {
    expect(parsePythonType(annotation)).toBeUndefined();
  });
});

describe('readPythonDtos: classes', () => {
  it('reads decorators, bases, docstrings and skips imports and type variables', () => {
    const { classes, bag } = read(
      [
        'import datetime', // 1
        'from typing import *',
        "T = TypeVar('T')",
        'Ids = List[int]',
        '',
        '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)', // 6
        '@dataclass',
        'class Base:',
        '    """One-line doc."""',
        '    id: int = 0',
        '',
        '@dataclass', // 12
        'class Page(Base, Generic[T]):',
        '    """',
        '    A page',
        '      of results.',
        '    """',
        '    items: List[T] = field(default_factory=list)',
      ].join('\n'),
    );
    expect(bag.items).toEqual([]);
    expect(classes.map((c) => c.name)).toEqual(['Base', 'Page']);
    const [base, page] = classes;
    expect(base).toMatchObject({
      bases: [],
      isEnum: false,
      letterCase: 'CAMEL',
      docstring: 'One-line doc.',
      loc: { file: 'test.txt', line: 8 },
    });
    expect(page?.letterCase).toBeUndefined();
    expect(page?.bases).toEqual(['Base', 'Generic[T]']);
    expect(page?.docstring).toBe('A page of results.');
    expect(page?.fields[0]).toMatchObject({ name: 'items', annotation: 'List[T]', default: 'field(default_factory=list)' });
  });

  it('reads enum classes and their members', () => {
    const { classes, bag } = read(
      [
        'class Kind(str, Enum):',
        "    PRIVATE = 'PRIVATE'",
        '    COMPANY = "COMPANY"',
        '',
        'class Level(IntEnum):',
        '    LOW = 1',
        '',
        'class Colour(Enum):',
        '    """Colours."""',
        "    RED = 'red'",
      ].join('\n'),
    );
    expect(bag.items).toEqual([]);
    expect(classes.every((c) => c.isEnum)).toBe(true);
    expect(classes[0]?.bases).toEqual(['str', 'Enum']);
    expect(classes[0]?.enumMembers).toEqual([
      { name: 'PRIVATE', value: 'PRIVATE', loc: { file: 'test.txt', line: 2, column: 5 } },
      { name: 'COMPANY', value: 'COMPANY', loc: { file: 'test.txt', line: 3, column: 5 } },
    ]);
    expect(classes[1]?.enumMembers.map((m) => m.value)).toEqual(['1']);
    expect(classes[2]?.docstring).toBe('Colours.');
    expect(classes[2]?.enumMembers).toHaveLength(1);
  });
});

describe('readPythonDtos: fields', () => {
  it('reads ApiMember arguments in any order, with escapes, commas and parentheses inside quotes', () => {
    const { classes, bag } = read(
      [
        'class Customer:',
        '    # @ApiMember(IsRequired=TRUE, DataType="string", Description="Say \\"hi\\", (politely)", ParameterType="path")',
        '    greeting: Optional[str] = None',
        '    """',
        '    Ignored: the ApiMember description wins',
        '    """',
        '',
        '    # @ApiMember(Name="Foo", IsRequired=false)',
        '    foo: int',
      ].join('\n'),
    );
    expect(bag.items).toEqual([]);
    const [greeting, foo] = classes[0]!.fields;
    expect(greeting).toEqual({
      name: 'greeting',
      annotation: 'Optional[str]',
      type: { kind: 'optional', of: { kind: 'name', name: 'str' } },
      default: 'None',
      description: 'Say "hi", (politely)',
      required: true,
      apiMember: { IsRequired: 'TRUE', DataType: 'string', Description: 'Say "hi", (politely)', ParameterType: 'path' },
      loc: { file: 'test.txt', line: 3, column: 5 },
    });
    expect(foo).toMatchObject({ name: 'foo', required: false, apiMember: { Name: 'Foo', IsRequired: 'false' } });
    expect(foo?.default).toBeUndefined();
    expect(foo?.description).toBeUndefined();
  });

  it('falls back to the docstring, joining its lines, and does not carry comments over to the next field', () => {
    const { classes } = read(
      [
        'class Note:',
        '    # @ApiMember(IsRequired=true)',
        '    text: str = ""',
        '    """',
        '    First line',
        '    second line',
        '    """',
        '    # a plain comment',
        "    tags: Optional[List['Tag']] = None",
        '    """Tags."""',
      ].join('\n'),
    );
    const [text, tags] = classes[0]!.fields;
    expect(text).toMatchObject({ description: 'First line second line', required: true, default: '""' });
    expect(tags).toMatchObject({ description: 'Tags.', required: false, type: { kind: 'optional', of: { kind: 'list' } } });
    expect(tags?.apiMember).toBeUndefined();
  });

  it('ignores a trailing comment after the default', () => {
    const { classes } = read(['class A:', "    code: str = '#1'  # the code"].join('\n'));
    expect(classes[0]?.fields[0]).toMatchObject({ annotation: 'str', default: "'#1'" });
  });
});

describe('readPythonDtos: malformed input', () => {
  it('warns about garbage lines and keeps reading', () => {
    const { classes, bag } = read(
      ['this is not python', 'class A:', '    ??? what', '    x = 3', '    name: str', '    # @ApiMember(Description="unterminated)', '    other: int'].join(
        '\n',
      ),
    );
    expect(bag.items).toEqual([
      { code: 'SS030', severity: 'warning', message: 'cannot read Python line: this is not python', loc: { file: 'test.txt', line: 1, column: 1 } },
      { code: 'SS030', severity: 'warning', message: 'cannot read Python field: ??? what', loc: { file: 'test.txt', line: 3, column: 5 } },
      { code: 'SS030', severity: 'warning', message: 'cannot read Python field: x = 3', loc: { file: 'test.txt', line: 4, column: 5 } },
      {
        code: 'SS030',
        severity: 'warning',
        message: 'cannot read Python field: # @ApiMember(Description="unterminated)',
        loc: { file: 'test.txt', line: 6, column: 5 },
      },
    ]);
    expect(classes[0]?.fields.map((f) => f.name)).toEqual(['name', 'other']);
  });

  it('warns about indented lines outside any class and about empty annotations or defaults', () => {
    const { classes, bag } = read(['    orphan: int', 'class A:', '    x:', '    y: int =', '    z: int'].join('\n'));
    expect(codes(bag)).toEqual(['SS030', 'SS030', 'SS030']);
    expect(classes[0]?.fields.map((f) => f.name)).toEqual(['z']);
  });

  it('stops an unterminated docstring at the next class', () => {
    const lines = ['class A:', '    x: int', '    """', '    Note: never closed', '    y: str', '', '@dataclass', 'class B:', '    z: int'];
    let result: ReturnType<typeof read> | undefined;
    expect(() => (result = read(lines.join('\n')))).not.toThrow();
    const { classes, bag } = result!;
    expect(bag.items).toHaveLength(1);
    expect(bag.items[0]).toMatchObject({ code: 'SS030', message: 'unterminated docstring: skipped lines 3-6', loc: { line: 3 } });
    expect(classes.map((c) => [c.name, c.fields.map((f) => f.name)])).toEqual([
      ['A', ['x']],
      ['B', ['z']],
    ]);
  });

  it('keeps a field with unbalanced brackets, without a type, and warns SS031', () => {
    const { classes, bag } = read(['class A:', '    items: Optional[List[str] = None', '    next: Dict[str, int]]'].join('\n'));
    expect(codes(bag)).toEqual(['SS031', 'SS031']);
    expect(bag.items[0]?.message).toBe('cannot read Python type: Optional[List[str] = None');
    const [items, next] = classes[0]!.fields;
    expect(items).toMatchObject({ name: 'items', annotation: 'Optional[List[str] = None' });
    expect(items?.type).toBeUndefined();
    expect(next?.type).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    const junk = ['"""', 'class', 'class (:', '@', '    #', '    : int', '    a: [[[', "    b: ']'", '"""x"""', ')'];
    expect(() => read(junk.join('\n'))).not.toThrow();
  });
});

describe('readPythonDtos: seed 001 (UpdateCustomer)', () => {
  const file = 'input/001_8060713cbadbf278.txt';
  const all = toLines(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n'));
  const start = all.findIndex((l) => /^(import|from)\s/.test(l.text));
  const end = all.findIndex((l) => l.text.trim() === 'Python UpdateCustomer DTOs');
  const bag = new DiagnosticBag();
  const classes = readPythonDtos(file, all.slice(start, end), bag);
  const cls = (name: string) => classes.find((c) => c.name === name)!;
  const field = (className: string, name: string) => cls(className).fields.find((f) => f.name === name)!;

  it('reads all nine classes without diagnostics', () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(bag.items).toEqual([]);
    expect(classes.map((c) => c.name)).toEqual(['Email', 'Phone', 'Address', 'Event', 'Interest', 'Hobby', 'ProductCollection', 'Customer', 'UpdateCustomer']);
    expect(classes.every((c) => c.letterCase === 'CAMEL' && !c.isEnum)).toBe(true);
    expect(cls('UpdateCustomer').bases).toEqual(['Customer']);
    expect(cls('Customer').bases).toEqual([]);
  });

  it('reads required-ness, descriptions and types', () => {
    expect(field('Email', 'email')).toMatchObject({ required: true, description: 'Email' });
    expect(field('Phone', 'phone_type').required).toBe(false);
    expect(field('ProductCollection', 'translation').required).toBe(true);
    expect(field('Interest', 'translation').required).toBe(false);
    expect(pythonNameToCamel(field('Customer', 'contact_by_s_m_s_flag').name)).toBe('contactBySMSFlag');
    expect(field('Customer', 'birth_date').type).toEqual({ kind: 'optional', of: { kind: 'name', name: 'datetime.datetime' } });
    expect(field('Customer', 'emails').type).toEqual({ kind: 'optional', of: { kind: 'list', of: { kind: 'name', name: 'Email' } } });
    expect(field('Event', 'event_date').default).toBe('datetime.datetime(1, 1, 1)');
    expect(field('UpdateCustomer', 'booster_customer_id')).toMatchObject({ annotation: 'int', default: '0' });
    expect(cls('Customer').fields).toHaveLength(38);
  });

  it('records line numbers of classes and fields', () => {
    expect(cls('Email').loc).toEqual({ file, line: 22, column: 1 });
    expect(field('Email', 'email').loc).toEqual({ file, line: 24, column: 5 });
    expect(field('Customer', 'contact_by_s_m_s_flag').loc.line).toBe(430);
    expect(field('UpdateCustomer', 'booster_customer_id').loc.line).toBe(545);
  });
});

describe('route comments', () => {
  it('give the class below them its routes: path, verbs, and named Summary and Notes', () => {
    const { classes, bag } = read(
      [
        '# @Route("/orders/{OrderId}/lines/{LineId}", "GET")',
        '# @Route("/lines", "GET,POST", Summary="All lines", Notes="Paged \\"nicely\\"")',
        '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)',
        '@dataclass',
        'class GetOrderLine(IReturn[GetOrderLineResponse]):',
        '    order_id: int = 0',
        '',
        'class GetOrderLineResponse:',
        '    id: int = 0',
      ].join('\n'),
    );
    expect(bag.items).toEqual([]);
    expect(classes[0]!.routes).toEqual([
      { verbs: ['GET'], path: '/orders/{OrderId}/lines/{LineId}', loc: { file: 'test.txt', line: 1, column: 1 } },
      { verbs: ['GET', 'POST'], path: '/lines', summary: 'All lines', notes: 'Paged "nicely"', loc: { file: 'test.txt', line: 2, column: 1 } },
    ]);
    expect(classes[1]!.routes).toBeUndefined();
  });

  it('that cannot be read are reported, and give no route', () => {
    const { classes, bag } = read(['# @Route(/orders, GET)', '# @Route("orders", "GET")', 'class GetOrders:', '    id: int = 0'].join('\n'));
    expect(bag.items.map((d) => `${d.code} ${d.loc?.line} ${d.message}`)).toEqual([
      'SS030 1 cannot read Python route comment: @Route(/orders, GET)',
      'SS030 2 cannot read Python route comment: Route attribute names no path: orders',
    ]);
    expect(classes[0]!.routes).toBeUndefined();
  });
});
