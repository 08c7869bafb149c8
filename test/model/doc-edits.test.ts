/**
 * The docs change as users edit them: adding, removing or renaming one member in one table of
 * one seed must change only that member in the model (a removed member stays where other pages
 * still state it) — in each dump form (pipe tables with and
 * without a leading `|`, squashed rows, Python DTOs). Every other fact (types, bases, members,
 * operations, parameters) stays as it was, and no new warning appears except about that member.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/api-model.js';
import { modelOf, seedFiles } from '../helpers.js';

interface Edit {
  seed: string;
  /** The line to change, as written; `to` replaces it (several lines joined by \n), '' removes it. */
  from: string;
  to: string;
  /** The members whose facts may change. */
  members: string[];
  /** The member (wire name) the edit adds to the model. */
  appears?: string;
}

/** Every fact of the model as one line, without sources (an added line moves every line after it). */
function factLines(model: ApiModel): Set<string> {
  const lines = new Set<string>();
  for (const t of model.types) {
    const { fields, sources: _s, enumMembers, rules, ...rest } = t;
    lines.add(`type ${JSON.stringify(rest)}`);
    for (const { sources: _f, ...f } of fields) lines.add(`field ${t.name}.${f.name} ${JSON.stringify(f)}`);
    for (const m of enumMembers) lines.add(`enum ${t.name}.${m.name}=${m.value ?? ''}`);
    for (const { sources: _r, ...r } of rules) lines.add(`rule ${t.name}.${r.field} ${JSON.stringify(r)}`);
  }
  for (const op of model.operations) {
    const { parameters, sources: _s, routes, ...rest } = op;
    lines.add(`operation ${JSON.stringify(rest)} ${JSON.stringify(routes.map(({ sources: _r, ...r }) => r))}`);
    for (const p of parameters) lines.add(`parameter ${op.name}.${p.name} ${JSON.stringify(p)}`);
  }
  return lines;
}

function edited(edit: Edit) {
  return seedFiles().map((f) => {
    if (!f.file.startsWith(edit.seed)) return f;
    const lines = f.text.split('\n');
    const at = lines.indexOf(edit.from);
    if (at < 0) throw new Error(`no line '${edit.from}' in ${f.file}`);
    lines.splice(at, 1, ...(edit.to === '' ? [] : edit.to.split('\n')));
    return { ...f, text: lines.join('\n') };
  });
}

const warnings = (m: ApiModel) => new Set(m.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`));

const mentions = (line: string, members: string[]) => members.some((m) => new RegExp(`\\b${m}\\b`, 'i').test(line));

const EDITS: [string, Edit][] = [
  [
    'pipe, leading |: a row added',
    {
      seed: '000',
      from: '| middleName | form | string | No | Middle Name |',
      to: '| middleName | form | string | No | Middle Name |\n| nickName | form | string | No | Nick name |',
      members: ['nickName'],
      appears: 'nickName',
    },
  ],
  ['pipe, leading |: a row removed', { seed: '000', from: '| nameSuffix | form | string | No | Name Suffix |', to: '', members: ['nameSuffix'] }],
  [
    'pipe, leading |: a row renamed',
    {
      seed: '000',
      from: '| middleName | form | string | No | Middle Name |',
      to: '| secondName | form | string | No | Middle Name |',
      members: ['middleName', 'secondName'],
      appears: 'secondName',
    },
  ],
  [
    'pipe, no leading |: a row added',
    {
      seed: '002',
      from: 'middleName | form | string | No | Middle Name |',
      to: 'middleName | form | string | No | Middle Name |\nnickName | form | string | No | Nick name |',
      members: ['nickName'],
      appears: 'nickName',
    },
  ],
  ['pipe, no leading |: a row removed', { seed: '002', from: 'nameSuffix | form | string | No | Name Suffix |', to: '', members: ['nameSuffix'] }],
  [
    'pipe, no leading |: a row renamed',
    {
      seed: '002',
      from: 'middleName | form | string | No | Middle Name |',
      to: 'secondName | form | string | No | Middle Name |',
      members: ['middleName', 'secondName'],
      appears: 'secondName',
    },
  ],
  [
    'squashed: a row added',
    {
      seed: '003',
      from: 'emailformstringNoSearch by email address - exact match',
      to: 'emailformstringNoSearch by email address - exact match\nnickNameformstringNoNick name',
      members: ['nickName'],
      appears: 'nickName',
    },
  ],
  ['squashed: a row removed', { seed: '003', from: 'phoneNumberformstringNoSearch by phone number - exact match', to: '', members: ['phoneNumber'] }],
  [
    'squashed: a row renamed',
    {
      seed: '003',
      from: 'phoneNumberformstringNoSearch by phone number - exact match',
      to: 'mobileNumberformstringNoSearch by phone number - exact match',
      members: ['phoneNumber', 'mobileNumber'],
      appears: 'mobileNumber',
    },
  ],
  [
    'Python: a field added',
    {
      seed: '001',
      from: '    middle_name: Optional[str] = None',
      to: '    middle_name: Optional[str] = None\n    nick_name: Optional[str] = None',
      members: ['nickName', 'nick_name'],
      appears: 'nickName',
    },
  ],
  ['Python: a field removed', { seed: '001', from: '    middle_name: Optional[str] = None', to: '', members: ['middleName', 'middle_name'] }],
];

describe('one member edited in one table of one seed changes only that member', () => {
  const before = modelOf(seedFiles());
  const facts = factLines(before);
  const warned = warnings(before);

  it.each(EDITS)('%s', (_name, edit) => {
    const after = modelOf(edited(edit));
    const now = factLines(after);
    const changed = [...[...facts].filter((l) => !now.has(l)), ...[...now].filter((l) => !facts.has(l))];
    expect(changed.filter((l) => !mentions(l, edit.members))).toEqual([]);
    // An added or renamed member is in the model; a removed one may stay, when other sources still state it.
    if (edit.appears) expect(after.types.flatMap((t) => t.fields.map((f) => f.wireName))).toContain(edit.appears);
    const newWarnings = [...warnings(after)].filter((w) => !warned.has(w) && !mentions(w, edit.members));
    // A line removed or added moves the lines after it: only messages naming a place may differ by that.
    expect(newWarnings.filter((w) => !/\.txt:\d+/.test(w))).toEqual([]);
  });
});
