import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFile } from '../../generator/file-compare.js';
import { forEachPiece, textOf, type FileContent } from '../../generator/file-content.js';
import { sha256 } from '../../generator/write-output.js';
import { tempDir } from '../temp-dirs.js';

/** Content handed over in pieces of `size` characters, as the model's JSON is. */
const streamed =
  (text: string, size: number): FileContent =>
  (write) => {
    for (let i = 0; i < text.length; i += size) write(text.slice(i, i + size));
  };

const BIG = 'x'.repeat((1 << 20) + 17); // more than one piece of the comparison

describe('compareFile', () => {
  // given: the file on disk (undefined: none); want: whether the new content differs
  const cases: { name: string; old: string | undefined; content: string; differs: boolean }[] = [
    { name: 'same text', old: 'a\nb\n', content: 'a\nb\n', differs: false },
    { name: 'no file on disk', old: undefined, content: 'a\n', differs: true },
    { name: 'a byte changed', old: 'a\nb\n', content: 'a\nc\n', differs: true },
    { name: 'longer', old: 'a\n', content: 'a\nb\n', differs: true },
    { name: 'shorter (a prefix of the old file)', old: 'a\nb\n', content: 'a\n', differs: true },
    { name: 'empty, over a file', old: 'a', content: '', differs: true },
    { name: 'empty, as the file', old: '', content: '', differs: false },
    { name: 'same, over several pieces', old: BIG, content: BIG, differs: false },
    { name: 'changed in a later piece', old: BIG, content: `${BIG.slice(0, -1)}y`, differs: true },
    { name: 'changed in the first piece only', old: BIG, content: `y${BIG.slice(1)}`, differs: true },
    { name: 'non-ASCII, same', old: 'é😀\n', content: 'é😀\n', differs: false },
  ];

  for (const c of cases)
    for (const [form, content] of [
      ['a string', c.content],
      ['streamed', streamed(c.content, c.content.length > 100 ? 4096 : 3)],
    ] as const)
      it(`${c.name} (${form}): differs ${c.differs}; staged only then, whole; hash of the content`, async () => {
        const dir = tempDir('booster-compare-');
        const current = path.join(dir, 'current');
        const staged = path.join(dir, 'staged');
        if (c.old !== undefined) writeFileSync(current, c.old);
        const result = await compareFile(content, current, { staged, hash: true });
        expect(result.differs).toBe(c.differs);
        expect(result.sha256).toBe(sha256(Buffer.from(c.content)));
        expect(existsSync(staged)).toBe(c.differs);
        if (c.differs) expect(readFileSync(staged, 'utf8')).toBe(c.content);
        // The comparison alone writes nothing and reads the same.
        expect((await compareFile(content, current)).differs).toBe(c.differs);
      });

  it('a folder where the file should be differs', async () => {
    const dir = tempDir('booster-compare-');
    expect((await compareFile('x', dir)).differs).toBe(true);
  });
});

describe('forEachPiece', () => {
  it('cuts a text into pieces of the size asked, never inside a surrogate pair', async () => {
    const text = `ab😀cd😀`;
    const pieces: string[] = [];
    await forEachPiece(text, 3, (p) => pieces.push(p));
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(Buffer.from(p).toString('utf8')).toBe(p); // each encodes on its own
    expect(pieces).toEqual(['ab😀', 'cd😀']);
  });

  it('joins the small pieces of a streamed text up to the size asked', async () => {
    const pieces: string[] = [];
    await forEachPiece(streamed('abcdefg', 1), 3, (p) => pieces.push(p));
    expect(pieces).toEqual(['abc', 'def', 'g']);
    expect(await textOf(streamed('abcdefg', 2))).toBe('abcdefg');
  });

  it('waits for a producer that writes asynchronously', async () => {
    const later: FileContent = async (write) => {
      for (const piece of ['ab', 'cd', 'e']) {
        await new Promise((resolve) => setImmediate(resolve));
        write(piece);
      }
    };
    const pieces: string[] = [];
    await forEachPiece(later, 4, (p) => pieces.push(p));
    expect(pieces).toEqual(['abcd', 'e']);
    expect(await textOf(later)).toBe('abcde');
  });

  it('hands an empty text over once, and an empty stream not at all', async () => {
    const pieces: string[] = [];
    await forEachPiece('', 3, (p) => pieces.push(p));
    await forEachPiece(
      () => {},
      3,
      (p) => pieces.push(p),
    );
    expect(pieces).toEqual(['']);
  });
});
