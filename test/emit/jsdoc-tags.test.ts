// Doc text never becomes a JSDoc tag: whatever the docs say, TypeScript finds in the generated
// files only the tags the generator writes (`@example`, with the example as its text).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../generator/config.js';
import { renderFiles } from '../../generator/generate.js';
import { modelOf, seedFiles } from '../helpers.js';

// Tags after spaces of several kinds (TypeScript starts a tag after any), at a line's start, and an e-mail (no tag).
const HOSTILE = '@deprecated first @param foo bar @returns x\u00a0@see y\u3000@throws z\n@example swallowed\t@internal ops@example.com';

/** Every JSDoc tag in a TypeScript file: `name text`. */
function tagsIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const tags: string[] = [];
  const visit = (node: ts.Node) => {
    for (const tag of ts.getJSDocTags(node)) tags.push(`${tag.tagName.text} ${ts.getTextOfJSDocComment(tag.comment) ?? ''}`);
    node.forEachChild(visit);
  };
  visit(source);
  return tags;
}

/** The seeds' model with hostile text in every place doc text reaches a JSDoc comment. */
function hostileModel() {
  const model = modelOf(seedFiles());
  for (const t of model.types) {
    t.description = `${t.name} ${HOSTILE}`;
    for (const f of t.fields) {
      f.description = HOSTILE;
      f.examples = f.closed ? f.examples : ['@deprecated', `x ${HOSTILE}`];
    }
  }
  for (const op of model.operations) {
    op.description = HOSTILE;
    op.auth.roles = ['@deprecated admin'];
    for (const r of op.routes) {
      r.summary = `summary ${HOSTILE}`;
      r.notes = 'notes ending in @example y';
    }
  }
  return model;
}

describe('doc text in JSDoc', () => {
  it('starts no tag: TypeScript finds only the generator’s @example tags, each with its example as text', async () => {
    const files = await renderFiles({ model: hostileModel(), config: DEFAULT_CONFIG });
    const tags = ['src/types.ts', 'src/validators.ts', 'src/client.ts', 'src/index.ts'].flatMap((f) => tagsIn(f, files.get(f)!));
    expect(tags.length).toBeGreaterThan(0);
    const escaped = HOSTILE.replace(/(?<![\p{L}\p{N}_])@/gu, '\\@');
    expect([...new Set(tags)].sort()).toEqual(['example \\@deprecated', `example x ${escaped}`]);
  });

  it('keeps what the generator says after doc text: "Requires authentication." is not swallowed by a note’s @example', async () => {
    const files = await renderFiles({ model: hostileModel(), config: DEFAULT_CONFIG });
    const client = files.get('src/client.ts')!;
    const source = ts.createSourceFile('client.ts', client, ts.ScriptTarget.Latest, true);
    const docs: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isMethodDeclaration(node) && node.name.getText(source) === 'exportCustomer')
        for (const doc of ts.getJSDocCommentsAndTags(node)) if (ts.isJSDoc(doc)) docs.push(ts.getTextOfJSDocComment(doc.comment) ?? '');
      node.forEachChild(visit);
    };
    visit(source);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toContain('notes ending in \\@example y');
    expect(docs[0]).toMatch(/Requires authentication \(roles: \\@deprecated admin\)\.$/);
  });
});
