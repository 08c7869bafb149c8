import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../generator/read/input.js';
import { modelOf, typeOf } from '../helpers.js';
import { languageTabPage } from '../read/html-fixtures.js';

const page = `Svc.Api

<back to all web services

GetThing

The following routes are available for this service:
GET/thing/{id}Get thing
import datetime
from enum import Enum, IntEnum


class Kind(str, Enum):
    OPEN = 'Open'
    CLOSED = 'Closed'


class Level(IntEnum):
    LOW = 1
    HIGH = 2


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class GetThing:
    id: int = 0
    kind: Optional[Kind] = None
    level: Optional[Level] = None

Python GetThing DTOs
`;

describe('enums from Python DTOs', () => {
  it('take the wire name from a string value, and keep an int value as the value', () => {
    const model = modelOf([{ file: 'thing.txt', text: page }]);
    expect(typeOf(model, 'Kind').enumMembers.map((m) => [m.name, m.value])).toEqual([
      ['Open', undefined],
      ['Closed', undefined],
    ]);
    expect(typeOf(model, 'Level').enumMembers.map((m) => [m.name, m.value])).toEqual([
      ['LOW', '1'],
      ['HIGH', '2'],
    ]);
    expect(
      typeOf(model, 'GetThing').fields.map((f) => [f.wireName, f.type.kind === 'list' || f.type.kind === 'dictionary' ? f.type.kind : f.type.name]),
    ).toEqual([
      ['id', 'int'],
      ['kind', 'Kind'],
      ['level', 'Level'],
    ]);
  });
});

describe('enum sources that disagree on the members', () => {
  const tab = (file: string, lang: 'csharp' | 'typescript', source: string): InputFile => languageTabPage(file, 'GetThing', lang, source);
  const cs = tab(
    't.csharp.html',
    'csharp',
    'public class GetThing : IReturnVoid { public Kind Kind { get; set; } }\npublic enum Kind\n{\n    Open,\n    Closed,\n    Pending,\n}',
  );
  const ts = tab(
    't.typescript.html',
    'typescript',
    "export class GetThing implements IReturnVoid { public kind: Kind; }\nexport enum Kind\n{\n    Open = 'Open',\n    Closed = 'Closed',\n}",
  );
  const lineIn = (file: InputFile, needle: string) => file.text.slice(0, file.text.indexOf(needle)).split('\n').length;

  it('give the enum every member any of them lists, and each source that lacks some is reported, with where they are listed', () => {
    const model = modelOf([cs, ts]);
    expect(typeOf(model, 'Kind').enumMembers.map((m) => m.name)).toEqual(['Open', 'Closed', 'Pending']);
    expect(model.diagnostics.filter((d) => d.code === 'SS066').map((d) => `${d.loc?.file}:${d.loc?.line} ${d.message}`)).toEqual([
      `t.typescript.html:${lineIn(ts, 'export enum')} enum 'Kind': the TypeScript DTO here lacks 'Pending' (t.csharp.html:${lineIn(cs, 'Pending')}), which other sources list; the enum has them all`,
    ]);
  });

  it('say nothing when they agree, whatever case each writes a member in', () => {
    // The Python page writes OPEN = 'Open'; C# writes Open.
    const model = modelOf([
      { file: 'thing.txt', text: page },
      tab('k.csharp.html', 'csharp', 'public class GetThing : IReturnVoid { }\npublic enum Kind { Open, Closed }'),
    ]);
    expect(typeOf(model, 'Kind').enumMembers.map((m) => m.name)).toEqual(['Open', 'Closed']);
    expect(model.diagnostics.filter((d) => d.code === 'SS066')).toEqual([]);
  });
});

describe('untitled enum tables on a pipe dump', () => {
  // The page names nothing: its tables are the request's, then (ServiceStack's order) the enum it uses, then Box's.
  const dump = (enumRows: string) =>
    [
      '| POST | /things | Create thing |',
      '|---|',
      '| Name | Parameter | Data Type | Required | Description |',
      '|---|---|---|---|---|',
      '| kind | body | Kind | No | Kind |',
      '| box | body | Box | No | Box |',
      enumRows,
      '| Name | Parameter | Data Type | Required | Description |',
      '|---|---|---|---|---|',
      '| width | form | int | No | Width |',
    ].join('\n');
  const enumTable = '| Name |\n|---|\n| Open |\n| Closed |';
  // Another page names the operation's types: Kind as an enum (C#), Box by its members.
  const names = languageTabPage(
    'names.csharp.html',
    'CreateThing',
    'csharp',
    [
      'public class CreateThing : IReturnVoid { public Kind Kind { get; set; } public Box Box { get; set; } }',
      'public enum Kind { Open, Closed }',
      'public class Box { public int Width { get; set; } }',
    ].join('\n'),
  );

  it('go to the enum the walk meets there, and the next table still goes to its type', () => {
    const model = modelOf([{ file: 'thing.txt', text: dump(enumTable) }, names]);
    expect(typeOf(model, 'Kind').sources.map((s) => `${s.file}:${s.line}`)).toEqual(['names.csharp.html:6', 'thing.txt:7']);
    expect(typeOf(model, 'Box').sources.map((s) => `${s.file}:${s.line}`)).toContain('thing.txt:11');
    expect(typeOf(model, 'Box').fields.map((f) => f.name)).toEqual(['width']);
    expect(model.diagnostics.filter((d) => ['SS062', 'SS066', 'SS071'].includes(d.code))).toEqual([]);
  });

  it('that no enum of the page claims are reported, not guessed', () => {
    const model = modelOf([{ file: 'thing.txt', text: dump(`${enumTable}\n${enumTable.replace('Open', 'Small').replace('Closed', 'Large')}`) }, names]);
    expect(model.diagnostics.filter((d) => d.code === 'SS062').map((d) => `${d.loc?.file}:${d.loc?.line}`)).toEqual(['thing.txt:11']);
    expect(typeOf(model, 'Kind').enumMembers.map((m) => m.name)).toEqual(['Open', 'Closed']);
  });
});
