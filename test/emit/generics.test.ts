/**
 * The generated package for generic types: generic interfaces used with their arguments, one
 * validator and one OpenAPI schema per use whose members depend on the arguments, the client's
 * response typed as the use; and a member redeclared with a type its base does not admit (SS083)
 * still compiles. Every package compiles under tsc --strict and its validators run.
 */
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../generator/read/input.js';
import { modelOf } from '../helpers.js';
import { importGenerated, openApiProblems, renderAll, sourcesOf, writeTree } from '../hostile/harness.js';
import { AUTOQUERY_PAGES } from '../model/autoquery-pages.js';
import { languageTabPage } from '../read/html-fixtures.js';
import { strictDiagnostics } from './compile.js';

interface Schema {
  is(v: unknown): boolean;
  validate(v: unknown, o?: { strict?: boolean }): { message: string; path: (string | number)[] }[];
}

async function generated(pages: InputFile[]) {
  const { files } = await renderAll(pages);
  const out = writeTree(files, 'booster-generics-');
  return { files, out, module: await importGenerated(out) };
}

const schema = (module: Record<string, unknown>, name: string) => module[name] as Schema;
const comment = { id: 1, postId: 7, content: 'Nice', createdDate: '/Date(1700000000000)/', replyCount: null };

describe('AutoQuery package', async () => {
  const { files, out, module } = await generated(AUTOQUERY_PAGES);
  const types = files.get('src/types.ts')!;

  it('compiles under tsc --strict', () => {
    expect(strictDiagnostics(sourcesOf(out))).toEqual([]);
  });

  it('declares the generic types as generics and uses them with their arguments', () => {
    expect(types).toContain('export interface QueryResponse<T = unknown> {');
    expect(types).toContain('  results?: T[] | null;'); // a response's optional member may come as null
    expect(types).toContain('export interface QueryDb<T = unknown> extends QueryBase {}');
    expect(types).toContain('export interface QueryPostComments extends QueryDb<PostComment> {');
    expect(types).toContain('QueryPostComments: { request: QueryPostComments; response: QueryResponse<PostComment> };');
    expect(files.get('src/client.ts')).toContain('Promise<T.QueryResponse<T.PostComment>>');
  });

  it("validates QueryResponse<PostComment>'s results as PostComments", () => {
    const response = schema(module, 'QueryResponse_PostCommentSchema');
    const valid = { offset: 0, total: 1, results: [comment], meta: { a: 'b' } };
    expect(response.is(valid)).toBe(true);
    expect(response.validate(valid)).toEqual([]);
    const invalid = { offset: 0, total: 1, results: [comment, { ...comment, id: 'one', createdDate: 'yesterday' }] };
    expect(response.is(invalid)).toBe(false);
    expect(response.validate(invalid).map((i) => [i.path.join('.'), i.message])).toEqual([
      ['results.1.id', 'expected an integer from -2147483648 to 2147483647'],
      ['results.1.createdDate', 'expected an ISO 8601 date or /Date(ms)/'],
    ]);
    // The generic type alone holds anything as T.
    expect(schema(module, 'QueryResponseSchema').is(invalid)).toBe(true);
  });

  it('validates the request through its generic base', () => {
    const request = schema(module, 'QueryPostCommentsSchema');
    expect(request.is({ postId: 7, skip: 10, take: 5, orderBy: 'id' })).toBe(true);
    expect(request.validate({ postId: 7, skip: 'ten' }).map((i) => i.path.join('.'))).toEqual(['skip']);
  });

  it('has one OpenAPI schema per use, named after it, and valid OpenAPI', async () => {
    const doc = JSON.parse(files.get('openapi.json')!) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown>; allOf?: unknown[] }> };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.components.schemas.QueryResponse_PostComment!.properties!.results).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/PostComment' },
    });
    expect(doc.components.schemas.QueryResponse!.properties!.results).toEqual({ type: 'array', items: {} });
    expect(JSON.stringify(doc.paths['/posts/{PostId}/comments'])).toContain('"$ref":"#/components/schemas/QueryResponse_PostComment"');
    expect(await openApiProblems(files.get('openapi.json')!)).toEqual([]);
  });
});

describe('user generics, two parameters, nested arguments', async () => {
  const page = languageTabPage(
    'g.csharp.html',
    'GetPosts',
    'csharp',
    [
      'public class GetPosts : IReturn<Paged<PostComment>> { public int Page { get; set; } }',
      'public class Paged<T> { public List<T> Items { get; set; } public int Total { get; set; } public Paged<T> Next { get; set; } }',
      'public class PostComment { public int Id { get; set; } public DateTime At { get; set; } }',
    ].join('\n'),
  );
  const pages = [
    page,
    languageTabPage(
      'q.csharp.html',
      'QueryComments',
      'csharp',
      'public class QueryComments : QueryDb<PostComment, CommentView>, IReturn<QueryResponse<CommentView>> { }\npublic class CommentView { public string Text { get; set; } }',
    ),
    languageTabPage('d.csharp.html', 'GetGrouped', 'csharp', 'public class GetGrouped : IReturn<Paged<Dictionary<string, List<PostComment>>>> { }'),
  ];
  const { files, out, module } = await generated(pages);

  it('compiles under tsc --strict', () => {
    expect(strictDiagnostics(sourcesOf(out))).toEqual([]);
    expect(files.get('src/types.ts')).toContain('export interface QueryComments extends QueryDb<PostComment, CommentView> {}');
    expect(files.get('src/types.ts')).toContain('GetGrouped: { request: GetGrouped; response: Paged<Record<string, PostComment[]>> };');
  });

  it('checks each use with its arguments, a recursive one included', () => {
    const posts = schema(module, 'Paged_PostCommentSchema');
    expect(posts.is({ items: [{ id: 1 }], next: { items: [{ id: 2 }] } })).toBe(true);
    expect(posts.validate({ items: [{ id: 1 }], next: { items: [{ id: 'x' }] } }).map((i) => i.path.join('.'))).toEqual(['next.items.0.id']);
    const grouped = schema(module, 'Paged_Dictionary_string_List_PostCommentSchema');
    expect(grouped.is({ items: [{ a: [{ id: 1 }] }] })).toBe(true);
    expect(grouped.validate({ items: [{ a: [{ id: 1 }, { id: 1.5 }] }] }).map((i) => i.path.join('.'))).toEqual(['items.0.a.1.id']);
    expect(
      schema(module, 'QueryResponse_CommentViewSchema')
        .validate({ results: [{ text: 3 }] })
        .map((i) => i.path.join('.')),
    ).toEqual(['results.0.text']);
  });

  it("revives the dates of a use's members in the client", () => {
    expect(files.get('src/dates.ts')).toContain('export function datesOfPaged_PostComment(v: unknown): unknown {');
  });
});

describe('a member redeclared with a type its base does not admit (SS083)', async () => {
  const page = languageTabPage(
    's.csharp.html',
    'GetSub',
    'csharp',
    [
      'public class GetSub : IReturn<Sub> { }',
      'public class Base { public int Id { get; set; } public string Name { get; set; } }',
      'public class Sub : Base { public int? Id { get; set; } }',
    ].join('\n'),
  );
  const { files, out, module } = await generated([page]);

  it('leaves the base member out of the interface, says so, and compiles', () => {
    expect(files.get('src/types.ts')).toContain("export interface Sub extends Omit<Base, 'id'> {");
    expect(strictDiagnostics(sourcesOf(out))).toEqual([]);
    const model = modelOf([page]);
    expect(model.diagnostics.filter((d) => d.code === 'SS083').map((d) => [d.loc?.line, d.message])).toEqual([
      [
        page.text.split('\n').findIndex((l) => l.includes('class Sub')) + 1,
        "'Sub.Id' is int? (optional) but int (optional) in its base 'Base'; the generated 'Sub' leaves the base's 'id' out",
      ],
    ]);
  });

  it("validates by the subtype's member, not the base's", () => {
    const sub = schema(module, 'SubSchema');
    expect(sub.is({ id: null, name: 'x' })).toBe(true);
    expect(sub.validate({ id: 'x', name: 2 }).map((i) => i.path.join('.'))).toEqual(['id', 'name']);
    expect(schema(module, 'BaseSchema').is({ id: 1.5 })).toBe(false);
  });

  it("keeps its base's conditional rules, in the validator and the schema (they no longer come from the base's)", async () => {
    const ruled = languageTabPage(
      'r.csharp.html',
      'GetSub',
      'csharp',
      [
        'public class GetSub : IReturn<Sub> { }',
        'public class Base {',
        '  public int Id { get; set; }',
        '  [ApiMember(Description="Kind of request")] public string Kind { get; set; }',
        '  [ApiMember(Description="Reason, required when kind is \'Other\'")] public string Reason { get; set; }',
        '}',
        'public class Sub : Base { public int? Id { get; set; } }',
      ].join('\n'),
    );
    const { files: ruledFiles, module: ruledModule } = await generated([ruled]);
    const sub = schema(ruledModule, 'SubSchema');
    expect(sub.is({ id: null, kind: 'Other' })).toBe(false);
    expect(sub.validate({ id: null, kind: 'Other' }).map((i) => i.path.join('.'))).toEqual(['reason']);
    expect(sub.is({ id: null, kind: 'Other', reason: 'r' })).toBe(true);
    expect(sub.is({ id: null, kind: 'Plain' })).toBe(true);
    const subSchema = (JSON.parse(ruledFiles.get('openapi.json')!) as { components: { schemas: Record<string, { allOf?: object[] }> } }).components.schemas
      .Sub!;
    expect(subSchema.allOf).toContainEqual({ if: { properties: { kind: { const: 'Other' } }, required: ['kind'] }, then: { required: ['reason'] } });
  });

  it('a narrower redeclaration (int where the base has int?) needs nothing', () => {
    const narrow = languageTabPage(
      'n.csharp.html',
      'GetSub',
      'csharp',
      'public class GetSub : IReturn<Sub> { }\npublic class Base { public int? Id { get; set; } }\npublic class Sub : Base { public int Id { get; set; } }',
    );
    const model = modelOf([narrow]);
    expect(model.diagnostics.filter((d) => d.code === 'SS083')).toEqual([]);
  });
});
