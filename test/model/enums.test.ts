import { describe, expect, it } from 'vitest';
import { modelOf, typeOf } from '../helpers.js';

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
    expect(typeOf(model, 'Kind').enumMembers.map((m) => [m.name, m.value])).toEqual([['Open', undefined], ['Closed', undefined]]);
    expect(typeOf(model, 'Level').enumMembers.map((m) => [m.name, m.value])).toEqual([['LOW', '1'], ['HIGH', '2']]);
    expect(typeOf(model, 'GetThing').fields.map((f) => [f.wireName, f.type.kind === 'list' || f.type.kind === 'dictionary' ? f.type.kind : f.type.name])).toEqual([
      ['id', 'int'],
      ['kind', 'Kind'],
      ['level', 'Level'],
    ]);
  });
});
